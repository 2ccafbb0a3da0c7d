// How each persona speaks and what it looks at first. The two built-ins have
// their own wording for the rules they guard and their own check of the
// document (Value Realization counts the metrics; the Product Owner tests the
// need against five questions). Workspace personas get a neutral voice whose
// priorities come from the topics their description mentions.
//
// Convention: "double quotes" mark a passage the persona is worried about, so
// findQuotes can turn it into a diagnostic; ‘single quotes’ mention passages
// without raising a concern (strengths, titles, headings).
import { IF_WE_DO_NOTHING, timeframeIn, type MetricItem } from '../../engine';
import type { Persona } from '../personas/persona';
import type { Facts, Group, Passage } from './analysis';
import { findingsIn, goalStatements, metricGaps, type MetricField, type MetricGaps } from './analysis';
import { outcomeExample, replacementExample } from './outcomes';
import { NEUTRAL_TALK, OPEN_DECISION, rulesFor, TOPIC_NAMES, topicsIn, type RuleTalk, type Topic } from './talk';
import { andList, count, firstSentence, lowerFirst, mention, mentionList, plain, quotable, quoteList } from './text';

export interface Check {
  text: string;
  /** What to do about the first gap the check found. */
  step?: string;
}

export interface Voice {
  /** Rules this persona raises first, in order. */
  priorities: readonly string[];
  /** The persona's own wording for the rules it guards; others use NEUTRAL_TALK. */
  talk: Readonly<Record<string, RuleTalk>>;
  /** The opening of a conversational concern, when the persona words one its own way. */
  lead?(facts: Facts, group: Group): string | undefined;
  /** A rewrite or replacement offered after a concern, by rule. */
  examples: Readonly<Record<string, (facts: Facts, group: Group) => string | undefined>>;
  /** The answer body when no document is open. */
  introduce(persona: Persona): string;
  /** The persona's own check of the document, if it has one, and the step it suggests. */
  focus?(facts: Facts): Check;
  /** Question topics that bring the persona's own check into an answer. */
  focusTopics: readonly Topic[];
  /** Strengths this persona notices, in the order it values them. */
  strengths: readonly StrengthKey[];
  nothingStrong: string;
  nothingWrong: string;
  /** The closing line: the one next step. */
  nextStep(advice: string | undefined): string;
  /** The first paragraph of a /metrics answer. */
  metricsLead: string;
  /** The bold lead-ins of a /review. */
  sections: { strong: string; worries: string; recommend: string };
}

/** The rule talk a voice uses for a group, falling back to the neutral lines, then to the finding's own message. */
export function talkFor(voice: Voice, group: Group): RuleTalk {
  const talk = voice.talk[group.talkKey] ?? NEUTRAL_TALK[group.talkKey];
  if (talk) return talk;
  const message = group.findings[0]?.message ?? group.ruleId;
  return { concern: () => firstSentence(message) || message, advice: `For \`${group.ruleId}\`, see the rule's page on how to fix it: ${group.findings[0]?.docsUrl ?? group.ruleId}.` };
}

// --- strengths: facts of the document worth saying out loud ---------------------
// Each needs positive evidence on the page (a number, a from-to, a complete metric
// row, a planned review); a passage no rule flagged is not praise-worthy by itself,
// since a rule may simply have missed it.

export type StrengthKey = 'problem' | 'users' | 'outcome-goals' | 'complete-metrics' | 'typed-metrics' | 'outcome-review' | 'cost-of-inaction' | 'costed';

const OUTCOME_REVIEW = /\boutcome reviews?\b|\bpost[- ]launch reviews?\b|\b\d+ days after (?:launch|release|go[- ]live)\b|\bretrospective\b/i;
// Evidence behind a problem: a number, or where the knowledge comes from.
const EVIDENCE = /\d|\b(?:interview\w*|survey\w*|research|analytics|tickets?|export|stud(?:y|ies)|measured|logs?|nps|csat|usability tests?)\b/i;
// A change that can be checked: a number, a from-to, or a threshold ("no more than a day").
const CHECKABLE = /\d|%|\bpercent\b|\bfrom\b.+\bto\b|\b(?:more|less|fewer|longer|shorter) than\b|\b(?:half|twice|double|triple)\b/i;

