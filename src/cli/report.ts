// What a lint run found, in the shape every output format reads.
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../engine';
import type { PathProblem } from '../node/files';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Relative to the working folder with '/' separators, or absolute when outside it. */
  displayPath: string;
  /** A cached file's findings are parsed anew each time this is read (they stay JSON until printed): read it once per use. */
  readonly findings: Finding[];
  /** Why the file was not linted, when it was not. */
  skipped?: string;
  /** How many findings `--fix` removed from the file (findings then are what is left). */
  fixed?: number;
}

export interface RunReport {
  cwd: string;
  files: FileReport[];
  /** Paths that could not be searched or read (already reported on stderr). */
  problems: PathProblem[];
}

/** `path` relative to `from`, with '/' separators ('..' when outside it). */
export function posixRelative(from: string, path: string): string {
  const rel = relative(from, path);
  return isAbsolute(rel) ? rel : rel.split(sep).join('/');
}

/** How a path is shown: relative to the working folder when inside it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = posixRelative(cwd, path);
  return rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? path : rel;
}

/** ESLint's counting: errors are severity 2, warnings and info both severity 1. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Messages on one line, whatever a rule wrote. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}
