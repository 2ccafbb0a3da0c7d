// `lint --cache`: results of files whose text and lint settings have not
// changed since the last run are taken from a file instead of linted again
// (ESLint's and markdownlint-cli2's --cache, keyed by content rather than by
// modification time, so a fresh CI checkout still hits).
//
// Wrong cache contents must never give wrong findings, so a result is used only
// when everything that decides it is the same:
//   - the whole cache is for the same program: tool version, rule set (ids,
//     severities, kinds) and the code that is running (a hash of the bundle);
//   - each entry for the same file text, config, kind and path;
//   - each entry's result is the one written: a checksum covers it, so a
//     truncated or hand-edited entry is a miss, not a finding.
// Anything else (no file, bad JSON, another program) is an empty cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { rules, type ResolvedConfig } from '../engine';
import type { FileOutcome } from './lint-file';

/** The cache file's name when --cache-location is not given, or names a folder. */
export const DEFAULT_CACHE_FILE = '.outcome-lens-cache';
const FORMAT = 1;

type Cached = Extract<FileOutcome, { ok: true }>;

interface Entry {
  /** Hash of the text and the lint settings. */
  key: string;
  /** Hash of `result`, the outcome as JSON. */
  sum: string;
  result: string;
}

interface CacheFile {
  format: number;
  program: string;
  entries: Record<string, Entry>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * What the running program is: results of another version, rule set or build are
 * never reused. The bundle's own bytes cover a rebuilt engine with an unchanged version.
 */
export function programFingerprint(version: string, code = readFileSync(__filename)): string {
  const ruleSet = rules.map((r) => `${r.meta.id}:${r.meta.defaultSeverity}:${r.meta.kinds.join('+')}`).join(',');
  return sha1(`${version}\n${ruleSet}\n${createHash('sha1').update(code).digest('hex')}`);
}

/** The settings a file is linted with; any change in them is another key. */
export interface CacheKeyParts {
  path: string;
  text: string;
  relativePath: string;
  config: ResolvedConfig;
  kind: string | undefined;
}

/** Where the cache lives: a file, or `.outcome-lens-cache` in a folder that exists or is written with a trailing slash. */
export async function cacheFilePath(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || (await stat(path).then((s) => s.isDirectory(), () => false));
  return folder ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class LintCache {
  private readonly fresh: Record<string, Entry> = {};

  private constructor(
    readonly file: string,
    private readonly program: string,
    private readonly old: Record<string, Entry>,
  ) {}

  /** The cache at `file` for this program; empty when it is missing, unreadable or another program's. */
  static async open(file: string, program: string): Promise<LintCache> {
    let entries: Record<string, Entry> = {};
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile> | null;
      if (data?.format === FORMAT && data.program === program && typeof data.entries === 'object' && data.entries) entries = data.entries;
    } catch {
      // No cache yet, or one that cannot be read: every file is linted.
    }
    return new LintCache(file, program, entries);
  }

  key(parts: CacheKeyParts): string {
    const settings = JSON.stringify({ path: parts.path, relativePath: parts.relativePath, config: parts.config, kind: parts.kind ?? null });
    return sha1(`${sha1(parts.text)}\n${settings}`);
  }

  /** The stored result for `path` under `key`, when there is a sound one. */
  get(path: string, key: string): Cached | undefined {
    const entry = Object.hasOwn(this.old, path) ? this.old[path] : undefined;
    if (!entry || entry.key !== key || typeof entry.result !== 'string' || entry.sum !== sha1(entry.result)) return undefined;
    let result: Cached;
    try {
      result = JSON.parse(entry.result) as Cached;
    } catch {
      return undefined;
    }
    return result?.ok === true && Array.isArray(result.findings) ? result : undefined;
  }

  /** Keeps a result for the next run; one that --fix wrote or tried to write is not kept (it describes the text before). */
  set(path: string, key: string, result: Cached): void {
    if (result.fixed || result.fixProblem) return;
    const json = JSON.stringify(result);
    this.fresh[path] = { key, sum: sha1(json), result: json };
  }

  /**
   * Writes the entries back with this run's results; files this run did not name keep
   * theirs (a pre-commit hook lints a few files, CI all of them). Atomic: a
   * temporary file, then a rename.
   */
  async save(): Promise<void> {
    const data: CacheFile = { format: FORMAT, program: this.program, entries: { ...this.old, ...this.fresh } };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(data));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
