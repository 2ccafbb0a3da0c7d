// The mdast of a section whose blocks are simple, read line by line: paragraphs, tight and
// loose lists whose items hold paragraphs, lists or one rule, task items, pipe tables, thematic
// breaks, fenced code and html comments at the margin, quotes of paragraphs and lists, front
// matter, with LF or CRLF line ends. Such sections (a long metrics table, a long goal list,
// most success sections) are most of what rules parse, and micromark's containers and GFM
// tables cost many times a linear read. Inline content is read by `readInline` where its marks
// are simple; what it declines is parsed by remark in one batch of paragraphs (`parseInline`),
// which is what remark makes of it in place, and moved to where it stands. Anything else (lazy
// lines next to indented ones, other html, link definitions, a lone CR) returns undefined and
// the caller parses the section with remark, so the tree is always the one remark would build.
import type { AlignType, BlockContent, Blockquote, Code, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text, Yaml } from 'mdast';
import { INLINE_MARK, readInline } from './plain-inline';
import { LineIndex } from './text/lines';

type Point = NonNullable<Text['position']>['start'];

// Characters no simple section holds: tabs (they widen indentation), line ends other than \n,
// control characters; and link or footnote definitions, which reach across blocks.
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f\uFEFF]|\]:/;
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

/**
 * The lines a reader reads: the text's own, or an item's content (its lines from the item's
 * content column on). Each line keeps where it stands in the text, so points are the text's.
 */
class Source {
  private constructor(
    private readonly index: LineIndex,
    private readonly texts: readonly string[],
    /** Line of the text each line is, and the column it starts from there. */
    private readonly lines: readonly number[],
    private readonly columns: readonly number[],
  ) {}

  static of(text: string): Source {
    const index = new LineIndex(text);
    const lines = Array.from({ length: index.lineCount }, (_, i) => i);
    return new Source(index, lines.map((i) => index.lineText(i)), lines, new Array<number>(lines.length).fill(0));
  }

  get count(): number {
    return this.texts.length;
  }

  text(line: number): string {
    return this.texts[line]!;
  }

  /** The point at `column` of `line` (both 0-based), counted as mdast counts (1-based line and column). */
  point(line: number, column: number): Point {
    const at = this.lines[line]!;
    const col = this.columns[line]! + column;
    return { line: at + 1, column: col + 1, offset: this.index.starts[at]! + col };
  }

  /** Where `line` starts in the text, before the indentation this source leaves out. */
  lineStart(line: number): Point {
    const at = this.lines[line]!;
    return { line: at + 1, column: 1, offset: this.index.starts[at]! };
  }

  /** Lines `first`..`last`, each read from the column given for it. */
  part(first: number, last: number, columnOf: (line: number) => number): Source {
    const texts: string[] = [];
    const lines: number[] = [];
    const columns: number[] = [];
    for (let l = first; l <= last; l++) {
      const column = columnOf(l);
      texts.push(this.texts[l]!.slice(column));
      lines.push(this.lines[l]!);
      columns.push(this.columns[l]! + column);
    }
    return new Source(this.index, texts, lines, columns);
  }
}

const isBlank = (line: string) => SPACES.test(line);

/** Text that is a text node as it stands: no inline Markdown, no blank at a line's end (stripped, or a hard break). */
const plainInline = (text: string) => !INLINE_MARK.test(text) && !text.endsWith(' ') && !text.includes(' \n');

/** Inline content left to remark: its text, where it starts, and the node that takes what remark makes of it. */
interface Piece {
  text: string;
  source: Source;
  line: number;
  column: number;
  fill(paragraph: Paragraph): void;
}

class Reader {
  constructor(
    readonly source: Source,
    /** Shared by the readers of nested items: one remark batch, one pass of finishers. */
    readonly pieces: Piece[] = [],
    /** What is placed once every piece is: lists and items end where their last text does. */
    readonly finishers: Array<() => void> = [],
  ) {}

