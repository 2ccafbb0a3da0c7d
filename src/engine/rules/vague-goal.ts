// Goals nobody can measure: "Improve onboarding", "Delight users", "A seamless
// checkout", "Make scheduling easier for teams". A goal passes when it (or the list item, row or objective it sits
// in) carries a number, a measurable comparison, or a link to a named metric.
import * as z from 'zod';
import { phraseRegExp, VAGUE_GOAL_PHRASES } from '../phrases';
import { spannedList } from '../memo/codecs';
import type { DocumentModel, MetricItem, Span } from '../types';
import { MAKE_BETTER, VAGUE_CHANGE } from '../vocabulary/comparatives';
import { blankPlaceholders } from './util/placeholders';
import { defineRule } from './rule';
import { sectionClauses, type Clause } from './util/clauses';

// A quantity: any digit, or the words that state one ("halve", "double").
const QUANTITY = /\d|\b(?:doubl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|twice|half|zero)\b/i;
// A comparison against a stated reference point.
const COMPARISON =
  /\b(?:more|fewer|less|faster|slower|higher|lower|shorter|longer|cheaper)\s+than\s+(?:today|now|before|currently|the current|our current|baseline|last (?:year|quarter|month|release))\b/i;
// An explicit pointer to one metric ("measured by weekly active teams", "KR2", "metric: activation rate").
const LINK = /\b(?:measured (?:by|as|with)|tracked (?:by|as|in|via)|(?:metric|kpi|indicator|measure)\s*:|kr\s*#?\d|key result\s*#?\d)\s*([^\n]{0,60})/i;
// A pointer to the metrics in general is not a link to a metric.
const GENERIC_POINTER = /^(?:the |our |these |those )?(?:success metrics?|metrics?|kpis?|success criteria|measures?)(?:\s+(?:below|above|section|table|later))?\s*(?:[.;)\]]|$)/i;
// OKR objectives are qualitative by design; their key results carry the numbers.
const OBJECTIVE_LABEL = /^\s{0,8}(?:[*_]{1,2})?(?:objective|obj|o)[ \t]{0,8}#?\d{0,4}[ \t]{0,8}[*_]{0,2}[ \t]{0,8}[:.)\-–—]/i;
const KEY_RESULTS = /\b(?:key results?|krs?\s*#?\d*)\b/i;
// Numbers that name a list item, label or date rather than measure anything: "1.", "KR2:", "Q3", "Phase 2", "2025".
const NOT_A_MEASURE =
  /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+|\b(?:kr|o|g|objective|goal|key result)\s*#?\d+(?:\.\d+)*|\b(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:19|20)\d\d|v\d+(?:\.\d+)*|(?:phase|stage|step|milestone|release|sprint|week|month|day|wave)\s*\d+)\b/gim;

const normalize = (text: string) => text.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

// A metric's name as goals are searched for it, kept with the item from a Linter's second lint on: the memo moves an unchanged
// item from lint to lint, and a long page's thousands of names were normalised on every keystroke.
const normalizedNames = new WeakMap<MetricItem, string>();

/** Names of metrics the document defines with a target, each once; a goal naming one is backed by it. */
function targetedMetricNames(model: DocumentModel): string[] {
  const names = new Set<string>();
  for (const item of model.metrics()) {
    if (item.target === undefined) continue;
    let name = model.memo.again ? normalizedNames.get(item) : undefined;
    if (name === undefined) {
      name = normalize(item.name.text);
      if (model.memo.again) normalizedNames.set(item, name);
    }
    if (name.length >= 12) names.add(name);
  }
  return [...names];
}

export default defineRule({
  meta: {
    id: 'vague-goal',
    description: 'A goal uses improvement words ("improve", "seamless", "delight users", "make X easier") with no number, comparison or metric to measure it by.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case', 'okr'],
    options: z
      .object({
        phrases: z.array(z.string()).default([]).describe('More vague words or phrases to report in goals.'),
        allow: z.array(z.string()).default([]).describe('Built-in phrases that are acceptable in your goals.'),
      })
      .strict(),
  },
  check({ model, options, report }) {
    const allowed = new Set(options.allow.map((p) => p.trim().toLowerCase()));
    const phrases = [...VAGUE_GOAL_PHRASES, ...options.phrases].filter((p) => !allowed.has(p.trim().toLowerCase()));
    if (phrases.length === 0) return;
    const vague = phraseRegExp(phrases);
    let metricNames: string[] | undefined;
    // Goals that repeat their words (a long list of "Improve onboarding") are looked up once.
    const named = new Map<string, boolean>();
    const namesMetric = (words: string) => {
      let found = named.get(words);
      if (found === undefined) {
        metricNames ??= targetedMetricNames(model);
        found = metricNames.some((name) => words.includes(name));
        named.set(words, found);
      }
      return found;
    };
    const context = phrases.join('\n');

    for (const section of model.sections) {
      if (section.effectiveRole !== 'goals') continue;
      // What a goal says is read from the section's body alone; whether a key result or a
      // metric elsewhere backs it is asked of the whole document below.
      section.readable();
      const goals = model.memo.get('vague-goals', section, context, 'body', vagueGoals, () => vagueIn(model, sectionClauses(model, section), vague));
      for (const goal of goals) {
        if (goal.objective && KEY_RESULTS.test(model.text.slice(section.body.start, section.span.end))) continue;
        if (namesMetric(goal.words)) continue;
        report({ span: { start: goal.start, end: goal.end }, message: goal.message });
      }
    }
  },
});

