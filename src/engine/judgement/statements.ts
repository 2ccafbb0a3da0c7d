// Step 1 of the judgement: where a document states what success is.
// - sections whose role is goals, success metrics or key results (every statement in them);
// - field-labeled lines anywhere ("**Goal:** ...", "Success criteria: ...", "KR2: ...");
// - a label paragraph ("Key Results:") and the lists right after it;
// - sentences that call themselves the goal ("Our primary goal is to ...", "This project aims to ...");
// - tables whose header names a KPI, a target or a success criterion;
// - OKR headings ("## Objective 2: ...", "### KR1: ...").
// Outside success sections only sections whose raw text shows one of these shapes are
// parsed, so a long document with a short goals section costs little more than before.
import type { List, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cellContent, columnOf } from '../model/metrics';
import { judge, type JudgeOptions, type Judgement } from './classify';
import { SECTION_ROLES, type DocumentModel, type Section, type SectionRole, type Span } from '../types';
import { asItIs, type Keep } from '../memo/detached';
import type { SectionCodec } from '../memo/section-memo';
import { sectionClauses, type Clause } from '../rules/util/clauses';
import { lowerBound } from '../text/sorted';
import { NORMALISERS, RESULT_WORDS, VANITY_HEADS } from '../vocabulary/measures';

/** A success statement: the clause, and whether it sits where metrics or where goals are stated. */
export interface SuccessStatement extends Clause {
  place: 'metric' | 'goal';
  /** A table row's target cell, read with the metric's name. */
  value?: string;
  /** The line goes on a sentence begun on the line before ("... in project\nmanagement through ..."). */
  continuation?: boolean;
  /** A list starts on the next line: the statement introduces it. */
  introduces?: boolean;
  /** It stands where key results are listed, or is a checkbox in a list of milestones. */
  keyResult?: boolean;
  /** What follows it up to the end of its sentence (a clause after ";" or a dash). */
  rest?: string;
  /**
   * Its judgements by the options they were made under (`judgeStatement`), shared with every
   * copy of it the memo restores in later lints: the judgement reads only the statement.
   */
  judgements?: Map<string, Judgement>;
}

export const METRIC_PLACES: ReadonlySet<SectionRole> = new Set<SectionRole>(['success-metrics', 'key-results']);
const GOAL_PLACES: ReadonlySet<SectionRole> = new Set<SectionRole>(['goals']);

// "**Goal:**", "Success criteria:", "KR2 -", "OCTO Objective 1:", "What does great look like?".
// Words that may stand before the label: "Primary goal:", "Epic Goal:", "Week 1 targets:", "90-day KPIs:".
const LABEL_PREFIX = String.raw`(?:(?:primary|main|key|core|overall|ultimate|business|product|project|epic|initiative|team|launch|stretch|secondary|our|the|(?:week|month|phase|quarter|year|day|sprint)[ \t]{0,8}\d{1,3}|\d{1,3}[- ]?(?:day|week|month)|q[1-4]|h[12])[ \t]{1,8}){0,2}`;
// Any one or two words may name what a goal or target is for ("Stars goal:", "MVP success
// criteria:", "OCTO Objective 1:"), except words that make it someone else's goal or a design aim.
const ANY_PREFIX = String.raw`(?:(?!(?:users?|personas?|customers?|personal|learning|design|technical|non|his|her|their)\b)[\p{L}\p{N}][\p{L}\p{N}'’.-]{0,24}[ \t]{1,8}){1,2}`;
const LABEL_WORDS =
  String.raw`(?:${LABEL_PREFIX}(?:goals?|objectives?|aims?|purpose|desired outcomes?|outcomes?|results?|targets?|kpis?|okrs?|key results?|krs?|success (?:criteria|criterion|metrics?|measures?|looks like)|north[- ]star(?: metric)?|definition of success)|${ANY_PREFIX}(?:goals?|objectives?|targets?|kpis?|okrs?|key results?|success (?:criteria|criterion|metrics?|measures?))|what does (?:great|good|success) look like)`;
