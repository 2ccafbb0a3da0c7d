// Markdown parsing with unified + remark. Sections are parsed one at a time and
// memoised by their text, so an edit re-parses only the section it touched.
import type { Node, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextKeyedLru } from './memo/lru';
import { readPlainBlocks } from './plain-blocks';

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
  return readPlainBlocks(text, parse) ?? parseWithBatchedTables(text);
}

/** Parse results keyed by text; what no lint has read for a while is dropped once the cached texts add up to more than `maxChars` (see `TextKeyedLru`). */
export class ParseCache {
  private readonly entries: TextKeyedLru<Root>;

  constructor(maxChars = 4_000_000) {
    this.entries = new TextKeyedLru(maxChars);
  }

  parse(text: string): Root {
    const hit = this.entries.get(text);
    if (hit) return hit;
    const tree = parseMarkdown(text);
    this.entries.set(text, tree);
    return tree;
  }
}
