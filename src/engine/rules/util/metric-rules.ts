// Shared by the metric rules. For metric-missing-target, -baseline and
// -timeframe: does a metric state the attribute (in its cell, elsewhere in its
// row or item, or for its whole table or list through a heading or lead-in),
// and what to report when not. For no-leading-indicator and no-guardrail-metric:
// what reads as a leading or guardrail metric, and which heading to report on.
import * as z from 'zod';
import { attributesFromText } from '../../model/metrics';
import { cachedByText } from '../../memo/detached';
import { spannedList } from '../../memo/codecs';
import { perSection } from '../../memo/per-section';
import { isGuardrailText } from '../../vocabulary/guardrails';
import { CONTEXT_TIMEFRAME, MEASURE_WINDOW } from '../../vocabulary/timeframes';
import { OUTCOME_ROLES, type DocumentModel, type MetricColumn, type MetricItem, type MetricTable, type Section, type Span } from '../../types';
import { defineRule, type Rule, type RuleContext } from '../rule';
import { NEW_METRIC, productIsNew } from '../../vocabulary/newness';
import { blankPlaceholders } from './placeholders';
import { countOf, reportGaps, runsOf, type Gap } from './grouped-gaps';
import { addColumnsEdits, readRowLine, trimmedCell, type NewColumn } from './table-edit';

export type Attribute = 'baseline' | 'target' | 'timeframe';

interface AttributeInfo {
  ruleId: string;
  column: MetricColumn;
  header: string;
  placeholder: string;
}

const ATTRIBUTES: Record<Attribute, AttributeInfo> = {
  baseline: { ruleId: 'metric-missing-baseline', column: 'baseline', header: 'Baseline', placeholder: '[baseline]' },
  target: { ruleId: 'metric-missing-target', column: 'target', header: 'Target', placeholder: '[target]' },
  timeframe: { ruleId: 'metric-missing-timeframe', column: 'timeframe', header: 'Timeframe', placeholder: '[by when]' },
};

/** Options every missing-attribute rule has. */
export const sourcesOption = z
  .array(z.enum(['table', 'list']))
  .default(['table', 'list'])
  .describe('Where the attribute is required: rows of metric tables, items of metric lists, or both.');

export interface AttributeOptions {
  sources: readonly ('table' | 'list')[];
  allowUnstatedBaselineForNew?: boolean;
}

// A baseline stated in words: "no baseline yet", "from zero", "not measured today".
const BASELINE_IN_WORDS = /\bno (?:current |existing )?baseline\b|\bbaseline\s{0,8}(?:is\s{0,8})?(?:[:=]\s{0,8})?(?:0|zero|none|n\/?a|new)\b|\b(?:from|starting (?:at|from))\s+(?:0|zero|nothing|scratch)\b|\bnot (?:measured|tracked) (?:today|yet|before|until now)\b/i;
// A period named in a heading or lead-in applies to every metric under it:
// "Month 6 success criteria", "Q3 2025 key results", "Targets for the first 90 days:".
// A guardrail holds for a period rather than being reached by a date.
const CADENCE = /\b(?:throughout|during|at all times|always|every (?:day|week|month|quarter|sprint|release)|(?:daily|weekly|monthly) (?:check|review)|ongoing|continuously|after (?:launch|release))\b/i;


/** A period for a group of metrics; "after launch" alone is too vague to count. */
function namesPeriod(words: string): boolean {
  if (CONTEXT_TIMEFRAME.test(words)) return true;
  const stated = attributesFromText(words, 0).timeframe;
  return stated !== undefined && !/\b(?:launch|ga|release|pilot|beta)$/i.test(stated.text);
}

// Whether a title names a period, by title: every metric under a heading asks on every lint.
const titleNamesPeriod = cachedByText((title) => title !== '' && namesPeriod(title));

/** A period in a metric's own heading or the headings above it ("Phase 1 (Q1 2026)" > "Success criteria"). */
function headingTimeframe(model: DocumentModel, section: Section): boolean {
  return titleNamesPeriod(section.title) || (section.parent !== undefined && aboveTimeframe(model, section.parent));
}

/** Like headingTimeframe for the headings above, except a document title that is not itself about goals or metrics. */
const aboveTimeframe = perSection((model, section): boolean => {
  // The preamble's title is a bold first line that titles an OKR or metrics page ("**2024 OKRs**").
  if (section.depth === 0) return titleNamesPeriod(section.title);
  const title = section.depth === 1 && !(section.effectiveRole !== undefined && OUTCOME_ROLES.has(section.effectiveRole));
  return (!title && titleNamesPeriod(section.title)) || (section.parent !== undefined && aboveTimeframe(model, section.parent));
});

