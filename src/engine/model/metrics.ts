// Metric items: rows of metric tables and items of metric lists, with the
// attributes a success metric needs (baseline, target, timeframe, owner,
// source, type). Tables are understood by their header wording; list items by
// labels ("Target: 40%") or by the usual phrasing ("from 12% to 20% by Q3").
import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionMetrics, type SectionMetrics } from '../memo/codecs';
import type { MemoSession } from '../memo/section-memo';
import { TIMEFRAME } from '../vocabulary/timeframes';
import type { MetricColumn, MetricField, MetricItem, MetricTable, MetricType, Section, Span } from '../types';

const METRIC_ROLES = new Set(['success-metrics', 'key-results']);

const COLUMN_PATTERNS: ReadonlyArray<readonly [MetricColumn, RegExp]> = [
  ['type', /^(?:type|kind|category|(?:metric|indicator) type|leading\s*\/\s*lagging(?:\s*\/\s*guardrail)?)$/],
  ['baseline', /\b(?:baseline|current(?: value| state)?|today|as[- ]is|starting point|before|now|from)\b/],
  ['timeframe', /\b(?:time ?frame|by when|deadline|due(?: date)?|date|when|period|horizon|timeline|timing|by|review date|measured (?:at|by))\b|^(?:week|month|day|sprint|quarter|phase|year|q)\s{0,2}\d{1,2}$|^(?:19|20)\d\d$/],
  ['owner', /\b(?:owner|dri|responsible|accountable|who)\b/],
  ['source', /\b(?:source|data|instrument(?:ation)?|how (?:measured|we measure|to measure)|measurement|method|tool|dashboard|tracking|query)\b/],
  ['target', /\b(?:target|goal|desired|expected|threshold|to|success (?:criteria|threshold)|aim)\b/],
  ['metric', /\b(?:metrics?|kpis?|measures?|indicators?|key results?|krs?|signals?|name|outcomes?|what)\b/],
];

const PERIOD_HEADER = /^(?:week|month|day|sprint|quarter|phase|year|q)\s{0,2}\d{1,2}$|^(?:19|20)\d\d$/i;

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
  // "industry-leading" praises a number; it does not classify the metric.
  if (/(?<![\w-])leading(?![\w-])/.test(t)) return 'leading';
  if (/(?<![\w-])lagging(?![\w-])/.test(t)) return 'lagging';
  return undefined;
}

