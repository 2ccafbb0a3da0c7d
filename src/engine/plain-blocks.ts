// The mdast of a section made only of plain blocks (paragraphs, flat tight lists, pipe
// tables) whose text holds no inline Markdown, read line by line. Such sections (a long
// metrics table, a long goal list) are most of what rules parse in large documents, and
// micromark costs many times a linear read on them. Anything else (emphasis, links,
// code, html, nesting, indentation, loose lists, lazy lines) returns undefined and goes
// through remark, so the tree is always the one remark would build.
import type { AlignType, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { LineIndex } from './text/lines';

type Point = NonNullable<Text['position']>['start'];

// Characters that can start inline Markdown or change how a line is read (escapes, entities,
// emphasis, code, links, html, autolink literals, strikethrough), and line ends other than \n.
const INLINE_MARK = /[\x00-\x09\x0b-\x1f\x7f\\`*_[\]<>!&~@\uFEFF]|www\.|:\/\//i;
// A line that would open something other than a paragraph line: a block marker, indentation.
const BLOCK_START = /^(?:[-+*>#=<`~| \t]|\d{1,9}[.)])/;
const BULLET = /^([-+]) (?=\S)/;
const ORDERED = /^(\d{1,9})([.)]) (?=\S)/;
const DELIMITER_CELL = /^ {0,8}(:?)-{1,200}(:?) {0,8}$/;

/** The point at `column` of `line` (both 0-based), counted as mdast counts (1-based line and column). */
const pointAt = (lines: LineIndex, line: number, column: number): Point => ({ line: line + 1, column: column + 1, offset: lines.starts[line]! + column });

const SPACES = /^ *$/;
const isBlank = (line: string) => SPACES.test(line);
/** Text with no inline Markdown, no trailing blank and no `|`: its mdast is one text node. */
const plainInline = (text: string) => !INLINE_MARK.test(text) && !text.includes('|') && !text.endsWith(' ');

function textNode(value: string, start: Point, end: Point): Text {
  return { type: 'text', value, position: { start, end } };
}

