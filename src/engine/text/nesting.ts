// How deeply list items and block quotes nest, estimated from the raw lines.
// remark's parse time grows much faster than linearly with nesting depth (400
// nested list levels take seconds), so sections past a limit are not parsed.
import type { Span } from '../types';

export const MAX_NESTING = 64;

/** Deepest list/quote nesting among lines in [start, end) outside `skip` spans. */
export function nestingDepth(text: string, start: number, end: number, skip: readonly Span[]): number {
  let deepest = 0;
  let i = start;
  const code = skip.filter((s) => s.end > start && s.start < end);
  while (i < end) {
    const inCode = code.some((s) => i >= s.start && i < s.end);
    let spaces = 0;
    let quotes = 0;
    let j = i;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 32) spaces++;
      else if (c === 9) spaces += 4;
      else if (c === 62) quotes++;
      else break;
    }
    const c = text[j];
    const listItem = c === '-' || c === '*' || c === '+' || (c !== undefined && c >= '0' && c <= '9');
    if (!inCode && (quotes > 0 || listItem)) deepest = Math.max(deepest, quotes + (listItem ? Math.floor(spaces / 2) + 1 : 0));
    // A lone CR ends a line too (documents from old tools), or a CR-only text would be one line.
    let nl = j;
    while (nl < end && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    i = nl >= end ? end : nl + 1;
  }
  return deepest;
}
