// What the coach says about each rule's findings, keyed by rule id (the
// rules' own messages may change wording; the ids are fixed). Personas
// override the rules they care most about in their own voice; everything else
// falls back to the neutral lines here. Also: the question topics the coach
// recognises, and which rules each topic is about.

export type Topic = 'metrics' | 'goals' | 'problem' | 'users' | 'risks' | 'business' | 'launch' | 'placeholders' | 'overall';

export interface RuleTalk {
  /** What is wrong, about one passage or several: a sentence or two. */
  concern(n: number): string;
  /** The concrete next step: one sentence. */
  advice: string;
}

/**
 * The talk key of placeholder-left findings on an open decision ("TBD", "TODO"):
 * in a draft, those are choices still to make, not template text left behind.
 */
export const OPEN_DECISION = 'placeholder-left:open';

const one = (n: number, single: string, several: string) => (n === 1 ? single : several);

export const NEUTRAL_TALK: Readonly<Record<string, RuleTalk>> = {
  'success-metrics-missing': {
    concern: () => "I can't find any success metrics: nothing says what will be different, for whom, once this works.",
    advice: 'Add a Success Metrics section with two or three metrics, each with a baseline, a target and a timeframe (`/metrics` drafts one from the goals).',
  },
  'vanity-metric': {
    concern: (n) => one(n, 'This is a count that can grow while nobody gets value.', 'These are counts that can grow while nobody gets value.'),
    advice: 'Replace each vanity count with a behaviour or a rate: the share of people who reach the result they came for, within a set time.',
  },
  'output-as-outcome': {
    concern: (n) => one(n, 'This defines success as shipping something, not as a change for the people it serves.', 'These define success as shipping something, not as a change for the people they serve.'),
    advice: 'Restate each goal that names a delivery as the change the work should cause: whose behaviour or which result moves, from what to what, by when.',
  },
  'metric-missing-target': {
    concern: (n) => one(n, 'This metric has no target, so any result can be called a success.', 'These metrics have no target, so any result can be called a success.'),
    advice: 'Write down, for each success metric, the number that counts as success, before anything ships.',
  },
  'metric-missing-baseline': {
    concern: (n) => one(n, "This metric has no baseline, so we won't know how far it moved.", "These metrics have no baseline, so we won't know how far they moved."),
    advice: "Measure each success metric's value today, before the change goes out.",
  },
  'metric-missing-timeframe': {
    concern: (n) => one(n, "This metric has no timeframe, so there's no moment when anyone checks it.", "These metrics have no timeframe, so there's no moment when anyone checks them."),
    advice: "Add the date or period by which each success metric's target should be reached.",
  },
  'vague-goal': {
    concern: (n) => one(n, "This goal can't be measured as written.", "These goals can't be measured as written."),
    advice: 'Rewrite each vague goal as who does what differently, from what to what, by when, or name the metric that tracks it.',
  },
  'no-leading-indicator': {
    concern: () => 'Every metric here lags: nothing would move in the first weeks to show whether this is working.',
    advice: 'Add an adoption metric that moves early, such as the share of eligible users who use the new capability in their first two weeks.',
  },
  'no-guardrail-metric': {
    concern: () => 'Nothing here says what must not get worse while we chase the target.',
    advice: 'Add a guardrail metric (support contacts, refunds, error rate, churn) with the limit it must stay within.',
  },
  'problem-statement-missing': {
    concern: () => "I can't find the problem this solves, or who has it.",
    advice: 'Add a short Problem section: who has the problem, how often, what it costs them, and how we know.',
  },
  'need-statement-incomplete': {
    concern: () => "The need statement doesn't yet say all of: who has the need, the outcome they seek, why it matters, how we'll know it's met, and what happens if we do nothing.",
    advice: 'Complete the need statement with a sentence for each missing part.',
  },
  'business-case-section-missing': {
    concern: () => 'A decision-maker will look for a section this business case does not have yet.',
    advice: 'Add each missing business-case section, even as a first estimate with its assumptions written down.',
  },
  'placeholder-left': {
    concern: (n) => one(n, 'This is template text that was never filled in.', 'These are template text that was never filled in.'),
    advice: "Replace every bracketed placeholder with what it asks for, or delete it if it doesn't apply.",
  },
  [OPEN_DECISION]: {
    concern: (n) => one(n, 'This is still an open decision; nobody has settled it yet.', 'These are still open decisions; nobody has settled them yet.'),
    advice: 'Decide each value marked TBD and write it in, or move it to Open questions with an owner and a date.',
  },
};

/** How answers name a topic. */
export const TOPIC_NAMES: Readonly<Record<Topic, string>> = {
  metrics: 'the metrics',
  goals: 'the goals',
  problem: 'the problem statement',
  users: 'who this is for',
  risks: 'the risks',
  business: 'the business case',
  launch: 'the launch',
  placeholders: 'unfinished parts',
  overall: 'the document as a whole',
};