function paragraph(lines: LineIndex, first: number, last: number, column: number): Paragraph {
  const parts: string[] = [];
  for (let l = first; l <= last; l++) parts.push(l === first ? lines.lineText(l).slice(column) : lines.lineText(l));
  const start = pointAt(lines, first, column);
  const end = pointAt(lines, last, lines.lineText(last).length);
  return { type: 'paragraph', children: [textNode(parts.join('\n'), start, end)], position: { start, end } };
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

/** The cells of a pipe row `| a | b |` as [start, end) columns, each from its leading pipe. */
function cellsOf(line: string): Array<[number, number]> | undefined {
  if (line.length < 2 || line[0] !== '|' || line[line.length - 1] !== '|') return undefined;
  const cells: Array<[number, number]> = [];
  let from = 0;
  for (let i = line.indexOf('|', 1); i >= 0; i = line.indexOf('|', i + 1)) {
    cells.push([from, i === line.length - 1 ? line.length : i]);
    from = i;
  }
  return cells;
}

function alignOf(line: string, cells: ReadonlyArray<[number, number]>): AlignType[] | undefined {
  const align: AlignType[] = [];
  for (const [from, to] of cells) {
    const inner = line.slice(from + 1, to === line.length ? to - 1 : to);
    const m = DELIMITER_CELL.exec(inner);
    if (!m) return undefined;
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  return align;
}

function tableRow(lines: LineIndex, l: number, cells: ReadonlyArray<[number, number]>): TableRow | undefined {
  const line = lines.lineText(l);
  const children: TableCell[] = [];
  for (const [from, to] of cells) {
    const inner = line.slice(from + 1, to === line.length ? to - 1 : to);
    let a = 0;
    let b = inner.length;
    while (a < b && inner[a] === ' ') a++;
    while (b > a && inner[b - 1] === ' ') b--;
    const content = inner.slice(a, b);
    if (INLINE_MARK.test(content)) return undefined;
    const lead = from + 1 + a;
    const position = { start: pointAt(lines, l, from), end: pointAt(lines, l, to) };
    children.push({ type: 'tableCell', children: content ? [textNode(content, pointAt(lines, l, lead), pointAt(lines, l, lead + content.length))] : [], position });
  }
  return { type: 'tableRow', children, position: { start: pointAt(lines, l, 0), end: pointAt(lines, l, line.length) } };
}

/** A table from its header line on, and the line after it; undefined when any row is not plain. */
function table(lines: LineIndex, header: number): { node: Table; next: number } | undefined {
  const head = cellsOf(lines.lineText(header));
  const delimiterCells = header + 1 < lines.lineCount ? cellsOf(lines.lineText(header + 1)) : undefined;
  if (!head || !delimiterCells || delimiterCells.length !== head.length) return undefined;
  const align = alignOf(lines.lineText(header + 1), delimiterCells);
  const first = tableRow(lines, header, head);
  if (!align || !first) return undefined;
  const rows: TableRow[] = [first];
  let l = header + 2;
  for (; l < lines.lineCount && !isBlank(lines.lineText(l)); l++) {
    const cells = cellsOf(lines.lineText(l));
    const row = cells && tableRow(lines, l, cells);
    if (!row) return undefined;
    rows.push(row);
  }
  // A table of a header alone ends with its delimiter row.
  const end = rows.length > 1 ? rows[rows.length - 1]!.position!.end : pointAt(lines, header + 1, lines.lineText(header + 1).length);
  const node: Table = { type: 'table', align, children: rows, position: { start: first.position!.start, end } };
  return { node, next: l };
}

/** A tight list of one-line plain items from `first` on, and the line after it. */
function list(lines: LineIndex, first: number, marker: Marker): { node: List; next: number } | undefined {
  const items: ListItem[] = [];
  let l = first;
  for (; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    if (isBlank(line)) break;
    const m = markerOf(line);
    if (!m || m.ordered !== marker.ordered || m.kind !== marker.kind) return undefined;
    const content = line.slice(m.column);
    if (BLOCK_START.test(content) || !plainInline(content)) return undefined;
    const body = paragraph(lines, l, l, m.column);
    items.push({ type: 'listItem', spread: false, checked: null, children: [body], position: { start: pointAt(lines, l, 0), end: body.position!.end } });
  }
  // The same marker after blank lines would continue this list as a loose one.
  let after = l;
  while (after < lines.lineCount && isBlank(lines.lineText(after))) after++;
  const again = after < lines.lineCount && after > l ? markerOf(lines.lineText(after)) : undefined;
  if (again && again.ordered === marker.ordered && again.kind === marker.kind) return undefined;
  const node: List = { type: 'list', ordered: marker.ordered, start: marker.start, spread: false, children: items, position: { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end } };
  return { node, next: l };
}

/** The tree remark would build for `text`, when every block of it is plain; otherwise undefined. */
export function readPlainBlocks(text: string): Root | undefined {
  const lines = new LineIndex(text);
  const children: RootContent[] = [];
  let l = 0;
  while (l < lines.lineCount) {
    const line = lines.lineText(l);
    if (isBlank(line)) {
      l++;
      continue;
    }
    if (line[0] === '|') {
      const found = table(lines, l);
      if (!found) return undefined;
      children.push(found.node);
      l = found.next;
      continue;
    }
    const marker = markerOf(line);
    if (marker) {
      const found = list(lines, l, marker);
      if (!found) return undefined;
      children.push(found.node);
      l = found.next;
      continue;
    }
    if (BLOCK_START.test(line) || !plainInline(line)) return undefined;
    // A paragraph runs to a blank line, or to a bullet list, an ordered list from 1 or a table
    // that interrupts it; any other line that could start a block is left to remark.
    let last = l;
    for (let next = l + 1; next < lines.lineCount; next++) {
      const following = lines.lineText(next);
      if (isBlank(following)) break;
      const interrupts = markerOf(following);
      if (interrupts && (!interrupts.ordered || interrupts.start === 1)) break;
      if (following[0] === '|' && table(lines, next)) break;
      if (BLOCK_START.test(following) || !plainInline(following)) return undefined;
      last = next;
    }
    children.push(paragraph(lines, l, last, 0));
    l = last + 1;
  }
  const end = pointAt(lines, lines.lineCount - 1, lines.lineText(lines.lineCount - 1).length);
  return { type: 'root', children, position: { start: pointAt(lines, 0, 0), end } };
}