const FIELD_LABEL = new RegExp(
  String.raw`^[ \t]{0,3}(?:[-*+•][ \t]{1,8}|\d{1,3}[.)][ \t]{0,8})?(?:\[[ xX]\][ \t]{1,8})?(?:\*\*|__|\*|_)?${LABEL_WORDS}(?:[ \t]{0,8}#?\d{1,3}(?:\.\d{1,3})?)?(?:\*\*|__|\*|_)?[ \t]{0,8}(?::|\?|[ \t][-–—][ \t])(?:\*\*|__|\*|_)?`,
  'iu',
);
// "KR2:", "Key result 1.3 -": the label itself says a key result follows.
const KR_LABEL = /(?:^|[^\p{L}])(?:key results?|krs?)(?=[\s\d#:.\-–—*_]|$)/iu;
const METRIC_LABEL = /\b(?:results?|targets?|kpis?|okrs?|key results?|krs?|success|north[- ]star|great|good)\b/i;

// "Our primary goal is to", "Another goal for this deliverable is to", "This project aims to".
const GOAL_SENTENCE =
  /\b(?:(?:our|the|my|an?|one|another|additional|primary|main|key|first|second|ultimate|overall|stretch|core)\s{1,8}(?:[\w-]+\s{1,8}){0,2}?(?:goal|objective|aim|purpose)s?(?:\s{1,8}(?:of|for)\s{1,8}[^.;:\n]{1,40}?)?\s{1,8}(?:is|are|was|will be|remains)\s{1,8}(?:to\s{1,8})?|(?:this|the|our)\s{1,8}(?:project|initiative|work|effort|proposal|team|feature|product|program|programme)\s{1,8}(?:aims|intends|seeks|wants|plans)\s{1,8}to\s{1,8}|\bwe\s{1,8}aim\s{1,8}to\s{1,8})/i;

// A table row naming a KPI, target or success criterion (a cheap look, line by line).
const SUCCESS_COLUMN = /\b(?:kpis?|targets?|success (?:criteria|criterion|metrics?|measures?|signals?)|key results?|goals?|metrics?|measures?|north[- ]star)\b/i;
// A header cell that makes a table one of measures and targets, whatever else it holds.
const SUCCESS_HEADER = /\b(?:kpis?|targets?|goals?|success|key results?|metrics?|measures?|indicators?|north[- ]star)\b/;
const TARGET_HEADER = /\b(?:kpis?|targets?|goals?|success|key results?)\b/;
const MEASURE_COLUMN = /^(?:(?:success|key|core|primary|product|business|north[- ]star)\s{1,4})?(?:metrics?|kpis?|measures?|indicators?|north[- ]star(?:\s{1,4}metric)?)$/;
const NOT_SUCCESS_TABLE: ReadonlySet<SectionRole | undefined> = new Set<SectionRole | undefined>(['appendix', 'non-goals', 'risks', 'open-questions', 'costs', 'roi']);
// A column that shows how a figure is worked out makes the table a model of costs or revenue.
const WORKING_COLUMN = /\b(?:calculations?|formulas?|computation|derivation|workings?|assumptions?)\b/;
const tableHeaderNamesSuccess = (body: string) => body.split('\n').some((line) => line.includes('|') && SUCCESS_COLUMN.test(line));

/** A cheap look at a section's raw text: could it hold a success statement outside a success section? */
const CANDIDATE = new RegExp(`${FIELD_LABEL.source}|${GOAL_SENTENCE.source}`, 'imu');

// "**Objective: ...**", "O2 -": a label that opens an objective, whose list holds its key results.
const OBJECTIVE_LABEL = /^[^\p{L}]{0,12}(?:[\p{L}-]+ )?(?:objective|o)\b/iu;
const OBJECTIVE_HEADING = /^(?:[\p{L}-]+ )?(?:objective|o)[ \t]{0,8}#?\d{0,3}(?:\.\d{1,3})?[ \t]{0,8}[:.)\-–—]/iu;
// A heading that only says what follows ("Key results", "Our objectives", "Q3 metrics") states nothing itself.
const ROLE_ONLY =
  /^\W{0,8}(?:(?:the|our|key|main|primary|secondary|team|company|q[1-4]|h[12]|\d{4})\s{1,4}){0,2}(?:(?:leading|lagging|success|health|input|counter)[\s-]{1,4})?(?:key results?|krs?|objectives?|okrs?|goals?|outcomes?|metrics?|kpis?|targets?|milestones?|initiatives?|results?|measures?|criteria|guardrails?|indicators?|signals?|north[- ]star(?:\s{1,4}metrics?)?)\W{0,8}$/i;
// A table of contents: an item that is only a link to a heading of the same page.
const IN_PAGE_LINK = /^\s{0,8}\[[^\]\n]{1,300}\]\(#[^()\s]{0,300}\)\s{0,8}$/;
const OKR_HEADING = /^(?:[\p{L}-]+ )?(?:objective|o|key result|kr)[ \t]{0,8}#?\d{1,3}(?:\.\d{1,3})?[ \t]{0,8}[:.)\-–—][ \t]{0,8}(?=\S)/iu;

const cache = new WeakMap<DocumentModel, SuccessStatement[]>();

/** Every success statement of the document, in document order. */
export function successStatements(model: DocumentModel): SuccessStatement[] {
  let found = cache.get(model);
  if (!found) {
    found = collect(model);
    cache.set(model, found);
  }
  return found;
}

/**
 * `judge` for success statements under `options`, each judgement kept with its statement:
 * a statement restored unchanged in a later lint is not judged again.
 */
export function statementJudge(options: JudgeOptions = {}, keep: Keep = asItIs): (statement: SuccessStatement) => Judgement {
  const key = JSON.stringify(options);
  return (statement) => {
    let judgement = statement.judgements?.get(key);
    if (!judgement) {
      judgement = judge(statement, options);
      // Kept by the memo's copy of the statement too: its reason must not hold on to this lint's text.
      if (statement.judgements) {
        judgement.reason = keep(judgement.reason);
        statement.judgements.set(key, judgement);
      }
    }
    return judgement;
  };
}

function collect(model: DocumentModel): SuccessStatement[] {
  const { text } = model;
  let rows: Map<number, string> | undefined;
  // A metric row's target, by where its name starts: read with the statement in that cell.
  const targets = () => {
    if (rows) return rows;
    rows = new Map();
    for (const table of model.metricTables()) {
      const target = table.columns.indexOf('target');
      for (const row of table.rows) if (target >= 0 && row.target) rows.set(row.name.span.start, row.target.text);
    }
    return rows;
  };
  // Whether a section lies in one the document calls a task list ("#### Tasks" under Goals): it states nothing.
  const underTask: boolean[] = [];
  const out: SuccessStatement[] = [];
  // One function for every section, reading the section in hand: a closure per section was
  // thousands of objects per lint of a long page.
  let section: Section;
  let task: boolean;
  const compute = () => finishedStatements(model, section, task, targets);
  for (section of model.sections) {
    const success = inSuccess(section);
    // A stored answer still marks a section nested too deep as unchecked, as a fresh read does.
    if (success) section.readable();
    task = (section.parent !== undefined && underTask[section.parent.index]!) || (success && section.depth > 0 && section.unparsed === undefined && TASK_TITLE.test(section.title));
    underTask[section.index] = task;
    const start = section.heading.start;
    const end = section.body.end;
    // What a section states depends on its own text, its roles and place in the tree, and the
    // line breaks either side of it (a sentence may go on from the line before; a list may
    // start on the line after). A section whose text does not end its last line (a lone \r)
    // could have a sentence run on into the next: it is read afresh every time.
    const found =
      end === text.length || text.charCodeAt(end - 1) === 10
        ? model.memo.get('success-statements', section, statementsContext(section, task, edgeContext(text, start, end)), 'own', finishedCodec, compute)
        : compute();
    if (found.walked) section.readable();
    for (const statement of found.statements) out.push(statement);
  }
  return out;
}

const inSuccess = (s: Section) => s.effectiveRole !== undefined && (METRIC_PLACES.has(s.effectiveRole) || GOAL_PLACES.has(s.effectiveRole));

// The characters a sentence's continuation looks back at (see `continues`).
const JOINING = /[\p{L}\p{N},*_)"'”]/u;
const LIST_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/** Whether the line at `at` may open a list item within LIST_START's reach: it is cut out and tested only then (most sections end before a heading). */
function mayStartList(text: string, at: number): boolean {
  let i = at;
  while (i < at + 39 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
}

/**
 * What the statements of the text from `start` to `end` can read outside it, as three bits:
 * whether the line before ends a sentence (the line break itself, then the last character
 * before blanks), and whether the line after starts a list item.
 */
function edgeContext(text: string, start: number, end: number): number {
  let i = start - 1;
  const breakBefore = i >= 0 && text.charCodeAt(i) === 10;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  const joined = i >= 0 && JOINING.test(text[i]!);
  const listAfter = end < text.length && mayStartList(text, end) && LIST_START.test(text.slice(end, end + 39));
  return (breakBefore ? 4 : 0) + (joined ? 2 : 0) + (listAfter ? 1 : 0);
}

// Roles by a small number (0 for none), for the context below: a string built per section per
// lint was most of what a re-lint allocated.
const ROLE_CODES = new Map<SectionRole | undefined, number>(SECTION_ROLES.map((role, i) => [role, i + 1]));
const roleCode = (role: SectionRole | undefined) => ROLE_CODES.get(role) ?? 0;

/** What a section's statements depend on besides its text: its roles, its place in the tree, a task list above it, its edges; one number. */
function statementsContext(section: Section, task: boolean, edges: number): number {
  const roles = (roleCode(section.role) * 64 + roleCode(section.effectiveRole)) * 64 + roleCode(section.parent?.effectiveRole);
  return (((section.depth * 262_144 + roles) * 2 + (section.children.length > 0 ? 1 : 0)) * 2 + (task ? 1 : 0)) * 8 + edges;
}

/** A section's statements in document order, skipped ones left out, each with what the judgement reads around it. */
function finishedStatements(model: DocumentModel, section: Section, task: boolean, targets: () => Map<number, string>): SectionStatements {
  const { text } = model;
  const own: SuccessStatement[] = [];
  if (inSuccess(section)) {
    for (const clause of sectionClauses(model, section)) {
      if (isGuidance(clause.text)) continue;
      const place = METRIC_PLACES.has(clause.section.effectiveRole!) ? 'metric' : 'goal';
      const label = FIELD_LABEL.exec(clause.text);
      // Fields written out: a spread per clause cost more than the rest of this loop on a long list.
      own.push({ text: clause.text, start: clause.start, section: clause.section, origin: clause.origin, unit: clause.unit, place: label && METRIC_LABEL.test(label[0]) ? 'metric' : place, value: targets().get(clause.start) });
    }
  }
  const found = ofSection(model, section);
  for (const statement of found.statements) own.push(statement);
  if (task) return { statements: [], walked: found.walked };
  // Document order; the sort is stable, so at a tie a body's clause stays before what was walked.
  own.sort((a, b) => a.start - b.start);
  const skipped = inSuccess(section) && section.unparsed === undefined ? offListsOf(model, section) : [];
  // The bold line that titles an OKR page names the page; it states nothing itself.
  if (section.depth === 0 && section.title) {
    const lineEnd = text.indexOf('\n', text.indexOf(section.title));
    skipped.push({ start: 0, end: lineEnd < 0 ? text.length : lineEnd });
  }
  // One lookup per statement: a scan of every skipped span for each was quadratic on a long page.
  const within = insideAny(skipped);
  // What the section's title says, asked once rather than for each of a long list's items.
  const objectiveTitle = OBJECTIVE_HEADING.test(section.title);
  const milestoneTitle = MILESTONE_SECTION.test(section.title);
  const statements = own
    .filter((s) => !within(s.start) && !IN_PAGE_LINK.test(s.text))
    .map((s): SuccessStatement => ({
      text: s.text,
      start: s.start,
      section,
      origin: s.origin,
      unit: s.unit,
      place: s.place,
      value: s.value,
      keyResult: !OBJECTIVE_LABEL.test(s.text) && (s.keyResult || section.effectiveRole === 'key-results' || ((s.origin === 'list-item' || s.origin === 'metric-cell') && objectiveTitle) || (milestoneTitle && checkbox(text, s))),
      continuation: continues(text, s.start, s.text),
      introduces: introducesList(text, s.start + s.text.length),
      rest: restOfSentence(text, s.start + s.text.length),
      judgements: new Map(),
    }));
  return { statements, walked: found.walked };
}

// The parser takes a task item's "[ ]" out of its paragraph, so look between the item's start and the text.
const CHECKBOX = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]{1,8}\[[ xX]\]/;
const checkbox = (text: string, s: SuccessStatement) => /^\s{0,8}\[[ xX]\]/.test(s.text) || (s.unit.start <= s.start && s.start - s.unit.start < 40 && CHECKBOX.test(text.slice(s.unit.start, s.start + 1)));
/** Whether an offset falls inside any of the spans: they are merged once, then found by binary search. */
function insideAny(spans: readonly Span[]): (at: number) => boolean {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  const starts = merged.map((span) => span.start);
  return (at) => {
    const last = lowerBound(starts, at + 1) - 1;
    return last >= 0 && at < merged[last]!.end;
  };
}

/** A section's own statements (OKR and measure headings, labeled lines outside success sections), and whether its body was read for them. */
interface SectionStatements {
  statements: SuccessStatement[];
  walked: boolean;
}

type StoredStatement = Omit<SuccessStatement, 'section'>;
// Fields written out rather than spread: every statement of the document is restored on every
// lint, and literals of one shape are several times cheaper to make than spreads.
const finishedCodec: SectionCodec<SectionStatements, { statements: StoredStatement[]; walked: boolean }> = {
  store: (found, base, keep) => ({
    statements: found.statements.map((s) => ({ text: keep(s.text), start: s.start - base, origin: s.origin, unit: { start: s.unit.start - base, end: s.unit.end - base }, place: s.place, value: s.value === undefined ? undefined : keep(s.value), keyResult: s.keyResult, continuation: s.continuation, introduces: s.introduces, rest: s.rest === undefined ? undefined : keep(s.rest), judgements: s.judgements })),
    walked: found.walked,
  }),
  restore: (stored, base, section) => ({
    statements: stored.statements.map((s) => ({ text: s.text, start: s.start + base, section, origin: s.origin, unit: { start: s.unit.start + base, end: s.unit.end + base }, place: s.place, value: s.value, keyResult: s.keyResult, continuation: s.continuation, introduces: s.introduces, rest: s.rest, judgements: s.judgements })),
    walked: stored.walked,
  }),
  move: (found, by, section) => {
    for (const s of found.statements) {
      s.start += by;
      s.unit.start += by;
      s.unit.end += by;
      s.section = section;
    }
  },
};

function ofSection(model: DocumentModel, section: Section): SectionStatements {
  const out: SuccessStatement[] = [];
  const okr = section.depth > 0 ? OKR_HEADING.exec(model.text.slice(section.titleSpan.start, section.titleSpan.end)) : null;
  if (okr) {
    const start = section.titleSpan.start + okr[0].length;
    const text = model.text.slice(start, section.titleSpan.end);
    const span = { start: section.heading.start, end: section.heading.end };
    out.push({ text, start, section, origin: 'sentence', unit: span, place: /^(?:[\p{L}-]+ )?(?:key result|kr)/iu.test(okr[0]) ? 'metric' : 'goal' });
  }
  // On an OKR page the headings below the title are objectives and key results themselves.
  // A leaf heading two levels below the title names one; a higher or parent heading may
  // only name a team or an area, so a bare noun phrase there is not called a delivery.
  else if (section.depth > 1 && section.effectiveRole === 'key-results' && section.parent?.effectiveRole === 'key-results' && !ROLE_ONLY.test(section.title)) {
    const start = section.titleSpan.start;
    const leaf = section.children.length === 0 && section.depth >= 3;
    out.push({ text: model.text.slice(start, section.titleSpan.end), start, section, origin: leaf ? 'heading' : 'sentence', unit: section.heading, place: 'goal' });
  }
  // ("Sign-in success rate" under "Metrics" names a measure, though "success" gives it a metrics role of its own.)
  else if (section.depth > 0 && (section.role === undefined || section.role === 'success-metrics') && section.parent?.effectiveRole !== undefined && METRIC_PLACES.has(section.parent.effectiveRole)) {
    // "### Click rate of app store buttons" under "## Metrics": a heading that names a measure.
    const start = section.titleSpan.start;
    const title = section.title.toLowerCase();
    if (NORMALISERS.test(title) || RESULT_WORDS.test(title) || VANITY_HEADS.some(([re]) => re.test(title))) out.push({ text: model.text.slice(start, section.titleSpan.end), start, section, origin: 'sentence', unit: section.heading, place: 'metric' });
  }
  if (inSuccess(section)) return { statements: out, walked: false };
  const body = model.text.slice(section.body.start, section.body.end);
  const ladder = MILESTONE_SECTION.test(section.title);
  if (!ladder && !CANDIDATE.test(body) && !tableHeaderNamesSuccess(body) && !FORM_FIELD.test(body) && !PERIOD_ITEM.test(body)) return { statements: out, walked: false };
  // A section already known to nest too deep yields nothing; `walked` stays true so a stored
  // answer parses it again wherever a fresh read would (which marks it unparsed).
  if (section.unparsed === undefined) walkOutside(model, section, section.nodes(), out, ladder);
  return { statements: out, walked: true };
}

/** What follows the statement up to the end of its sentence: a clause after ";" or a dash still belongs to it. */
function restOfSentence(text: string, from: number): string {
  if (/[.!?]\s{0,8}$/.test(text.slice(Math.max(0, from - 4), from))) return '';
  const end = /[.!?](?=\s|$)|\n/g;
  end.lastIndex = from;
  const m = end.exec(text);
  return text.slice(from, m ? m.index : text.length);
}

/** The line after the statement starts a list: the statement is that list's lead-in ("**Cohort split:**"). */
function introducesList(text: string, end: number): boolean {
  const next = text.indexOf('\n', end);
  return next >= 0 && LIST_START.test(text.slice(next + 1, next + 40));
}

/** A lower-case line inside a paragraph whose previous line did not end its sentence. */
function continues(text: string, start: number, statement: string): boolean {
  if (!/^\s*\p{Ll}/u.test(statement)) return false;
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] !== '\n') return false;
  i--;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i >= 0 && JOINING.test(text[i]!);
}

