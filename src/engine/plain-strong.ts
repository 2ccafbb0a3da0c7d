// Inline content whose only Markdown is bold runs (`**Goal:** raise renewals`), read as remark
// reads it. Labels in bold are the commonest inline mark in product documents; text with any
// other mark, or a run whose delimiters could be read two ways, is left to remark.
import type { Paragraph, PhrasingContent } from 'mdast';
import { LineIndex } from './text/lines';

// Characters that can start inline Markdown (escapes, references, emphasis, code, links, html,
// literal links, strikethrough).
export const INLINE_MARK = /[\\`*_[\]<>!&~@]|www\.|:\/\//i;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// What may close a run: a word character, or a mark that ends a label or a figure.
const CLOSING_LAST = /[\p{L}\p{N}.:%)]/u;
// What may follow a closing run; with a blank or an ending mark after it, it only closes.
const AFTER_CLOSE = /[ \n.,;:!?)]/;

/**
 * The paragraph remark makes of `text` when it is plain text and `**bold**` runs that open
 * after a blank (or at the start) before a word character, and close after a word character
 * or a label's colon before a blank, an ending mark or the end; otherwise undefined.
 */
export function readStrongOnly(text: string): Paragraph | undefined {
  // Blanks at a line's end are stripped or make a hard break: left to remark.
  if (text.endsWith(' ') || text.includes(' \n')) return undefined;
  const parts = text.split('**');
  if (parts.length < 3 || parts.length % 2 === 0 || parts.some((part) => INLINE_MARK.test(part))) return undefined;
  const lines = new LineIndex(text);
  const point = (offset: number) => lines.position(offset);
  const children: PhrasingContent[] = [];
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      if (part) children.push({ type: 'text', value: part, position: { start: point(at), end: point(at + part.length) } });
      at += part.length;
      continue;
    }
    const before = text[at - 1];
    const after = text[at + 4 + part.length];
    const opens = (before === undefined || before === ' ' || before === '\n') && WORD_CHAR.test(part[0] ?? '');
    const closes = CLOSING_LAST.test(part[part.length - 1] ?? '') && (after === undefined || AFTER_CLOSE.test(after));
    if (!opens || !closes || part.includes('\n')) return undefined;
    const inner = at + 2;
    children.push({
      type: 'strong',
      children: [{ type: 'text', value: part, position: { start: point(inner), end: point(inner + part.length) } }],
      position: { start: point(at), end: point(inner + part.length + 2) },
    });
    at = inner + part.length + 2;
  }
  return { type: 'paragraph', children, position: { start: point(0), end: point(text.length) } };
}