  /** A reader of an item's content, adding to the same batch. */
  nested(source: Source): Reader {
    return new Reader(source, this.pieces, this.finishers);
  }

  /**
   * Inline content of `line` from `column` (and the lines after it, when `text` runs on): read
   * now, or a piece for remark. False, with nothing filled, when remark would be needed but
   * `readOnly` says remark's batch would not read it as inline content (a table cell that
   * opens like a block).
   */
  content(text: string, line: number, column: number, end: Point, fill: (children: PhrasingContent[], end: Point) => void, readOnly = false): boolean {
    if (plainInline(text)) {
      fill([{ type: 'text', value: text, position: { start: this.source.point(line, column), end } }], end);
      return true;
    }
    const piece: Piece = { text, source: this.source, line, column, fill: (p) => fill(p.children, p.position!.end) };
    const read = readInline(text);
    if (read) {
      moveAll(read, 1, piece);
      piece.fill(read);
    } else if (readOnly) return false;
    else this.pieces.push(piece);
    return true;
  }

  /** A paragraph of lines `first`..`last`, from `column` on its first line; the blanks that open a later line are not its text. */
  paragraph(first: number, last: number, column: number, readOnly = false): Paragraph | undefined {
    let indented = false;
    for (let l = first + 1; l <= last && !indented; l++) indented = this.source.text(l)[0] === ' ';
    // Without its blanks, the text is remark's only when no mark in it could keep them (a break made by a backslash does).
    if (indented) return this.nested(this.source.part(first, last, (l) => (l === first ? column : leadingSpaces(this.source.text(l))))).paragraph(0, last - first, 0, true);
    const { source } = this;
    const parts: string[] = [];
    for (let l = first; l <= last; l++) parts.push(l === first ? source.text(l).slice(column) : source.text(l));
    const start = source.point(first, column);
    const node: Paragraph = { type: 'paragraph', children: [] };
    const read = this.content(
      parts.join('\n'),
      first,
      column,
      source.point(last, source.text(last).length),
      (children, end) => {
        node.children = children;
        node.position = { start, end };
      },
      readOnly,
    );
    return read ? node : undefined;
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
  const { source } = reader;
  const line = source.text(l);
  const children: TableCell[] = [];
  for (const cell of cells) {
    const inner = cellInner(line, cell);
    let a = 0;
    let b = inner.length;
    while (a < b && inner[a] === ' ') a++;
    while (b > a && inner[b - 1] === ' ') b--;
    const node: TableCell = { type: 'tableCell', children: [], position: { start: source.point(l, cell[0]), end: source.point(l, cell[1]) } };
    const content = inner.slice(a, b);
    if (content) {
      const lead = cell[0] + 1 + a;
      // In a cell, what could open a block is text; alone in remark's batch it would not be.
      const read = reader.content(content, l, lead, source.point(l, lead + content.length), (children) => (node.children = children), NOT_PARAGRAPH.test(content));
      if (!read) return undefined;
    }
    children.push(node);
  }
  return { type: 'tableRow', children, position: { start: source.point(l, 0), end: source.point(l, line.length) } };
}

/** The header's cells and the columns' alignment when line `header` and the next open a table. */
function tableHead(source: Source, header: number): { head: Array<[number, number]>; align: AlignType[] } | undefined {
  const head = cellsOf(source.text(header));
  const delimiterCells = header + 1 < source.count ? cellsOf(source.text(header + 1)) : undefined;
  if (!head || !delimiterCells || delimiterCells.length !== head.length) return undefined;
  const align = alignOf(source.text(header + 1), delimiterCells);
  return align && { head, align };
}

/** A table from its header line on, and the line after it; undefined when it is not a simple one. */
function table(reader: Reader, header: number): { node: Table; next: number } | undefined {
  const { source } = reader;
  const opened = tableHead(source, header);
  if (!opened) return undefined;
  const { head, align } = opened;
  const first = tableRow(reader, header, head);
  if (!first) return undefined;
  const rows: TableRow[] = [first];
  let l = header + 2;
  for (; l < source.count && !isBlank(source.text(l)); l++) {
    const cells = cellsOf(source.text(l));
    const row = cells && tableRow(reader, l, cells);
    if (!row) return undefined;
    rows.push(row);
  }
  // A table of a header alone ends with its delimiter row.
  const end = rows.length > 1 ? rows[rows.length - 1]!.position!.end : source.point(header + 1, source.text(header + 1).length);
  return { node: { type: 'table', align, children: rows, position: { start: first.position!.start, end } }, next: l };
}

// A row of a table's delimiters, or what might be one once its cells are counted.
const DELIMITER_LIKE = /^[ |:]*-[ |:-]*$/;

/** A line with a pipe over a row of delimiters may head a table; with none under it, its pipes are text. */
const mayHeadTable = (source: Source, l: number) => source.text(l).includes('|') && l + 1 < source.count && DELIMITER_LIKE.test(source.text(l + 1));

/** A line that continues a paragraph: not blank, no list item, nothing that opens a block or a table. */
const continuesParagraph = (line: string) => !isBlank(line) && !markerOf(line) && !NOT_PARAGRAPH.test(line) && !line.includes('|');

/** Spaces before a line's text (only spaces: a no-break space is text to the parser). */
function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/**
 * A list from `first` on, and the line after it. An item holds its first line, the lines
 * indented to its content, read as blocks of their own (paragraphs and lists), and the
 * unindented lines that go on its last paragraph; blank lines may stand between items.
 */
function list(reader: Reader, first: number, marker: Marker): { node: List; next: number } | undefined {
  const { source } = reader;
  const items: ListItem[] = [];
  // Blank lines between two items make the list loose; after the last item they end it.
  let spread = false;
  let l = first;
  for (; l < source.count; l++) {
    let line = source.text(l);
    if (isBlank(line)) {
      let after = l;
      while (after < source.count && isBlank(source.text(after))) after++;
      // An indented line after the blank may go on the last item as a block of its own.
      if (after < source.count && source.text(after)[0] === ' ') return undefined;
      const again = after < source.count ? markerOf(source.text(after)) : undefined;
      if (!again || again.ordered !== marker.ordered || again.kind !== marker.kind) break;
      spread = true;
      l = after;
      line = source.text(l);
    }
    const m = markerOf(line);
    if (!m || m.ordered !== marker.ordered || m.kind !== marker.kind) return undefined;
    const content = line.slice(m.column);
    const start = source.point(l, 0);
    // An item of one rule ("1. ________" in a form to fill in); a line that is all one rule is a rule, not an item.
    if (THEMATIC_BREAK.test(content) && !THEMATIC_BREAK.test(line) && (l + 1 === source.count || markerOf(source.text(l + 1)) || isBlank(source.text(l + 1)))) {
      const position = { start: source.point(l, m.column), end: source.point(l, line.length) };
      items.push({ type: 'listItem', spread: false, checked: null, children: [{ type: 'thematicBreak', position }], position: { start, end: position.end } });
      continue;
    }
    const box = TASK_BOX.exec(content);
    if (NOT_PARAGRAPH.test(content) || (!box && CHECKBOX_LIKE.test(content))) return undefined;
    let last = l;
    let lazy = false;
    while (last + 1 < source.count) {
      const next = source.text(last + 1);
      if (isBlank(next) || (leadingSpaces(next) < m.column && !continuesParagraph(next))) break;
      // After a line that goes on the item without its indentation, an indented one is placed otherwise by the parser.
      if (leadingSpaces(next) < m.column) lazy = true;
      else if (lazy) return undefined;
      last++;
    }
    const boxAt = source.point(l, m.column);
    const text = m.column + (box ? 4 : 0);
    const children = blocks(reader.nested(source.part(l, last, (at) => (at === l ? text : leadingSpaces(source.text(at)) >= m.column ? m.column : 0))), true);
    if (!children || children[0]?.type !== 'paragraph') return undefined;
    const paragraph = children[0];
    const item: ListItem = { type: 'listItem', spread: false, checked: box ? box[1] !== ' ' : null, children };
    reader.finishers.push(() => {
      // The parser moves a task's text past its checkbox only when that text opens with plain words.
      if (box && paragraph.children[0]?.type !== 'text') paragraph.position = { start: boxAt, end: paragraph.position!.end };
      item.position = { start, end: children[children.length - 1]!.position!.end };
    });
    items.push(item);
    l = last;
  }
  const node: List = { type: 'list', ordered: marker.ordered, start: marker.start, spread, children: items };
  reader.finishers.push(() => {
    node.position = { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end };
  });
  return { node, next: l };
}

/**
 * A block taken as its lines stand, opening at the margin on line `l`: a fenced code block or an
 * html comment. Undefined when none opens there; null when one opens but is not simple (never
 * closed, or an info string the parser would decode).
 */
type Literal = { node: Code | Html | Yaml; next: number } | null | undefined;

// `[^]*`, not `.*`: with `.*`, a line of tildes that ends in a line break backtracks over the run.
const FENCE = /^(`{3,}|~{3,})([^]*)$/;

/** The lines `first`..`last` joined. */
function joinedLines(source: Source, first: number, last: number): string {
  const parts: string[] = [];
  for (let l = first; l <= last; l++) parts.push(source.text(l));
  return parts.join('\n');
}

/** Where lines `first`..`last` start and end. */
const lineSpan = (source: Source, first: number, last: number): NonNullable<Text['position']> => ({
  start: source.point(first, 0),
  end: source.point(last, source.text(last).length),
});

/** A line that closes a fence of `length` `char`s: up to three blanks, at least as long a run, blanks. */
function closesFence(line: string, char: string, length: number): boolean {
  const lead = leadingSpaces(line);
  let end = lead;
  while (line[end] === char) end++;
  return lead <= 3 && end - lead >= length && SPACES.test(line.slice(end));
}

function fencedCode(source: Source, l: number): Literal {
  const open = FENCE.exec(source.text(l));
  if (!open) return undefined;
  const fence = open[1]!;
  const info = open[2]!.trim();
  // A backtick in a backtick fence's info string makes the line a paragraph's.
  if (fence[0] === '`' && info.includes('`')) return undefined;
  if (/[\\&]/.test(info)) return null;
  for (let close = l + 1; close < source.count; close++) {
    if (!closesFence(source.text(close), fence[0]!, fence.length)) continue;
    const space = info.indexOf(' ');
    const lang = space < 0 ? info : info.slice(0, space);
    const meta = space < 0 ? '' : info.slice(space).trim();
    const value = close > l + 1 ? joinedLines(source, l + 1, close - 1) : '';
    return { node: { type: 'code', lang: lang || null, meta: meta || null, value, position: lineSpan(source, l, close) }, next: close + 1 };
  }
  return null;
}

function htmlComment(source: Source, l: number): Literal {
  const line = source.text(l);
  if (!line.startsWith('<!--')) return undefined;
  // `<!-->` and `<!--->` end where they open; left to the parser.
  if (line.startsWith('<!-->') || line.startsWith('<!--->')) return null;
  for (let end = l; end < source.count; end++) {
    if (!(end === l ? line.slice(4) : source.text(end)).includes('-->')) continue;
    return { node: { type: 'html', value: joinedLines(source, l, end), position: lineSpan(source, l, end) }, next: end + 1 };
  }
  return null;
}

const literalBlock = (source: Source, l: number): Literal => {
  const code = fencedCode(source, l);
  return code === undefined ? htmlComment(source, l) : code;
};

/** YAML front matter: `---` lines around it at the very start of the text. */
function frontMatter(source: Source): Literal {
  if (source.text(0) !== '---') return undefined;
  for (let end = 1; end < source.count; end++) {
    const line = source.text(end);
    if (!line.startsWith('---')) continue;
    if (line !== '---') return null;
    const value = end > 1 ? joinedLines(source, 1, end - 1) : '';
    return { node: { type: 'yaml', value, position: lineSpan(source, 0, end) }, next: end + 1 };
  }
  return null;
}

/**
 * A block quote from `first` on (each line opening with `>` at the margin) holding paragraphs
 * and lists, and the line after it; undefined when it is not simple. A line that does not open
 * with `>` may go on the quote's last paragraph, so only a blank line or the end may follow.
 */
function blockquote(reader: Reader, first: number): { node: Blockquote; next: number } | undefined {
  const { source } = reader;
  let last = first;
  while (last + 1 < source.count && source.text(last + 1)[0] === '>') last++;
  if (last + 1 < source.count && !isBlank(source.text(last + 1))) return undefined;
  const lines = source.part(first, last, (at) => (source.text(at)[1] === ' ' ? 2 : 1));
  const children = blocks(reader.nested(lines), true);
  if (!children?.length) return undefined;
  // A list in a quote runs over the quote's blank lines after it, where the parser places its end.
  if (children.some((child) => child.type === 'list')) for (let at = 0; at < lines.count; at++) if (isBlank(lines.text(at))) return undefined;
  return { node: { type: 'blockquote', children, position: lineSpan(source, first, last) }, next: last + 1 };
}

/**
 * Every block of the lines (in an item or a quote: paragraphs and lists only), or undefined when one is
 * not simple. `whole` says the lines are the whole text, where front matter may open it.
 */
function blocks(reader: Reader, inItem = false, whole = false): Array<RootContent & BlockContent> | undefined {
  const { source } = reader;
  const children: Array<RootContent & BlockContent> = [];
  let l = 0;
  if (whole) {
    const matter = frontMatter(source);
    if (matter === null) return undefined;
    if (matter) {
      children.push(matter.node as RootContent & BlockContent);
      l = matter.next;
    }
  }
  while (l < source.count) {
    const line = source.text(l);
    if (isBlank(line)) {
      l++;
      continue;
    }
    const literal = inItem ? undefined : literalBlock(source, l);
    if (literal === null) return undefined;
    if (literal) {
      children.push(literal.node as RootContent & BlockContent);
      l = literal.next;
      continue;
    }
    // (On the first line, `---` may open front matter.)
    if (!inItem && l > 0 && THEMATIC_BREAK.test(line) && isBlank(source.text(l - 1))) {
      children.push({ type: 'thematicBreak', position: { start: source.point(l, 0), end: source.point(l, line.length) } });
      l++;
      continue;
    }
    if (inItem && line[0] === '|') return undefined;
    const found = line[0] === '|' ? table(reader, l) : markerOf(line) ? list(reader, l, markerOf(line)!) : line[0] === '>' && !inItem ? blockquote(reader, l) : undefined;
    if (found) {
      children.push(found.node);
      l = found.next;
      continue;
    }
    // Up to three blanks may open a paragraph (more would make code).
    const indent = leadingSpaces(line);
    const opening = line.slice(indent);
    if (indent > 3 || NOT_PARAGRAPH.test(opening) || (indent > 0 && markerOf(opening)) || mayHeadTable(source, l)) return undefined;
    // A paragraph runs to a blank line, or to a bullet list, an ordered list from 1 or a table
    // that interrupts it; an ordered item from another number goes on it as text. Any other
    // line that could start a block is left to remark.
    let last = l;
    for (let next = l + 1; next < source.count; next++) {
      const following = source.text(next);
      if (isBlank(following)) break;
      const interrupts = markerOf(following);
      if (interrupts && (!interrupts.ordered || interrupts.start === 1)) break;
      // A table, a fence, an html comment or a quote interrupts a paragraph (read, or declined, as the next block).
      if (following[0] === '|' && tableHead(source, next)) break;
      if (!inItem && (following[0] === '>' || FENCE.test(following) || following.startsWith('<!--'))) break;
      // Blanks before a line that goes on a paragraph are dropped; one that might open a block after them is left to remark.
      const rest = following.slice(leadingSpaces(following));
      if (rest !== following && (markerOf(rest) || NOT_PARAGRAPH.test(rest))) return undefined;
      if ((!interrupts && NOT_PARAGRAPH.test(rest)) || mayHeadTable(source, next)) return undefined;
      last = next;
    }
    const paragraph = reader.paragraph(l, last, indent);
    if (!paragraph) return undefined;
    children.push(paragraph);
    l = last + 1;
  }
  return children;
}

/**
 * `point` of remark's batch, moved to where it stands in the piece that starts on batch line
 * `fromLine`. What ends with a line's end (a text, a hard break) ends where the next line starts,
 * before the indentation the parser strips; what starts on a line starts after it.
 */
function moved(point: Point, fromLine: number, piece: Piece, end: boolean): Point {
  const line = point.line - fromLine;
  if (end && line > 0 && point.column === 1) return piece.source.lineStart(piece.line + line);
  return piece.source.point(piece.line + line, point.column - 1 + (line === 0 ? piece.column : 0));
}

function moveAll(node: { position?: { start: Point; end: Point }; children?: unknown[] }, fromLine: number, piece: Piece): void {
  if (node.position) node.position = { start: moved(node.position.start, fromLine, piece, false), end: moved(node.position.end, fromLine, piece, true) };
  for (const child of node.children ?? []) moveAll(child as typeof node, fromLine, piece);
}

/**
 * Parses the pieces the inline reader declined in one remark batch, a paragraph each, and hands
 * each piece its paragraph moved into place. False when the batch does not come back as exactly
 * those paragraphs.
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
    moveAll(node, fromLine, pieces[i]!);
    pieces[i]!.fill(node);
  }
  return true;
}

type Positioned = { position?: { start: Point; end: Point }; value?: unknown; children?: Positioned[] };

/**
 * The tree of a text with CRLF line ends, from the tree of the same text with LF ends: each
 * line end before a point is one character longer, and a value that runs over lines keeps the
 * text's line ends (line and column numbers do not change).
 */
function withCrlf(node: Positioned): void {
  if (node.position) {
    const { start, end } = node.position;
    node.position = { start: { ...start, offset: start.offset! + start.line - 1 }, end: { ...end, offset: end.offset! + end.line - 1 } };
  }
  if (typeof node.value === 'string' && node.value.includes('\n')) node.value = node.value.replaceAll('\n', '\r\n');
  for (const child of node.children ?? []) withCrlf(child);
}

/** The tree remark would build for `text`, when every block of it is simple; otherwise undefined. */
export function readPlainBlocks(text: string, parseInline: (text: string) => Root): Root | undefined {
  if (!text.includes('\r')) return readLfBlocks(text, parseInline);
  // Every line ended by CRLF (a document saved on Windows) is read as its LF twin; a lone CR is left to remark.
  const lf = text.replaceAll('\r\n', '\n');
  let lineEnds = 0;
  for (let at = lf.indexOf('\n'); at >= 0; at = lf.indexOf('\n', at + 1)) lineEnds++;
  if (lf.includes('\r') || lineEnds !== text.length - lf.length) return undefined;
  const tree = readLfBlocks(lf, parseInline);
  if (tree) withCrlf(tree);
  return tree;
}

function readLfBlocks(text: string, parseInline: (text: string) => Root): Root | undefined {
  if (UNSAFE.test(text)) return undefined;
  const source = Source.of(text);
  const reader = new Reader(source);
  const children = blocks(reader, false, true);
  if (!children || !fillPieces(reader.pieces, parseInline)) return undefined;
  for (const finish of reader.finishers) finish();
  const last = source.count - 1;
  return { type: 'root', children, position: { start: source.point(0, 0), end: source.point(last, source.text(last).length) } };
}
