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
const ATX = /^( {0,3})(#{1,6})(?:[ \t]+|$)([^]*)$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
// Lines that cannot be the text of a setext heading: list items, quotes, tables, html.
const NOT_PARAGRAPH = /^(?: {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<|#)|\s*$| {4,})/;

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

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

export function scan(text: string, lines: LineIndex): ScanResult {
  const headings: ScannedHeading[] = [];
  const codeSpans: Span[] = [];
  let frontMatter: ScanResult['frontMatter'];
  let line = 0;
  const count = lines.lineCount;

  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (first === '---' || first === '+++') {
    for (let l = 1; l < count; l++) {
      const t = lines.lineText(l);
      if (t === first || (first === '---' && t === '...')) {
        const span = { start: 0, end: lines.lineEnd(l) };
        const content = text.slice(lines.starts[1], lines.starts[l]);
        frontMatter = { span, content, format: first === '---' ? 'yaml' : 'toml' };
        codeSpans.push(span);
        line = l + 1;
        break;
      }
    }
  }

  let paragraphStart = -1; // first line of the current paragraph, for setext headings
  for (; line < count; line++) {
    // Most lines are prose that starts with a letter: none of the patterns below can match
    // one, so it only goes on (or starts) a paragraph, without slicing it out of the text.
    if (isAsciiLetter(text.charCodeAt(lines.starts[line]!))) {
      if (paragraphStart < 0) paragraphStart = line;
      continue;
    }
    const t = lines.lineText(line);
    // An HTML comment block (CommonMark type 2) runs to the line holding "-->": a heading
    // inside it is commented out, not a section. "<!-->" and "<!--->" close themselves.
    if (COMMENT_OPEN.test(t)) {
      let end = line;
      while (end < count && !lines.lineText(end).includes('-->', end === line ? t.indexOf('<!--') + 2 : 0)) end++;
      line = Math.min(end, count - 1);
      paragraphStart = -1;
      continue;
    }
    const fence = FENCE_OPEN.exec(t);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      const marker = fence[1]!;
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let end = line + 1;
      while (end < count && !close.test(lines.lineText(end))) end++;
      const last = Math.min(end, count - 1);
      codeSpans.push({ start: lines.starts[line]!, end: lines.lineEnd(last) });
      line = last;
      paragraphStart = -1;
      continue;
    }
    const atx = ATX.exec(t);
    if (atx) {
      const body = atx[3]!;
      const raw = body.slice(0, closingAtxIndex(body)).trim();
      const start = lines.starts[line]! + t.length - body.length;
      headings.push({
        depth: atx[2]!.length,
        raw,
        firstLine: line,
        lastLine: line,
        titleSpan: { start, end: start + raw.length },
      });
      paragraphStart = -1;
      continue;
    }
    if (paragraphStart >= 0 && SETEXT.test(t)) {
      const startOffset = lines.starts[paragraphStart]!;
      const raw = text.slice(startOffset, lines.lineEnd(line - 1)).trim();
      const firstText = lines.lineText(paragraphStart);
      const lead = firstText.length - firstText.trimStart().length;
      headings.push({
        depth: t.trim()[0] === '=' ? 1 : 2,
        raw,
        firstLine: paragraphStart,
        lastLine: line,
        titleSpan: { start: startOffset + lead, end: startOffset + lead + raw.length },
      });
      paragraphStart = -1;
      continue;
    }
    if (NOT_PARAGRAPH.test(t)) paragraphStart = -1;
    else if (paragraphStart < 0) paragraphStart = line;
  }
  return { frontMatter, headings, codeSpans };
}
