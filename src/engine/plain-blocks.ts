// The mdast of a section whose blocks are simple (paragraphs at the margin, tight lists of
// one-line items, pipe tables), read line by line. Such sections (a long metrics table, a
// long goal list, most success sections) are most of what rules parse, and micromark's
// containers and GFM tables cost many times a linear read. Text with no inline Markdown
// becomes a text node here; text with some is parsed by remark in one batch of paragraphs
// (`parseInline`), which is what remark makes of it in place, and moved to where it stands.
// Anything else (nesting, indentation, loose lists, lazy lines, html, code, quotes, link
// definitions) returns undefined and the caller parses the section with remark, so the
// tree is always the one remark would build.
import type { AlignType, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { LineIndex } from './text/lines';

type Point = NonNullable<Text['position']>['start'];

// Characters no simple section holds: tabs (they widen indentation), line ends other than \n,
// control characters; and link or footnote definitions, which reach across blocks.
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f\uFEFF]|\]:/;
// Characters that can start inline Markdown (escapes, references, emphasis, code, links, html,
// literal links, strikethrough): text holding one is parsed by remark.
const INLINE_MARK = /[\\`*_[\]<>!&~@]|www\.|:\/\//i;
// A line that does not go on (or open) a paragraph: indentation, a block marker, a thematic
// break, a fence, html. `*`, `_`, `` ` ``, `~` and `<` open a paragraph when they are emphasis,
// code or a comparison ("<10 minutes"); digits when no list marker follows ("99.9% uptime").
const NOT_PARAGRAPH = /^(?:[-+>#=| ]|<[A-Za-z/!?]|\d{1,9}[.)](?: |$)|\*(?: |$)|(?:\* *){3,}$|(?:_ *){3,}$|`{3}|~{3})/;
// A task item's checkbox, which the parser takes out of the item's text.
const TASK_BOX = /^\[([ xX])\] (?=\S)/;
const CHECKBOX_LIKE = /^\[[ xX]\]/;
const THEMATIC_BREAK = /^(?:(?:\* *){2,}\*|(?:- *){2,}-|(?:_ *){2,}_)$/;
const BULLET = /^([-+*]) (?=\S)/;
const ORDERED = /^(\d{1,9})([.)]) (?=\S)/;
const DELIMITER_CELL = /^ {0,8}(:?)-{1,200}(:?) {0,8}$/;
const SPACES = /^ *$/;

/** The point at `column` of `line` (both 0-based), counted as mdast counts (1-based line and column). */
const pointAt = (lines: LineIndex, line: number, column: number): Point => ({ line: line + 1, column: column + 1, offset: lines.starts[line]! + column });

const isBlank = (line: string) => SPACES.test(line);

/** Text that is a text node as it stands: no inline Markdown, no blank at a line's end (stripped, or a hard break). */
const plainInline = (text: string) => !INLINE_MARK.test(text) && !text.endsWith(' ') && !text.includes(' \n');

/** Inline content left to remark: its text, where it starts, and the node that takes what remark makes of it. */
interface Piece {
  text: string;
  at: Point;
  fill(paragraph: Paragraph): void;
}

class Reader {
  readonly pieces: Piece[] = [];
  /** What is placed once every piece is: lists and items end where their last text does. */
  readonly finishers: Array<() => void> = [];

  constructor(readonly lines: LineIndex) {}

  /** Inline content from `start` to `end`: a text node now, or a piece for remark. */
  content(text: string, start: Point, end: Point, fill: (children: PhrasingContent[], end: Point) => void): void {
    if (plainInline(text)) fill([{ type: 'text', value: text, position: { start, end } }], end);
    else this.pieces.push({ text, at: start, fill: (p) => fill(p.children, p.position!.end) });
  }

  /** A paragraph of lines `first`..`last`, from `column` on its first line. */
  paragraph(first: number, last: number, column: number): Paragraph {
    const { lines } = this;
    const parts: string[] = [];
    for (let l = first; l <= last; l++) parts.push(l === first ? lines.lineText(l).slice(column) : lines.lineText(l));
    const start = pointAt(lines, first, column);
    const node: Paragraph = { type: 'paragraph', children: [] };
    this.content(parts.join('\n'), start, pointAt(lines, last, lines.lineText(last).length), (children, end) => {
      node.children = children;
      node.position = { start, end };
    });
    return node;
  }
}

interface Marker {
  ordered: boolean;
  /** The bullet character, or the ordered delimiter. */
  kind: string;
  start: number | null;
  /** Where the item's text begins on its line. */
  column: number;
}

function markerOf(line: string): Marker | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, kind: bullet[1]!, start: null, column: 2 };
  const ordered = ORDERED.exec(line);
  if (ordered) return { ordered: true, kind: ordered[2]!, start: Number(ordered[1]), column: ordered[0].length };
  return undefined;
}