/** The blocks of a section's body that a lead-in paragraph right before them gives a period. */
const periodBlocks = spannedList<Span>();

/** A section's blocks given a period, read from its body alone (and kept between lints by the memo). */
const periodBlocksOf = perSection((model, section): Span[] => {
  section.readable();
  return model.memo.get('lead-in-periods', section, '', 'body', periodBlocks, () => {
    const found: Span[] = [];
    let lead = false;
    for (const node of section.nodes()) {
      const span = section.spanOf(node);
      if (node.type === 'paragraph') lead = namesPeriod(model.text.slice(span.start, span.end));
      else {
        if (lead) found.push({ start: span.start, end: span.end });
        lead = false;
      }
    }
    return found;
  });
});

function leadInTimeframe(model: DocumentModel, section: Section, at: number): boolean {
  return periodBlocksOf(model, section).some((b) => b.start <= at && at < b.end);
}

/** What a metric says about itself beyond its own slots; computed once per item and shared by the rules. */
interface Facts {
  /** Texts that may state an attribute in passing (see `passingCells`), or the list item's words. */
  texts: string[];
  /** Attributes those texts state (tables only). */
  inPassing: { baseline: boolean; target: boolean; timeframe: boolean };
  /** A list item names an amount outside its baseline and timeframe. */
  amount: boolean;
}

const factsCache = new WeakMap<MetricItem, Facts>();

function factsOf(model: DocumentModel, item: MetricItem): Facts {
  let facts = factsCache.get(item);
  if (facts) return facts;
  const texts = item.table ? passingCells(model, item, item.table) : [itemText(model, item)];
  const inPassing = { baseline: false, target: false, timeframe: false };
  if (item.table) {
    for (const words of texts) {
      const stated = attributesFromText(words, 0);
      inPassing.baseline ||= stated.baseline !== undefined;
      inPassing.target ||= stated.target !== undefined;
      inPassing.timeframe ||= stated.timeframe !== undefined;
    }
  }
  facts = { texts, inPassing, amount: !item.table && namesAmount(model, item) };
  factsCache.set(item, facts);
  return facts;
}

/**
 * A table row's cells that may state an attribute in passing: "20% by Q3" in the
 * target cell, unlabelled columns, and the metric cell when it is a whole statement
 * ("Activation from 12% to 20% by Q3"). A baseline cell's "12%" is no target, and
 * "within 7 days" in a metric's name is its measurement window, not a deadline.
 * An attribute's own cell is blank whenever these are consulted, so it may be among them.
 */
function passingCells(model: DocumentModel, item: MetricItem, table: MetricTable): string[] {
  const row = readRowLine(model.text, item.span.start, item.span.end);
  const out: string[] = [];
  row.cells.forEach((cell, i) => {
    const column = table.columns[i];
    const words = model.text.slice(cell.start, cell.end);
    if (column !== undefined && column !== 'target' && column !== 'metric') return;
    if (column === 'metric' && !attributesFromText(words, 0).target) return;
    out.push(words);
  });
  return out;
}

/** A list item's own words: from its text to the end of its nested details, without the list marker. */
function itemText(model: DocumentModel, item: MetricItem): string {
  return model.text.slice(item.name.span.start, item.span.end);
}

