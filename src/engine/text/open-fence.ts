// A code fence that is never closed runs to the end of the document, so text
// inserted at the end lands inside it as code. Fixes that insert there close
// the fence first.
import { LineIndex, lineBreakOf } from './lines';
import { scan } from './scan';
import type { TextEdit } from '../types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The unclosed fence that runs to the end of the text: where it starts and its marker. */
export function openFenceAtEnd(text: string): { start: number; marker: string } | undefined {
  const lines = new LineIndex(text);
  const last = scan(text, lines).codeSpans.at(-1);
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

/** The edits with a closing fence put before each insertion that would land inside an unclosed final fence. */
export function closeFenceBeforeInserts(text: string, edits: readonly TextEdit[]): TextEdit[] {
  if (!edits.some((e) => e.start === e.end)) return [...edits];
  const fence = openFenceAtEnd(text);
  if (!fence) return [...edits];
  const eol = lineBreakOf(text);
  return edits.map((e) => {
    if (e.start !== e.end || e.start <= fence.start) return e;
    const before = text.slice(0, e.start);
    const lead = before === '' || before.endsWith('\n') || before.endsWith('\r') ? '' : eol;
    return { ...e, text: `${lead}${fence.marker}${eol}${eol}${e.text.replace(/^(?:\r?\n|\r)+/, '')}` };
  });
}
