// `outcome-lens personas [--format json|text] [PATH...]`: lists the personas
// the chat would offer for the given workspace folders (or persona files), so
// authors can check their files from a terminal.
// Exit codes: 0 all files loaded, 1 some files were skipped, 2 usage error.

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { loadPersonas, locationGlob, PERSONA_LOCATIONS, type PersonaFile } from '../chat/personas/discovery';
import { readPersonaFile, readPersonaFiles } from '../chat/personas/node-files';
import { formatPersonaMessage, personaLabel, type Persona, type PersonaMessage } from '../chat/personas/persona';
import { ArgsProblem, parseCommandLine, stringOption, type ParsedArgs } from './args';

export interface PersonasCommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Folder that relative PATHs (and the default) are resolved against. */
  cwd: string;
}

const USAGE = `usage: outcome-lens personas [--format text|json] [PATH...]

Lists the personas found in each PATH (default: the current folder). A PATH is
a workspace folder, searched in ${PERSONA_LOCATIONS.map(locationGlob).join(', ')},
or a single persona file. Built-in personas are listed too.

Exit status: 0 all persona files loaded, 1 some were skipped, 2 usage error.
`;

type Format = 'text' | 'json';
type Args = { ok: true; format: Format; paths: string[]; help: boolean } | { ok: false; message: string };

const FORMAT_PROBLEM = "--format must be 'text' or 'json'";

function personasArgs(argv: readonly string[]): Args {
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandLine(argv, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  } catch (error) {
    if (!(error instanceof ArgsProblem)) throw error;
    // The personas command words its problems as it always has; --format is its only value.
    const message = { unknown: `unknown option '${error.option}'`, 'needs-value': FORMAT_PROBLEM, 'takes-no-value': error.message }[error.problem];
    return { ok: false, message };
  }
  const paths = parsed.positionals.length ? parsed.positionals : ['.'];
  if (parsed.values.help) return { ok: true, format: 'text', paths, help: true };
  const format = stringOption(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') return { ok: false, message: `${FORMAT_PROBLEM}, not '${format}'` };
  return { ok: true, format, paths, help: false };
}

/** Paths inside the working folder are shown relative to it, like the user typed them. */
function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

interface Report {
  personas: Persona[];
  errors: PersonaMessage[];
  info: PersonaMessage[];
}

function renderText(report: Report): { out: string; err: string } {
  const lines: string[] = [];
  for (const p of report.personas) {
    lines.push(`${personaLabel(p)} (${p.id})  ${p.source === 'builtin' ? 'built in' : `${p.source} [${p.format}]`}`);
    for (const problem of p.problems) lines.push(`    warning: ${problem}`);
  }
  for (const note of report.info) lines.push(`info: ${formatPersonaMessage(note)}`);
  const warnings = report.personas.reduce((n, p) => n + p.problems.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(report.personas.length, 'persona')}, ${plural(warnings, 'warning')}, ` +
      `${plural(report.errors.length, 'file')} skipped`,
  );
  const err = report.errors.map((e) => `error: ${formatPersonaMessage(e)}\n`).join('');
  return { out: `${lines.join('\n')}\n`, err };
}

function renderJson(report: Report): string {
  // Instructions are left out: authors check names and problems here, not whole prompts.
  const personas = report.personas.map(({ instructions: _instructions, ...rest }) => rest);
  return `${JSON.stringify({ personas, errors: report.errors, info: report.info }, null, 2)}\n`;
}

export async function runPersonasCommand(argv: string[], io: PersonasCommandIo): Promise<number> {
  const args = personasArgs(argv);
  if (!args.ok) {
    io.stderr(`outcome-lens personas: ${args.message} (see --help)\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }

  const targets: { absolute: string; isDirectory: boolean }[] = [];
  for (const path of args.paths) {
    const absolute = resolve(io.cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      io.stderr(`outcome-lens personas: no such file or folder: ${path}\n`);
      return 2;
    }
    targets.push({ absolute, isDirectory: info.isDirectory() });
  }

  const files: PersonaFile[] = [];
  const readErrors: PersonaMessage[] = [];
  const info: PersonaMessage[] = [];
  const shown = (m: PersonaMessage): PersonaMessage => ({ ...m, path: displayPath(io.cwd, m.path) });
  for (const target of targets) {
    const read = target.isDirectory ? await readPersonaFiles(target.absolute) : await readPersonaFile(target.absolute);
    files.push(...read.files.map((f) => ({ ...f, path: displayPath(io.cwd, f.path) })));
    readErrors.push(...read.errors.map(shown));
    if (target.isDirectory && read.files.length === 0 && read.errors.length === 0) {
      info.push({
        path: displayPath(io.cwd, target.absolute),
        message: `no persona files found (looked in ${PERSONA_LOCATIONS.map(locationGlob).join(', ')})`,
      });
    }
  }

  const loaded = loadPersonas(files);
  const report: Report = {
    personas: loaded.personas,
    errors: [...readErrors, ...loaded.errors],
    info: [...info, ...loaded.info],
  };
  if (args.format === 'json') {
    io.stdout(renderJson(report));
  } else {
    const { out, err } = renderText(report);
    io.stdout(out);
    if (err) io.stderr(err);
  }
  return report.errors.length > 0 ? 1 : 0;
}