// Numbers that name a period or a label rather than an amount: "Q3", "2025", "Day 7", "30-day", "KR2".
const NOT_AN_AMOUNT = /\b(?:q[1-4]|h[12]|fy\s?'?\d{2,4}|(?:19|20)\d\d|(?:day|week|month|quarter|year|sprint|phase|step|kr|o)\s*\d+|\d+[- ](?:day|week|month|quarter|year)s?|[dwm]\d+)\b/gi;

// A target stated without a number: "positive ROI", "break even", "revenue covers hosting costs".
const TARGET_IN_WORDS = /\bpositive (?:roi|return|margin|cash ?flow|contribution|unit economics|nps)\b|\bbreak[- ]?even\b|\bcovers? (?:[a-z-]+ ){0,3}costs?\b/i;

const NOT_APPLICABLE = /^[^:\n]{1,60}:(?:\*\*|__)?\s*(?:\*\*|__)?n\/a\b/i;

/** Whether a list item names an amount to reach anywhere outside its baseline and timeframe: "Support 25 concurrent users". */
function namesAmount(model: DocumentModel, item: MetricItem): boolean {
  let words = itemText(model, item);
  const base = item.name.span.start;
  for (const field of [item.baseline, item.timeframe]) {
    if (field) words = words.slice(0, field.span.start - base) + ' '.repeat(field.span.end - field.span.start) + words.slice(field.span.end - base);
  }
  return /\d|\bzero\b/i.test(words.replace(NOT_AN_AMOUNT, ' ')) || TARGET_IN_WORDS.test(words);
}


// Early usage behaviour: activation, adoption, "% of X who Y", time to first value, active use.
const LEADING_TEXT = /\b(?:activat\w*|adopt\w*|onboard\w*|time[- ]to[- ](?:first|value)|first[- ](?:use|session|action|value|run)|(?:daily|weekly|monthly) active|[dwm]au|usage|engag\w*|trial starts?|set ?up completion)\b|(?:%|\b(?:percent(?:age)?|share|proportion|fraction|number|count|rate)) of (?:[\w-]+ ){1,6}?(?:who|that) [\w-]+/i;

/** Whether a metric is a guardrail: its type says so, or (with no type) its wording does. */
export function isGuardrail(model: DocumentModel, item: MetricItem): boolean {
  return item.type === 'guardrail' || (item.type === undefined && isGuardrailText(model.text.slice(item.span.start, item.span.end)));
}

// Adoption: a population in a state that the launch should bring about. "Teams with a
// connected calendar", "accounts using SSO", "admins who have enabled alerts".
const POPULATION = String.raw`(?:users?|teams?|accounts?|customers?|members?|admins?|workspaces?|organi[sz]ations?|orgs?|companies|merchants?|sellers?|buyers?|stores?|shops?|sites?|projects?|households?|clinics?|schools?|developers?|devices?|tenants?|managers?|owners?|clients?|partners?)`;
const TOOK_UP = String.raw`(?:connected|enabled|linked|installed|integrated|configured|set[ -]?up|turned on|switched on|opted[ -]in|activated|adopted|verified|synced|imported|migrated|onboarded)`;
const ADOPTION = new RegExp(
  String.raw`\b${POPULATION}[ \t]+(?:(?:with|having)[ \t]+(?:[\w-]+[ \t]+){0,3}?${TOOK_UP}\b|using[ \t]+\S|on[ \t]+the[ \t]+new\b|(?:who|that)[ \t]+(?:ha(?:ve|s)[ \t]+)?(?:already[ \t]+)?(?:${TOOK_UP}|tried|used|started|created|completed|switched|joined)\b)|\b${TOOK_UP}[ \t]+${POPULATION}\b`,
  'i',
);

/** The words a metric is judged by: a table row's name and target cells (not its source or owner), or a list item. */
function measureWords(model: DocumentModel, item: MetricItem): string {
  if (item.source !== 'table') return model.text.slice(item.span.start, item.span.end);
  return item.target ? `${item.name.text} ${item.target.text}` : item.name.text;
}

/** Whether a metric is a leading indicator: its type says so, or (with no type) it reads as early usage or adoption. */
export function isLeading(model: DocumentModel, item: MetricItem): boolean {
  if (item.type !== undefined) return item.type === 'leading';
  return LEADING_TEXT.test(item.source === 'table' ? item.name.text : model.text.slice(item.span.start, item.span.end)) || ADOPTION.test(measureWords(model, item));
}

/** The heading to report a finding about all the metrics on: the first success-metrics or key-results heading that holds one. */
export function metricsHeading(model: DocumentModel): Span | undefined {
  const { items } = judged(model);
  if (items.length === 0) return undefined;
  for (const item of items) {
    let top: Section | undefined;
    for (let s: Section | undefined = item.section; s && s.depth > 0; s = s.parent) {
      // A title such as "# Mobile OKRs" names the document, not its metrics section.
      if ((s.role === 'success-metrics' || s.role === 'key-results') && (s.depth > 1 || s === item.section)) top = s;
    }
    if (top) return top.titleSpan;
  }
  return items[0]!.section.depth > 0 ? items[0]!.section.titleSpan : undefined;
}

/** Whether `item` states `attribute`, reading its own slot first and then its surroundings. */
function states(model: DocumentModel, item: MetricItem, attribute: Attribute, options: AttributeOptions): boolean {
  if (item[attribute]) return true;
  const facts = factsOf(model, item);
  if (facts.inPassing[attribute]) return true;
  switch (attribute) {
    case 'target':
      return facts.amount;
    case 'baseline': {
      const whole = model.text.slice(item.span.start, item.span.end);
      // Something that does not exist yet starts at zero: the metric says it is new, or the document says the product is.
      if (BASELINE_IN_WORDS.test(whole) || (options.allowUnstatedBaselineForNew !== false && (NEW_METRIC.test(whole) || productIsNew(model)))) return true;
      // A guardrail held over a period ("stays below 0.3% every week") is a limit, not a move from a starting point.
      return isGuardrail(model, item) && facts.texts.some((t) => CADENCE.test(t));
    }
    case 'timeframe': {
      if (headingTimeframe(model, item.section) || leadInTimeframe(model, item.section, (item.table ?? item).span.start)) return true;
      if (facts.texts.some((t) => MEASURE_WINDOW.test(t))) return true;
      return isGuardrail(model, item) && facts.texts.some((t) => CADENCE.test(t));
    }
  }
}

/** A glossary of metric definitions, not a statement of success: no attribute columns, a formula or definition column. */
function isDefinitionTable(model: DocumentModel, table: MetricTable): boolean {
  if (table.columns.some((c) => c === 'baseline' || c === 'target' || c === 'timeframe')) return false;
  const header = model.text.slice(table.headerSpan.start, table.headerSpan.end);
  return /\b(?:definitions?|formulas?|calculations?|how (?:it is |it's )?calculated|meaning|description)\b/i.test(header);
}

// A checklist of things to finish ("Definition of done", "Acceptance criteria") holds criteria, not metrics.
const CHECKLIST = /\b(?:definition of done|done when|acceptance criteria|exit criteria)\b/i;

function inChecklist(section: Section): boolean {
  for (let s: Section | undefined = section; s && s.depth > 0; s = s.parent) if (CHECKLIST.test(s.title)) return true;
  return false;
}

// A row or item that names no metric yet: a template's "KPI" / "Metric 1" row, or a placeholder.
const GENERIC_NAME = /^(?:kpis?|metrics?|measures?|indicators?|key results?|krs?|okrs?|goals?|targets?|names?|outcomes?)[\s#.:\d-]*$/i;
// Guidance set in italics, even when its emphasis is unbalanced: "_**Limit 5-6 KPIs**__".
const ITALIC_GUIDANCE = /^(?:_|\*(?!\*))/;

// By item, from a Linter's second lint on: an item the memo moves to the next lint keeps its answer (it reads only its own text).
const unfilledCache = new WeakMap<MetricItem, boolean>();

/** Whether a metric row or item is still unfilled template: it names no metric of its own. */
function unfilled(model: DocumentModel, item: MetricItem): boolean {
  let found = model.memo.again ? unfilledCache.get(item) : undefined;
  if (found === undefined) {
    const name = blankPlaceholders(item.name.text).replace(/[*_`]/g, '').trim();
    found = name === '' || GENERIC_NAME.test(name) || (item.source === 'list' && ITALIC_GUIDANCE.test(model.text.slice(item.name.span.start, item.name.span.start + 2)));
    if (model.memo.again) unfilledCache.set(item, found);
  }
  return found;
}

const judgedCache = new WeakMap<DocumentModel, { items: MetricItem[]; tables: MetricTable[] }>();

/**
 * The metrics the metric rules judge: not glossary rows, not checklist items, not rows or
 * items that are still unfilled template (placeholder-left speaks for those). A table keeps
 * only the rows judged.
 */
export function judged(model: DocumentModel): { items: readonly MetricItem[]; tables: readonly MetricTable[] } {
  let found = judgedCache.get(model);
  if (!found) {
    const tables = model
      .metricTables()
      .filter((t) => !isDefinitionTable(model, t) && !inChecklist(t.section))
      .map((t) => ({ ...t, rows: t.rows.filter((row) => !unfilled(model, row)) }))
      .filter((t) => t.rows.length > 0);
    const kept = new Set(tables.flatMap((t) => t.rows));
    const items = model.metrics().filter((i) => (i.table ? kept.has(i) : !inChecklist(i.section) && !unfilled(model, i)));
    found = { items, tables };
    judgedCache.set(model, found);
  }
  return found;
}

/** Short name of a metric for messages. */
function metricLabel(item: MetricItem): string {
  const name = item.name.text.replace(/\s+/g, ' ').trim();
  return name.length > 60 ? `${name.slice(0, 57).trimEnd()}...` : name;
}

const KR_ONLY = /^(?:kr\s*\d*|key result\s*\d*|o\d+|objective)$/i;

/** The span of a list item's metric name: its label before a colon, else its first line. */
function nameSpan(model: DocumentModel, item: MetricItem): Span {
  const { start, end } = item.name.span;
  const raw = model.text.slice(start, end);
  const lineEnd = raw.search(/\r?\n|\r/);
  const first = lineEnd < 0 ? raw : raw.slice(0, lineEnd);
  const label = /^([^:]{1,60}?):(?:\*\*|__|\*|_)?(?:\s|$)/.exec(first);
  let from = 0;
  let to = first.length;
  if (label && !KR_ONLY.test(label[1]!.replace(/[*_`]/g, '').trim())) to = label[1]!.length;
  else if (label) from = label[0].length;
  while (from < to && /[\s*_`]/.test(first[from]!)) from++;
  while (to > from && /[\s*_`:]/.test(first[to - 1]!)) to--;
  return to > from ? { start: start + from, end: start + to } : { start, end: start + first.length };
}

interface Wording {
  /** "target", "baseline", "timeframe" */
  noun: string;
  /** What to write instead, said once for the whole table. */
  tableAdvice: string;
  /** What to write instead for one metric. */
  itemAdvice: string;
}

/** The other missing-attribute rules whose column the joint fix may add for them too. */
function columnsToAdd(ctx: RuleContext<AttributeOptions>, table: MetricTable, mine: Attribute): Attribute[] {
  return (Object.keys(ATTRIBUTES) as Attribute[]).filter((attribute) => {
    if (table.columns.includes(ATTRIBUTES[attribute].column)) return false;
    if (attribute === mine) return true;
    const setting = ctx.config.rules[ATTRIBUTES[attribute].ruleId];
    if (!setting || setting.severity === 'off') return false;
    const options = setting.options as Partial<AttributeOptions>;
    const sources = options.sources ?? ['table', 'list'];
    if (!sources.includes('table')) return false;
    return table.rows.some((row) => !states(ctx.model, row, attribute, { sources, allowUnstatedBaselineForNew: options.allowUnstatedBaselineForNew }));
  });
}

function columnFix(ctx: RuleContext<AttributeOptions>, table: MetricTable, attributes: readonly Attribute[], options: AttributeOptions) {
  const rowAt = new Map(table.rows.map((r) => [r.span.start, r]));
  const added: NewColumn[] = attributes.map((attribute) => ({
    column: ATTRIBUTES[attribute].column,
    header: ATTRIBUTES[attribute].header,
    cell(lineStart) {
      const row = rowAt.get(lineStart);
      // Rows that already say it elsewhere keep an empty cell; metric rows that do not get a placeholder.
      return row && !states(ctx.model, row, attribute, options) ? ATTRIBUTES[attribute].placeholder : '';
    },
  }));
  const names = attributes.map((a) => ATTRIBUTES[a].header);
  const columns = names.length === 1 ? `a ${names[0]} column` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} columns`;
  // The new cells hold bracketed placeholders that placeholder-left then lists: say so up front.
  const title = `Add ${columns} (with placeholders to fill in)`;
  return { title, edits: addColumnsEdits(ctx.model.text, table, added) };
}

/** Cell contents that placeholder-left reports as an open decision. */
const OPEN_DECISION = /^(?:[Tt][Bb][DdCc]|TODO)$/;

/** A metric's own gap: its cell (or row, or name) and a message about it alone. */
function gapOf(item: MetricItem, span: Span, wording: Wording): Gap {
  const label = metricLabel(item);
  const place = `"${label}" has no ${wording.noun}.`;
  return { span, label, place, message: `${place} ${wording.itemAdvice}` };
}

function checkTable(ctx: RuleContext<AttributeOptions>, table: MetricTable, attribute: Attribute, wording: Wording): void {
  const { model, options, report } = ctx;
  const missing = table.rows.filter((row) => !states(model, row, attribute, options));
  if (missing.length === 0) return;
  const column = table.columns.indexOf(ATTRIBUTES[attribute].column);
  if (column < 0) {
    const joint = columnsToAdd(ctx, table, attribute);
    const preferred = columnFix(ctx, table, joint, options);
    const fixes = [{ ...preferred, isPreferred: true }];
    if (joint.length > 1) fixes.push({ ...columnFix(ctx, table, [attribute], options), isPreferred: false });
    report({
      span: table.headerSpan,
      message: `This metrics table has no ${ATTRIBUTES[attribute].header} column, and ${missing.length === table.rows.length ? 'no row states' : `${missing.length} of its ${table.rows.length} rows ${missing.length === 1 ? 'does' : 'do'} not state`} a ${wording.noun} anywhere else. ${wording.tableAdvice}`,
      fixes,
      related: missing.map((row) => ({ span: row.name.span, message: gapOf(row, row.name.span, wording).place })),
    });
    return;
  }
  // A "TBD" cell is placeholder-left's to report ("still open: decide it"), as a bracketed
  // placeholder is; one gap, one warning. With that rule off, it is reported here.
  const placeholdersReported = ctx.config.rules['placeholder-left']?.severity !== 'off';
  const gaps: Gap[] = [];
  for (const row of missing) {
    const cell = readRowLine(model.text, row.span.start, row.span.end).cells[column];
    if (cell && placeholdersReported && OPEN_DECISION.test(model.text.slice(cell.start, cell.end).replace(/[*_`\s]/g, ''))) continue;
    gaps.push(gapOf(row, cell ? trimmedCell(model.text, cell) : row.span, wording));
  }
  // Several blanks in one column are one piece of work: one finding on the column's header.
  const headerCell = readRowLine(model.text, table.headerSpan.start, table.headerSpan.end).cells[column];
  reportGaps(report, gaps, {
    span: headerCell ? trimmedCell(model.text, headerCell) : table.headerSpan,
    summary: (count, names) =>
      `${countOf(count, table.rows.length, 'this table', wording.noun)} (${names}). ${wording.itemAdvice}`,
  });
}

