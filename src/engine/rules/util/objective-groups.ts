// One finding per objective. An OKR page whose key results are mostly tasks would
// otherwise get a squiggle on every line; the author needs to hear it once per
// objective ("5 of 7 key results under 'Make the importer ready' are deliveries"),
// with each key result reachable as a related place.
import type { ListItem } from 'mdast';
import { successStatements, type SuccessStatement } from '../../judgement/statements';
import type { DocumentModel, Section, Span } from '../../types';
import type { Report } from '../rule';
import { nameSome } from './grouped-gaps';
import { someWithin } from '../../text/sorted';

/** A statement a rule called, with the report it gets alone and how it is named in a group. */
export interface CalledStatement {
  statement: SuccessStatement;
  report: Report;
  /** Its words, quoted in the group's message. */
  label: string;
  /** What it says as one of the group's places. */
  place: string;
}

export interface GroupWording {
  /** "are deliveries, not changes" */
  verdict: string;
  /** Advice given once for the whole group. */
  advice: string;
}

/** Fewer calls than this under one objective are reported one by one. */
const GROUP_FROM = 3;

interface Objective {
  key: string;
  title: string;
  /** The page's stray calls, gathered at its outermost objective. */
  rest?: boolean;
}

interface ItemObjective {
  span: Span;
  /** Where the item's own first paragraph starts. */
  headStart: number;
  /** Where the item's own first paragraph ends: statements after it are nested under it. */
  headEnd: number;
  title: string;
}

const itemCache = new WeakMap<Section, ItemObjective[]>();
const BARE_LEAD_IN = /^\W{0,8}(?:key results?|krs?|results|measures|metrics|targets)\W{0,8}$/i;

/**
 * What groups key results inside one section: a short paragraph right before a list
 * ("**Objective 4: Reliable syncs**", "Key results for onboarding:") and top-level list items
 * with nested lists; each is an objective for what follows or is nested in it.
 */
function itemObjectives(model: DocumentModel, section: Section): ItemObjective[] {
  let found = itemCache.get(section);
  if (found) return found;
  found = [];
  if (section.unparsed === undefined) {
    const nodes = section.nodes();
    nodes.forEach((node, i) => {
      const next = nodes[i + 1];
      if (node.type !== 'paragraph' || next?.type !== 'list') return;
      const head = section.spanOf(node);
      if (head.end - head.start > 160) return;
      // "Key results:" alone names no objective: the paragraph above it does.
      const before = nodes[i - 1];
      const named = BARE_LEAD_IN.test(model.text.slice(head.start, head.end)) && before?.type === 'paragraph' ? section.spanOf(before) : head;
      found!.push({ span: { start: named.start, end: section.spanOf(next).end }, headStart: head.start, headEnd: head.end, title: shortTitle(model.text.slice(named.start, named.end)) });
    });
    for (const node of nodes) {
      if (node.type !== 'list') continue;
      for (const item of node.children as ListItem[]) {
        const head = item.children[0];
        if (!head || head.type !== 'paragraph' || !item.children.some((c) => c.type === 'list')) continue;
        const headSpan = section.spanOf(head);
        found.push({ span: section.spanOf(item), headStart: headSpan.start, headEnd: headSpan.end, title: shortTitle(model.text.slice(headSpan.start, headSpan.end)) });
      }
    }
  }
  itemCache.set(section, found);
  return found;
}

