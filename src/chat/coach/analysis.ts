// What the coach knows about a document: its kind, title and headings, the
// statements in its goal / problem / user sections, its metrics, and the lint
// findings grouped by rule, each finding turned into a short passage of the
// document's own words that an answer can quote.
//
// Gaps are what the rules report, nothing else: the coach never re-derives a
// gap from the structure, so it cannot disagree with the Problems panel (a
// metric list item with no number at all is one missing target, not also a
// missing baseline), and a rule switched off in the user's configuration stays
// silent here too.
import type { RootContent } from 'mdast';
import { buildModel, detectKind, lint, rules, statesProblemIn } from '../../engine';
import type { DocumentKind, DocumentModel, Finding, MetricItem, Section, SectionRole, Span } from '../../engine';
import { OPEN_DECISION } from './talk';
import { plain, sentenceSpans } from './text';

/** A piece of the document in plain words, and the span of its source. */
export interface Passage {
  text: string;
  offset: number;
  end: number;
}

export interface Group {
  ruleId: string;
  /** Which talk speaks about the group: the rule id, or OPEN_DECISION for placeholders that are open decisions. */
  talkKey: string;
  /** The passages the findings point at, in document order, without repeats. */
  passages: Passage[];
  findings: Finding[];
  /**
   * Findings the passages do not tell apart, whose messages must: several at one
   * place (missing sections are all reported at the title), at none, or on a
   * table's header row (a missing column).
   */
  unplaced: Finding[];
}

export interface Facts {
  text: string;
  kind: DocumentKind;
  kindReason: string;
  title: string | undefined;
  model: DocumentModel;
  /** Section headings below the title, in order. */
  headings: Passage[];
  findings: readonly Finding[];
  /** The findings grouped by talk key, in the rule catalogue's order. */
  groups: Group[];
  metrics: readonly MetricItem[];
  /** Statements (list items and sentences) in the sections with that role. */
  statements(role: SectionRole): Passage[];
  /** Every sentence of the document outside code, in plain words. */
  sentences(): Passage[];
  /** The user's selection, when it was found in the text. */
  selection: Span | undefined;
}

const CATALOGUE = rules.map((rule) => rule.meta.id);

function catalogueRank(ruleId: string): number {
  const index = CATALOGUE.indexOf(ruleId);
  return index < 0 ? CATALOGUE.length : index;
}

export function byCatalogue(a: Group, b: Group): number {
  return catalogueRank(a.ruleId) - catalogueRank(b.ruleId) || a.talkKey.localeCompare(b.talkKey);
}

function lineSpan(model: DocumentModel, offset: number): Span {
  const line = model.lineOf(offset);
  const start = model.lineStart(line);
  const next = line + 1 < model.lineCount ? model.lineStart(line + 1) : model.text.length;
  const raw = model.text.slice(start, next);
  return { start, end: start + raw.replace(/\r?\n$|\r$/, '').length };
}

/** The table cell around `offset` and its column index when the line is a table row, else the whole line. */
function cellOrLine(model: DocumentModel, offset: number): Span & { column?: number } {
  const line = lineSpan(model, offset);
  const raw = model.text.slice(line.start, line.end);
  if (!/^\s*\|/.test(raw)) return line;
  let start = line.start;
  let column = -1;
  for (const m of raw.matchAll(/(?<!\\)\|/g)) {
    const at = line.start + m.index;
    if (at >= offset) return { start, end: at, column };
    start = at + 1;
    column++;
  }
  return { start, end: line.end, column };
}

/** The header row of the metrics table whose header holds `offset`: where the rules report a missing column. */
function headerAt(metrics: readonly MetricItem[], offset: number): Span | undefined {
  return metrics.find((m) => m.table && m.table.headerSpan.start <= offset && offset < m.table.headerSpan.end)?.table?.headerSpan;
}

const OPEN_WORDS = /^(?:tbd|tbc|tba|todo|\?+)$/i;

