// Stored forms of what sections yield: statements and metric items without their
// Section, offsets relative to the section. Restoring builds fresh objects, so a
// caller may change what it gets back (the metric model filters table rows).
import type { MetricField, MetricItem, MetricTable, Section, Span } from '../types';
import type { SectionCodec } from './section-memo';

const moved = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** Records placed by their own start and end, whatever else they carry. */
export function spannedList<T extends Span>(): SectionCodec<T[], T[]> {
  return {
    store: (list, base) => list.map((item) => ({ ...item, ...moved(item, -base) })),
    restore: (list, base) => list.map((item) => ({ ...item, ...moved(item, base) })),
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

/**
 * An item's own fields moved by `by`, placed in `section` and `table` when restored. Written
 * out rather than spread: every item of every section is restored on every lint, and a
 * literal of one shape is several times cheaper to make than a spread.
 */
function movedItem(item: StoredItem, by: number): StoredItem;
function movedItem(item: StoredItem, by: number, section: Section, table: MetricTable | undefined): MetricItem;
function movedItem(item: StoredItem, by: number, section?: Section, table?: MetricTable): StoredItem | MetricItem {
  return {
    source: item.source,
    name: movedField(item.name, by)!,
    span: moved(item.span, by),
    baseline: movedField(item.baseline, by),
    target: movedField(item.target, by),
    timeframe: movedField(item.timeframe, by),
    owner: movedField(item.owner, by),
    dataSource: movedField(item.dataSource, by),
    type: item.type,
    section,
    table,
  };
}

export const sectionMetrics: SectionCodec<SectionMetrics, { tables: StoredTable[]; entries: StoredEntry[] }> = {
  store({ items, tables }, base) {
    const rowOf = new Map<MetricItem, { table: number; row: number }>();
    tables.forEach((table, t) => table.rows.forEach((row, r) => rowOf.set(row, { table: t, row: r })));
    return {
      tables: tables.map((t) => ({
        span: moved(t.span, -base),
        headerSpan: moved(t.headerSpan, -base),
        delimiterSpan: moved(t.delimiterSpan, -base),
        columns: t.columns,
        rows: t.rows.map((row) => movedItem(row, -base)),
      })),
      entries: items.map((item) => rowOf.get(item) ?? { item: movedItem(item, -base) }),
    };
  },
  restore(stored, base, section) {
    const tables = stored.tables.map((t) => {
      const table: MetricTable = { section, span: moved(t.span, base), headerSpan: moved(t.headerSpan, base), delimiterSpan: moved(t.delimiterSpan, base), columns: [...t.columns], rows: [] };
      table.rows = t.rows.map((row) => movedItem(row, base, section, table));
      return table;
    });
    return { tables, items: stored.entries.map((e) => ('item' in e ? movedItem(e.item, base, section, undefined) : tables[e.table]!.rows[e.row]!)) };
  },
};
