// Small text helpers shared by the coach's analysis and its quote finder:
// Markdown source to the plain words a reader sees, sentence boundaries, and
// quotations that stay on one line.

/** Markdown source of a line or cell as plain prose: no block markers, emphasis, links or HTML. */
export function plain(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>\n]*>/gi, ' ')
    .replace(/^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/\*+|`+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^\|\s*|\s*\|$/g, '')
    .trim();
}

/** Spans of the sentences in a text: up to . ! or ? followed by a space, or a line break. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) spans.push({ start: m.index + lead, end: m.index + m[0].trimEnd().length });
  }
  return spans;
}

/** The first sentence of a text, or '' when it has none. */
export function firstSentence(text: string): string {
  const span = sentenceSpans(text)[0];
  return span ? text.slice(span.start, span.end) : '';
}

const QUOTE_LIMIT = 140;

/**
 * Text made safe to put between double quotes in an answer: inner double
 * quotes become single ones (so a reader, or findQuotes, sees where the quote
 * ends), a closing full stop or comma goes (the sentence around the quote has
 * its own) and long passages are cut at a word with an ellipsis.
 */
export function quotable(text: string): string {
  const flat = text
    .replace(/["“”]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.)[.,;:]$/, '');
  if (flat.length <= QUOTE_LIMIT) return flat;
  const cut = flat.lastIndexOf(' ', QUOTE_LIMIT - 20);
  return `${flat.slice(0, cut > 40 ? cut : QUOTE_LIMIT - 20).replace(/[\s,;:.]+$/, '')}…`;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A passage mentioned without raising a concern: ‘single quotes’, which findQuotes leaves alone. */
export function mention(text: string): string {
  return `‘${quotable(text)}’`;
}

export function mentionList(items: readonly string[]): string {
  return andList(items.map(mention));
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`: passages the persona is worried about. */
export function quoteList(items: readonly string[]): string {
  return andList(items.map((item) => `"${quotable(item)}"`));
}

/** "1 finding", "3 findings". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A sentence made to continue another: "This is..." -> "this is...", but "I think" stays. */
export function lowerFirst(text: string): string {
  return /^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