/** Whether a placeholder finding marks an open decision ("TBD") rather than template text ("[target]"). */
function isOpenDecision(text: string, finding: Finding): boolean {
  return OPEN_WORDS.test(text.slice(finding.start.offset, finding.end.offset).replace(/[*_`\s]/g, ''));
}

/**
 * The document's words around a finding. A placeholder is quoted as itself: its
 * line, or in a metrics table its metric's name and its cell ("Checkout page
 * views … TBD"). Anything else inside a metric is the metric's name; else the
 * finding's sentence or cell.
 */
function passageAt(model: DocumentModel, metrics: readonly MetricItem[], finding: Finding): Passage | undefined {
  const offset = finding.start.offset;
  const header = headerAt(metrics, offset);
  if (header) return { text: plain(model.text.slice(header.start, header.end)), offset: header.start, end: header.end };
  const metric = metrics.find((m) => m.span.start <= offset && offset < m.span.end);
  if (metric && finding.ruleId === 'placeholder-left') {
    const cell = cellOrLine(model, offset);
    if (metric.table && !(cell.start <= metric.name.span.start && metric.name.span.start < cell.end)) {
      const text = `${plain(metric.name.text)} … ${plain(model.text.slice(cell.start, cell.end))}`;
      return { text, offset: metric.name.span.start, end: cell.end };
    }
  } else if (metric) return metricPassage(metric);
  let span: Span = cellOrLine(model, offset);
  const raw = model.text.slice(span.start, span.end);
  if (raw.length > 160) {
    const sentence = sentenceSpans(raw).find((s) => span.start + s.end >= offset);
    if (sentence) span = { start: span.start + sentence.start, end: span.start + sentence.end };
  }
  const text = plain(model.text.slice(span.start, span.end));
  return text ? { text, offset: span.start, end: span.end } : undefined;
}

export function metricPassage(metric: MetricItem): Passage {
  return { text: plain(metric.name.text), offset: metric.name.span.start, end: metric.name.span.end };
}

/**
 * The sections that play a role. A Background, Context or "Why" section that states a
 * problem (trouble, for someone, with evidence) is the problem statement too, as the
 * problem-statement-missing rule reads it: the coach must not ask for one it already has.
 */
function sectionsFor(model: DocumentModel, role: SectionRole): Section[] {
  const own = model.sectionsWithRole(role);
  if (role !== 'problem') return own;
  const told = model.sectionsWithRole('background').filter((s) => statesProblemIn(model, s));
  return [...own, ...told].sort((a, b) => a.index - b.index);
}

function statementsOf(model: DocumentModel, role: SectionRole): Passage[] {
  const out: Passage[] = [];
  const push = (span: Span) => {
    const raw = model.text.slice(span.start, span.end);
    for (const s of sentenceSpans(raw)) {
      const text = plain(raw.slice(s.start, s.end));
      if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, offset: span.start + s.start, end: span.start + s.end });
    }
  };
  for (const section of sectionsFor(model, role)) {
    const visit = (nodes: readonly RootContent[]) => {
      for (const node of nodes) {
        if (node.type === 'paragraph') push(section.spanOf(node));
        else if (node.type === 'list') {
          for (const item of node.children) {
            // An item is one statement; its nested lists are statements of their own.
            const [first, ...rest] = item.children;
            if (first?.type === 'paragraph') {
              const span = section.spanOf(first);
              const text = plain(model.text.slice(span.start, span.end));
              if (text) out.push({ text, offset: span.start, end: span.end });
            }
            visit(first?.type === 'paragraph' ? rest : item.children);
          }
        } else if (node.type === 'blockquote') visit(node.children);
      }
    };
    visit(section.nodes());
  }
  return out;
}

function uniquePassages(passages: Array<Passage | undefined>): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const p of passages) {
    if (!p || seen.has(p.text.toLowerCase())) continue;
    seen.add(p.text.toLowerCase());
    out.push(p);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function locate(text: string, selection: string | undefined): Span | undefined {
  const wanted = selection?.trim();
  if (!wanted) return undefined;
  const at = text.indexOf(wanted);
  return at < 0 ? undefined : { start: at, end: at + wanted.length };
}

export function analyse(document: { text: string; fileName?: string; selection?: string }, given?: readonly Finding[]): Facts {
  const { text, fileName } = document;
  let model: DocumentModel;
  let kind: DocumentKind;
  let kindReason: string;
  let findings: readonly Finding[];
  if (given) {
    // The caller linted with the user's configuration; only the model is rebuilt.
    model = buildModel(text, { fileName });
    ({ kind, reason: kindReason } = detectKind(model));
    findings = given;
  } else {
    const result = lint(text, { fileName });
    model = result.model ?? buildModel(text, { fileName });
    ({ kind, kindReason, findings } = result);
  }

  const metrics = model.metrics();
  const cache = new Map<SectionRole, Passage[]>();
  let sentences: Passage[] | undefined;
  const titleSection = model.sections.find((s) => s.depth > 0 && s.title === model.title);
  const base: Omit<Facts, 'groups'> = {
    text,
    kind,
    kindReason,
    title: model.title,
    model,
    headings: model.sections
      .filter((s) => s.depth > 0 && s !== titleSection && s.title)
      .map((s) => ({ text: plain(s.title), offset: s.titleSpan.start, end: s.titleSpan.end })),
    findings,
    metrics,
    statements(role) {
      let list = cache.get(role);
      if (!list) cache.set(role, (list = statementsOf(model, role)));
      return list;
    },
    sentences() {
      sentences ??= sentenceSpans(text)
        .filter((s) => !model.codeSpans.some((c) => c.start <= s.start && s.start < c.end))
        .map((s) => ({ text: plain(text.slice(s.start, s.end)), offset: s.start, end: s.end }));
      return sentences;
    },
    selection: locate(text, document.selection),
  };

  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.ruleId === 'placeholder-left' && isOpenDecision(text, f) ? OPEN_DECISION : f.ruleId;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const groups: Group[] = [...byKey].map(([talkKey, list]) => {
    const placed = list.map((f) => passageAt(model, metrics, f));
    const keys = placed.map((p) => p?.text.toLowerCase());
    const uses = new Map<string | undefined, number>();
    for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
    // A finding on a table header is about a whole column: its message says which.
    const unplaced = list.filter((f, i) => keys[i] === undefined || uses.get(keys[i])! > 1 || headerAt(metrics, f.start.offset));
    return { ruleId: list[0]!.ruleId, talkKey, passages: uniquePassages(placed), findings: list, unplaced };
  });
  return { ...base, groups: groups.sort(byCatalogue) };
}

/** The groups, limited to passages and findings inside a span (empty groups dropped). */
export function within(groups: readonly Group[], span: Span): Group[] {
  const inside = (offset: number) => span.start <= offset && offset < span.end;
  return groups
    .map((g) => {
      const findings = g.findings.filter((f) => inside(f.start.offset));
      const unplaced = g.unplaced.filter((f) => inside(f.start.offset));
      return { ...g, findings, unplaced, passages: g.passages.filter((p) => inside(p.offset)) };
    })
    .filter((g) => g.passages.length > 0);
}

/** The findings of the given rules that start inside a passage's source. */
export function findingsIn(facts: Facts, passage: Passage, ruleIds: readonly string[]): Finding[] {
  return facts.findings.filter((f) => ruleIds.includes(f.ruleId) && passage.offset <= f.start.offset && f.start.offset < passage.end);
}

/** What the document sets out to achieve: its goals, or for a business case without goals, its benefits. */
export function goalStatements(facts: Facts): Passage[] {
  const goals = facts.statements('goals');
  return goals.length > 0 ? goals : facts.statements('benefits');
}

export type MetricField = 'baseline' | 'target' | 'timeframe';

export interface MetricGaps {
  /** Metrics a metric-missing-* rule reports as lacking the field. */
  missing: MetricItem[];
  /** Metrics whose cell for the field holds a placeholder ("TBD", "[target]"), with its text. */
  open: Array<{ metric: MetricItem; text: string }>;
}

/**
 * What each metric lacks, exactly as the rules report it: a finding on a row or
 * list item is that metric's; a finding on a table's header (no such column) is
 * every row of that table that states no value; a placeholder finding in the
 * field's column leaves that field open.
 */
export function metricGaps(facts: Facts, findings: readonly Finding[] = facts.findings): Record<MetricField, MetricGaps> {
  const { model, metrics } = facts;
  const out: Record<MetricField, MetricGaps> = { baseline: { missing: [], open: [] }, target: { missing: [], open: [] }, timeframe: { missing: [], open: [] } };
  const inside = (span: Span, offset: number) => span.start <= offset && offset < span.end;
  for (const field of ['baseline', 'target', 'timeframe'] as const) {
    const missing = new Set<MetricItem>();
    for (const f of findings) {
      if (f.ruleId === `metric-missing-${field}`) {
        const own = metrics.find((m) => inside(m.span, f.start.offset));
        if (own) missing.add(own);
        else for (const m of metrics) if (m.table && inside(m.table.headerSpan, f.start.offset) && m[field] === undefined) missing.add(m);
      } else if (f.ruleId === 'placeholder-left') {
        const metric = metrics.find((m) => m.table && inside(m.span, f.start.offset));
        const cell = metric && cellOrLine(model, f.start.offset);
        if (metric && cell?.column !== undefined && metric.table!.columns[cell.column] === field) {
          out[field].open.push({ metric, text: plain(model.text.slice(f.start.offset, f.end.offset)) });
        }
      }
    }
    out[field].missing = metrics.filter((m) => missing.has(m));
  }
  return out;
}

/** How many passages or metrics a group is about: a missing column counts each row that lacks the value. */
export function reach(facts: Facts, group: Group): number {
  const field = /^metric-missing-(baseline|target|timeframe)$/.exec(group.ruleId)?.[1] as MetricField | undefined;
  const metrics = field ? metricGaps(facts, group.findings)[field].missing.length : 0;
  return Math.max(group.passages.length, group.findings.length, metrics);
}
