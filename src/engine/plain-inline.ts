// Inline content read as remark reads it, for the shapes product documents are written in:
// words, `**bold**` labels, `*emphasis*`, `code`, [links](https://...), and the marks that
// stand for themselves there ("R&D", "<10 min", "~5%", snake_case, "[TBD]"). A mark that could
// be read two ways, an escape, an entity, html, an image, a literal URL or strikethrough makes
// the reader decline, and the caller hands the text to remark.
import type { Paragraph, PhrasingContent } from 'mdast';
import { LineIndex } from './text/lines';

// Characters that can start inline Markdown (escapes, references, emphasis, code, links, html,
// literal links, strikethrough).
export const INLINE_MARK = /[\\`*_[\]<>!&~@]|www\.|:\/\//i;
// What GFM turns into a link when it stands in plain text.
const LITERAL_LINK = /www\.|:\/\/|@/i;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// What may follow a closing run; with a blank or an ending mark after it, it only closes.
const AFTER_CLOSE = /[ \n.,;:!?)"'/\u2013\u2014-]/;
// A character reference, which the parser decodes.
const REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;
const REFERENCE_HERE = new RegExp(`^${REFERENCE.source}`);
// A destination the parser takes as it stands: nothing it would split on, read as a title or
// decode (no escape, no character reference; a bare `&` in a query is kept).
const DESTINATION = /^[^\s()<>\\"'`[\]]+$/;

const count = (text: string, char: string) => {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++;
  return n;
};

/** Where a run of `char` starting at `at` ends. */
const runEnd = (text: string, at: number, char: string) => {
  let end = at;
  while (text[end] === char) end++;
  return end;
};

// Inside a pair of delimiters or a link's brackets: a mark that could pair, nest or open
// html, a character reference, or a line end.
const MARK_INSIDE = new RegExp(`[\\\\\`*_[\\]~\\n]|<[A-Za-z/!?]|${REFERENCE.source}`);

/** What a pair of delimiters or a link's brackets may hold: words that stand for themselves, not starting or ending with a blank. */
const plainInside = (inner: string) =>
  inner.length > 0 && inner[0] !== ' ' && inner[inner.length - 1] !== ' ' && !MARK_INSIDE.test(inner) && !LITERAL_LINK.test(inner);

/**
 * The paragraph remark makes of `text` (a paragraph's lines, none starting with a blank) when
 * every mark in it is one of the simple shapes, or undefined.
 */
export function readInline(text: string): Paragraph | undefined {
  if (text.includes('\n ') || text.endsWith('\n') || text.includes('\\')) return undefined;
  const lines = new LineIndex(text);
  const point = (offset: number) => lines.position(offset);
  const span = (start: number, end: number) => ({ start: point(start), end: point(end) });
  const children: PhrasingContent[] = [];
  let textFrom = 0;
  /** Ends the running text at `end`, joined to the text before it as the parser joins them; false when GFM would find a literal link in it. */
  const flush = (end: number) => {
    if (end === textFrom) return true;
    const value = text.slice(textFrom, end);
    if (LITERAL_LINK.test(value)) return false;
    const last = children[children.length - 1];
    if (last?.type === 'text' && last.position!.end.offset === textFrom - 1) {
      last.value += value;
      last.position!.end = point(end);
    } else children.push({ type: 'text', value, position: span(textFrom, end) });
    return true;
  };
  const inner = (start: number, end: number): PhrasingContent[] => [{ type: 'text', value: text.slice(start, end), position: span(start, end) }];
  // How many of each delimiter the text holds, counted once: a run that is all of them pairs with nothing.
  const totals = new Map<string, number>();
  const total = (char: string) => totals.get(char) ?? totals.set(char, count(text, char)).get(char)!;

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let node: PhrasingContent | undefined;
    let next = i + 1;
    switch (c) {
      case '`': {
        if (text[i + 1] === '`') return undefined;
        const close = text.indexOf('`', i + 1);
        if (close < 0 || text[close + 1] === '`') return undefined;
        let value = text.slice(i + 1, close);
        if (value.includes('\n')) return undefined;
        if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim()) value = value.slice(1, -1);
        node = { type: 'inlineCode', value, position: span(i, close + 1) };
        next = close + 1;
        break;
      }
      case '*':
      case '_': {
        const end = runEnd(text, i, c);
        const length = end - i;
        const before = text[i - 1];
        // A run with no other of its kind in the text pairs with nothing; `_` inside a word never opens or closes.
        if (total(c) === length || (c === '_' && before !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(text[end] ?? ''))) {
          next = end;
          break;
        }
        // An opening run after a blank only opens; a closing one before a blank or an ending mark only closes.
        if (length > 2 || (before !== undefined && before !== ' ' && before !== '\n')) return undefined;
        const close = text.indexOf(c.repeat(length), end);
        if (close < 0) return undefined;
        const after = text[close + length];
        if (!plainInside(text.slice(end, close)) || (after !== undefined && !AFTER_CLOSE.test(after))) return undefined;
        node = { type: length === 2 ? 'strong' : 'emphasis', children: inner(end, close), position: span(i, close + length) };
        next = close + length;
        break;
      }
      case '[': {
        const close = text.indexOf(']', i + 1);
        if (close < 0 || text[i + 1] === '^' || !plainInside(text.slice(i + 1, close))) return undefined;
        if (text[close + 1] !== '(') {
          // With no definition in the text, a label alone is read as the words it holds.
          next = close + 1;
          break;
        }
        const end = text.indexOf(')', close + 2);
        const url = end < 0 ? '' : text.slice(close + 2, end);
        if (!DESTINATION.test(url) || REFERENCE.test(url)) return undefined;
        node = { type: 'link', title: null, url, children: inner(i + 1, close), position: span(i, end + 1) };
        next = end + 1;
        break;
      }
      case ']':
        return undefined;
      case '!':
        if (text[i + 1] === '[') return undefined;
        break;
      case '<':
        if (/[A-Za-z/!?]/.test(text[i + 1] ?? '')) return undefined;
        break;
      case '&':
        if (REFERENCE_HERE.test(text.slice(i, i + 40))) return undefined;
        break;
      case ' ': {
        // Blanks at a line's end: dropped, or (two or more before a line end) a hard break.
        const end = runEnd(text, i, c);
        if (end < text.length && text[end] !== '\n') {
          next = end;
          break;
        }
        if (!flush(i)) return undefined;
        const hardBreak = end - i >= 2 && end < text.length;
        if (hardBreak) children.push({ type: 'break', position: span(i, end + 1) });
        textFrom = hardBreak ? end + 1 : end;
        i = textFrom;
        continue;
      }
      case '~': {
        // Strikethrough needs two runs; a lone one ("~5%") is a tilde.
        const end = runEnd(text, i, c);
        if (total(c) !== end - i) return undefined;
        next = end;
        break;
      }
    }
    if (node) {
      if (!flush(i)) return undefined;
      children.push(node);
      textFrom = next;
    }
    i = next;
  }
  if (!flush(text.length)) return undefined;
  return { type: 'paragraph', children, position: span(0, text.length) };
}
