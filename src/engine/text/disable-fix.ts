// "Disable this rule here" as a fix, computed at lint time like every other fix,
// or for one finding from the text alone (the editor asks for the cursor's line
// only: building a model of a 1 MB document for it took over 100 ms).
// A comment line inside a table would end the table, so for a finding in a
// table the whole table is wrapped in disable/enable comments instead.
// Lines are walked by offset from the finding's line, so the cost is that of
// the lines looked at, not of the document.
import { lineBreakOf, LineIndex } from './lines';
import { scan } from './scan';
import type { DocumentModel, Fix, Position } from '../types';

const TABLE_LINE = /^\s*\|/;

/** Offset where the line starting at `start` ends (before its line break). */
function endOfLine(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Start of the line after the one starting at `start`, or undefined on the last line. */
function nextLine(text: string, start: number): number | undefined {
  const end = endOfLine(text, start);
  if (end === text.length) return undefined;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Start of the line before the one starting at `start`, or undefined on the first line. */
function previousLine(text: string, start: number): number | undefined {
  if (start === 0) return undefined;
  let i = start - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

const lineAt = (text: string, start: number) => text.slice(start, endOfLine(text, start));

const WHITE = /\s/;
/**
 * Where the white space that opens the line at `start` ends (its indent). Read a character
 * at a time, not by cutting the line out: a 100 KB paragraph line with thousands of findings
 * would otherwise be walked once per finding.
 */
function indentEnd(text: string, start: number): number {
  let i = start;
  for (let c = text.charCodeAt(i); i < text.length && c !== 10 && c !== 13 && WHITE.test(text[i]!); c = text.charCodeAt(++i));
  return i;
}

/** What the fixes depend on besides the finding's line; the lint knows it from its model, the editor works it out. */
interface Surroundings {
  text: string;
  nl: string;
  /** Where a file-level comment goes: after front matter, else after a byte-order mark. */
  insertAt: number;
  /** The start of the first line of content after `insertAt`, once asked. */
  firstContent?: number;
  /** Whether the document has a heading (then no finding is pinned to its first line of content). */
  hasHeadings: () => boolean;
  /** Table bounds found so far, by the start of each of their lines: one lint asks for every row of a long table. */
  tables?: Map<number, { first: number; endOfTable: number }>;
  /** A rule's "for this line" title and comment, made once per lint: a long page has thousands of findings. */
  lineWords?: Map<string, { title: string; comment: string }>;
}

/** The first line and the end of the table holding the line at `start`, walked once per table. */
function tableAround(s: Surroundings, start: number): { first: number; endOfTable: number } {
  const known = s.tables?.get(start);
  if (known) return known;
  const { text } = s;
  let first = start;
  for (let p = previousLine(text, first); p !== undefined && TABLE_LINE.test(lineAt(text, p)); p = previousLine(text, p)) first = p;
  let last = start;
  for (let n = nextLine(text, last); n !== undefined && TABLE_LINE.test(lineAt(text, n)); n = nextLine(text, n)) last = n;
  const bounds = { first, endOfTable: endOfLine(text, last) };
  if (s.tables) for (let at: number | undefined = first; at !== undefined && at <= last; at = nextLine(text, at)) s.tables.set(at, bounds);
  return bounds;
}

/** Start of the first line holding content after `at`, the line a heading-less document's own findings sit on. */
function firstContentLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  let start = i;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

function lineFix(s: Surroundings, ruleId: string, start: number): Fix {
  const { text, nl } = s;
  const indented = indentEnd(text, start);
  if (text.charCodeAt(indented) === 124) {
    const { first, endOfTable } = tableAround(s, start);
    return {
      title: `Disable ${ruleId} for this table`,
      kind: 'disable',
      edits: [
        { start: first, end: first, text: `<!-- outcome-lens-disable ${ruleId} -->${nl}` },
        { start: endOfTable, end: endOfTable, text: `${nl}<!-- outcome-lens-enable ${ruleId} -->` },
      ],
    };
  }
  s.firstContent ??= firstContentLine(text, s.insertAt);
  if (start === s.firstContent && !s.hasHeadings()) {
    // Without a heading, a document-level finding sits on the first line of content; a
    // comment above would become that first line and take the finding with it.
    const end = endOfLine(text, start);
    return {
      title: `Disable ${ruleId} for this line`,
      kind: 'disable',
      edits: [{ start: end, end, text: ` <!-- outcome-lens-disable-line ${ruleId} -->` }],
    };
  }
  const indent = text.slice(start, indented);
  let words = s.lineWords?.get(ruleId);
  if (!words) {
    words = { title: `Disable ${ruleId} for this line`, comment: `<!-- outcome-lens-disable-next-line ${ruleId} -->${nl}` };
    s.lineWords?.set(ruleId, words);
  }
  return { title: words.title, kind: 'disable', edits: [{ start, end: start, text: indent ? indent + words.comment : words.comment }] };
}

function fileFix(s: Surroundings, ruleId: string, frontMatter: boolean): Fix {
  return {
    title: `Disable ${ruleId} for this file`,
    kind: 'disable',
    edits: [
      {
        start: s.insertAt,
        end: s.insertAt,
        text: frontMatter ? `${s.nl}<!-- outcome-lens-disable-file ${ruleId} -->` : `<!-- outcome-lens-disable-file ${ruleId} -->${s.nl}`,
      },
    ],
  };
}

/** The "disable here" fixes for one lint, from its model. */
export function disablers(model: DocumentModel): { line(ruleId: string, line: number): Fix; file(ruleId: string): Fix } {
  const { text } = model;
  const surroundings: Surroundings = {
    text,
    nl: lineBreakOf(text),
    insertAt: model.frontMatter ? model.frontMatter.span.end : text.startsWith('\uFEFF') ? 1 : 0,
    hasHeadings: () => model.sections.length > 1,
    tables: new Map(),
    lineWords: new Map(),
  };
  // One file fix per rule, shared by its findings: it is the same for all of them.
  const files = new Map<string, Fix>();
  return {
    line: (ruleId, line) => lineFix(surroundings, ruleId, model.lineStart(line)),
    file: (ruleId) => {
      let fix = files.get(ruleId);
      if (!fix) files.set(ruleId, (fix = fileFix(surroundings, ruleId, model.frontMatter !== undefined)));
      return fix;
    },
  };
}

/** End of the front matter block, as the scan finds it, or undefined when the text has none. */
function frontMatterEnd(text: string): number | undefined {
  const opening = lineAt(text, 0).replace(/^\uFEFF/, '');
  if (opening !== '---' && opening !== '+++') return undefined;
  for (let at = nextLine(text, 0); at !== undefined; at = nextLine(text, at)) {
    const line = lineAt(text, at);
    if (line === opening || (opening === '---' && line === '...')) return at + line.length;
  }
  return undefined;
}

/**
 * The "disable here" fixes for a finding that crossed a thread without them, from
 * the text and the finding's start. The same fixes a lint would have attached.
 */
export function disableFixesAt(text: string, ruleId: string, start: Position): Fix[] {
  const frontMatter = frontMatterEnd(text);
  let headings: boolean | undefined;
  const surroundings: Surroundings = {
    text,
    nl: lineBreakOf(text),
    insertAt: frontMatter ?? (text.startsWith('\uFEFF') ? 1 : 0),
    // Only a finding on the first line of content asks, so the whole-document scan is rare.
    hasHeadings: () => (headings ??= scan(text, new LineIndex(text)).headings.length > 0),
  };
  return [lineFix(surroundings, ruleId, start.offset - (start.column - 1)), fileFix(surroundings, ruleId, frontMatter !== undefined)];
}