/** A goal with an improvement word and nothing in its own block that measures it. */
interface VagueGoal extends Span {
  /** The improvement word or phrase. */
  hit: string;
  /** The goal's block, normalised, to look for the names of metrics in. */
  words: string;
  /** It is labeled as an OKR objective: key results in the section measure it. */
  objective: boolean;
  /** What the finding says, made with the goal: kept and moved with it, not written again on every lint. */
  message: string;
}

const vagueGoals = spannedList<VagueGoal>();

function vagueIn(model: DocumentModel, clauses: readonly Clause[], vague: RegExp): VagueGoal[] {
  // One finding per block: a list item, row or paragraph is one goal, however many sentences it has.
  const units = new Map<number, Clause[]>();
  for (const clause of clauses) {
    if (clause.origin === 'cell') continue;
    const list = units.get(clause.unit.start) ?? [];
    list.push(clause);
    units.set(clause.unit.start, list);
  }

  const found: VagueGoal[] = [];
  for (const unitClauses of units.values()) {
    const { unit } = unitClauses[0]!;
    const unitText = blankPlaceholders(model.text.slice(unit.start, unit.end));
    if (QUANTITY.test(unitText.replace(NOT_A_MEASURE, ' ')) || COMPARISON.test(unitText)) continue;
    // A lead-in to a list ("We will improve onboarding:") is judged by its items.
    if (unitClauses[0]!.origin === 'sentence' && unitText.trimEnd().endsWith(':')) continue;
    const objective = OBJECTIVE_LABEL.test(unitText);
    const link = LINK.exec(unitText);
    if (link && !GENERIC_POINTER.test(link[1]!.trim())) continue;

    for (const clause of unitClauses) {
      const words = blankPlaceholders(clause.text);
      vague.lastIndex = 0;
      // An improvement word ("improve", "seamless"), "make X easier", or "drive adoption".
      const m = vague.exec(words) ?? MAKE_BETTER.exec(words) ?? VAGUE_CHANGE.exec(words);
      if (m) {
        const start = clause.start + m.index;
        found.push({
          start,
          end: start + m[0].length,
          hit: m[0],
          words: normalize(unitText),
          objective,
          message: `"${m[0]}" cannot be measured as written. Say who does what differently, from what to what, by when (e.g. "raise the share of new admins who finish setup on day one from 40% to 60% by Q3"), or name the metric that tracks it.`,
        });
        break;
      }
    }
  }
  return found;
}
