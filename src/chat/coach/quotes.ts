// Quoted passages in a persona's answer, found back in the document. Works on
// any answer, a model's included, so it tolerates what models do to a quote:
// different whitespace, case and punctuation, Markdown markup in the source
// (** _ ` | links) but not in the quote, a dropped or added word, an ellipsis
// for the part left out. Matching is on words, never characters: both sides are
// reduced to lower-case letter-and-digit runs, and the quote is aligned to the
// document with a small edit distance (semi-global, so it may start anywhere).

export interface FoundQuote {
  /** The quote as the answer wrote it, without its quotation marks. */
  quote: string;
  /** Offsets of the matched passage in the document, [start, end). */
  start: number;
  end: number;
  /** What the answer says about the passage: the sentence after the quote (see noteFor). */
  note: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Source text that is never prose: link destinations, HTML comments and tags.
const NOT_PROSE = /\]\([^)\n]*\)|<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^>\n]*>/g;

function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function tokenize(text: string, skip = false): Token[] {
  const excluded = skip ? [...text.matchAll(NOT_PROSE)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  const out: Token[] = [];
  let x = 0;
  for (const m of text.matchAll(WORD)) {
    while (x < excluded.length && excluded[x]![1] <= m.index) x++;
    if (x < excluded.length && excluded[x]![0] <= m.index) continue;
    out.push({ word: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** 0 for the same word, 0.5 for the same stem ("customer"/"customers", "launch"/"launched"), else 1. */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 2 && long.startsWith(short) ? 0.5 : 1;
}

function allowedCost(words: number): number {
  return words < 4 ? 0.5 : Math.max(1, words * 0.2);
}

/**
 * Which of several exact occurrences a quote means. Words such as "Total
 * registered users" can stand in the goals and again in the metrics table; a
 * review quotes the one Outcome Lens flagged, and a passage already placed for
 * an earlier quote is not placed twice.
 */
export interface Placement {
  /** Document ranges [start, end) the answer is likely about (the lint findings' passages). */
  preferred: readonly { start: number; end: number }[];
  /** Token indexes where earlier quotes of the same answer were placed. */
  used: Set<number>;
  /** The line the answer names right after this quote ("… (line 34)"), as a document range: it wins. */
  named?: { start: number; end: number };
}

/**
 * The exact occurrence to use: an unused one inside a flagged passage, the
 * passage that fits the quote most closely winning ("Total registered users"
 * flagged as a table cell beats the same words inside a longer flagged goal);
 * else the first unused one; else the first.
 */
function pickOccurrence(starts: readonly number[], m: number, doc: readonly Token[], placement: Placement | undefined): number {
  if (!placement || starts.length === 1) return starts[0]!;
  const unused = starts.filter((i) => !placement.used.has(i));
  const named = placement.named;
  const onNamedLine = named && starts.find((i) => doc[i]!.start >= named.start && doc[i]!.start < named.end);
  if (onNamedLine !== undefined) return onNamedLine;
  let best: { at: number; excess: number } | undefined;
  for (const i of unused) {
    const start = doc[i]!.start;
    const end = doc[i + m - 1]!.end;
    for (const r of placement.preferred) {
      if (!(start < r.end && end > r.start)) continue;
      const excess = Math.abs(r.end - r.start - (end - start));
      if (!best || excess < best.excess) best = { at: i, excess };
    }
  }
  return best?.at ?? unused[0] ?? starts[0]!;
}

/**
 * The best place for `quote` among doc[from..to): the lowest word edit distance
 * with a free start and end in the document, earliest on ties.
 */
function align(
  quote: readonly string[],
  doc: readonly Token[],
  from: number,
  to: number,
  placement?: Placement,
): { first: number; last: number; cost: number } | undefined {
  const m = quote.length;
  if (m === 0 || from >= to) return undefined;
  // Exact runs are the common case; find them without the quadratic table.
  const exact: number[] = [];
  outer: for (let i = from; i + m <= to; i++) {
    for (let j = 0; j < m; j++) if (doc[i + j]!.word !== quote[j]) continue outer;
    exact.push(i);
  }
  if (exact.length > 0) {
    const first = pickOccurrence(exact, m, doc, placement);
    return { first, last: first + m - 1, cost: 0 };
  }
  // cost[j]: best cost of aligning quote[0..j) to a document run ending just before
  // the current token; start[j]: the token that run begins at.
  let cost = Array.from({ length: m + 1 }, (_, j) => j);
  let start = new Array<number>(m + 1).fill(from);
  let best: { first: number; last: number; cost: number } | undefined;
  for (let i = from; i < to; i++) {
    const nextCost = new Array<number>(m + 1);
    const nextStart = new Array<number>(m + 1);
    nextCost[0] = 0;
    nextStart[0] = i + 1;
    for (let j = 1; j <= m; j++) {
      // Three ways to get here: match or substitute, skip a document word, skip a quote word.
      // On equal cost the earlier start wins: a quote's first word that differs is more
      // likely a paraphrase inside the passage than the passage starting one word later.
      let bestCost = cost[j - 1]! + substitution(quote[j - 1]!, doc[i]!.word);
      let bestStart = start[j - 1]!;
      for (const [c, st] of [
        [cost[j]! + 1, start[j]!],
        [nextCost[j - 1]! + 1, nextStart[j - 1]!],
      ] as const) {
        if (c < bestCost || (c === bestCost && st < bestStart)) {
          bestCost = c;
          bestStart = st;
        }
      }
      nextCost[j] = bestCost;
      nextStart[j] = bestStart;
    }
    cost = nextCost;
    start = nextStart;
    if (!best || cost[m]! < best.cost) best = { first: Math.min(start[m]!, i), last: i, cost: cost[m]! };
  }
  if (!best || best.cost > allowedCost(m)) return undefined;
  return best;
}

/** Where a quote sits in the document; an ellipsis splits it into parts that must follow each other. */
function locate(quote: string, text: string, doc: readonly Token[], minWords: number, placement?: Placement): { start: number; end: number } | undefined {
  const parts = quote
    .split(/\s*(?:\.{3}|…)\s*/)
    .map((p) => tokenize(p).map((t) => t.word))
    .filter((p) => p.length > 0);
  if (parts.reduce((n, p) => n + p.length, 0) < minWords) return undefined;
  let span: { start: number; end: number } | undefined;
  let from = 0;
  for (const part of parts) {
    // Later parts must come soon after the earlier ones, not anywhere in the document.
    // Only a quote's first part chooses among occurrences; the later parts follow it.
    const hit = align(part, doc, from, span ? Math.min(doc.length, from + part.length + 400) : doc.length, span ? undefined : placement);
    if (!hit) break;
    if (!span) placement?.used.add(hit.first);
    span = { start: span?.start ?? doc[hit.first]!.start, end: doc[hit.last]!.end };
    from = hit.last + 1;
  }
  return span && withEdges(quote, span, text);
}

/**
 * The span widened by punctuation the quote and the document share at its edges
 * ("≥20%", "(beta)"), and by emphasis or code marks hugging it ("**Launch**").
 */
function withEdges(quote: string, span: { start: number; end: number }, text: string): { start: number; end: number } {
  const lead = /^[^\p{L}\p{N}\s]+/u.exec(quote.trim())?.[0] ?? '';
  const tail = /[^\p{L}\p{N}\s.,;:!?]+$/u.exec(quote.trim())?.[0] ?? '';
  let { start, end } = span;
  for (let n = lead.length; n > 0; n--) {
    if (text.slice(start - n, start) === lead.slice(-n)) {
      start -= n;
      break;
    }
  }
  for (let n = tail.length; n > 0; n--) {
    if (text.slice(end, end + n) === tail.slice(0, n)) {
      end += n;
      break;
    }
  }
  while (start > 0 && /[*_`~]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[*_`~]/.test(text[end]!)) end++;
  return { start, end };
}

interface Candidate {
  quote: string;
  /** Offsets of the quote, marks included, in the answer. */
  at: number;
  after: number;
  block: boolean;
  /** Offset where the quote's paragraph ends in the answer. */
  paragraphEnd: number;
}

const QUOTED = /["“]([^"“”\n]+)["”]/g;

/** Blockquote paragraphs and inline quotes of an answer, outside code. */
function candidates(answer: string): Candidate[] {
  const out: Candidate[] = [];
  const lines = [...answer.matchAll(/[^\n]*(?:\n|$)/g)].filter((m) => m[0] !== '' || m.index < answer.length);
  let fence: string | undefined;
  let block: { start: number; end: number } | undefined;
  const closeBlock = () => {
    if (!block) return;
    const raw = answer.slice(block.start, block.end);
    const quoted = [...raw.matchAll(QUOTED)];
    if (quoted.length > 0) {
      for (const q of quoted) out.push({ quote: q[1]!.trim(), at: block.start + q.index, after: block.start + q.index + q[0].length, block: true, paragraphEnd: block.end });
    } else {
      // A blockquote without quotation marks: the whole paragraph is the quote.
      out.push({ quote: raw.replace(/^\s*>\s?/gm, ' ').trim(), at: block.start, after: block.end, block: true, paragraphEnd: block.end });
    }
    block = undefined;
  };
  for (const line of lines) {
    const text = line[0].replace(/\r?\n$/, '');
    const start = line.index;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      closeBlock();
      fence = marker;
      continue;
    }
    const quoteLine = /^\s{0,3}>/.test(text);
    if (quoteLine && /[\p{L}\p{N}]/u.test(text)) {
      block = block ? { start: block.start, end: start + text.length } : { start, end: start + text.length };
      continue;
    }
    closeBlock();
    if (quoteLine) continue;
    // Inline quotes, outside `code`.
    const masked = text.replace(/`[^`]*`/g, (c) => ' '.repeat(c.length));
    for (const q of masked.matchAll(QUOTED)) {
      out.push({ quote: text.slice(q.index + 1, q.index + q[0].length - 1).trim(), at: start + q.index, after: start + q.index + q[0].length, block: false, paragraphEnd: start + text.length });
    }
  }
  closeBlock();
  return out;
}

/** Markdown emphasis, code marks, list markers and spacing out of a note. */
function cleanNote(text: string): string {
  const clean = text
    .replace(/^\s*(?:>\s?|[-*+]\s+|\d+[.)]\s+)+/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 300 ? `${clean.slice(0, 299).trimEnd()}…` : clean;
}

/** The first sentence of `text`, ignoring periods inside quotes. */
function leadingSentence(text: string): string {
  const masked = text.replace(QUOTED, (q) => `"${'x'.repeat(q.length - 2)}"`);
  const end = /[.!?](?=\s|$)|\n/.exec(masked);
  return text.slice(0, end ? end.index + (end[0] === '\n' ? 0 : 1) : text.length);
}

/** The sentence that ends just before `offset`'s sentence starts, or the start of its line. */
function sentenceStart(answer: string, offset: number): number {
  const lineStart = answer.lastIndexOf('\n', offset - 1) + 1;
  const before = answer.slice(lineStart, offset).replace(QUOTED, (q) => `"${'x'.repeat(q.length - 2)}"`);
  const m = [...before.matchAll(/[.!?]\s+/g)].at(-1);
  return lineStart + (m ? m.index + m[0].length : 0);
}

/** The text after a quote, any quotes listed right after it ("A", "B" and "C") and a "(line N)" that places it. */
function skipListedQuotes(answer: string, from: number): number {
  const m = /^(?:\s*(?:,|and|or|&)?\s*["“][^"“”\n]*["”])*(?:\s*\(line \d{1,7}\))?/.exec(answer.slice(from));
  return from + (m ? m[0].length : 0);
}

/** The first sentence of the prose after a blockquote, skipping blank lines and other quote lines. */
function nextProse(answer: string, from: number): string {
  const rest = answer.slice(from).split('\n');
  const index = rest.findIndex((line) => line.trim() !== '' && !/^\s{0,3}>/.test(line));
  if (index < 0) return '';
  return leadingSentence(rest.slice(index).join('\n'));
}

/**
 * What the answer says about a quote. A blockquote's note is the rest of its
 * paragraph, else the first sentence of the prose after it. An inline quote's
 * note is the sentence after it, when the quote ends a lead-in ("...": why);
 * when the quote sits inside a sentence, that whole sentence.
 */
function noteFor(answer: string, c: Candidate): string {
  const after = skipListedQuotes(answer, c.after);
  const rest = answer.slice(after, c.paragraphEnd).replace(/^\s*>\s?/gm, ' ');
  if (c.block) {
    const tail = rest.replace(/^[\s,;:.—–-]+/, '');
    return cleanNote(/[\p{L}\p{N}]/u.test(tail) ? leadingSentence(tail) : nextProse(answer, c.paragraphEnd));
  }
  const lead = /^\s*[:—–-]\s*/.exec(rest);
  if (lead) return cleanNote(leadingSentence(rest.slice(lead[0].length)));
  const start = sentenceStart(answer, c.at);
  const before = answer.slice(start, c.at);
  const continues = /^\s*[\p{L}\p{N}(]/u.test(rest);
  if (continues || before.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 3) {
    return cleanNote(before + answer.slice(c.at, after) + leadingSentence(rest));
  }
  const next = rest.replace(/^[^\p{L}\p{N}]*?[.!?]?\s+/u, '');
  return cleanNote(leadingSentence(next || nextProse(answer, c.paragraphEnd)));
}

// "(line 34)" or ", line 34" right after a quote: where the answer says the passage is.
const LINE_NAMED = /^["”]?\s*[(,]?\s*(?:on\s+)?line\s+(\d{1,7})\b/i;

/** The document range of the line an answer names right after a quote, if any. */
function namedLine(answer: string, after: number, documentText: string): { start: number; end: number } | undefined {
  const m = LINE_NAMED.exec(answer.slice(after, after + 30));
  if (!m) return undefined;
  let start = 0;
  for (let line = 1; line < Number(m[1]); line++) {
    const next = documentText.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = documentText.indexOf('\n', start);
  return { start, end: end < 0 ? documentText.length : end };
}

/**
 * The quoted passages of `answer` that can be found in `documentText`, in the
 * order the answer quotes them, each passage once. Quotes in code are ignored;
 * inline quotes need two words at least (one word is too common to place).
 * `preferred` are the ranges the review is likely about (the lint findings):
 * words that occur more than once are placed there first.
 */
export function findQuotes(answer: string, documentText: string, preferred: readonly { start: number; end: number }[] = []): FoundQuote[] {
  const doc = tokenize(documentText, true);
  const seen = new Set<string>();
  const out: FoundQuote[] = [];
  const placement: Placement = { preferred, used: new Set() };
  for (const c of candidates(answer)) {
    placement.named = namedLine(answer, c.after, documentText);
    const span = locate(c.quote, documentText, doc, c.block ? 1 : 2, placement);
    if (!span) continue;
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ quote: c.quote, start: span.start, end: span.end, note: noteFor(answer, c) });
  }
  return out;
}
