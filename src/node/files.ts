// Turning the paths a user typed (files, folders, globs) into Markdown files,
// and reading them. Problems come back as data naming the path and the cause,
// so callers can print one line per problem instead of a stack trace.
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;

/** Folders never searched: dependencies and version-control internals. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface PathProblem {
  /** The path as the user wrote it (or as found while searching). */
  path: string;
  cause: string;
}

export interface Expansion {
  /** Absolute paths, each once, in the order the inputs named them (folders sorted). */
  files: string[];
  problems: PathProblem[];
}

/** A short cause for a file system error, e.g. "permission denied (EACCES)". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function isMarkdownFile(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Walk {
  files: string[];
  problems: PathProblem[];
}

/**
 * Files under `root` whose path relative to it passes `accept`, sorted.
 * Symbolic links to files are followed, links to folders are not (no cycles).
 */
async function walk(root: string, accept: (relativePath: string) => boolean, maxDepth: number, out: Walk, depth = 1): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    out.problems.push({ path: root, cause: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && depth < maxDepth) await walk(path, accept, maxDepth, out, depth + 1);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile())) {
      if (accept(path)) out.files.push(path);
    }
  }
}

function specialFileKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file or folder';
}

async function expandOne(input: string, cwd: string): Promise<Walk> {
  const out: Walk = { files: [], problems: [] };
  const absolute = resolve(cwd, input);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    // A path that does not exist may be a glob; a literal file named "a[1].md" is taken as itself above.
    const scan = picomatch.scan(input);
    if (!scan.isGlob || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      out.problems.push({ path: input, cause: describeFsError(error) });
      return out;
    }
    return expandGlob(input, scan.base, scan.glob, cwd);
  }
  if (info.isDirectory()) {
    await walk(absolute, isMarkdownFile, Infinity, out);
    if (out.files.length === 0 && out.problems.length === 0) {
      out.problems.push({ path: input, cause: `folder contains no Markdown files (${MARKDOWN_EXTENSIONS.map((e) => `*${e}`).join(', ')})` });
    }
  } else if (info.isFile()) out.files.push(absolute);
  // Reading a pipe waits for a writer, a device such as /dev/zero never ends: refuse them unread.
  else out.problems.push({ path: input, cause: `not a regular file (${specialFileKind(info)}); only files and folders can be linted` });
  return out;
}

async function expandGlob(input: string, base: string, glob: string, cwd: string): Promise<Walk> {
  const out: Walk = { files: [], problems: [] };
  const root = resolve(cwd, base || '.');
  const matches = picomatch(glob);
  // Without `**` a glob cannot match deeper than its own number of segments.
  const depth = glob.includes('**') ? Infinity : glob.split('/').length;
  const rootInfo = await stat(root).catch(() => undefined);
  if (rootInfo?.isDirectory()) {
    await walk(root, (path) => matches(relative(root, path).split(sep).join('/')), depth, out);
  }
  if (out.files.length === 0 && out.problems.length === 0) out.problems.push({ path: input, cause: 'no files match this pattern' });
  return out;
}

/** Files named by `inputs` (files, folders searched for Markdown, globs), relative to `cwd`. */
export async function expandPaths(inputs: readonly string[], cwd: string): Promise<Expansion> {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: PathProblem[] = [];
  for (const input of inputs) {
    const found = await expandOne(input, cwd);
    problems.push(...found.problems);
    for (const file of found.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push(file);
    }
  }
  return { files, problems };
}

/** How a document's bytes became text, so a fixed text can be written back the same way. */
export interface DocumentEncoding {
  charset: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

export type DocumentRead =
  | { kind: 'text'; text: string; encoding: DocumentEncoding; /** False when the bytes were not valid in their charset (U+FFFD stands in). */ exact: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large'; bytes: number };

/**
 * Largest document read, in bytes. Far above any real product document, and low
 * enough that a stray log or dump is refused instead of filling memory.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** A document's bytes as text without its BOM: UTF-8, or UTF-16 when a BOM says so; text with NUL bytes is binary. */
export function decodeDocument(bytes: Buffer): Exclude<DocumentRead, { kind: 'too-large' }> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = bytes.subarray(2).toString('utf16le');
    return { kind: 'text', text, encoding: { charset: 'utf-16le', bom: true }, exact: bytes.length % 2 === 0 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16();
    return { kind: 'text', text: swapped.toString('utf16le'), encoding: { charset: 'utf-16be', bom: true }, exact: bytes.length % 2 === 0 };
  }
  // UTF-16 without a BOM, images, PDFs: text files have no NUL bytes.
  if (bytes.includes(0)) return { kind: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.subarray(bom ? 3 : 0).toString('utf8');
  const exact = !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes.subarray(bom ? 3 : 0));
  return { kind: 'text', text, encoding: { charset: 'utf-8', bom }, exact };
}

/** The bytes of `text` in the encoding it was read with (BOM included). */
export function encodeDocument(text: string, encoding: DocumentEncoding): Buffer {
  if (encoding.charset === 'utf-8') return Buffer.concat([Buffer.from(encoding.bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  const le = Buffer.from(text, 'utf16le');
  return encoding.charset === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}

/** A document's bytes, and the file's metadata as it was before they were read. */
export type DocumentBytes = { kind: 'bytes'; bytes: Buffer; info: Stats } | { kind: 'too-large'; bytes: number };

/** Where readDocumentBytes reads: one buffer for every file, so thousands of reads allocate (and fault in) no memory each. */
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/**
 * The bytes of a document, or too-large for a file over MAX_DOCUMENT_BYTES
 * (not read). The bytes are valid only until the next call: they live in a
 * buffer that is read into again, so a caller that keeps them copies them.
 * Synchronous: for the many small files of a lint run, a few system calls in a
 * row cost far less than as many round trips through libuv's threads. Only
 * regular files are read (a pipe or device could block or never end); the file
 * is opened non-blocking, so a named pipe without a writer is refused rather
 * than waited for. The metadata is taken before the read, so a change during
 * the read leaves it older than the bytes, never newer. Throws the file
 * system's error.
 */
export function readDocumentBytes(path: string): DocumentBytes {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw Object.assign(new Error(`not a regular file (${specialFileKind(info)})`), { code: 'ENOTREG' });
    if (info.size > MAX_DOCUMENT_BYTES) return { kind: 'too-large', bytes: info.size };
    // Up to the end of the file, not to the size fstat saw: a file that grows meanwhile is read whole.
    let length = 0;
    for (;;) {
      if (length === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafeSlow(scratch.length)]);
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_DOCUMENT_BYTES) return { kind: 'too-large', bytes: length };
    }
    return { kind: 'bytes', bytes: scratch.subarray(0, length), info };
  } finally {
    closeSync(fd);
  }
}

/** Read a document as text (see decodeDocument and readDocumentBytes). Rejects with the file system's error. */
export async function readDocument(path: string): Promise<DocumentRead> {
  // Decoding copies the bytes into a string, so the shared buffer is free again before anyone else reads.
  const read = readDocumentBytes(path);
  return read.kind === 'bytes' ? decodeDocument(read.bytes) : read;
}
