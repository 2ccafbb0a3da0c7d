// Markdown parsing with unified + remark. Sections are parsed one at a time and
// memoised by their text, so an edit re-parses only the section it touched.
import type { Node, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { asItIs, type Keep } from './memo/detached';
import { TextKeyedLru } from './memo/lru';
import { readPlainBlocks } from './plain-blocks';
import { lineFeeds } from './text/lines';

type FromMarkdownExtension = { transforms?: unknown[] } | FromMarkdownExtension[];
const withoutTransforms = (extension: FromMarkdownExtension): FromMarkdownExtension =>
  Array.isArray(extension) ? extension.map(withoutTransforms) : extension.transforms ? { ...extension, transforms: [] } : extension;

const remark = () => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const processor = remark().freeze();
// GFM finds literal URLs and e-mail addresses (www., http(s)://, an @) twice: its syntax tries
// an e-mail address at every letter and digit (most of the time GFM adds to a parse), and its
// one tree transform walks every text node. A text without those marks, or a character
// reference that could spell them, has none to find, and is parsed without either.
const LITERAL_LINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);
type SyntaxExtension = { text?: Record<string, unknown> };
function withoutLiteralLinkSyntax(extension: SyntaxExtension): SyntaxExtension {
  if (!extension.text) return extension;
  const text: Record<string, unknown[]> = {};
  for (const [code, constructs] of Object.entries(extension.text)) {
    const kept = ([] as unknown[]).concat(constructs).filter((c) => !LITERAL_LINK_CONSTRUCTS.has((c as { name?: string } | null)?.name ?? ''));
    if (kept.length > 0) text[code] = kept;
  }
  return { ...extension, text };
}
const withoutLiteralLinks = remark()
  .use(function dropLiteralLinks() {
    const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[]; micromarkExtensions?: SyntaxExtension[] };
    data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map(withoutTransforms);
    data.micromarkExtensions = data.micromarkExtensions?.map(withoutLiteralLinkSyntax);
  })
  .freeze();
const MAY_LINK_LITERALLY = /https?:\/\/|www\.|[@&]/i;
// unified's parse() wraps each text in a VFile (which asks the process for its working
// folder) before handing it to the parser; remark-parse reads the text alone, and a lint
// parses many small sections, so the parser is called directly.
const parsers = [processor, withoutLiteralLinks].map((p) => p.parser as unknown as (document: string) => Root);
const parse = (text: string): Root => parsers[MAY_LINK_LITERALLY.test(text) ? 0 : 1]!(text);

/**
 * micromark's GFM table resolver is quadratic in the number of cells, so a
 * table of thousands of rows takes minutes. Rows past the first batch are
 * parsed in batches of their own (behind a copy of the header) and appended to
 * the table with their positions moved to where they really are.
 */
const ROWS_PER_BATCH = 64;
const TABLE_ROW = /^ {0,3}\|/;
// Blanks between cells are one run each (a `\s*` on both sides of an optional `|` was quadratic).
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/;

interface LongTable {
  /** Line index of the header row. */
  header: number;
  /** One past the last row's line index. */
  end: number;
}

function findLongTables(lines: readonly string[]): LongTable[] {
  const tables: LongTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!TABLE_ROW.test(lines[i]!) || !DELIMITER_ROW.test(lines[i + 1]!)) continue;
    let end = i + 2;
    while (end < lines.length && TABLE_ROW.test(lines[end]!)) end++;
    if (end - (i + 2) > ROWS_PER_BATCH) tables.push({ header: i, end });
    i = end - 1;
  }
  return tables;
}

function shift(node: Node, offset: number, line: number): void {
  const p = node.position;
  if (p) {
    p.start = { ...p.start, line: p.start.line + line, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + line, offset: (p.end.offset ?? 0) + offset };
  }
  for (const child of (node as { children?: Node[] }).children ?? []) shift(child, offset, line);
}

