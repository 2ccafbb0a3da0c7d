// `outcome-lens lint`: paths -> files -> nearest config -> engine -> formatter
// -> exit code. Expected failures (bad options, missing or unreadable paths,
// configs that cannot be read or have errors) are printed on stderr and make
// exit code 2, as in ESLint and markdownlint-cli2, so a typo in a config fails
// CI; whatever could be read is still linted and reported.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { defaultConfig, type ResolvedConfig } from '../engine';
import { ConfigFinder, loadConfigFile, type LoadedConfig } from '../node/config-files';
import { decodeDocument, describeFsError, expandPaths, MAX_DOCUMENT_BYTES, readDocumentBytes, type DocumentBytes, type PathProblem } from '../node/files';
import { oneOf, parseCommandLine, stringOption, type ParsedArgs } from './args';
import { cacheFilePath, LintCache, programFingerprint } from './cache';
import { lintFile, wantsFix, type FileJob, type FileOutcome } from './lint-file';
import { autoConcurrency, LintPool, POOL_MIN_FILES } from './pool';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import { UsageError, type CliIo } from './io';
import { countFindings, displayPath, plural, posixRelative, type FileReport, type RunReport } from './report';

export const LINT_USAGE = `usage: outcome-lens lint [options] [PATH...]

Lints PRDs and business cases. A PATH is a file, a folder (searched for *.md and
*.markdown, skipping node_modules and .git) or a quoted glob such as "docs/**/*.md".
Default: the current folder.

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --kind KIND                   treat every file as this kind: auto, prd, business-case or okr
                                (default: from config, else auto)
  --config PATH                 use this config file for every file instead of the
                                nearest .outcome-lens.json / .outcome-lens.jsonc
  --max-warnings N              exit with 1 when there are more than N warnings
  --quiet                       report errors only
  --fix                         apply every automatic fix (what the editor's Fix All does),
                                write each changed file once, then report what is left
  --cache                       reuse the results of files that have not changed since the last
                                run with --cache (same text, config, kind, version and rules)
  --cache-location PATH         the cache file, or a folder to keep it in
                                (default: .outcome-lens-cache in the current folder)
  --concurrency auto|off|N      lint on N worker threads; auto (default) uses every core (this
                                thread and a worker per other core) when there are at least
                                ${POOL_MIN_FILES} files, off lints in one thread
  --no-color                    no colors (also when NO_COLOR is set or output is not a terminal)
  -h, --help                    show this help

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage problem, a path that could not be read (anything that is not a
regular file, such as a named pipe or a device, is refused unread) or a config with
errors (printed first; the files are still linted, with defaults for the broken part).
`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;
const KINDS = ['auto', 'prd', 'business-case', 'okr'] as const;

interface LintArgs {
  format: (typeof FORMATS)[number];
  kind: (typeof KINDS)[number] | undefined;
  config: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  fix: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  /** Worker threads, or 0 for none. */
  concurrency: number | 'auto';
  color: boolean;
  paths: string[];
}

