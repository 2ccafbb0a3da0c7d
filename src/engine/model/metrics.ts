// Metric items: rows of metric tables and items of metric lists, with the
// attributes a success metric needs (baseline, target, timeframe, owner,
// source, type). Tables are understood by their header wording; list items by
// labels ("Target: 40%") or by the usual phrasing ("from 12% to 20% by Q3").
import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MetricColumn, MetricField, MetricItem, MetricTable, MetricType, Section, Span } from '../types';

const METRIC_ROLES = new Set(['success-metrics', 'key-results']);

const COLUMN_PATTERNS: ReadonlyArray<readonly [MetricColumn, RegExp]> = [
  ['type', /^(?:type|kind|category|(?:metric|indicator) type|leading\s*\/\s*lagging(?:\s*\/\s*guardrail)?)$/],
  ['baseline', /\b(?:baseline|current(?: value| state)?|today|as[- ]is|starting point|before|now|from)\b/],
  ['timeframe', /\b(?:time ?frame|by when|deadline|due(?: date)?|date|when|period|horizon|timeline|timing|by|review date|measured (?:at|by))\b/],
  ['owner', /\b(?:owner|dri|responsible|accountable|who)\b/],
  ['source', /\b(?:source|data|instrument(?:ation)?|how (?:measured|we measure|to measure)|measurement|method|tool|dashboard|tracking|query)\b/],
  ['target', /\b(?:target|goal|desired|expected|threshold|to|success (?:criteria|threshold)|aim)\b/],
  ['metric', /\b(?:metrics?|kpis?|measures?|indicators?|key results?|krs?|signals?|name|outcomes?|what)\b/],
];

export function columnOf(header: string): MetricColumn | undefined {
  const h = header.toLowerCase().replace(/[^\p{L}\p{N}/ -]+/gu, ' ').trim();
  for (const [column, pattern] of COLUMN_PATTERNS) if (pattern.test(h)) return column;
  return undefined;
}

const EMPTY_CELL = /^(?:|-+|–|—|\?+|tbd|tbc|todo|to be (?:decided|defined|determined|confirmed)|\.{2,}|…|x{2,}|\[\s*\])$/i;