/** Which rules a topic is about. */
export const TOPIC_RULES: Readonly<Record<Topic, readonly string[] | 'all'>> = {
  metrics: ['success-metrics-missing', 'vanity-metric', 'output-as-outcome', 'metric-missing-target', 'metric-missing-baseline', 'metric-missing-timeframe', 'no-leading-indicator', 'no-guardrail-metric'],
  goals: ['output-as-outcome', 'vague-goal', 'success-metrics-missing'],
  problem: ['problem-statement-missing', 'need-statement-incomplete'],
  users: ['need-statement-incomplete', 'problem-statement-missing'],
  risks: ['no-guardrail-metric'],
  business: ['business-case-section-missing'],
  launch: ['output-as-outcome', 'no-leading-indicator', 'success-metrics-missing'],
  placeholders: ['placeholder-left'],
  overall: 'all',
};

// Words matched against the question (and, for workspace personas, their description).
// A strong word names a part of the document ("metrics", "TBD"); a weak one only hints
// at it ("why", "who", "know") and counts when nothing else says what the question is about.
const TOPIC_WORDS: ReadonlyArray<readonly [Topic, RegExp, RegExp?]> = [
  ['metrics', /\b(?:metrics?|measur\w*|kpis?|targets?|baselines?|time ?frames?|indicators?|leading|lagging|vanity|okrs?|key results?|success criteria)\b/i, /\b(?:success\w*|know|track\w*|numbers?|data)\b/i],
  ['goals', /\b(?:goals?|objectives?|outcomes?|outputs?|aims?|vague|okrs?)\b/i],
  ['problem', /\b(?:problems?|pain\w*|needs?|motivation|opportunit\w*|jobs? to be done)\b/i, /\bwhy\b/i],
  ['users', /\b(?:users?|customers?|personas?|audiences?|segments?)\b/i, /\b(?:who|people)\b/i],
  ['risks', /\b(?:risks?|risky|guardrails?|downsides?|harm\w*|mitigat\w*|side effects?)\b/i, /\bworse\b/i],
  ['business', /\b(?:roi|costs?|benefits?|invest\w*|business case|payback|revenue|budget|npv)\b/i, /\b(?:money|worth|value)\b/i],
  ['launch', /\b(?:launch\w*|ship\w*|releas\w*|roll ?outs?|adoption|adopt\w*|post-launch|outcome reviews?)\b/i, /\bafter\b/i],
  ['placeholders', /\b(?:placeholders?|tbds?|tbcs?|todos?|unfinished|template text|open (?:questions?|decisions?)|fill(?:ed)? in)\b/i],
];

// Readiness: "ready for review", "ready to ship", "good to go", "sign off". The words after
// "ready for/to" name the occasion, not a topic: "ready to ship" is not a launch question.
const READINESS = /\bready\b(?:\s+(?:for|to)\s+(?:(?:the|a|an|our|my)\s+)?[\w-]+(?:\s+(?:review|meeting|planning|kick-?off))?)?|\bgood to go\b|\bsign(?:ed)?[- ]off\b|\bsign (?:it |this )?off\b|\bapprov\w*/i;
// Questions about the document as a whole.
const BROAD = /\b(?:review\w*|feedback|think|opinions?|thoughts?|overall|whole|everything|anything|big picture|good|ok|okay|better|improve\w*|weak\w*|strong\w*|wrong|fix|change|look|check|complete|missing|finish\w*|gaps?|concerns?|worr\w*|critique|assess\w*|evaluat\w*|priorit\w*|next steps?)\b/i;

/** Whether a question asks if the document is ready ("Is this ready for review?"). */
export function asksReadiness(text: string): boolean {
  return READINESS.test(text);
}

/**
 * Topics a text talks about, in a fixed order. A part of the document named
 * outright narrows it ("What do you think of our metrics?"); otherwise a question
 * about the whole ("Is this ready for review?", "What do you think?") is
 * 'overall'; otherwise the hints decide ("How will we know this worked?").
 */
export function topicsIn(text: string): Topic[] {
  const rest = text.replace(new RegExp(READINESS, 'gi'), ' ');
  const strong = TOPIC_WORDS.filter(([, words]) => words.test(rest)).map(([topic]) => topic);
  if (strong.length > 0) return strong;
  if (rest !== text || BROAD.test(rest)) return ['overall'];
  return TOPIC_WORDS.filter(([, , hints]) => hints?.test(rest)).map(([topic]) => topic);
}

/** The part of the document a rule is about, so an overall answer can cover each part once. */
export const RULE_AREA: Readonly<Record<string, Topic>> = {
  'success-metrics-missing': 'metrics',
  'vanity-metric': 'metrics',
  'metric-missing-target': 'metrics',
  'metric-missing-baseline': 'metrics',
  'metric-missing-timeframe': 'metrics',
  'no-leading-indicator': 'metrics',
  'no-guardrail-metric': 'metrics',
  'output-as-outcome': 'goals',
  'vague-goal': 'goals',
  'problem-statement-missing': 'problem',
  'need-statement-incomplete': 'problem',
  'business-case-section-missing': 'business',
  'placeholder-left': 'placeholders',
};

export function rulesFor(topics: readonly Topic[]): Set<string> | 'all' {
  const out = new Set<string>();
  for (const topic of topics) {
    const ids = TOPIC_RULES[topic];
    if (ids === 'all') return 'all';
    for (const id of ids) out.add(id);
  }
  return out;
}
