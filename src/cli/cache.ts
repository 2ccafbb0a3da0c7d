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
//   - the file is the one written: its first line carries a checksum of the
//     rest, so a truncated or hand-edited cache is empty, never a finding.
// Anything else (no file, bad JSON, another program) is an empty cache.
//
// Speed: a re-run over unchanged files should cost little more than reading
// them. The entries are one JSON document (not a JSON string per entry, which
// would be parsed twice and escaped on the way), checked with one hash, and
// the file is written only when this run has something it did not hold. It is
// ASCII (other characters as \u escapes): such bytes become a string several
// times faster than UTF-8 with a few curly quotes in it, and parse faster too.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { rules, type ResolvedConfig } from '../engine';
import type { FileOutcome } from './lint-file';

/** The cache file's name when --cache-location is not given, or names a folder. */
export const DEFAULT_CACHE_FILE = '.outcome-lens-cache';
/** Format 1 held each result as a JSON string with a checksum of its own. */
const FORMAT = 2;

type Cached = Extract<FileOutcome, { ok: true }>;

export interface CacheEntry {
  /** Hash of the text and the lint settings. */
  key: string;
  result: Cached;
}

/** The cache file's first line; the entries follow it as one JSON object. */
interface Header {
  format: number;
  program: string;
  /** Hash of the bytes after the first line. */
  sum: string;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/**
 * What the running program is: results of another version, rule set or build are
 * never reused. The bundle's own bytes cover a rebuilt engine with an unchanged version.
 */
export function programFingerprint(version: string, code = readFileSync(__filename)): string {
  const ruleSet = rules.map((r) => `${r.meta.id}:${r.meta.defaultSeverity}:${r.meta.kinds.join('+')}`).join(',');
  return sha1(`${version}\n${ruleSet}\n${sha1(code)}`);
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

/** The entries of a cache file's bytes, when they are this program's and whole. */
function readEntries(bytes: Buffer, program: string): Record<string, CacheEntry> | undefined {
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header> | null;
  if (header?.format !== FORMAT || header.program !== program) return undefined;
  const body = bytes.subarray(newline + 1);
  // Not ASCII: not written by us, and Latin-1 would misread it.
  if (header.sum !== sha1(body) || !isAscii(body)) return undefined;
  const entries = JSON.parse(body.toString('latin1')) as unknown;
  return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as Record<string, CacheEntry>) : undefined;
}

/** A cache file's bytes: the header line, then the entries as JSON with every character outside ASCII written as a \u escape. */
export function cacheFileBytes(program: string, entries: Record<string, CacheEntry>): Buffer {
  const json = JSON.stringify(entries).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const body = Buffer.from(json, 'latin1');
  const header: Header = { format: FORMAT, program, sum: sha1(body) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'latin1'), body]);
}

export class LintCache {
  private readonly fresh: Record<string, CacheEntry> = {};
  /** Config objects as JSON: each is shared by every file under it, and stringified once. */
  private readonly configJson = new WeakMap<ResolvedConfig, string>();
  /** Whether this run has a result the file does not hold (else writing it again changes nothing). */
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly program: string,
    private readonly old: Record<string, CacheEntry>,
  ) {}

  /** The cache at `file` for this program; empty when it is missing, unreadable, damaged or another program's. */
  static async open(file: string, program: string): Promise<LintCache> {
    let entries: Record<string, CacheEntry> | undefined;
    try {
      entries = readEntries(await readFile(file), program);
    } catch {
      // No cache yet, or one that cannot be read: every file is linted.
    }
    return new LintCache(file, program, entries ?? {});
  }

  key(parts: CacheKeyParts): string {
    let config = this.configJson.get(parts.config);
    if (config === undefined) this.configJson.set(parts.config, (config = JSON.stringify(parts.config)));
    const settings = `${JSON.stringify([parts.path, parts.relativePath, parts.kind ?? null])}\n${config}`;
    return sha1(`${sha1(parts.text)}\n${settings}`);
  }

  /** The stored result for `path` under `key`, when there is a sound one. */
  get(path: string, key: string): Cached | undefined {
    const entry = this.stored(path);
    if (entry?.key !== key) return undefined;
    const result = entry.result as Partial<Cached> | null | undefined;
    return result?.ok === true && Array.isArray(result.findings) ? (result as Cached) : undefined;
  }

  /** Keeps a result for the next run; one that --fix wrote or tried to write is not kept (it describes the text before). */
  set(path: string, key: string, result: Cached): void {
    if (result.fixed || result.fixProblem) return;
    this.fresh[path] = { key, result };
    // The same key means the same text, settings and program, so the same result.
    if (this.stored(path)?.key !== key) this.changed = true;
  }

  private stored(path: string): CacheEntry | undefined {
    return Object.hasOwn(this.old, path) ? this.old[path] : undefined;
  }

  /**
   * Writes the entries back with this run's results, unless the file already
   * holds every one of them; files this run did not name keep theirs (a
   * pre-commit hook lints a few files, CI all of them). Atomic: a temporary
   * file, then a rename. True when the file was written.
   */
  async save(): Promise<boolean> {
    if (!this.changed) return false;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, cacheFileBytes(this.program, { ...this.old, ...this.fresh }));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  }
}
