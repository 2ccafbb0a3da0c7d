// Where persona files live in a workspace, and how a set of files becomes
// the list of personas the chat offers. Pure: callers read the files (node:fs
// in the CLI, vscode.workspace.fs in the extension) and hand us the text.

import { BUILTIN_PERSONAS } from './builtin';
import { parsePersona } from './parse';
import type { Persona, PersonaFormat, PersonaMessage } from './persona';

export interface PersonaLocation {
  format: PersonaFormat;
  /** Folder relative to the workspace root, '/'-separated. */
  dir: string;
  /** What a file name must end with in that folder. */
  suffix: string;
}

/** The conventions we read, in precedence order (earlier wins on duplicate ids). */
export const PERSONA_LOCATIONS: readonly PersonaLocation[] = [
  { format: 'outcome-lens', dir: '.outcome-lens/personas', suffix: '.md' },
  { format: 'claude-agent', dir: '.claude/agents', suffix: '.md' },
  { format: 'vscode-agent', dir: '.github/agents', suffix: '.agent.md' },
  { format: 'vscode-chatmode', dir: '.github/chatmodes', suffix: '.chatmode.md' },
];

/** "dir/*suffix", e.g. ".github/agents/*.agent.md", for file watchers and finders. */
export function locationGlob(location: PersonaLocation): string {
  return `${location.dir}/*${location.suffix}`;
}

function locationOf(path: string): PersonaLocation | undefined {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = parts.pop() ?? '';
  const dir = parts.slice(-2).join('/');
  return PERSONA_LOCATIONS.find(
    (l) => l.dir === dir && file.length > l.suffix.length && file.toLowerCase().endsWith(l.suffix),
  );
}

/**
 * The format of a persona file from its path (relative or absolute, either
 * slash), or undefined when the path is not in one of the persona locations.
 */
export function classifyPersonaPath(path: string): PersonaFormat | undefined {
  return locationOf(path)?.format;
}

export interface PersonaFile {
  path: string;
  text: string;
  /** Defaults to the format of the path's location, or 'outcome-lens' outside them. */
  format?: PersonaFormat;
}

export interface PersonaLoad {
  /** Built-ins first (a workspace override takes the built-in's place), then workspace personas. */
  personas: Persona[];
  /** Files that could not be used; each names the file and the problem. */
  errors: PersonaMessage[];
  /** Worth knowing but not wrong, such as a file replacing a built-in persona. */
  info: PersonaMessage[];
}

function precedence(path: string): number {
  const location = locationOf(path);
  return location ? PERSONA_LOCATIONS.indexOf(location) : PERSONA_LOCATIONS.length;
}

/** Parses every file and merges the results with the built-in personas. */
export function loadPersonas(files: readonly PersonaFile[]): PersonaLoad {
  const builtins = BUILTIN_PERSONAS.map((p) => ({ ...p, problems: [...p.problems] }));
  const builtinIndex = new Map(builtins.map((p, i) => [p.id, i]));
  const result: PersonaLoad = { personas: builtins, errors: [], info: [] };
  const fromFiles = new Map<string, Persona>();
  const ordered = [...files].sort(
    (a, b) => precedence(a.path) - precedence(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  for (const file of ordered) {
    const parsed = parsePersona(file.path, file.text, file.format ?? classifyPersonaPath(file.path) ?? 'outcome-lens');
    if (!parsed.ok) {
      result.errors.push(parsed.error);
      continue;
    }
    const persona = parsed.persona;
    const earlier = fromFiles.get(persona.id);
    if (earlier) {
      // The same persona mirrored for two tools is normal; two files for one tool is a clash.
      const clash = earlier.format === persona.format;
      (clash ? result.errors : result.info).push({
        path: file.path,
        message: clash
          ? `persona id '${persona.id}' is already defined by ${earlier.source}; this file is skipped (give it a different 'name')`
          : `persona id '${persona.id}' is also defined by ${earlier.source}, which takes precedence; this file is not used`,
      });
      continue;
    }
    fromFiles.set(persona.id, persona);
    const slot = builtinIndex.get(persona.id);
    if (slot === undefined) {
      result.personas.push(persona);
    } else {
      result.personas[slot] = persona;
      result.info.push({ path: file.path, message: `replaces the built-in persona '${persona.id}'` });
    }
  }
  return result;
}
