// Stored forms of what sections yield: statements and metric items without their
// Section, offsets relative to the section, strings kept as the memo says (see
// section-memo.ts). Restoring builds fresh objects, so a caller may change what it gets
// back (the metric model filters table rows).
import type { MetricField, MetricItem, MetricTable, Section, Span } from '../types';
import type { Keep } from './detached';
import type { SectionCodec } from './section-memo';

const moved = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });
/** `span` moved by `by` in place: for values the memo keeps from lint to lint (`SectionCodec.move`). */
const moveSpan = (span: Span, by: number) => {
  span.start += by;
  span.end += by;
};

/** Records placed by their own start and end, whatever else they carry. */
export function spannedList<T extends Span>(): SectionCodec<T[], T[]> {
  return {
    store: (list, base, keep) =>
      list.map((item) => {
        const stored: Record<string, unknown> = { ...item, ...moved(item, -base) } as unknown as Record<string, unknown>;
        for (const key in stored) if (typeof stored[key] === 'string') stored[key] = keep(stored[key]);
        return stored as unknown as T;
      }),
    restore: (list, base) => list.map((item) => ({ ...item, ...moved(item, base) })),
    move: (list, by) => {
      for (const item of list) moveSpan(item, by);
    },
  };
}

/** A section's metric items and tables; a table's rows are among the items, in their order. */
export interface SectionMetrics {
  items: MetricItem[];
  tables: MetricTable[];
}

type StoredField = MetricField | undefined;
interface StoredItem {
  source: MetricItem['source'];
  name: MetricField;
  span: Span;
  baseline: StoredField;
  target: StoredField;
  timeframe: StoredField;
  owner: StoredField;
  dataSource: StoredField;
  type: MetricItem['type'];
}
interface StoredTable {
  span: Span;
  headerSpan: Span;
  delimiterSpan: Span;
  columns: MetricTable['columns'];
  rows: StoredItem[];
}
/** An item is a list item of its own, or row `row` of table `table`. */
type StoredEntry = { item: StoredItem } | { table: number; row: number };

const movedField = (field: StoredField, by: number): StoredField => (field ? { text: field.text, span: moved(field.span, by) } : undefined);
const storedField = (keep: Keep) => (field: StoredField, by: number): StoredField => (field ? { text: keep(field.text), span: moved(field.span, by) } : undefined);

/**
 * An item's own fields moved by `by` (their texts made by `field`), placed in `section` and
 * `table` when restored. Written out rather than spread: every item of every section is
 * restored on every lint, and a literal of one shape is several times cheaper to make than a spread.
 */
function movedItem(item: StoredItem, by: number, field: typeof movedField): StoredItem;
function movedItem(item: StoredItem, by: number, field: typeof movedField, section: Section, table: MetricTable | undefined): MetricItem;
function movedItem(item: StoredItem, by: number, field: typeof movedField, section?: Section, table?: MetricTable): StoredItem | MetricItem {
  return {
    source: item.source,
    name: field(item.name, by)!,
    span: moved(item.span, by),
    baseline: field(item.baseline, by),
    target: field(item.target, by),
    timeframe: field(item.timeframe, by),
    owner: field(item.owner, by),
    dataSource: field(item.dataSource, by),
    type: item.type,
    section,
    table,
  };
}

export const sectionMetrics: SectionCodec<SectionMetrics, { tables: StoredTable[]; entries: StoredEntry[] }> = {
  store({ items, tables }, base, keep) {
    const field = storedField(keep);
    const rowOf = new Map<MetricItem, { table: number; row: number }>();
    tables.forEach((table, t) => table.rows.forEach((row, r) => rowOf.set(row, { table: t, row: r })));
    return {
      tables: tables.map((t) => ({
        span: moved(t.span, -base),
        headerSpan: moved(t.headerSpan, -base),
        delimiterSpan: moved(t.delimiterSpan, -base),
        columns: t.columns,
        rows: t.rows.map((row) => movedItem(row, -base, field)),
      })),
      entries: items.map((item) => rowOf.get(item) ?? { item: movedItem(item, -base, field) }),
    };
  },
  restore(stored, base, section) {
    const tables = stored.tables.map((t) => {
      const table: MetricTable = { section, span: moved(t.span, base), headerSpan: moved(t.headerSpan, base), delimiterSpan: moved(t.delimiterSpan, base), columns: [...t.columns], rows: [] };
      table.rows = t.rows.map((row) => movedItem(row, base, movedField, section, table));
      return table;
    });
    return { tables, items: stored.entries.map((e) => ('item' in e ? movedItem(e.item, base, movedField, section, undefined) : tables[e.table]!.rows[e.row]!)) };
  },
};

const moveField = (field: MetricField | undefined, by: number) => field && moveSpan(field.span, by);
function moveItem(item: MetricItem, by: number, section: Section): void {
  item.section = section;
  moveSpan(item.span, by);
  moveField(item.name, by);
  moveField(item.baseline, by);
  moveField(item.target, by);
  moveField(item.timeframe, by);
  moveField(item.owner, by);
  moveField(item.dataSource, by);
}

/** `sectionMetrics` for values no caller changes: restored ones are moved in place on later lints (`SectionCodec.move`). */
export const keptSectionMetrics: SectionCodec<SectionMetrics, { tables: StoredTable[]; entries: StoredEntry[] }> = {
  ...sectionMetrics,
  move({ items, tables }, by, section) {
    for (const table of tables) {
      table.section = section;
      for (const span of [table.span, table.headerSpan, table.delimiterSpan]) moveSpan(span, by);
      for (const row of table.rows) moveItem(row, by, section);
    }
    // A table's rows are among the items too, moved above with their table.
    for (const item of items) if (!item.table) moveItem(item, by, section);
  },
};
