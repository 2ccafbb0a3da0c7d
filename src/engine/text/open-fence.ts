// A code fence or an HTML comment that is never closed runs to the end of the
// document, so text inserted at the end lands inside it as code or as a comment.
// Fixes that insert there close it first.
import { LineIndex, lineBreakOf } from './lines';
import { lastCodeSpan } from './scan';
import type { TextEdit } from '../types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The unclosed fence that runs to the end of the text: where it starts and its marker. */
export function openFenceAtEnd(text: string): { start: number; marker: string } | undefined {
  const lines = new LineIndex(text);
  const last = lastCodeSpan(text, lines);
  if (!last || last.end < lines.lineEnd(lines.lineCount - 1)) return undefined;
  const opener = FENCE.exec(lines.lineText(lines.lineOf(last.start)));
  if (!opener) return undefined; // front matter
  const marker = opener[1]!;
  const lastLine = lines.lineOf(last.end);
  if (lastLine > lines.lineOf(last.start)) {
    const closing = lines.lineText(lastLine).trim();
    if (closing.length >= marker.length && [...closing].every((c) => c === marker[0])) return undefined;
  }
  return { start: last.start, marker };
}

/** Where an HTML comment block that is never closed starts (CommonMark: it then runs to the end). */
export function openCommentAtEnd(text: string): number | undefined {
  const lastClose = text.lastIndexOf('-->');
  const opener = /^ {0,3}<!--/gm;
  opener.lastIndex = lastClose < 0 ? 0 : lastClose + 3;
  return opener.exec(text)?.index;
}

export interface OpenBlock {
  start: number;
  /** What closes it: the fence's marker, or `-->`. */
  closer: string;
}

/** The unclosed fence or comment the text ends in. */
export function openBlockAtEnd(text: string): OpenBlock | undefined {
  const fence = openFenceAtEnd(text);
  if (fence) return { start: fence.start, closer: fence.marker };
  const comment = openCommentAtEnd(text);
  return comment === undefined ? undefined : { start: comment, closer: '-->' };
}

/**
 * The edits with a closing fence or comment put before each insertion that would land inside an
 * unclosed final one. `openAtEnd` lets a caller with several fixes of one text find that block once.
 */
export function closeOpenBlocksBeforeInserts(text: string, edits: readonly TextEdit[], openAtEnd: () => OpenBlock | undefined = () => openBlockAtEnd(text)): TextEdit[] {
  if (!edits.some((e) => e.start === e.end)) return [...edits];
  const open = openAtEnd();
  if (!open) return [...edits];
  const eol = lineBreakOf(text);
  return edits.map((e) => {
    if (e.start !== e.end || e.start <= open.start) return e;
    const before = text.slice(0, e.start);
    const lead = before === '' || before.endsWith('\n') || before.endsWith('\r') ? '' : eol;
    return { ...e, text: `${lead}${open.closer}${eol}${eol}${e.text.replace(/^(?:\r?\n|\r)+/, '')}` };
  });
}