/** The cells of a pipe row `| a | b |` as [start, end) columns, each from its leading pipe; none when a pipe may be escaped. */
function cellsOf(line: string): Array<[number, number]> | undefined {
  if (line.length < 2 || line[0] !== '|' || line[line.length - 1] !== '|' || line.includes('\\')) return undefined;
  const cells: Array<[number, number]> = [];
  let from = 0;
  for (let i = line.indexOf('|', 1); i >= 0; i = line.indexOf('|', i + 1)) {
    cells.push([from, i === line.length - 1 ? line.length : i]);
    from = i;
  }
  return cells;
}

const cellInner = (line: string, [from, to]: [number, number]) => line.slice(from + 1, to === line.length ? to - 1 : to);

function alignOf(line: string, cells: ReadonlyArray<[number, number]>): AlignType[] | undefined {
  const align: AlignType[] = [];
  for (const cell of cells) {
    const m = DELIMITER_CELL.exec(cellInner(line, cell));
    if (!m) return undefined;
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  return align;
}

function tableRow(reader: Reader, l: number, cells: ReadonlyArray<[number, number]>): TableRow | undefined {
  const { lines } = reader;
  const line = lines.lineText(l);
  const children: TableCell[] = [];
  for (const cell of cells) {
    const inner = cellInner(line, cell);
    let a = 0;
    let b = inner.length;
    while (a < b && inner[a] === ' ') a++;
    while (b > a && inner[b - 1] === ' ') b--;
    const node: TableCell = { type: 'tableCell', children: [], position: { start: pointAt(lines, l, cell[0]), end: pointAt(lines, l, cell[1]) } };
    const content = inner.slice(a, b);
    if (content) {
      // In a cell, what could open a block is text; alone in remark's batch it would not be.
      if (!plainInline(content) && NOT_PARAGRAPH.test(content)) return undefined;
      const lead = cell[0] + 1 + a;
      reader.content(content, pointAt(lines, l, lead), pointAt(lines, l, lead + content.length), (children) => {
        node.children = children;
      });
    }
    children.push(node);
  }
  return { type: 'tableRow', children, position: { start: pointAt(lines, l, 0), end: pointAt(lines, l, line.length) } };
}

/** A table from its header line on, and the line after it; undefined when it is not a simple one. */
function table(reader: Reader, header: number): { node: Table; next: number } | undefined {
  const { lines } = reader;
  const head = cellsOf(lines.lineText(header));
  const delimiterCells = header + 1 < lines.lineCount ? cellsOf(lines.lineText(header + 1)) : undefined;
  if (!head || !delimiterCells || delimiterCells.length !== head.length) return undefined;
  const align = alignOf(lines.lineText(header + 1), delimiterCells);
  const first = align && tableRow(reader, header, head);
  if (!align || !first) return undefined;
  const rows: TableRow[] = [first];
  let l = header + 2;
  for (; l < lines.lineCount && !isBlank(lines.lineText(l)); l++) {
    const cells = cellsOf(lines.lineText(l));
    const row = cells && tableRow(reader, l, cells);
    if (!row) return undefined;
    rows.push(row);
  }
  // A table of a header alone ends with its delimiter row.
  const end = rows.length > 1 ? rows[rows.length - 1]!.position!.end : pointAt(lines, header + 1, lines.lineText(header + 1).length);
  return { node: { type: 'table', align, children: rows, position: { start: first.position!.start, end } }, next: l };
}

/** A line that continues a paragraph: not blank, no list item, nothing that opens a block or a table. */
const continuesParagraph = (line: string) => !isBlank(line) && !markerOf(line) && !NOT_PARAGRAPH.test(line) && !line.includes('|');

/** A tight list of items without blocks of their own, from `first` on, and the line after it. */
function list(reader: Reader, first: number, marker: Marker): { node: List; next: number } | undefined {
  const { lines } = reader;
  const items: ListItem[] = [];
  let l = first;
  for (; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    if (isBlank(line)) break;
    const m = markerOf(line);
    if (!m || m.ordered !== marker.ordered || m.kind !== marker.kind) return undefined;
    const content = line.slice(m.column);
    const box = TASK_BOX.exec(content);
    if (NOT_PARAGRAPH.test(content) || (!box && CHECKBOX_LIKE.test(content))) return undefined;
    // Unindented lines that go on a paragraph are lazy continuations of the item's text.
    let last = l;
    while (last + 1 < lines.lineCount && continuesParagraph(lines.lineText(last + 1))) last++;
    const paragraph = reader.paragraph(l, last, m.column + (box ? 4 : 0));
    const item: ListItem = { type: 'listItem', spread: false, checked: box ? box[1] !== ' ' : null, children: [paragraph] };
    const start = pointAt(lines, l, 0);
    const boxAt = pointAt(lines, l, m.column);
    reader.finishers.push(() => {
      // The parser moves a task's text past its checkbox only when that text opens with plain words.
      if (box && paragraph.children[0]?.type !== 'text') paragraph.position = { start: boxAt, end: paragraph.position!.end };
      item.position = { start, end: paragraph.position!.end };
    });
    items.push(item);
    l = last;
  }
  // The same marker after blank lines would continue this list as a loose one.
  let after = l;
  while (after < lines.lineCount && isBlank(lines.lineText(after))) after++;
  const again = after < lines.lineCount && after > l ? markerOf(lines.lineText(after)) : undefined;
  if (again && again.ordered === marker.ordered && again.kind === marker.kind) return undefined;
  const node: List = { type: 'list', ordered: marker.ordered, start: marker.start, spread: false, children: items };
  reader.finishers.push(() => {
    node.position = { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end };
  });
  return { node, next: l };
}

/** Every block of the text, or undefined when one is not simple. */
function blocks(reader: Reader): RootContent[] | undefined {
  const { lines } = reader;
  const children: RootContent[] = [];
  let l = 0;
  while (l < lines.lineCount) {
    const line = lines.lineText(l);
    if (isBlank(line)) {
      l++;
      continue;
    }
    // (On the first line, `---` may open front matter.)
    if (l > 0 && THEMATIC_BREAK.test(line) && isBlank(lines.lineText(l - 1))) {
      children.push({ type: 'thematicBreak', position: { start: pointAt(lines, l, 0), end: pointAt(lines, l, line.length) } });
      l++;
      continue;
    }
    const found = line[0] === '|' ? table(reader, l) : markerOf(line) ? list(reader, l, markerOf(line)!) : undefined;
    if (found) {
      children.push(found.node);
      l = found.next;
      continue;
    }
    if (NOT_PARAGRAPH.test(line) || line.includes('|')) return undefined;
    // A paragraph runs to a blank line, or to a bullet list, an ordered list from 1 or a table
    // that interrupts it; any other line that could start a block is left to remark.
    let last = l;
    for (let next = l + 1; next < lines.lineCount; next++) {
      const following = lines.lineText(next);
      if (isBlank(following)) break;
      const interrupts = markerOf(following);
      if (interrupts && (!interrupts.ordered || interrupts.start === 1)) break;
      if (following[0] === '|' && table(new Reader(lines), next)) break;
      if (NOT_PARAGRAPH.test(following) || following.includes('|')) return undefined;
      last = next;
    }
    children.push(reader.paragraph(l, last, 0));
    l = last + 1;
  }
  return children;
}

/** `point` of remark's batch, moved to where the piece that starts at batch offset `from` (line `fromLine`) stands. */
function moved(point: Point, from: number, fromLine: number, at: Point): Point {
  const sameLine = point.line === fromLine;
  return { line: point.line - fromLine + at.line, column: sameLine ? point.column + at.column - 1 : point.column, offset: point.offset! - from + at.offset! };
}

function moveAll(node: { position?: { start: Point; end: Point }; children?: unknown[] }, from: number, fromLine: number, at: Point): void {
  if (node.position) node.position = { start: moved(node.position.start, from, fromLine, at), end: moved(node.position.end, from, fromLine, at) };
  for (const child of node.children ?? []) moveAll(child as typeof node, from, fromLine, at);
}

/**
 * Parses every piece in one remark batch, a paragraph each, and hands each its paragraph moved
 * into place. False when the batch does not come back as exactly those paragraphs.
 */
function fillPieces(pieces: readonly Piece[], parseInline: (text: string) => Root): boolean {
  if (pieces.length === 0) return true;
  const starts: Array<{ offset: number; line: number }> = [];
  let offset = 0;
  let line = 1;
  for (const piece of pieces) {
    starts.push({ offset, line });
    offset += piece.text.length + 2;
    for (let i = piece.text.indexOf('\n'); i >= 0; i = piece.text.indexOf('\n', i + 1)) line++;
    line += 2;
  }
  const batch = parseInline(pieces.map((p) => p.text).join('\n\n')).children;
  if (batch.length !== pieces.length) return false;
  for (let i = 0; i < pieces.length; i++) {
    const node = batch[i]!;
    const { offset: from, line: fromLine } = starts[i]!;
    if (node.type !== 'paragraph' || node.position?.start.offset !== from) return false;
    moveAll(node, from, fromLine, pieces[i]!.at);
    pieces[i]!.fill(node);
  }
  return true;
}

/** The tree remark would build for `text`, when every block of it is simple; otherwise undefined. */
export function readPlainBlocks(text: string, parseInline: (text: string) => Root): Root | undefined {
  if (UNSAFE.test(text)) return undefined;
  const lines = new LineIndex(text);
  const reader = new Reader(lines);
  const children = blocks(reader);
  if (!children || !fillPieces(reader.pieces, parseInline)) return undefined;
  for (const finish of reader.finishers) finish();
  const end = pointAt(lines, lines.lineCount - 1, lines.lineText(lines.lineCount - 1).length);
  return { type: 'root', children, position: { start: pointAt(lines, 0, 0), end } };
}