function shortTitle(text: string): string {
  const plain = text.replace(/^\s*\[[ xX]\]\s*/, '').replace(/[*_`]+/g, '').replace(/:\s*$/, '').replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 59).trimEnd()}…` : plain;
}


/**
 * The objectives a statement serves, innermost first: nested items, lead-ins, its section, the
 * sections above. An item whose own line was called too is a key result with its tasks, not an
 * objective (`calledAt` holds where called statements start, sorted).
 */
function objectivesOf(model: DocumentModel, statement: SuccessStatement, calledAt: readonly number[] = []): Objective[] {
  const { section } = statement;
  const items = itemObjectives(model, section)
    .filter((o) => statement.start >= o.headEnd && statement.start < o.span.end)
    .filter((o) => !someWithin(calledAt, o.headStart, o.headEnd))
    .sort((a, b) => b.span.start - a.span.start)
    .map((o) => ({ key: `item:${o.span.start}`, title: o.title }));
  const sections: Objective[] = [];
  for (let at: Section | undefined = section; at; at = at.parent) {
    // Calls join the sections above theirs only inside an OKR or metrics page: in a PRD the
    // goals and the metrics table are separate places, each named on its own.
    if (at !== section && at.depth <= 1 && !(at.role === 'key-results' || at.role === 'success-metrics')) break;
    sections.push({ key: `section:${at.index}`, title: shortTitle(at.title || model.title || 'this page') });
  }
  return [...items, ...sections];
}

/**
 * Report each call, except where three or more fall under one objective: those become one
 * finding at the first of them, naming how many of the objective's statements they are.
 * Calls too few under their own objective (a key result's two tasks) count for the objective above it.
 */
export function reportByObjective(
  model: DocumentModel,
  all: readonly CalledStatement[],
  wording: GroupWording,
  report: (r: Report) => void,
  options: { wholePage: boolean },
): void {
  // On an OKR or KPI page everything is grouped; elsewhere only key results are, so a PRD's goals
  // and metrics table keep a finding (and a rewrite) per line.
  const called = options.wholePage ? all : all.filter((c) => c.statement.keyResult);
  const alone = options.wholePage ? [] : all.filter((c) => !c.statement.keyResult);
  // Each call goes to the innermost objective that three or more calls share.
  const calledAt = called.map((c) => c.statement.start).sort((a, b) => a - b);
  const chains = called.map((call) => objectivesOf(model, call.statement, calledAt));
  const shared = new Map<string, number>();
  for (const chain of chains) for (const { key } of chain) shared.set(key, (shared.get(key) ?? 0) + 1);
  const done = new Map<string, { objective: Objective; calls: CalledStatement[] }>();
  called.forEach((call, i) => {
    const chain = chains[i]!;
    const objective = chain.find((o) => shared.get(o.key)! >= GROUP_FROM) ?? chain.at(-1)!;
    const group = done.get(objective.key) ?? { objective, calls: [] };
    group.calls.push(call);
    done.set(objective.key, group);
  });
  // Calls left alone or in pairs under many objectives would still be many squiggles: when
  // three or more such share the outermost objective (an OKR page's title), they are named
  // there together, as the rest of the page.
  const strays = new Map<string, { objective: Objective; calls: CalledStatement[] }>();
  called.forEach((call, i) => {
    const chain = chains[i]!;
    const own = done.get((chain.find((o) => shared.get(o.key)! >= GROUP_FROM) ?? chain.at(-1)!).key)!;
    if (own.calls.length >= GROUP_FROM || chain.length === 1) return;
    const top = chain.at(-1)!;
    const group = strays.get(top.key) ?? { objective: { key: `rest:${top.key}`, title: top.title, rest: true }, calls: [] };
    group.calls.push(call);
    strays.set(top.key, group);
  });
  for (const { objective, calls } of strays.values()) {
    if (calls.length < GROUP_FROM) continue;
    for (const group of done.values()) group.calls = group.calls.filter((c) => !calls.includes(c));
    done.set(objective.key, { objective, calls });
  }
  let totals: Map<string, number> | undefined;
  const reports: Report[] = [];
  for (const { objective, calls } of done.values()) {
    if (calls.length < GROUP_FROM) {
      reports.push(...calls.map((c) => c.report));
      continue;
    }
    totals ??= statementCounts(model);
    reports.push(grouped(objective, calls, totals.get(objective.key) ?? calls.length, wording)!);
  }
  reports.push(...alone.map((c) => c.report));
  for (const r of reports.sort((a, b) => a.span.start - b.span.start)) report(r);
}

function grouped(objective: Objective, calls: readonly CalledStatement[], total: number, wording: GroupWording): Report | undefined {
  if (calls.length === 0) return undefined;
  if (calls.length === 1) return calls[0]!.report;
  const what = calls.every((c) => c.statement.keyResult) ? 'key results' : 'success statements';
  const of = Math.max(total, calls.length);
  const counted = objective.rest ? `${calls.length} more ${what} under "${objective.title}"` : `${calls.length} of ${of} ${what} under "${objective.title}"`;
  return {
    span: calls[0]!.report.span,
    message: `${counted} ${wording.verdict}: ${nameSome(calls)}. ${wording.advice}`,
    related: calls.map((c) => ({ span: c.report.span, message: c.place })),
    regroup: (kept) => grouped(objective, kept.map((i) => calls[i]!), total, wording),
  };
}

/** How many statements stand under each objective (at every level), for "N of M". */
function statementCounts(model: DocumentModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const statement of successStatements(model)) {
    // An objective's own heading is not one of its key results.
    if (statement.origin === 'cell' || statement.start < statement.section.body.start) continue;
    for (const { key } of objectivesOf(model, statement)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
