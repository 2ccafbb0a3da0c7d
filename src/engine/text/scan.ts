// A single pass over the lines that finds what the model needs before any
// Markdown parse: front matter, fenced code, and headings (ATX and setext).
// Splitting at headings lets us parse sections lazily and cache them, which is
// what keeps a full lint near the cost of one parse and a re-lint far below it.
import type { Span } from '../types';
import type { LineIndex } from './lines';

export interface ScannedHeading {
  depth: number;
  /** Raw heading text (inline Markdown not yet stripped). */
  raw: string;
  /** First and last line (0-based) the heading occupies; setext headings span several. */
  firstLine: number;
  lastLine: number;
  /** Span of the text inside the heading. */
  titleSpan: Span;
}

export interface ScanResult {
  frontMatter: { span: Span; content: string; format: 'yaml' | 'toml' } | undefined;
  headings: ScannedHeading[];
  /** Fenced code blocks and front matter: places where prose rules do not look. */
  codeSpans: Span[];
}

// `[^]*`, not `.*`: a line may hold U+2028, which `.` stops at, and `$` would then backtrack.
export const ATX = /^( {0,3})(#{1,6})(?:[ \t]+|$)([^]*)$/;
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
export const COMMENT_OPEN = /^ {0,3}<!--/;
export const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
// Lines that cannot be the text of a setext heading: list items, quotes, tables, html.
export const NOT_PARAGRAPH = /^(?: {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<|#)|\s*$| {4,})/;

/** Offset in an ATX heading's text where its closing `#` run (and trailing blanks) begins. */
function closingAtxIndex(text: string): number {
  // "## Title ##": the closing run counts only when preceded by a space. A loop from the
  // end, not a regex: an unanchored `[ \t]+#+[ \t]*$` is quadratic on a long run of blanks.
  const isBlank = (i: number) => text[i] === ' ' || text[i] === '\t';
  let end = text.length;
  while (end > 0 && isBlank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end) return end;
  if (hashes === 0) return 0;
  if (!isBlank(hashes - 1)) return end;
  let blanks = hashes;
  while (blanks > 0 && isBlank(blanks - 1)) blanks--;
  return blanks;
}

/** How a scan keeps the strings it cuts out of the text (a later text's scan may take them over: see `rescan`). */
type Keep = (text: string) => string;
const asIs: Keep = (text) => text;

function frontMatterOf(text: string, lines: LineIndex, keep: Keep = asIs): ScanResult['frontMatter'] {
  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (first !== '---' && first !== '+++') return undefined;
  for (let l = 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (t === first || (first === '---' && t === '...')) {
      const content = keep(text.slice(lines.starts[1], lines.starts[l]));
      return { span: { start: 0, end: lines.lineEnd(l) }, content, format: first === '---' ? 'yaml' : 'toml' };
    }
  }
  return undefined;
}

/** When line `line` (its text `t`) opens an html comment block or a fenced code block: the line it ends on, and whether it is code. */
function blockFrom(lines: LineIndex, line: number, t: string): { last: number; code: boolean } | undefined {
  const count = lines.lineCount;
  // An HTML comment block (CommonMark type 2) runs to the line holding "-->": a heading
  // inside it is commented out, not a section. "<!-->" and "<!--->" close themselves.
  if (COMMENT_OPEN.test(t)) {
    let end = line;
    while (end < count && !lines.lineText(end).includes('-->', end === line ? t.indexOf('<!--') + 2 : 0)) end++;
    return { last: Math.min(end, count - 1), code: false };
  }
  const fence = FENCE_OPEN.exec(t);
  if (!fence || (fence[1]![0] === '`' && fence[2]!.includes('`'))) return undefined;
  const marker = fence[1]!;
  const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  let end = line + 1;
  while (end < count && !close.test(lines.lineText(end))) end++;
  return { last: Math.min(end, count - 1), code: true };
}

// Where a comment block or a fence may open (a match after U+2028, which `^` takes for a line
// start, is in a line that does not open with it, and is passed over).
const BLOCK_CANDIDATE = /^ {0,3}(?:<!--|`{3}|~{3})/gm;

/**
 * The last of `scan`'s code spans, found by jumping from one line that may open a block to the
 * next instead of reading every line: a code action asks for it on each cursor move.
 */
export function lastCodeSpan(text: string, lines: LineIndex): Span | undefined {
  const frontMatter = frontMatterOf(text, lines);
  let last = frontMatter?.span;
  const candidate = new RegExp(BLOCK_CANDIDATE);
  candidate.lastIndex = frontMatter ? (lines.starts[lines.lineOf(frontMatter.span.end) + 1] ?? text.length) : 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const at = m.index;
    const line = lines.lineOf(at);
    const block = blockFrom(lines, line, lines.lineText(line));
    if (!block) continue;
    if (block.code) last = { start: at, end: lines.lineEnd(block.last) };
    if (block.last + 1 >= lines.lineCount) break;
    candidate.lastIndex = lines.starts[block.last + 1]!;
  }
  return last;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isSpaceOrTab = (code: number) => code === 32 || code === 9;

/** What a line surely is, read from its first characters: see `settledLine`. */
export type SettledLine = 'ends-paragraph' | 'paragraph-text' | undefined;

// First characters that may open a block or a heading, or end a paragraph: < ` ~ # = - * + > |.
const MAY_OPEN = new Set([..."<`~#=-*+>|"].map((c) => c.charCodeAt(0)));
const UNICODE_SPACE = /\s/;

/**
 * What the line from `start` to `end` surely is, without slicing it out or running the line
 * patterns above: a line that opens no block and no heading and ends any paragraph before it
 * (blank, indented, a table row, a quote, a list item with text), a line of paragraph text
 * (one that starts with a character no pattern starts with, "**Bold**" and "+1" included), or
 * undefined when the patterns must decide. A test holds this to them.
 */
export function settledLine(text: string, start: number, end: number): SettledLine {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i === end || i - start >= 4) return 'ends-paragraph';
  const c = text.charCodeAt(i);
  if (c === 124 || c === 62) return 'ends-paragraph'; // | >
  const blankAfter = i + 1 < end && isSpaceOrTab(text.charCodeAt(i + 1));
  if (c === 42 || c === 43) return blankAfter ? 'ends-paragraph' : 'paragraph-text'; // * +: a list item, or text
  if (c === 45) {
    if (!blankAfter) return undefined; // "-", "---": the patterns decide
    // "- " with nothing after it may underline a setext heading.
    for (let j = i + 2; j < end; j++) if (!isSpaceOrTab(text.charCodeAt(j))) return 'ends-paragraph';
    return undefined;
  }
  if (c >= 48 && c <= 57) {
    // "12. " or "3) " is an ordered item; other digits ("2024 was busy") are text.
    let j = i;
    while (j < end && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const mark = text.charCodeAt(j);
    return j - i <= 9 && (mark === 46 || mark === 41) && j + 1 < end && isSpaceOrTab(text.charCodeAt(j + 1)) ? 'ends-paragraph' : 'paragraph-text';
  }
  if (MAY_OPEN.has(c)) return undefined;
  // A line that opens with a space of another kind (U+00A0, U+2028, a control) may be blank to the patterns.
  return c > 32 && c !== 127 && !UNICODE_SPACE.test(text[i]!) ? 'paragraph-text' : undefined;
}

export function scan(text: string, lines: LineIndex, keep: Keep = asIs): ScanResult {
  const headings: ScannedHeading[] = [];
  const codeSpans: Span[] = [];
  const frontMatter = frontMatterOf(text, lines, keep);
  let line = 0;
  if (frontMatter) {
    codeSpans.push(frontMatter.span);
    line = lines.lineOf(frontMatter.span.end) + 1;
  }
  scanFrom(text, lines, line, headings, codeSpans, keep);
  return { frontMatter, headings, codeSpans };
}

/**
 * Reads lines from `line` on (outside any block, after no paragraph) into `headings` and
 * `codeSpans`, until the end or until `resync` says, after a heading, that the rest is known.
 */
function scanFrom(text: string, lines: LineIndex, from: number, headings: ScannedHeading[], codeSpans: Span[], keep: Keep, resync?: (heading: ScannedHeading) => boolean): void {
  const count = lines.lineCount;
  let line = from;
  let paragraphStart = -1; // first line of the current paragraph, for setext headings
  for (; line < count; line++) {
    // Most lines are prose that starts with a letter: none of the patterns below can match
    // one, so it only goes on (or starts) a paragraph, without slicing it out of the text.
    const start = lines.starts[line]!;
    if (isAsciiLetter(text.charCodeAt(start))) {
      if (paragraphStart < 0) paragraphStart = line;
      continue;
    }
    const settled = settledLine(text, start, lines.lineEnd(line));
    if (settled === 'ends-paragraph') {
      paragraphStart = -1;
      continue;
    }
    if (settled === 'paragraph-text') {
      if (paragraphStart < 0) paragraphStart = line;
      continue;
    }
    const t = lines.lineText(line);
    const block = blockFrom(lines, line, t);
    if (block) {
      if (block.code) codeSpans.push({ start: lines.starts[line]!, end: lines.lineEnd(block.last) });
      line = block.last;
      paragraphStart = -1;
      continue;
    }
    const atx = ATX.exec(t);
    if (atx) {
      const body = atx[3]!;
      const raw = keep(body.slice(0, closingAtxIndex(body)).trim());
      const start = lines.starts[line]! + t.length - body.length;
      headings.push({
        depth: atx[2]!.length,
        raw,
        firstLine: line,
        lastLine: line,
        titleSpan: { start, end: start + raw.length },
      });
      if (resync?.(headings[headings.length - 1]!)) return;
      paragraphStart = -1;
      continue;
    }
    if (paragraphStart >= 0 && SETEXT.test(t)) {
      const startOffset = lines.starts[paragraphStart]!;
      const raw = keep(text.slice(startOffset, lines.lineEnd(line - 1)).trim());
      const firstText = lines.lineText(paragraphStart);
      const lead = firstText.length - firstText.trimStart().length;
      headings.push({
        depth: t.trim()[0] === '=' ? 1 : 2,
        raw,
        firstLine: paragraphStart,
        lastLine: line,
        titleSpan: { start: startOffset + lead, end: startOffset + lead + raw.length },
      });
      if (resync?.(headings[headings.length - 1]!)) return;
      paragraphStart = -1;
      continue;
    }
    if (NOT_PARAGRAPH.test(t)) paragraphStart = -1;
    else if (paragraphStart < 0) paragraphStart = line;
  }
}

/** The index of the first of `headings` (in order) starting on or after `line`. */
function headingFrom(headings: readonly ScannedHeading[], line: number): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.firstLine < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A scan and the lines it was made from, kept for the next text's `rescan`. */
export interface KeptScan {
  lines: LineIndex;
  result: ScanResult;
}

const FRONT_MATTER_OPENER = /^\uFEFF?(?:---|\+\+\+)$/;

/**
 * `scan(text, lines)`, made from the scan of an earlier text whose first `sameUntil`
 * characters, and whose characters from `sameFrom` on (counted in `text`), are `text`'s. After a
 * heading the reading holds no state, so the lines are read again from the last heading wholly
 * before the change, and only until a heading wholly after it is found where the earlier scan
 * found it: from there on the earlier scan's headings and code blocks are this one's, moved. A
 * keystroke in a 1 MB page read all of its 30,000 lines again; this reads its section.
 */
export function rescan(text: string, lines: LineIndex, previous: KeptScan, sameUntil: number, sameFrom: number, keep: Keep = asIs): ScanResult {
  const before = previous.result;
  // Front matter is decided by the first line and a closing line anywhere below it: a text that
  // opens as front matter does is read whole, unless its front matter ends before the change.
  const fmEnd = before.frontMatter?.span.end;
  if (fmEnd === undefined ? FRONT_MATTER_OPENER.test(lines.lineText(0)) : fmEnd >= sameUntil - 1) return scan(text, lines, keep);
  const firstChanged = lines.lineOf(Math.max(0, sameUntil - 1));
  // The last heading ending before the changed line: lines before that line are the same in both texts.
  let h = before.headings.length - 1;
  while (h >= 0 && before.headings[h]!.lastLine >= firstChanged) h--;
  if (h < 0) return scan(text, lines, keep);
  const restart = before.headings[h]!.lastLine + 1;
  const headings = before.headings.slice(0, h + 1);
  const restartAt = lines.starts[restart] ?? text.length;
  const codeSpans = before.codeSpans.filter((span) => span.start < restartAt);
  const shift = text.length - previous.lines.text.length;
  const lineShift = lines.lineCount - previous.lines.lineCount;
  scanFrom(text, lines, restart, headings, codeSpans, keep, (found) => {
    const at = lines.starts[found.firstLine]!;
    if (at <= sameFrom) return false;
    const k = headingFrom(before.headings, found.firstLine - lineShift);
    const old = before.headings[k];
    if (!old || old.firstLine !== found.firstLine - lineShift || old.lastLine !== found.lastLine - lineShift || old.depth !== found.depth) return false;
    for (let i = k + 1; i < before.headings.length; i++) {
      const next = before.headings[i]!;
      headings.push({ depth: next.depth, raw: next.raw, firstLine: next.firstLine + lineShift, lastLine: next.lastLine + lineShift, titleSpan: { start: next.titleSpan.start + shift, end: next.titleSpan.end + shift } });
    }
    const resumeAt = at - shift;
    for (const span of before.codeSpans) if (span.start > resumeAt) codeSpans.push({ start: span.start + shift, end: span.end + shift });
    return true;
  });
  return { frontMatter: before.frontMatter, headings, codeSpans };
}
