// What the coach knows about a document: its kind, title and headings, the
// statements in its goal / problem / user sections, its metrics, and the lint
// findings grouped by rule, each finding turned into a short passage of the
// document's own words that an answer can quote.
//
// Where a gap is a plain fact of the document's structure (no success metrics
// at all, a metric row without a target, a business case without a Costs
// section) and lint reported nothing for the matching rule, the coach adds it
// as its own observation, so answers stay useful while some rules are switched
// off or not written yet. Those observations are never counted as findings.
import type { RootContent } from 'mdast';
import { buildModel, detectKind, lint, rules } from '../../engine';
import type { DocumentKind, DocumentModel, Finding, MetricItem, SectionRole, Span } from '../../engine';
import { plain, sentenceSpans } from './text';

/** A piece of the document in plain words, and the span of its source. */
export interface Passage {
  text: string;
  offset: number;
  end: number;
}

export interface Group {
  ruleId: string;
  /** Lint findings for the rule; 0 for the coach's own structural observations. */
  count: number;
  /** The passages the findings (or the observation) point at, in document order, without repeats. */
  passages: Passage[];
  findings: Finding[];
  /**
   * Findings the passages do not tell apart: several at one place (missing
   * sections are all reported at the title) or at none (a table's delimiter row).
   */
  unplaced: Finding[];
  /** What exactly is missing, when an observation can say ("Costs, ROI"). */
  detail?: string;
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
  /** Lint groups, then the coach's observations; each in the rule catalogue's order. */
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
  return catalogueRank(a.ruleId) - catalogueRank(b.ruleId) || a.ruleId.localeCompare(b.ruleId);
}

function lineSpan(model: DocumentModel, offset: number): Span {
  const line = model.lineOf(offset);
  const start = model.lineStart(line);
  const next = line + 1 < model.lineCount ? model.lineStart(line + 1) : model.text.length;
  const raw = model.text.slice(start, next);
  return { start, end: start + raw.replace(/\r?\n$|\r$/, '').length };
}

/** The table cell around `offset` when the line is a table row, else the whole line. */
function cellOrLine(model: DocumentModel, offset: number): Span {
  const line = lineSpan(model, offset);
  const raw = model.text.slice(line.start, line.end);
  if (!/^\s*\|/.test(raw)) return line;
  let start = line.start;
  for (const m of raw.matchAll(/(?<!\\)\|/g)) {
    const at = line.start + m.index;
    if (at >= offset) return { start, end: at };
    start = at + 1;
  }
  return { start, end: line.end };
}

/** The document's words around a finding: its metric's name, else its sentence or cell. */
function passageAt(model: DocumentModel, metrics: readonly MetricItem[], offset: number): Passage | undefined {
  const metric = metrics.find((m) => m.span.start <= offset && offset < m.span.end);
  if (metric) return metricPassage(metric);
  let span = cellOrLine(model, offset);
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

function statementsOf(model: DocumentModel, role: SectionRole): Passage[] {
  const out: Passage[] = [];
  const push = (span: Span) => {
    const raw = model.text.slice(span.start, span.end);
    for (const s of sentenceSpans(raw)) {
      const text = plain(raw.slice(s.start, s.end));
      if (/[\p{L}\p{N}]/u.test(text)) out.push({ text, offset: span.start + s.start, end: span.start + s.end });
    }
  };
  for (const section of model.sectionsWithRole(role)) {
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

const BUSINESS_CASE_ROLES: ReadonlyArray<readonly [SectionRole, string]> = [
  ['problem', 'Problem'],
  ['options', 'Options'],
  ['costs', 'Costs'],
  ['benefits', 'Benefits'],
  ['roi', 'ROI'],
  ['recommendation', 'Recommendation'],
];

/** Gaps that are plain facts of the structure, for rules that reported nothing. */
function observations(facts: Omit<Facts, 'groups'>, reported: ReadonlySet<string>): Group[] {
  const { model, metrics } = facts;
  const out: Group[] = [];
  const first = model.sections.find((s) => s.depth > 0);
  const anchor: Passage[] = first ? [{ text: plain(first.title), offset: first.titleSpan.start, end: first.titleSpan.end }] : [];
  const observe = (ruleId: string, passages: Passage[], detail?: string) => {
    if (!reported.has(ruleId)) out.push({ ruleId, count: 0, passages, findings: [], unplaced: [], ...(detail ? { detail } : {}) });
  };
  const has = (role: SectionRole) => model.sectionsWithRole(role).length > 0;

  if (metrics.length === 0 && !has('success-metrics') && !has('key-results')) observe('success-metrics-missing', anchor);
  const lacking = (field: 'target' | 'baseline' | 'timeframe') =>
    uniquePassages(metrics.filter((m) => m[field] === undefined).map(metricPassage));
  for (const [ruleId, field] of [
    ['metric-missing-target', 'target'],
    ['metric-missing-baseline', 'baseline'],
    ['metric-missing-timeframe', 'timeframe'],
  ] as const) {
    const passages = lacking(field);
    if (passages.length > 0) observe(ruleId, passages);
  }
  if (facts.kind === 'prd' && !has('problem')) observe('problem-statement-missing', anchor);
  if (facts.kind === 'business-case') {
    const missing = BUSINESS_CASE_ROLES.filter(([role]) => !has(role)).map(([, name]) => name);
    if (missing.length > 0) observe('business-case-section-missing', anchor, missing.join(', '));
  }
  return out;
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

  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const groups: Group[] = [...byRule].map(([ruleId, list]) => {
    const placed = list.map((f) => passageAt(model, metrics, f.start.offset));
    const keys = placed.map((p) => p?.text.toLowerCase());
    const uses = new Map<string | undefined, number>();
    for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
    const unplaced = list.filter((_, i) => keys[i] === undefined || uses.get(keys[i])! > 1);
    return { ruleId, count: list.length, passages: uniquePassages(placed), findings: list, unplaced };
  });
  groups.sort(byCatalogue);
  const observed = kind === 'none' ? [] : observations(base, new Set(byRule.keys())).sort(byCatalogue);
  return { ...base, groups: [...groups, ...observed] };
}

/** The groups, limited to passages and findings inside a span (empty groups dropped). */
export function within(groups: readonly Group[], span: Span): Group[] {
  const inside = (offset: number) => span.start <= offset && offset < span.end;
  return groups
    .map((g) => {
      const findings = g.findings.filter((f) => inside(f.start.offset));
      const unplaced = g.unplaced.filter((f) => inside(f.start.offset));
      return { ...g, findings, unplaced, count: g.count === 0 ? 0 : findings.length, passages: g.passages.filter((p) => inside(p.offset)) };
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