const NUM = String.raw`[$€£~≈]?\d[\d.,]*\s*(?:%|x\b|pp\b|pts?\b|points?\b|percent\b|[kmb]\b|ms\b|s\b|sec|min|hours?\b|days?\b)?`;
// A stated number: "≥ 20%", "$500K", "10-12%", "40+", "~$129".
const VALUE = String.raw`(?:[<>≤≥~≈]=?\s*|(?:at (?:least|most)|over|under|above|below|up to|(?:less|more|fewer) than|sustained|around|about)\s+)?[+\-−]?[$€£]?\d[\d.,]*(?:\s*(?:%|[kmb]\b|x\b|pp\b|pts?\b|points?\b|percent\b|ms\b|s\b|sec\b|min\b|hours?\b|days?\b|stars?\b))?\+?(?:\s*(?:-|–|to)\s*[$€£]?\d[\d.,]*(?:\s*(?:%|[kmb]\b))?\+?)?`;
// A label's colon may sit inside or outside emphasis: "**Target:** 40%", "**Target**: 40%".
const LABEL_END = String.raw`(?:\*\*|__|\*|_)?\s{0,8}[:=]\s{0,8}(?:(?:\*\*|__|\*|_)\s{0,8})?([^;|\n]+)`;
const label = (words: string) => new RegExp(String.raw`\b(?:${words})${LABEL_END}`, 'i');
const LABELLED: ReadonlyArray<readonly [keyof AttributeSpans, RegExp]> = [
  ['baseline', label(String.raw`baseline|current(?:ly)?|today|as[- ]is`)],
  ['target', label('target|goal')],
  ['timeframe', label('time ?frame|by when|deadline|due|when|by|within')],
  ['owner', label('owner|dri')],
  ['dataSource', label(String.raw`source|data source|measured (?:in|by|with)|instrument(?:ed)? (?:in|by|with)`)],
];
const PHRASED: ReadonlyArray<readonly [keyof AttributeSpans, RegExp]> = [
  ['target', new RegExp(String.raw`\btarget(?:ed)?\s+(?:of\s+|is\s+|at\s+)?${VALUE}`, 'i')],
  // A reference point named in words: "than control", "compared to last year", "than those they replaced".
  ['baseline', /\b(?:than|compared (?:to|with)|versus|vs\.?)\s{1,8}(?:today|now|before|currently|(?:the\s{1,8})?control|(?:the\s{1,8})?baseline|last (?:year|quarter|month|release)|(?:the|our)\s{1,8}(?:current|old|previous|existing|legacy)\b|(?:those|the ones?|what)\s{1,8}(?:they|it|we)\s{1,8}replace)/i],
  ['baseline', new RegExp(String.raw`\b(?:from|currently|today|now at|up from|down from|vs\.?|versus|compared (?:to|with)|baseline(?: of)?)\s{0,8}(?::\s{0,8})?${NUM}`, 'i')],
  [
    'target',
    new RegExp(
      String.raw`(?:\bto\b|\breach(?:es|ing)?\b|\bat (?:least|most)\b|≥|≤|>=|<=|<|>|\bunder\b|\bbelow\b|\babove\b|\bover\b|\b(?:less|more|fewer|greater) than\b|\b(?:increase|decrease|reduce|grow|cut|improve|lift|raise|lower|drop)(?:s|d|ed)? by\b)\s*${NUM}|^\s*[$€£~≈]?\d[\d.,]*\s*(?:%|x\b|percent\b|out of \d+|in \d+)`,
      'i',
    ),
  ],
  ['timeframe', TIMEFRAME],
  // A limit stated without a number: "faster than the flow it replaces", "no transaction
  // fails", "twice as many", "hit the elite level".
  ['target', /\b(?:[a-z]{2,12}er|more|less|fewer|better|worse)\s{1,8}(?:[\w'’-]+\s{1,8}){0,4}?than\b|^\s{0,8}(?:[-*+]\s{1,8}|\d{1,3}[.)]\s{1,8})?no\s{1,8}[a-z]|\bzero\b|\btwice\b|\b(?:doubl|tripl|halv)(?:e|es|ed)\b|\b(?:hit|reach|achieve)s?\s{1,8}(?:the\s{1,8})?[^.;\n]{0,30}?\blevel\b/i],
];

// "Retention: 60% at Day 30": a number right after the metric's name is its target,
// unless the name is another attribute's label ("Baseline: 12%").
// Leading blanks are taken whole (`(?=\S)`) and the blanks around the optional emphasis are
// one run each, so no two quantifiers share the same spaces (quadratic on long blank runs).
const NAMED_VALUE = new RegExp(String.raw`^\s*(?=\S)(?:\*\*|__|\*|_)?([^:\n]{1,80}?)(?:\*\*|__|\*|_)?\s*:\s*(?:(?:\*\*|__|\*|_)\s*)?(${VALUE})`, 'i');
const OTHER_LABEL = /\b(?:baseline|current(?:ly)?|today|as[- ]is|now|time ?frame|by when|deadline|due|when|by|within|owner|dri|source|date|type)\b/i;
// "1,000 paying teams", "$7,000+ monthly recurring revenue": a leading number is the target.
const LEADING_VALUE = new RegExp(String.raw`^\s*(?:\*\*|__|\*|_)?(${VALUE})(?:\*\*|__|\*|_)?\s+(?=\p{L})`, 'iu');

// Whitespace runs are bounded: two unbounded runs around an optional mark backtrack quadratically.
const KR_LABEL = /^\s{0,8}(?:\*\*|__)?(?:kr\s{0,8}\d{0,3}|key result\s{0,8}\d{0,3})(?:\*\*|__)?\s{0,8}[:.)-]\s{0,8}(?:(?:\*\*|__)\s{0,8})?/i;

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
  if (!found.target) {
    // Read past a key-result label: "KR2: 4,000 teams", "KR1: Retention: 60%".
    const skip = KR_LABEL.exec(text)?.[0].length ?? 0;
    const rest = text.slice(skip);
    const named = NAMED_VALUE.exec(rest);
    const [match, group] = named && !OTHER_LABEL.test(named[1]!) ? [named, 2] : [LEADING_VALUE.exec(rest), 1];
    if (match) {
      match.index += skip;
      take('target', match, group);
    }
  }
  return found;
}

/** A table cell's span without its pipe and padding (mdast includes both). */
export function cellContent(source: string, span: Span): Span {
  let { start, end } = span;
  if (source[start] === '|') start++;
  while (start < end && /\s/.test(source[start]!)) start++;
  if (source[end - 1] === '|' && end - 1 > start) end--;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return { start, end };
}

function field(text: string, span: Span): MetricField | undefined {
  return isBlankValue(text) ? undefined : { text: text.trim(), span };
}

// "higher", "up", "improve": a direction with no number and no reference point says which way,
// not how far, so it is no target ("no worse than 2.5 hours" and "below today" are).
const DIRECTION_ONLY = /^(?:higher|lower|up|down|more|less|fewer|better|improve[sd]?|improving|increase[sd]?|increasing|decrease[sd]?|decreasing|grow|growing|reduce[sd]?|↑|↓|\+|-)$/i;

function targetField(text: string, span: Span): MetricField | undefined {
  return DIRECTION_ONLY.test(text.replace(/[*_`]/g, '').trim()) ? undefined : field(text, span);
}

function readTable(section: Section, table: Table, source: string): MetricTable | undefined {
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
  // Columns named by periods ("Week 1 | Week 2", "2025"): the header states each row's timeframe.
  const periodHeader = header.children.find((cell, i) => columns[i] === 'timeframe' && PERIOD_HEADER.test(toString(cell).trim()));
  for (const row of body) {
    const cells = new Map<MetricColumn, MetricField | undefined>();
    row.children.forEach((cell, i) => {
      const column = columns[i];
      if (column && !cells.has(column)) cells.set(column, (column === 'target' ? targetField : field)(toString(cell), cellContent(source, section.spanOf(cell))));
    });
    if (periodHeader && !cells.get('timeframe')) cells.set('timeframe', field(toString(periodHeader), cellContent(source, section.spanOf(periodHeader))));
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

const DETAIL_LINE = /^\s*(?:baseline|current|today|target|goal|time ?frame|by when|deadline|due|owner|dri|source|data source|type|measured)\b[^:\n]{0,20}:/i;

/** A list item in a metric section: a metric, an objective over key results, or not a metric. */
function listItemShape(item: ListItem): 'metric' | 'objective' | 'other' {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return 'other';
  const words = toString(first).trim();
  // Template guidance: a question, or an instruction set wholly in italics.
  if (words.endsWith('?') || first.children.every((c) => c.type === 'emphasis' || (c.type === 'text' && !c.value.trim()))) return 'other';
  const nested = item.children.find((c): c is List => c.type === 'list');
  if (nested && /^(?:objective|o\d+)\b/i.test(words)) return 'objective';
  // A bare label ("Cohort split:") introduces other things, unless what follows are
  // the metric's own details ("- Baseline: ...").
  if (words.endsWith(':')) {
    const details = nested?.children.some((c) => c.children[0]?.type === 'paragraph' && DETAIL_LINE.test(toString(c.children[0])));
    if (!details) return 'other';
  }
  return 'metric';
}

const MIXED_TITLE = /\b(?:goals?|objectives?|aims?)\b/i;
const METRICS_LEAD_IN = /\b(?:metrics?|kpis?|measures?|measured|indicators?|key results?|success criteria)\b/i;

function isKeyResultItem(item: ListItem): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && /^\s*(?:kr\s*\d*|key result)\b/i.test(toString(first));
}

export function extractMetrics(sections: readonly Section[], text: string, memo: MemoSession): { items: MetricItem[]; tables: MetricTable[] } {
  const items: MetricItem[] = [];
  const tables: MetricTable[] = [];
  for (const section of sections) {
    const role = section.effectiveRole;
    if (!(role !== undefined && METRIC_ROLES.has(role)) && role !== 'goals') continue;
    // Read from the body alone, given the section's roles and title. A stored answer still
    // marks the section unparsed when it nests too deep, as a fresh read would.
    section.readable();
    const found = memo.get('metrics', section, `${section.role}\u0000${role}\u0000${section.title}`, 'body', sectionMetrics, () =>
      metricsOfSection(section, text),
    );
    for (const item of found.items) items.push(item);
    for (const table of found.tables) tables.push(table);
  }
  return { items, tables };
}

function metricsOfSection(section: Section, text: string): SectionMetrics {
  const items: MetricItem[] = [];
  const tables: MetricTable[] = [];
  const role = section.effectiveRole;
  const metricSection = role !== undefined && METRIC_ROLES.has(role);
  // "Goals & Success Metrics": its lists are goals until a lead-in ("Success metrics:") says otherwise.
  let listsAreMetrics = metricSection && !(section.role === 'success-metrics' && MIXED_TITLE.test(section.title));
  const visit = (nodes: readonly RootContent[], depth: number) => {
    for (const node of nodes) {
      if (node.type === 'table') {
        const table = readTable(section, node, text);
        if (table) {
          tables.push(table);
          items.push(...table.rows);
        }
      } else if (node.type === 'list') {
        readList(node, depth, listsAreMetrics);
      } else if (node.type === 'paragraph' && metricSection && METRICS_LEAD_IN.test(toString(node))) {
        listsAreMetrics = true;
      }
    }
  };
  const readList = (list: List, depth: number, asMetrics: boolean) => {
    for (const item of list.children) {
      if (asMetrics || isKeyResultItem(item)) {
        const shape = listItemShape(item);
        if (shape === 'objective') {
          for (const child of item.children) if (child.type === 'list') readList(child, depth + 1, true);
        } else if (shape === 'metric') {
          const metric = readListItem(section, item, text);
          if (metric) items.push(metric);
        }
      } else if (depth === 0) {
        // An objective with key results nested under it.
        for (const child of item.children) if (child.type === 'list') readList(child, depth + 1, false);
      }
    }
  };
  visit(section.nodes(), 0);
  return { items, tables };
}
