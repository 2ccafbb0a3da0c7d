// Turning the paths a user typed (files, folders, globs) into Markdown files,
// and reading them. Problems come back as data naming the path and the cause,
// so callers can print one line per problem instead of a stack trace.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
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
  } else out.files.push(absolute);
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

export type DocumentRead = { binary: false; text: string } | { binary: true };

/**
 * Read a document as UTF-8 without its BOM. Text with NUL bytes is reported as
 * binary instead of being linted. Rejects with the file system's error.
 */
export async function readDocument(path: string): Promise<DocumentRead> {
  const bytes = await readFile(path);
  if (bytes.includes(0)) return { binary: true };
  return { binary: false, text: stripBom(bytes.toString('utf8')) };
}