function lintArgs(args: ParsedArgs, io: CliIo): LintArgs {
  const maxWarnings = stringOption(args, 'max-warnings');
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings: expected a whole number of at least 0, not "${maxWarnings}"`);
  }
  const concurrency = stringOption(args, 'concurrency') ?? 'auto';
  if (!/^(auto|off|[1-9]\d{0,2})$/.test(concurrency)) throw new UsageError(`--concurrency: expected auto, off or a number of threads from 1 to 999, not "${concurrency}"`);
  const cacheLocation = stringOption(args, 'cache-location');
  return {
    format: oneOf(args, 'format', FORMATS, 'stylish'),
    kind: args.values.kind !== undefined ? oneOf(args, 'kind', KINDS, 'auto') : undefined,
    config: stringOption(args, 'config'),
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    quiet: args.values.quiet === true,
    fix: args.values.fix === true,
    // Naming a cache file is asking for a cache.
    cache: args.values.cache === true || cacheLocation !== undefined,
    cacheLocation,
    concurrency: concurrency === 'auto' ? 'auto' : concurrency === 'off' ? 0 : Number(concurrency),
    // https://no-color.org: any non-empty NO_COLOR turns colors off.
    color: io.stdoutIsTTY && args.values['no-color'] !== true && !io.env.NO_COLOR,
    paths: args.positionals.length ? args.positionals : ['.'],
  };
}

function printConfigProblems(io: CliIo, loaded: LoadedConfig): void {
  const shown = displayPath(io.cwd, loaded.path);
  for (const p of loaded.problems) io.stderr(`${shown}:${p.line}:${p.column}: ${p.message}\n`);
}

/**
 * The nearest config for each folder. Each file is loaded, and its problems
 * printed, once; a config that cannot be read, or has problems, is reported
 * (and makes the exit code 2) and defaults apply for what is broken.
 */
class ConfigSource {
  private readonly finder = new ConfigFinder({ exists: (path) => stat(path).then((s) => s.isFile(), () => false) });
  private readonly loaded = new Map<string, Promise<LoadedConfig | undefined>>();

  constructor(
    private readonly io: CliIo,
    private readonly onProblem: (problem: PathProblem) => void,
    /** A config whose problems are already printed: counted, not printed again. */
    private readonly onInvalid: (problem: PathProblem) => void,
  ) {}

  /** The config for files in `folder`, and the folder its globs are relative to. */
  async forFolder(folder: string): Promise<{ config: ResolvedConfig; root: string }> {
    const path = await this.finder.find(folder);
    const loaded = path === undefined ? undefined : await this.load(path);
    return loaded ? { config: loaded.config, root: dirname(loaded.path) } : { config: defaultConfig(), root: this.io.cwd };
  }

  private load(path: string): Promise<LoadedConfig | undefined> {
    let entry = this.loaded.get(path);
    if (!entry) {
      entry = loadConfigFile(path).then(
        (loaded) => {
          printConfigProblems(this.io, loaded);
          if (loaded.problems.length) this.onInvalid({ path, cause: `config has ${plural(loaded.problems.length, 'error')}` });
          return loaded;
        },
        (error: unknown) => {
          this.onProblem({ path, cause: `cannot read config: ${describeFsError(error)}` });
          return undefined;
        },
      );
      this.loaded.set(path, entry);
    }
    return entry;
  }
}

/** The --config file: anything short of a readable JSON object stops the run; other problems are printed and returned. */
async function explicitConfig(io: CliIo, given: string): Promise<{ config: ResolvedConfig; root: string; problems: number }> {
  const path = resolve(io.cwd, given);
  let loaded: LoadedConfig;
  try {
    loaded = await loadConfigFile(path);
  } catch (error) {
    throw new UsageError(`${given}: cannot read config: ${describeFsError(error)}`);
  }
  if (loaded.unusable) {
    const first = loaded.problems[0];
    throw new UsageError(`${given}: invalid config${first ? ` (${first.line}:${first.column}: ${first.message})` : ''}`);
  }
  printConfigProblems(io, loaded);
  return { config: loaded.config, root: dirname(path), problems: loaded.problems.length };
}

/** Files read and queued for the pool ahead of the first unfinished one: bounds open files and memory. */
const READ_AHEAD = 64;

/** How one file ended: not read, skipped unlinted, or linted (or taken from the cache). */
type FileStep = { problem: string } | { skipped: string } | { outcome: FileOutcome };

export async function runLint(argv: readonly string[], io: CliIo, toolVersion: string): Promise<number> {
  const parsed = parseCommandLine(argv, {
    format: { type: 'string' },
    kind: { type: 'string' },
    config: { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    fix: { type: 'boolean' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    concurrency: { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const args = lintArgs(parsed, io);

  const problems: PathProblem[] = [];
  const report = (problem: PathProblem) => {
    const path = resolve(io.cwd, problem.path);
    io.stderr(`outcome-lens: ${isAbsolute(problem.path) ? displayPath(io.cwd, path) : problem.path}: ${problem.cause}\n`);
    problems.push({ path, cause: problem.cause });
  };
  const explicit = args.config === undefined ? undefined : await explicitConfig(io, args.config);
  if (explicit?.problems) problems.push({ path: resolve(io.cwd, args.config!), cause: `config has ${plural(explicit.problems, 'error')}` });
  const configs = new ConfigSource(io, report, (problem) => problems.push(problem));

  const expansion = await expandPaths(args.paths, io.cwd);
  expansion.problems.forEach(report);

  const files: FileReport[] = [];
  let warnings = 0;
  let errors = 0;
  const settle = (path: string, shown: string, step: FileStep) => {
    if ('problem' in step) return report({ path, cause: step.problem });
    if ('skipped' in step) return void files.push({ path, displayPath: shown, findings: [], skipped: step.skipped });
    const outcome = step.outcome;
    if (!outcome.ok) return report({ path, cause: `could not be linted (${outcome.error}); please report this` });
    if (outcome.fixProblem) io.stderr(`outcome-lens: ${shown}: ${outcome.fixProblem}\n`);
    const counts = outcome.counts ?? countFindings(outcome.findings);
    warnings += counts.warnings;
    errors += counts.errors;
    const quiet = args.quiet;
    // The engine builds no model for a file excluded by config; its reason then says so itself.
    const skipped = outcome.kind !== 'none' ? undefined : outcome.modelled ? `not a product document (${outcome.kindReason})` : outcome.kindReason;
    files.push({
      path,
      displayPath: shown,
      // Read when printed: a cached file's findings are parsed from their JSON only then.
      get findings() {
        return quiet ? outcome.findings.filter((f) => f.severity === 'error') : outcome.findings;
      },
      ...(skipped !== undefined ? { skipped } : {}),
      ...(outcome.fixed ? { fixed: outcome.fixed } : {}),
    });
  };

  const workers = args.concurrency === 'auto' ? autoConcurrency(expansion.files.length) : args.concurrency;
  // auto counts this thread as one of the cores: it lints beside its workers.
  const pool = workers > 0 ? new LintPool(workers, args.concurrency === 'auto') : undefined;
  const cache = args.cache ? await LintCache.open(await cacheFilePath(io.cwd, args.cacheLocation), programFingerprint(toolVersion)) : undefined;

  const lintOne = async (path: string, config: ResolvedConfig, root: string): Promise<FileStep> => {
    let read: DocumentBytes;
    try {
      read = readDocumentBytes(path);
    } catch (error) {
      return { problem: describeFsError(error) };
    }
    if (read.kind === 'too-large') return { problem: `file is ${(read.bytes / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB that are read` };
    const relativePath = posixRelative(root, path);
    const key = cache?.key({ path, bytes: read.bytes, relativePath, config, kind: args.kind });
    const cached = key === undefined ? undefined : cache!.get(path, key);
    if (cached && !(args.fix && wantsFix(cached.findings))) return { outcome: cached };
    const text = decodeDocument(read.bytes);
    if (text.kind === 'binary') return { skipped: 'binary file (contains NUL bytes; UTF-16 needs a byte-order mark)' };
    const job: FileJob = { path, read: text, relativePath, config, kind: args.kind, fix: args.fix };
    const outcome = await (pool ? pool.lint(job) : lintFile(job));
    if (key !== undefined && outcome.ok) cache!.set(path, key, outcome);
    return { outcome };
  };

  // Results are settled in file order whatever order the pool finishes them in, so output never depends on timing.
  const pending: Array<{ path: string; shown: string; step: Promise<FileStep> }> = [];
  try {
    for (const path of expansion.files) {
      const { config, root } = explicit ?? (await configs.forFolder(dirname(path)));
      const shown = displayPath(io.cwd, path);
      const step = lintOne(path, config, root);
      // In this thread each file is settled before the next is read, so stderr keeps its order.
      if (!pool) settle(path, shown, await step);
      else if (pending.push({ path, shown, step }) > READ_AHEAD) {
        const first = pending.shift()!;
        settle(first.path, first.shown, await first.step);
      }
    }
    for (const { path, shown, step } of pending) settle(path, shown, await step);
  } finally {
    await pool?.close();
  }
  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      io.stderr(`outcome-lens: ${displayPath(io.cwd, cache.file)}: cache not written: ${describeFsError(error)}\n`);
    }
  }

  const run: RunReport = { cwd: io.cwd, files, problems };
  if (args.format === 'json') io.stdout(formatJson(run));
  else if (args.format === 'sarif') io.stdout(formatSarif(run, toolVersion));
  else io.stdout(formatStylish(run, { color: args.color, quiet: args.quiet }));

  if (problems.length) return 2;
  if (errors) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`outcome-lens: ${plural(warnings, 'warning')} found, more than --max-warnings ${args.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}