/** The first sentence of the document (outside code) that matches, with at least five words. */
export function sentenceMatching(facts: Facts, pattern: RegExp): Passage | undefined {
  return facts.sentences().find((s) => pattern.test(s.text) && s.text.split(/\s+/).length >= 5);
}

/** Goals no rule flags as a delivery, vague or vanity. */
function unflaggedGoals(facts: Facts): Passage[] {
  return goalStatements(facts).filter((g) => findingsIn(facts, g, ['output-as-outcome', 'vague-goal', 'vanity-metric']).length === 0);
}

/** Goals that say what changes, checkably: unflagged, with a number or threshold beyond their date. */
function checkableGoals(facts: Facts): Passage[] {
  return unflaggedGoals(facts).filter((g) => {
    const date = timeframeIn(g.text);
    return CHECKABLE.test(date ? g.text.replace(date, ' ') : g.text);
  });
}

/** Whether no finding of these rules falls inside the metric's row or item. */
function unflagged(facts: Facts, metric: MetricItem, ruleIds: readonly string[]): boolean {
  return findingsIn(facts, { text: '', offset: metric.span.start, end: metric.span.end }, ruleIds).length === 0;
}

/** A metric that measures a result: not a vanity count, not a shipping milestone. */
const sound = (facts: Facts, metric: MetricItem) => unflagged(facts, metric, ['vanity-metric', 'output-as-outcome']);

/**
 * Sound metrics with a stated baseline and target that the rules find complete:
 * no gap reported (a timeframe may come from the heading above) and nothing left open.
 */
function completeMetrics(facts: Facts): MetricItem[] {
  const gaps = Object.values(metricGaps(facts));
  const incomplete = new Set(gaps.flatMap((g) => [...g.missing, ...g.open.map((o) => o.metric)]));
  return facts.metrics.filter((m) => m.baseline && m.target && !incomplete.has(m) && sound(facts, m));
}

const STRENGTHS: Readonly<Record<StrengthKey, (facts: Facts) => string | undefined>> = {
  problem: (facts) => {
    const backed = facts.statements('problem').find((p) => EVIDENCE.test(p.text));
    return backed && `The problem comes with evidence: ${mention(backed.text)}.`;
  },
  users: (facts) => {
    const named = [...facts.statements('users'), ...facts.statements('needs')].find((p) => p.text.split(/\s+/).length >= 6);
    return named && `It names who this is for: ${mention(named.text)}.`;
  },
  'outcome-goals': (facts) => {
    const goals = goalStatements(facts);
    const good = checkableGoals(facts);
    if (!good[0]) return undefined;
    const which = good.length === goals.length ? (goals.length === 1 ? 'The goal states' : 'Every goal states') : `${good.length} of the ${goals.length} goals ${good.length === 1 ? 'states' : 'state'}`;
    return `${which} a change we could check, not a delivery: ${mention(good[0].text)}.`;
  },
  'complete-metrics': (facts) => {
    const complete = completeMetrics(facts);
    if (!complete[0]) return undefined;
    const share = complete.length === facts.metrics.length ? (complete.length === 1 ? 'The metric has' : `All ${complete.length} metrics have`) : `${complete.length} of ${facts.metrics.length} metrics ${complete.length === 1 ? 'has' : 'have'}`;
    return `${share} a baseline, a target and a timeframe, e.g. ${mention(plain(complete[0].name.text))}.`;
  },
  'typed-metrics': (facts) => {
    const leading = facts.metrics.find((m) => m.type === 'leading' && sound(facts, m));
    const guardrail = facts.metrics.find((m) => m.type === 'guardrail' && sound(facts, m));
    if (leading && guardrail) return `There's a leading indicator (${mention(plain(leading.name.text))}) and a guardrail (${mention(plain(guardrail.name.text))}).`;
    if (leading) return `There's a leading indicator to watch early: ${mention(plain(leading.name.text))}.`;
    return guardrail && `There's a guardrail: ${mention(plain(guardrail.name.text))}.`;
  },
  'outcome-review': (facts) => {
    const review = sentenceMatching(facts, OUTCOME_REVIEW);
    return review && `There's a check after launch: ${mention(review.text)}.`;
  },
  'cost-of-inaction': (facts) => {
    const cost = sentenceMatching(facts, IF_WE_DO_NOTHING);
    return cost && `It says what happens if we do nothing: ${mention(cost.text)}.`;
  },
  costed: (facts) => {
    if (facts.kind !== 'business-case') return undefined;
    const estimate = facts.statements('costs').find((p) => /\d/.test(p.text));
    return estimate && `The costs are estimated: ${mention(estimate.text)}.`;
  },
};