// Lead-ins whose lists are not success: what is not a goal, and what the document itself
// calls tasks or activities (a plan, per the rubric), even inside a success section.
const NON_GOAL_LABEL =
  /^\s{0,8}(?:\*\*|__|\*|_)?(?:non[- ]?goals?|out of scope|not in scope|anti[- ]goals?|what we (?:will not|won't) do|(?:[\p{L}-]+\s{1,8})?(?:action items?|tasks?|to[- ]?dos?|next steps|activities|actions?|checklist)\s{0,8}(?:\*\*|__|\*|_)?\s{0,8}:)/iu;

// A section or item the document itself calls a task: "#### Tasks", "- Task: write the runbook", "TODO:".
const TASK_TITLE = /^\s{0,8}(?:(?:[\p{L}-]+\s{1,8})?(?:tasks?|action items?|activities|to[- ]?dos?|work items?|next steps|backlog|chores)\b|how to celebrate)/iu;
const TASK_ITEM = /^\s{0,8}(?:\[[ xX]\]\s{1,8})?(?:\*\*|__)?(?:task|todo|to do|action|chore)\s{0,8}(?:#?\d{1,3})?(?:\*\*|__)?\s{0,8}[:\-–—]/i;

/** What a success section lists that is not success: lists after a "Non-goals:" or "Tasks:" lead-in (at any depth of nesting), and items labeled "Task:". */
function offListsOf(model: DocumentModel, section: Section): Span[] {
  const found: Span[] = [];
  offLists(model, section, section.nodes(), found);
  return found;
}

function offLists(model: DocumentModel, section: Section, nodes: readonly RootContent[], spans: Span[]): void {
  let off = false;
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const span = section.spanOf(node);
      const text = model.text.slice(span.start, span.end);
      off = NON_GOAL_LABEL.test(text);
      if (off) spans.push(span);
    } else if (node.type === 'list') {
      if (off) spans.push(section.spanOf(node));
      else {
        for (const item of node.children) {
          const head = item.children[0];
          const headSpan = head ? section.spanOf(head) : undefined;
          if (headSpan && TASK_ITEM.test(model.text.slice(headSpan.start, headSpan.end))) spans.push(section.spanOf(item));
          else offLists(model, section, item.children, spans);
        }
      }
      off = false;
    } else if (node.type !== 'html') off = false;
  }
}

/** Template guidance: an instruction set wholly in italics, or a question to the writer. */
function isGuidance(text: string): boolean {
  const t = text.trim();
  // Wrapped in italics as the outer emphasis ("_..._", "*...*", "_**...**_"), bold inside or not.
  const italic = t.length > 2 && (t[0] === '*' || t[0] === '_') && t[1] !== t[0] && t.at(-1) === t[0];
  return italic || (t.endsWith('?') && !FIELD_LABEL.test(t));
}

// Milestone ladders and tracking forms, read wherever they stand:
// - a section about milestones, whose items start with a quantity ("**100 stars** - thank-you post");
// - items that start with a period ("Week 1:", "Month 3 -", "Day 30:");
// - form fields left blank to fill in ("Peak position: ____", "**Stars goal:** ___").
// A heading that is only a period ("Month 3", "Week 1") is a rung of a ladder too.
const MILESTONE_SECTION = /\bmilestones?\b|\bcelebrat|\bladder\b|^\W{0,4}(?:week|month|day|quarter|sprint)\s{0,2}\d{1,3}\W{0,4}$/i;
const QUANTITY_LEAD = /^(?:[^\p{L}\p{N}\n]{0,12}|\[[A-Z ]{1,12}\][ \t]{0,4}[^\p{L}\p{N}\n]{0,6})[<>~≈+]?\d(?:[\d,.]{0,12}\d)?[kKmM+]?[ \t]{1,8}\p{L}/u;
// A ladder of things to celebrate names each rung in bold ("**First paying customer** - a case study").
const CELEBRATION = /\bcelebrat|\bladder\b/i;
const BOLD_LEAD = /^[^\p{L}\p{N}\n]{0,12}(?:\*\*|__)\S/u;
const PERIOD_ITEM = /^[ \t]{0,12}(?:[-*+]|\d{1,3}[.)])[ \t]{1,8}(?:\[[ xX]\][ \t]{1,8})?(?:\*\*|__)?(?:week|month|day|quarter|year|sprint)[ \t]{1,4}\d{1,3}(?:[ \t]{0,4}[-–][ \t]{0,4}\d{1,3})?(?:\*\*|__)?[ \t]{0,4}(?::|[-–—][ \t])/imu;
const FORM_FIELD = /^[ \t]{0,12}(?:[-*+][ \t]{1,8})?(?:\*\*|__)?[^:\n*_|]{1,60}(?:\*\*|__)?[ \t]{0,8}:[ \t]{0,8}(?:\*\*|__)?[ \t]{0,8}(?:_{3,}|\[[ \t]{0,8}\]|yes\/no)/imu;