/** Whether a list item lacks `attribute` in a way this rule reports. */
function lacks(model: DocumentModel, item: MetricItem, attribute: Attribute, options: AttributeOptions): boolean {
  if (states(model, item, attribute, options)) return false;
  // "Trial starts: N/A (free during the beta)" says on purpose that the metric does not apply yet.
  if (NOT_APPLICABLE.test(itemText(model, item))) return false;
  // An item with no amount at all gets one finding, from metric-missing-target, whose
  // advice covers the whole shape ("from 18% to 35% by end of Q3").
  return attribute === 'target' || states(model, item, 'target', options);
}

/** One missing-attribute rule: table rows and list items in metric sections. */
export function missingAttributeRule<S extends z.ZodType<AttributeOptions>>(spec: {
  attribute: Attribute;
  description: string;
  options: S;
  wording: Wording;
}): Rule<S> {
  const { attribute, wording } = spec;
  return defineRule({
    meta: {
      id: ATTRIBUTES[attribute].ruleId,
      description: spec.description,
      defaultSeverity: 'warning',
      kinds: ['prd', 'business-case', 'okr'],
      options: spec.options,
    },
    check(ctx) {
      const { model, options, report } = ctx;
      const { items, tables } = judged(model);
      if (options.sources.includes('table')) for (const table of tables) checkTable(ctx, table, attribute, wording);
      if (!options.sources.includes('list')) return;
      // One finding per run of list items (one list), with each item reachable under it.
      for (const run of runsOf(model.text, items.filter((item) => item.source === 'list'))) {
        const gaps = run
          .filter((item) => lacks(model, item, attribute, options))
          .map((item) => gapOf(item, nameSpan(model, item), wording));
        reportGaps(report, gaps, {
          summary: (count, names) => `${countOf(count, run.length, 'this list', wording.noun)} (${names}). ${wording.itemAdvice}`,
        });
      }
    },
  });
}

/** A rule about the metrics as a set: reports once, on the metrics heading, when none of them is of a kind. */
export function noneOfKindRule(spec: { id: string; description: string; is: (model: DocumentModel, item: MetricItem) => boolean; message: string }): Rule {
  return defineRule({
    meta: { id: spec.id, description: spec.description, defaultSeverity: 'info', kinds: ['prd', 'business-case'], options: z.object({}).strict() },
    check({ model, report }) {
      const heading = metricsHeading(model);
      if (heading && !judged(model).items.some((item) => spec.is(model, item))) report({ span: heading, message: spec.message });
    },
  });
}