/** True when a cell or fragment states nothing (blank, a dash, TBD, ...). */
export function isBlankValue(text: string): boolean {
  return EMPTY_CELL.test(text.replace(/[*_`[\]]/g, '').trim());
}

function typeFrom(text: string): MetricType | undefined {
  const t = text.toLowerCase();
  if (/\bguard ?rail/.test(t)) return 'guardrail';
  if (/\bleading\b/.test(t)) return 'leading';
  if (/\blagging\b/.test(t)) return 'lagging';
  return undefined;
}

const NUM = String.raw`[$€£~≈]?\d[\d.,]*\s*(?:%|x\b|pp\b|pts?\b|points?\b|percent\b|[kmb]\b|ms\b|s\b|sec|min|hours?\b|days?\b)?`;
const LABELLED: ReadonlyArray<readonly [keyof AttributeSpans, RegExp]> = [
  ['baseline', /\b(?:baseline|current(?:ly)?|today|as[- ]is)\s*[:=]\s*([^;|\n]+)/i],
  ['target', /\b(?:target|goal)\s*[:=]\s*([^;|\n]+)/i],
  ['timeframe', /\b(?:time ?frame|by when|deadline|due|when|by|within)\s*[:=]\s*([^;|\n]+)/i],
  ['owner', /\b(?:owner|dri)\s*[:=]\s*([^;|\n]+)/i],
  ['dataSource', /\b(?:source|data source|measured (?:in|by|with)|instrument(?:ed)? (?:in|by|with))\s*[:=]\s*([^;|\n]+)/i],
];
const PHRASED: ReadonlyArray<readonly [keyof AttributeSpans, RegExp]> = [
  ['baseline', new RegExp(String.raw`\b(?:from|currently|today|now at|up from|down from|vs\.?|versus|compared (?:to|with)|baseline(?: of)?)\s*:?\s*${NUM}`, 'i')],
  [
    'target',
    new RegExp(
      String.raw`(?:\bto\b|\breach(?:es|ing)?\b|\bat (?:least|most)\b|≥|≤|>=|<=|<|>|\bunder\b|\bbelow\b|\babove\b|\bover\b|\b(?:less|more|fewer|greater) than\b|\b(?:increase|decrease|reduce|grow|cut|improve|lift|raise|lower|drop)(?:s|d|ed)? by\b)\s*${NUM}|^\s*[$€£~≈]?\d[\d.,]*\s*(?:%|x\b|percent\b|out of \d+|in \d+)`,
      'i',
    ),
  ],
  [
    'timeframe',
    /\b(?:by|within|in|over|before|until|through|during|after|end of)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:next|first|following|coming)\s+)?(?:\d+\s*-?\s*(?:days?|weeks?|months?|quarters?|years?|sprints?)\b|q[1-4]\b|h[12]\b|fy\s?\d{2,4}\b|(?:19|20)\d\d\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:launch|ga|release|quarter|year|month|week|sprint|pilot|beta)\b)|\bq[1-4]\s*(?:fy)?\s*'?\d{2,4}\b|\b(?:19|20)\d\d-\d\d(?:-\d\d)?\b/i,
  ],
];

interface AttributeSpans {
  baseline?: MetricField;
  target?: MetricField;
  timeframe?: MetricField;
  owner?: MetricField;
  dataSource?: MetricField;
}

/** Attributes stated in free text, with spans relative to `base`. */
export function attributesFromText(text: string, base: number): AttributeSpans {
  const found: AttributeSpans = {};
  const take = (key: keyof AttributeSpans, match: RegExpExecArray, group: number) => {
    if (found[key]) return;
    const value = match[group] ?? match[0];
    if (isBlankValue(value)) return;
    const start = base + match.index + match[0].indexOf(value);
    found[key] = { text: value.trim(), span: { start, end: start + value.trimEnd().length } };
  };
  for (const [key, pattern] of LABELLED) {
    const m = pattern.exec(text);
    if (m) take(key, m, 1);
  }
  for (const [key, pattern] of PHRASED) {
    const m = pattern.exec(text);
    if (m) take(key, m, 0);
  }
  return found;
}

function field(text: string, span: Span): MetricField | undefined {
  return isBlankValue(text) ? undefined : { text: text.trim(), span };
}

function readTable(section: Section, table: Table): MetricTable | undefined {
  const [header, ...body] = table.children;
  if (!header) return undefined;
  const columns = header.children.map((cell) => columnOf(toString(cell)));
  const explicit = columns.includes('metric') || columns.includes('target') || columns.includes('baseline');
  if (!explicit) return undefined;
  if (!columns.includes('metric')) {
    const free = columns.indexOf(undefined);
    if (free < 0) return undefined;
    columns[free] = 'metric';
  }
  const tableSpan = section.spanOf(table);
  const headerSpan = section.spanOf(header);
  const delimiterStart = headerSpan.end + 1;
  const delimiterEnd = body[0] ? section.spanOf(body[0]).start - 1 : tableSpan.end;
  const result: MetricTable = {
    section,
    span: tableSpan,
    headerSpan,
    delimiterSpan: { start: delimiterStart, end: Math.max(delimiterStart, delimiterEnd) },
    columns,
    rows: [],
  };
  for (const row of body) {
    const cells = new Map<MetricColumn, MetricField | undefined>();
    row.children.forEach((cell, i) => {
      const column = columns[i];
      if (column && !cells.has(column)) cells.set(column, field(toString(cell), section.spanOf(cell)));
    });
    const name = cells.get('metric');
    if (!name) continue;
    const typeCell = cells.get('type');
    result.rows.push({
      section,
      source: 'table',
      name,
      span: section.spanOf(row),
      baseline: cells.get('baseline'),
      target: cells.get('target'),
      timeframe: cells.get('timeframe'),
      owner: cells.get('owner'),
      dataSource: cells.get('source'),
      type: typeFrom(typeCell?.text ?? name.text),
      table: result,
    });
  }
  return result;
}

function readListItem(section: Section, item: ListItem, text: string): MetricItem | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const span = section.spanOf(item);
  const nameSpan = section.spanOf(first);
  const name = toString(first).trim();
  if (name === '') return undefined;
  // Nested details ("- Target: 40%") belong to the item; read them from the raw text.
  const raw = text.slice(nameSpan.start, span.end);
  const attrs = attributesFromText(raw, nameSpan.start);
  return {
    section,
    source: 'list',
    name: { text: name, span: nameSpan },
    span,
    baseline: attrs.baseline,
    target: attrs.target,
    timeframe: attrs.timeframe,
    owner: attrs.owner,
    dataSource: attrs.dataSource,
    type: typeFrom(raw),
    table: undefined,
  };
}

function isKeyResultItem(item: ListItem): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && /^\s*(?:kr\s*\d*|key result)\b/i.test(toString(first));
}

export function extractMetrics(sections: readonly Section[], text: string): { items: MetricItem[]; tables: MetricTable[] } {
  const items: MetricItem[] = [];
  const tables: MetricTable[] = [];
  for (const section of sections) {
    const role = section.effectiveRole;
    const metricSection = role !== undefined && METRIC_ROLES.has(role);
    if (!metricSection && role !== 'goals') continue;
    const visit = (nodes: readonly RootContent[], depth: number) => {
      for (const node of nodes) {
        if (node.type === 'table') {
          const table = readTable(section, node);
          if (table) {
            tables.push(table);
            items.push(...table.rows);
          }
        } else if (node.type === 'list') {
          readList(node, depth);
        }
      }
    };
    const readList = (list: List, depth: number) => {
      for (const item of list.children) {
        if (metricSection || isKeyResultItem(item)) {
          const metric = readListItem(section, item, text);
          if (metric) items.push(metric);
        } else if (depth === 0) {
          // An objective with key results nested under it.
          for (const child of item.children) if (child.type === 'list') readList(child, depth + 1);
        }
      }
    };
    visit(section.nodes(), 0);
  }
  return { items, tables };
}