/** Statements in a section that does not state success as a whole: labeled lines, goal sentences, KPI tables. */
function walkOutside(model: DocumentModel, section: Section, nodes: readonly RootContent[], out: SuccessStatement[], ladder = false): void {
  let labelPlace: SuccessStatement['place'] | undefined;
  let objective = false;
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const span = section.spanOf(node);
      const text = model.text.slice(span.start, span.end);
      if (FORM_FIELD.test(text)) {
        pushLines(section, text, span.start, span, 'metric', out);
        labelPlace = undefined;
        continue;
      }
      if (fieldLines(section, text, span.start, span, out)) {
        labelPlace = undefined;
        continue;
      }
      const label = FIELD_LABEL.exec(text);
      const place = label && METRIC_LABEL.test(label[0]) ? 'metric' : 'goal';
      // "Key Results:" alone introduces the list after it.
      if (label && text.slice(label[0].length).trim() === '') {
        labelPlace = place;
        continue;
      }
      labelPlace = undefined;
      objective = label !== null && OBJECTIVE_LABEL.test(label[0]);
      if (label) pushLines(section, text.slice(label[0].length), span.start + label[0].length, span, place, out, KR_LABEL.test(label[0]));
      else pushGoalSentences(section, text, span.start, span, out);
      continue;
    } else if (node.type === 'list') {
      // "**Objective: Make deploys boring**" and the list under it: the objective's key results.
      if (objective) pushList(model, section, node, 'metric', out, true);
      else if (labelPlace) pushList(model, section, node, labelPlace, out);
      else for (const item of node.children) walkItem(model, section, item.children, section.spanOf(item), out, ladder);
      labelPlace = undefined;
    } else if (node.type === 'table') {
      pushTable(model, section, node, out);
      labelPlace = undefined;
    } else if (node.type !== 'html') {
      labelPlace = undefined;
    }
    if (node.type !== 'html') objective = false;
  }
}