function parseWithBatchedTables(text: string): Root {
  if (!text.includes('|')) return parse(text);
  const lines = text.split('\n');
  const tables = findLongTables(lines);
  if (tables.length === 0) return parse(text);

  const lineStart: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStart.push(at);
    at += l.length + 1;
  }
  // The main parse sees only each table's first batch; later rows become blank
  // lines of the same length, so every other offset stays where it is.
  const masked = lines.slice();
  for (const t of tables) for (let l = t.header + 2 + ROWS_PER_BATCH; l < t.end; l++) masked[l] = ' '.repeat(lines[l]!.length);
  const root = parse(masked.join('\n'));

  for (const t of tables) {
    const table = root.children.find((n): n is Table => n.type === 'table' && n.position?.start.line === t.header + 1);
    if (!table) continue;
    const head = `${lines[t.header]}\n${lines[t.header + 1]}\n`;
    for (let first = t.header + 2 + ROWS_PER_BATCH; first < t.end; first += ROWS_PER_BATCH) {
      const last = Math.min(first + ROWS_PER_BATCH, t.end);
      const batch = parse(head + lines.slice(first, last).join('\n'));
      const part = batch.children[0];
      if (part?.type !== 'table') break;
      for (const row of part.children.slice(1)) {
        shift(row, lineStart[first]! - head.length, first - 2);
        table.children.push(row);
      }
    }
    const lastRow = table.children[table.children.length - 1];
    if (table.position && lastRow?.position) table.position.end = { ...lastRow.position.end };
  }
  return root;
}

/** remark's tree for `text`; a section of simple blocks is read line by line into the same tree. */
export function parseMarkdown(text: string): Root {
  return readPlainBlocks(text, parse) ?? inPieces(text) ?? parseWithBatchedTables(text);
}

// A section the plain reader declines is often one nested list or one code block among plain
// paragraphs. It is cut where no block can go on: after a blank line, at a line that starts at
// the margin with a letter (a paragraph), outside any fence. A piece is then read on its own,
// by the plain reader where it can, and moved to where it stands. A text is left whole when
// what it holds could reach across a cut: link definitions (they serve the whole text), html
// at a line's start (a block that may hide a fence line or hold blank lines), and a fence
// line not at the margin (it may belong to a list item, and its closing line open a new fence).
const NOT_IN_PIECES = /\]:|^ {0,3}<|^ {1,3}(?:`{3}|~{3})/m;
const FENCE_LINE = /^(`{3,}|~{3,})([^]*)$/;

/** Where the pieces of `text` start (the first at 0), or undefined when it is not cut. */
function pieceStarts(text: string): number[] | undefined {
  // Front matter (a fence of --- or +++ opening the text) may hold blank lines too.
  if (text.includes('\r') || text.startsWith('---') || text.startsWith('+++') || NOT_IN_PIECES.test(text)) return undefined;
  const starts = [0];
  let fence: string | undefined;
  let blankBefore = false;
  for (let at = 0; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    const line = text.slice(at, end);
    const m = FENCE_LINE.exec(line);
    if (fence !== undefined) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && /^[ \t]*$/.test(m[2]!)) fence = undefined;
    } else if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) fence = m[1]!;
    else if (blankBefore && at > 0 && opensOnlyParagraph(line)) starts.push(at);
    blankBefore = fence === undefined && /^[ \t]*$/.test(line);
    at = end + 1;
  }
  return starts.length > 1 ? starts : undefined;
}

/** A line at the margin that starts a paragraph with a letter: nothing goes on from the lines before. */
function opensOnlyParagraph(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The tree of `text` read piece by piece, or undefined when it is not cut. */
function inPieces(text: string): Root | undefined {
  const starts = pieceStarts(text);
  if (!starts) return undefined;
  const children: Root['children'] = [];
  let line = 0;
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? text.length;
    const piece = text.slice(start, end);
    const tree = readPlainBlocks(piece, parse) ?? parseWithBatchedTables(piece);
    for (const child of tree.children) {
      shift(child, start, line);
      children.push(child);
    }
    line += lineFeeds(text, start, end);
  }
  // The root ends where the text does: after the last piece's lines (the text holds no CR).
  const end = { line: line + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** Parse results keyed by text; what no lint has read for a while is dropped once the cached texts add up to more than `maxChars` (see `TextKeyedLru`). */
export class ParseCache {
  private readonly entries: TextKeyedLru<Root>;

  constructor(maxChars = 4_000_000) {
    this.entries = new TextKeyedLru(maxChars);
  }

  /** `keep` makes the text the tree is parsed from and kept by (see memo/section-memo.ts). */
  parse(text: string, keep: Keep = asItIs): Root {
    const hit = this.entries.get(text);
    if (hit) return hit;
    // The tree's strings are slices of what it was parsed from, and a slice of the document
    // would keep that version of it alive for as long as the entry.
    const own = keep(text);
    const tree = parseMarkdown(own);
    this.entries.set(own, tree);
    return tree;
  }
}