export function strengthsOf(voice: Voice, facts: Facts): string[] {
  return voice.strengths.map((key) => STRENGTHS[key](facts)).filter((s): s is string => s !== undefined);
}

// --- the built-in personas -------------------------------------------------------

const one = (n: number, single: string, several: string) => (n === 1 ? single : several);
/** Advice as the rest of "The one thing I'd do next: ...": without its own "I'd". */
const asStep = (advice: string) => lowerFirst(advice.replace(/^I'd\s+/, ''));

const COMMANDS = 'Ask me about the metrics, the goals, the problem, the users, the risks, the ROI or the launch; or type `/review` for a review of the whole document, or `/metrics` to turn its goals into success metrics.';

/** "3 have no target", "none has a timeframe", "1 has its target still open (TBD)". */
function gapPhrases(total: number, field: MetricField, gaps: MetricGaps): string[] {
  const out: string[] = [];
  const n = gaps.missing.length;
  if (n > 0) out.push(n === total ? (total === 1 ? `it has no ${field}` : `none has a ${field}`) : `${n} ${n === 1 ? 'has' : 'have'} no ${field}`);
  const open = gaps.open.length;
  if (open > 0) {
    const marks = [...new Set(gaps.open.map((o) => o.text))];
    const mark = marks.length === 1 ? ` (${marks[0]})` : '';
    out.push(total === 1 ? `its ${field} is still open${mark}` : `${open} ${open === 1 ? 'has its' : 'have their'} ${field} still open${mark}`);
  }
  return out;
}

function valueCheck(facts: Facts): Check {
  const m = facts.metrics;
  const planned = sentenceMatching(facts, OUTCOME_REVIEW) !== undefined;
  const review = planned ? '' : " And I don't see an outcome review planned after launch: who looks at these numbers, and when?";
  const step = planned ? undefined : "I'd put an outcome review in the plan, 30 days after launch, with a name next to it.";
  if (m.length === 0) return { text: `There are no metric rows or items here for me to count yet.${review}`, step: VALUE_TALK['success-metrics-missing']!.advice };
  // Counted from the metric rules' findings, so the coach and the Problems panel agree.
  const gaps = metricGaps(facts);
  const said = (['baseline', 'target', 'timeframe'] as const).flatMap((field) => gapPhrases(m.length, field, gaps[field]));
  const state = said.length === 0 ? (m.length === 1 ? 'it has a baseline, a target and a timeframe' : 'each has a baseline, a target and a timeframe') : andList(said);
  const leading = m.filter((x) => x.type === 'leading').length;
  const guardrail = m.filter((x) => x.type === 'guardrail').length;
  const typed =
    leading + guardrail === 0
      ? 'None is labelled as a leading indicator or a guardrail.'
      : `${leading === 0 ? 'None is labelled as a leading indicator' : leading === 1 ? 'One is labelled as a leading indicator' : `${leading} are labelled as leading indicators`}, and ${guardrail === 0 ? 'none as a guardrail' : guardrail === 1 ? 'one as a guardrail' : `${guardrail} as guardrails`}.`;
  const names = mentionList(m.slice(0, 4).map((x) => plain(x.name.text)));
  return { text: `I count ${count(m.length, 'success metric')} (${names}${m.length > 4 ? ', ...' : ''}): ${state}. ${typed}${review}`, step };
}

const VALUE_TALK: Readonly<Record<string, RuleTalk>> = {
  'success-metrics-missing': {
    concern: () => "My biggest concern: I can't find a single success metric, so nobody can say before launch what 'working' looks like.",
    advice: "I'd agree on two or three success metrics now, each with a baseline, a target and a date (`/metrics` drafts a first set from the goals).",
  },
  'output-as-outcome': {
    concern: (n) => one(n, "I think this is an output, not an outcome: it says what we'll ship, not what customers will do differently.", "I think these are outputs, not outcomes: they say what we'll ship, not what customers will do differently."),
    advice: "I'd restate each goal that names a launch or a feature as the change it should cause for customers, with a baseline, a target and a date.",
  },
  'vanity-metric': {
    concern: (n) => one(n, 'My concern is that this number can grow while nobody gets value from what we built.', 'My concern is that these numbers can grow while nobody gets value from what we built.'),
    advice: "I'd replace each vanity count with the behaviour behind it: the share of people who reach the result they came for, within a set time.",
  },
  'metric-missing-baseline': {
    concern: (n) => one(n, "My worry is that without a baseline we won't know how far this moved, or whether it was moving anyway.", "My worry is that without baselines we won't know how far these moved, or whether they were moving anyway."),
    advice: "I'd measure today's value of every success metric now, before anything ships.",
  },
  'metric-missing-target': {
    concern: (n) => one(n, 'Without a target, I think any result can be argued into a win after launch.', 'Without targets, I think any result can be argued into a win after launch.'),
    advice: "I'd write down a target for every success metric before launch, while nobody has seen the results yet.",
  },
  'metric-missing-timeframe': {
    concern: (n) => one(n, "With no timeframe, I think there's no day on which anyone sits down and checks this.", "With no timeframes, I think there's no day on which anyone sits down and checks these."),
    advice: "I'd add the date by which each success metric should reach its target, and put the outcome review for that date in the calendar.",
  },
  'no-leading-indicator': {
    concern: () => "I think we'd learn too late: everything here lags, and nothing moves in the first weeks after launch.",
    advice: "I'd add an adoption metric, such as the share of eligible customers who use the new capability in their first two weeks: adoption moves long before retention does.",
  },

};

/** "I think 2 of our 3 goals are outputs, not outcomes: ..." with the goals quoted. */
function outputsLead(facts: Facts, group: Group): string | undefined {
  if (group.ruleId !== 'output-as-outcome' || group.passages.length === 0) return undefined;
  const goals = goalStatements(facts);
  const inGoals = group.findings.every((f) => goals.some((g) => g.offset <= f.start.offset && f.start.offset < g.end));
  const [noun, total] = inGoals ? ['goals', goals.length] : ['success measures', facts.metrics.length + goals.length];
  const n = group.passages.length;
  const share = n >= total ? `our ${noun} are all outputs` : `${n} of our ${total} ${noun} ${n === 1 ? 'is an output, not an outcome' : 'are outputs, not outcomes'}`;
  return `I think ${share}: ${quoteList(group.passages.slice(0, 3).map((p) => p.text))}. ${n === 1 ? 'It says' : 'They say'} what we'll ship, not what customers will do differently.`;
}

export const VALUE_REALIZATION: Voice = {
  priorities: ['success-metrics-missing', 'output-as-outcome', 'vanity-metric', 'metric-missing-baseline', 'metric-missing-target', 'metric-missing-timeframe', 'no-leading-indicator', 'no-guardrail-metric', 'vague-goal'],
  talk: VALUE_TALK,
  lead: outputsLead,
  examples: { 'output-as-outcome': outcomeExample, 'vague-goal': outcomeExample, 'vanity-metric': replacementExample },
  introduce: (persona) =>
    `I'm ${persona.name}: the one who keeps asking "did it work?" after the launch. I look past what a team delivers to what customers can now do, and I want success metrics with a baseline, a target and a date agreed before anything ships.\n\n` +
    `Open a PRD or a business case and I'll read it with Outcome Lens's checks. ${COMMANDS}`,
  focus: valueCheck,
  focusTopics: ['metrics', 'launch', 'goals', 'overall'],
  strengths: ['complete-metrics', 'typed-metrics', 'outcome-goals', 'outcome-review', 'problem', 'costed'],
  nothingStrong: "Honestly, not much yet from where I sit: there's nothing here I could check after launch.",
  nothingWrong: "I don't see anything Outcome Lens's checks would flag. The question they can't answer is what we'll do if the numbers miss, and I'd settle that now, while nobody is attached to the result.",
  nextStep: (advice) => `The one thing I'd do next: ${advice ? asStep(advice) : 'agree now what we will change if the first outcome review shows we missed, and who decides.'}`,
  metricsLead: "I'd turn our goals into metrics we agree on before anything ships: each one a result or a behaviour customers reach, with a baseline, a target and a date. Here's where I'd start.",
  sections: { strong: "What's strong", worries: 'What worries me', recommend: 'What I recommend' },
};

const PRODUCT_TALK: Readonly<Record<string, RuleTalk>> = {
  'problem-statement-missing': {
    concern: () => "My priority would be the problem: I can't find who has it or what it costs them, so I can't judge whether this is the next thing to build.",
    advice: "I'd write the problem first: who has it, how often, what it costs them, and what evidence we have.",
  },
  'need-statement-incomplete': {
    concern: () => "The need isn't complete yet: my five questions (who, the outcome they seek, why it matters, how we'll know, what if we do nothing) aren't all answered.",
    advice: "I'd complete the need statement, one sentence for each missing part, before anyone estimates the work.",
  },
  'output-as-outcome': {
    concern: (n) => one(n, "I'd ask what this makes possible, and for whom: as written it's a feature to deliver, not value to create.", "I'd ask what these make possible, and for whom: as written they're features to deliver, not value to create."),
    advice: "I'd rewrite each goal that names a feature to say who benefits and what they can do afterwards, and keep the feature as the means.",
  },
  'success-metrics-missing': {
    concern: () => "I can't see how we'd know the need is met: nothing here says what will be observably different.",
    advice: "I'd add how we'll know: a change in behaviour or a metric, with a target, for each goal.",
  },
  'vague-goal': {
    concern: (n) => one(n, "I can't tell when we'd be done with this goal: there's no number or observable change in it.", "I can't tell when we'd be done with these goals: there's no number or observable change in them."),
    advice: "I'd rewrite each vague goal as who does what differently, from what to what, by when.",
  },
  'placeholder-left': {
    concern: (n) => one(n, "This isn't ready for the team yet: it still has template text in it.", "This isn't ready for the team yet: it still has template text in several places."),
    advice: "I'd fill in or cut every template placeholder before this goes into planning.",
  },
  [OPEN_DECISION]: {
    concern: (n) => one(n, "This is a decision nobody has made yet, and the team can't plan around it.", "These are decisions nobody has made yet, and the team can't plan around them."),
    advice: "I'd settle every TBD with whoever owns it, or list it under Open questions with an owner and a date, before this goes into planning.",
  },

};

function needCheck(facts: Facts): Check {
  const who = facts.statements('users')[0] ?? facts.statements('needs')[0];
  const goals = unflaggedGoals(facts);
  const why = facts.statements('problem')[0];
  const known = facts.metrics.filter((m) => m.target !== undefined && sound(facts, m));
  const ifNothing = sentenceMatching(facts, IF_WE_DO_NOTHING);
  const lines = [
    `- **Who has the need:** ${who ? mention(who.text) : "not stated: I can't tell who this is for."}`,
    `- **The outcome they seek:** ${goals[0] ? mention(goals[0].text) : goalStatements(facts).length > 0 ? 'nothing measurable yet: the goals are deliveries, or words that cannot be measured.' : 'not stated.'}`,
    `- **Why it matters:** ${why ? mention(why.text) : 'not stated: there is no problem section.'}`,
    `- **How we'll know:** ${known[0] ? `${count(known.length, 'metric')} with a target, e.g. ${mention(plain(known[0].name.text))}` : 'nothing with a target yet.'}`,
    `- **What if we do nothing:** ${ifNothing ? mention(ifNothing.text) : 'not stated.'}`,
  ];
  const answers = [who, goals[0], why, known[0], ifNothing];
  const missing = answers.filter((x) => x === undefined).length;
  const steps = [
    "I'd name the specific group who has this need, not just 'users'.",
    "I'd write the outcome they're after as a change in what they can do, and keep the feature as the means.",
    PRODUCT_TALK['problem-statement-missing']!.advice,
    PRODUCT_TALK['success-metrics-missing']!.advice,
    "I'd write down what happens if we do nothing: what it costs users and the business to leave this alone.",
  ];
  const verdict =
    missing === 0
      ? "All five are answered; I'd still test the answers with a user or two."
      : `${missing === 5 ? 'None of my five questions is answered yet' : `${missing} of my five questions ${missing === 1 ? 'is' : 'are'} still open`}, and I wouldn't call this ready until ${missing === 1 ? 'it is' : 'they are'} answered.`;
  return { text: `I checked the need against my five questions:\n\n${lines.join('\n')}\n\n${verdict}`, step: steps[answers.indexOf(undefined)] };
}

export const PRODUCT_OWNER: Voice = {
  priorities: ['problem-statement-missing', 'need-statement-incomplete', 'output-as-outcome', 'success-metrics-missing', 'vague-goal', 'business-case-section-missing', 'placeholder-left'],
  talk: PRODUCT_TALK,
  examples: { 'output-as-outcome': outcomeExample, 'vague-goal': outcomeExample },
  introduce: (persona) =>
    `I'm the ${persona.name}: I decide what the team builds next and answer for the value it creates. Before I put anything on the backlog I want five things: who has the need, the outcome they seek, why it matters, how we'll know it's met, and what happens if we do nothing.\n\n` +
    `Open a PRD or a business case and I'll check it against those questions and Outcome Lens's rules. ${COMMANDS}`,
  focus: needCheck,
  focusTopics: ['problem', 'users', 'goals', 'overall'],
  // The five-question check already names the problem, users, goals and cost of inaction.
  strengths: ['complete-metrics', 'typed-metrics', 'outcome-review', 'costed'],
  nothingStrong: "Not much yet, to be honest: I can't see who this is for or what it should change for them.",
  nothingWrong: "Outcome Lens's checks find nothing here. What they can't tell me is whether this is the most valuable thing to do next, so I'd ask what we are saying no to in order to do it.",
  nextStep: (advice) => `My recommendation: ${advice ? asStep(advice) : 'take the smallest slice that delivers value, put it in front of users, and check how we\'ll know against real use.'}`,
  metricsLead: "My priority is that every goal says how we'll know the need is met. Here's how I'd measure the goals in this document; the bracketed cells are for the team to fill, not for me to guess.",
  sections: { strong: "What's working", worries: 'What I would push back on', recommend: 'What I recommend' },
};

/** A workspace persona: neutral wording, priorities from the topics its description names. */
function genericVoice(persona: Persona): Voice {
  const topics = topicsIn(persona.description);
  const rules = rulesFor(topics);
  const described = quotable(persona.description.trim());
  const about = described ? ` My description reads: ‘${described}’.` : '';
  return {
    priorities: rules === 'all' ? [] : [...rules],
    talk: {},
    examples: { 'output-as-outcome': outcomeExample, 'vague-goal': outcomeExample, 'vanity-metric': replacementExample },
    introduce: (p) =>
      `I'm ${p.name}.${about}\n\nHere I answer as the offline coach, which can't follow my full instructions: it reads the open document with Outcome Lens's checks and answers from what they find. ${COMMANDS}`,
    ...(described && topics.length > 0
      ? { focus: () => ({ text: `My description (‘${described}’) puts ${topics.map((t) => TOPIC_NAMES[t]).join(' and ')} first, so that's where I look.` }), focusTopics: topics }
      : { focusTopics: [] }),
    strengths: ['problem', 'users', 'outcome-goals', 'complete-metrics', 'typed-metrics', 'outcome-review', 'costed'],
    nothingStrong: 'Nothing stands out as strong yet.',
    nothingWrong: "Outcome Lens's checks find nothing to raise here.",
    nextStep: (advice) => `Next step: ${advice ? asStep(advice) : 'ask a colleague to read the document with fresh eyes.'}`,
    metricsLead: `Here is a success-metrics table drafted from the document's goals.${about}`,
    sections: { strong: "What's strong", worries: 'What concerns me', recommend: 'What I recommend' },
  };
}

/** The voice for a persona: a built-in's by id (a workspace file may replace it under the same id), else a neutral one. */
export function voiceFor(persona: Persona): Voice {
  if (persona.id === 'value-realization') return VALUE_REALIZATION;
  if (persona.id === 'product-owner') return PRODUCT_OWNER;
  return genericVoice(persona);
}