function walkItem(model: DocumentModel, section: Section, children: readonly RootContent[], unit: Span, out: SuccessStatement[], ladder: boolean): void {
  for (const child of children) {
    if (child.type === 'paragraph') {
      const span = section.spanOf(child);
      const text = model.text.slice(span.start, span.end);
      const line = model.text.slice(unit.start, span.end);
      if ((ladder && (QUANTITY_LEAD.test(text) || CHECKBOX.test(line) || (CELEBRATION.test(section.title) && BOLD_LEAD.test(text)))) || PERIOD_ITEM.test(line) || FORM_FIELD.test(line)) {
        pushLines(section, text, span.start, unit, ladder ? 'goal' : 'metric', out, undefined, 'list-item');
        continue;
      }
      const label = FIELD_LABEL.exec(text);
      if (label) {
        pushLines(section, text.slice(label[0].length), span.start + label[0].length, unit, METRIC_LABEL.test(label[0]) ? 'metric' : 'goal', out, KR_LABEL.test(label[0]), 'list-item');
      } else pushGoalSentences(section, text, span.start, unit, out);
    } else if (child.type === 'list') {
      for (const item of child.children) walkItem(model, section, item.children, section.spanOf(item), out, ladder);
    }
  }
}

function pushList(model: DocumentModel, section: Section, list: List, place: SuccessStatement['place'], out: SuccessStatement[], keyResult?: boolean): void {
  for (const item of list.children) {
    const unit = section.spanOf(item);
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const span = section.spanOf(child);
        pushLines(section, model.text.slice(span.start, span.end), span.start, unit, place, out, keyResult, 'list-item');
      } else if (child.type === 'list') pushList(model, section, child, place, out, keyResult);
    }
  }
}

