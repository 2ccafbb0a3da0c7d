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
// them. Each entry is one line: the path, the key, and the result as JSON that
// is parsed only when that file's result is used (a pre-commit hook that names
// three files parses three). The whole file is checked with one hash and
// written only when this run has something it did not hold. It is ASCII (other
// characters as \u escapes): such bytes become a string several times faster
// than UTF-8 with a few curly quotes in it. A key hashes the file's bytes as
// read, so a hit never decodes them.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { rules, type Finding, type ResolvedConfig } from '../engine';
import { countFindings } from './report';
import type { FileOutcome } from './lint-file';

/** The cache file's name when --cache-location is not given, or names a folder. */
export const DEFAULT_CACHE_FILE = '.outcome-lens-cache';
/** Format 1 held each result as a JSON string with a checksum of its own; format 2 all entries as one JSON object. */
const FORMAT = 3;

type Cached = Extract<FileOutcome, { ok: true }>;

export interface CacheEntry {
  /** Hash of the file's bytes and the lint settings. */
  key: string;
  result: Cached;
}

/**
 * An entry as it is kept between reading and writing: its line of the cache
 * file as bytes, "path<TAB>key<TAB>summary<TAB>findings" with the path, the
 * Summary and the findings as JSON. Only the path and key are read up front;
 * the rest becomes text when the entry is used, and an entry this run does
 * not use is written back as the bytes it was read as.
 */
interface StoredEntry {
  key: string;
  line: Buffer;
}

const TAB = 9;
const NEWLINE = 10;

/** What a run needs of a cached result before its findings are printed. */
interface Summary {
  kind: Cached['kind'];
  kindReason: string;
  modelled: boolean;
  errors: number;
  warnings: number;
}

/** The cache file's first line; the entries follow it, one a line. */
interface Header {
  format: number;
  program: string;
  /** Hash of the bytes after the first line. */
  sum: string;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** JSON text with every character outside ASCII written as a \u escape. */
const ascii = (json: string) => json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

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
  /** The file's bytes as read (the text is a function of them). */
  bytes: Buffer;
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
function readEntries(bytes: Buffer, program: string): Map<string, StoredEntry> | undefined {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0) return undefined;
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header> | null;
  if (header?.format !== FORMAT || header.program !== program) return undefined;
  const body = bytes.subarray(newline + 1);
  // Not ASCII: not written by us, and Latin-1 would misread it.
  if (header.sum !== sha1(body) || !isAscii(body)) return undefined;
  const entries = new Map<string, StoredEntry>();
  for (let at = 0; at < body.length; ) {
    const end = body.indexOf(NEWLINE, at) + 1;
    const pathEnd = body.indexOf(TAB, at);
    const keyEnd = body.indexOf(TAB, pathEnd + 1);
    if (end === 0 || pathEnd < 0 || keyEnd < 0 || keyEnd >= end) return undefined;
    entries.set(JSON.parse(body.toString('latin1', at, pathEnd)) as string, { key: body.toString('latin1', pathEnd + 1, keyEnd), line: body.subarray(at, end) });
    at = end;
  }
  return entries;
}

function fileBytes(program: string, entries: Iterable<StoredEntry>): Buffer {
  const lines: Buffer[] = [];
  for (const entry of entries) lines.push(entry.line);
  const body = Buffer.concat(lines);
  const header: Header = { format: FORMAT, program, sum: sha1(body) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'latin1'), body]);
}

function storedEntry(path: string, key: string, result: Cached): StoredEntry {
  const { errors, warnings } = countFindings(result.findings);
  const summary: Summary = { kind: result.kind, kindReason: result.kindReason, modelled: result.modelled, errors, warnings };
  const line = `${JSON.stringify(path)}\t${key}\t${JSON.stringify(summary)}\t${JSON.stringify(result.findings)}\n`;
  return { key, line: Buffer.from(ascii(line), 'latin1') };
}

/** A cache file's bytes: the header line, then a line per entry (path as a JSON string, key, result as JSON, tab-separated). */
export function cacheFileBytes(program: string, entries: Record<string, CacheEntry>): Buffer {
  return fileBytes(program, Object.entries(entries).map(([path, { key, result }]) => storedEntry(path, key, result)));
}

export class LintCache {
  private readonly fresh = new Map<string, StoredEntry>();
  /** Hashes of config objects as JSON: each is shared by every file under it, and hashed once. */
  private readonly configHash = new WeakMap<ResolvedConfig, string>();
  /** Whether this run has a result the file does not hold (else writing it again changes nothing). */
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly program: string,
    private readonly old: Map<string, StoredEntry>,
  ) {}

  /** The cache at `file` for this program; empty when it is missing, unreadable, damaged or another program's. */
  static async open(file: string, program: string): Promise<LintCache> {
    let entries: Map<string, StoredEntry> | undefined;
    try {
      entries = readEntries(await readFile(file), program);
    } catch {
      // No cache yet, or one that cannot be read: every file is linted.
    }
    return new LintCache(file, program, entries ?? new Map());
  }

  key(parts: CacheKeyParts): string {
    let config = this.configHash.get(parts.config);
    if (config === undefined) this.configHash.set(parts.config, (config = sha1(JSON.stringify(parts.config))));
    const settings = JSON.stringify([parts.path, parts.relativePath, parts.kind ?? null]);
    return sha1(`${sha1(parts.bytes)}\n${settings}\n${config}`);
  }

  /**
   * The stored result for `path` under `key`, when there is a sound one. Its
   * findings are parsed from their JSON each time they are read, so a run
   * over thousands of cached files never holds all their findings at once.
   */
  get(path: string, key: string): Cached | undefined {
    const entry = this.old.get(path);
    if (entry?.key !== key) return undefined;
    const { line } = entry;
    const summaryAt = line.indexOf(TAB, line.indexOf(TAB) + 1) + 1;
    const findingsAt = line.indexOf(TAB, summaryAt) + 1;
    // The last byte is the newline.
    if (findingsAt === 0 || line[findingsAt] !== 0x5b || line[line.length - 2] !== 0x5d) return undefined;
    let summary: Partial<Summary> | null;
    try {
      summary = JSON.parse(line.toString('latin1', summaryAt, findingsAt - 1)) as Partial<Summary> | null;
    } catch {
      return undefined;
    }
    if (typeof summary?.errors !== 'number' || typeof summary.warnings !== 'number') return undefined;
    const { kind, kindReason, modelled, errors, warnings } = summary as Summary;
    return {
      ok: true,
      kind,
      kindReason,
      modelled,
      fixed: 0,
      counts: { errors, warnings },
      get findings() {
        return JSON.parse(line.toString('latin1', findingsAt, line.length - 1)) as Finding[];
      },
    };
  }

  /** Keeps a result for the next run; one that --fix wrote or tried to write is not kept (it describes the text before). */
  set(path: string, key: string, result: Cached): void {
    if (result.fixed || result.fixProblem) return;
    this.fresh.set(path, storedEntry(path, key, result));
    // The same key means the same text, settings and program, so the same result.
    if (this.old.get(path)?.key !== key) this.changed = true;
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
    const entries = new Map(this.old);
    for (const [path, entry] of this.fresh) entries.set(path, entry);
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, fileBytes(this.program, entries.values()));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  }
}
