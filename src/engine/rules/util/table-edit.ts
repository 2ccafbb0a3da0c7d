// Reading and editing GFM pipe tables as text: cell spans of a row line and the
// edits that insert new columns. Fixes are text edits, so they work on the
// source lines rather than on the parsed table.
import type { MetricColumn, MetricTable, Span, TextEdit } from '../../types';

/** The cells of one table line: inner spans between pipes, plus where the pipes are. */
export interface RowLine {
  line: Span;
  cells: Span[];
  /** Offset of the pipe that opens the row, when there is one. */
  leadingPipe: number | undefined;
  /** Offset of the pipe that closes the row, when there is one. */
  trailingPipe: number | undefined;
}

/** Split the table line [start, end) (no line break) into cells; `\|` does not split. */
export function readRowLine(text: string, start: number, end: number): RowLine {
  let from = start;
  let to = end;
  while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  const leadingPipe = text[from] === '|' ? from : undefined;
  const trailingPipe = to - 1 > from && text[to - 1] === '|' && text[to - 2] !== '\\' ? to - 1 : undefined;
  const cells: Span[] = [];
  let cellStart = leadingPipe === undefined ? from : from + 1;
  const stop = trailingPipe ?? to;
  for (let i = cellStart; i < stop; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  if (cellStart < stop || trailingPipe !== undefined || cells.length === 0) cells.push({ start: cellStart, end: stop });
  return { line: { start, end }, cells, leadingPipe, trailingPipe };
}

/** The cell's content without the padding around it (an empty span inside the cell when blank). */
export function trimmedCell(text: string, cell: Span): Span {
  let { start, end } = cell;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start === end ? { start: cell.start, end: cell.end } : { start, end };
}

/** Every line of a table (header, delimiter, rows) as spans without line breaks. */
export function tableLines(text: string, table: MetricTable): Span[] {
  const lines: Span[] = [];
  let start = table.headerSpan.start;
  while (start < table.span.end) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 || newline >= table.span.end ? table.span.end : newline;
    const end = text[next - 1] === '\r' ? next - 1 : next;
    lines.push({ start, end });
    start = next + 1;
  }
  return lines;
}

/** Where a column usually sits in a metrics table; new columns keep this order. */
export const COLUMN_ORDER: readonly MetricColumn[] = ['metric', 'type', 'baseline', 'target', 'timeframe', 'source', 'owner'];

export interface NewColumn {
  column: MetricColumn;
  header: string;
  /** Text of the new cell in the body line starting at `lineStart`. */
  cell(lineStart: number): string;
}

/** Index before which a missing column goes: before the first present column that follows it in COLUMN_ORDER. */
export function insertionIndex(columns: readonly (MetricColumn | undefined)[], column: MetricColumn): number {
  const rank = COLUMN_ORDER.indexOf(column);
  const at = columns.findIndex((c) => c !== undefined && COLUMN_ORDER.indexOf(c) > rank);
  return at < 0 ? columns.length : at;
}

/**
 * Edits that add columns to a table: a header cell, a delimiter cell and one
 * cell per row, each at the place COLUMN_ORDER gives it. Columns that land in
 * the same place are inserted together, in COLUMN_ORDER.
 */
export function addColumnsEdits(text: string, table: MetricTable, added: readonly NewColumn[]): TextEdit[] {
  const byIndex = new Map<number, NewColumn[]>();
  for (const column of [...added].sort((a, b) => COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column))) {
    const index = insertionIndex(table.columns, column.column);
    byIndex.set(index, [...(byIndex.get(index) ?? []), column]);
  }
  const lines = tableLines(text, table);
  const rows = lines.map((line) => readRowLine(text, line.start, line.end));
  const spaced = /\|\s/.test(text.slice(table.headerSpan.start, table.headerSpan.end));
  // A table padded to column widths (its first delimiter as wide as its first header) stays padded.
  const width = (row: RowLine | undefined) => (row?.cells[0] ? row.cells[0].end - row.cells[0].start : -1);
  const aligned = width(rows[0]) > 5 && width(rows[0]) === width(rows[1]);
  const edits: TextEdit[] = [];
  for (const [index, columns] of byIndex) {
    const texts = columns.map((c) => rows.map((_, i) => (i === 0 ? c.header : i === 1 ? '' : c.cell(lines[i]!.start))));
    const widths = texts.map((t) => (aligned ? Math.max(3, ...t.map((x) => x.length)) : 3));
    rows.forEach((row, i) => {
      // A delimiter row written without spaces ("|---|") gets its dashes across the whole cell.
      const tight = i === 1 && spaced && !/\|[ \t]/.test(text.slice(row.line.start, row.line.end));
      const cells = texts.map((t, c) => {
        if (i === 1) return tight ? '-'.repeat(widths[c]! + 2) : '-'.repeat(widths[c]!);
        return aligned ? t[i]!.padEnd(widths[c]!) : t[i]!;
      });
      edits.push(insertCells(row, Math.min(index, row.cells.length), cells.map((x) => (spaced && !tight ? ` ${x} ` : x))));
    });
  }
  return edits;
}

/** Insert already padded cell texts before cell `index` of a row (at its end when index = cell count). */
function insertCells(row: RowLine, index: number, cells: string[]): TextEdit {
  const joined = cells.join('|');
  // Before a cell: right after the pipe that opens it (or at the row's start).
  if (index < row.cells.length) return { start: row.cells[index]!.start, end: row.cells[index]!.start, text: `${joined}|` };
  if (row.trailingPipe !== undefined) return { start: row.trailingPipe + 1, end: row.trailingPipe + 1, text: `${joined}|` };
  const end = row.cells[row.cells.length - 1]!.end;
  return { start: end, end, text: `|${joined}` };
}