function pushTable(model: DocumentModel, section: Section, table: Table, out: SuccessStatement[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = header.children.map((c) => columnOf(toString(c)));
  const named = header.children.map((c) => toString(c).toLowerCase());
  // A column of measures needs one of targets (or baselines, periods) beside it; a KPI or
  // target header alone is enough.
  const measured = named.some((h) => SUCCESS_HEADER.test(h)) && (named.some((h) => TARGET_HEADER.test(h)) || columns.some((c) => c === 'target' || c === 'baseline' || c === 'timeframe'));
  // A column headed "Metric" or "KPI" lists measures even with no target beside it, unless the
  // section defines data or lists what is out of scope or at risk.
  const measureColumn = named.some((h) => MEASURE_COLUMN.test(h.replace(/[^\p{L}\p{N} -]+/gu, ' ').trim()))
    && !NOT_SUCCESS_TABLE.has(section.effectiveRole) && !named.some((h) => WORKING_COLUMN.test(h));
  // A table that compares options ("Metric | Option A | Option B") weighs choices; it sets no target.
  if ((!measured && !measureColumn) || section.effectiveRole === 'options') return;
  const metric = Math.max(0, columns.indexOf('metric'));
  const target = columns.indexOf('target');
  const krColumn = /^\W{0,4}(?:key results?|krs?)\W{0,4}$/.test(named[metric] ?? '');
  for (const row of rows) {
    const cell = row.children[metric];
    if (!cell) continue;
    const span = cellContent(model.text, section.spanOf(cell));
    const text = model.text.slice(span.start, span.end);
    const targetCell = target >= 0 ? row.children[target] : undefined;
    if (text.trim()) {
      out.push({ text, start: span.start, section, origin: 'metric-cell', unit: section.spanOf(row), place: 'metric', value: targetCell ? toString(targetCell) : undefined, ...(krColumn ? { keyResult: true } : {}) });
    }
  }
}

// "**Feature:** ...", "Scope: ...": a line that opens with a short label of its own.
const LABELED_LINE = /^[ \t]{0,3}(?:\*\*|__)?[^:\n*_|]{1,40}?(?:\*\*|__)?[ \t]{0,4}:(?:\*\*|__)?[ \t]/;

/**
 * A paragraph of fields, one per line ("**Feature:** ...\n**Goal:** ...\n**Scope:** ..."):
 * each line is its own field, so only the success fields are statements. False when the
 * paragraph is not such a block.
 */
function fieldLines(section: Section, text: string, start: number, unit: Span, out: SuccessStatement[]): boolean {
  const lines = text.split('\n');
  if (lines.length < 2 || lines.filter((l) => LABELED_LINE.test(l)).length < 2) return false;
  let at = start;
  for (const line of lines) {
    const label = FIELD_LABEL.exec(line);
    if (label && line.slice(label[0].length).trim()) pushLines(section, line.slice(label[0].length), at + label[0].length, unit, METRIC_LABEL.test(label[0]) ? 'metric' : 'goal', out);
    at += line.length + 1;
  }
  return true;
}

/** Each sentence of a labeled field is a statement, line by line: a label on its own line is followed by its text. */
function pushLines(section: Section, text: string, start: number, unit: Span, place: SuccessStatement['place'], out: SuccessStatement[], keyResult?: boolean, origin: SuccessStatement['origin'] = 'sentence'): void {
  // A sentence ends at ".", "!", "?" or ";" before a space; "GOV.UK" and "v2.1" stay whole.
  for (const m of text.matchAll(/(?:[^.!?;\n]|[.!?;](?=[^\s.!?;]))+[.!?;]*/g)) {
    if (m[0].trim()) out.push({ text: m[0], start: start + m.index, section, origin, unit, place, ...(keyResult ? { keyResult } : {}) });
  }
}

function pushGoalSentences(section: Section, text: string, start: number, unit: Span, out: SuccessStatement[]): void {
  const re = new RegExp(GOAL_SENTENCE.source, 'gi');
  for (const m of text.matchAll(re)) {
    const from = m.index + m[0].length;
    const end = /[.!?](?=\s|$)|\n/.exec(text.slice(from));
    const stop = end ? from + end.index : text.length;
    if (stop > from) out.push({ text: text.slice(from, stop), start: start + from, section, origin: 'sentence', unit, place: 'goal' });
  }
}
