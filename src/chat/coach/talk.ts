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

const one = (n: number, single: string, several: string) => (n === 1 ? single : several);

export const NEUTRAL_TALK: Readonly<Record<string, RuleTalk>> = {
  'success-metrics-missing': {
    concern: () => "I can't find any success metrics: nothing says what will be different, for whom, once this works.",
    advice: 'Add a Success Metrics section with two or three metrics, each with a baseline, a target and a timeframe (`/metrics` drafts one from the goals).',
  },
  'vanity-metric': {
    concern: (n) => one(n, 'This is a count that can grow while nobody gets value.', 'These are counts that can grow while nobody gets value.'),
    advice: 'Tie each one to a behaviour or a rate, such as the share of new customers who complete a key action within 7 days.',
  },
  'output-as-outcome': {
    concern: (n) => one(n, 'This defines success as shipping something, not as a change for the people it serves.', 'These define success as shipping something, not as a change for the people they serve.'),
    advice: 'Restate each as the change the work should cause: whose behaviour or which result moves, from what to what, by when.',
  },
  'metric-missing-target': {
    concern: (n) => one(n, 'This metric has no target, so any result can be called a success.', 'These metrics have no target, so any result can be called a success.'),
    advice: 'Write down the number that counts as success before anything ships.',
  },
  'metric-missing-baseline': {
    concern: (n) => one(n, "This metric has no baseline, so we won't know how far it moved.", "These metrics have no baseline, so we won't know how far they moved."),
    advice: "Measure today's value now, before the change goes out.",
  },
  'metric-missing-timeframe': {
    concern: (n) => one(n, "This metric has no timeframe, so there's no moment when anyone checks it.", "These metrics have no timeframe, so there's no moment when anyone checks them."),
    advice: 'Add the date or period by which each target should be reached.',
  },
  'vague-goal': {
    concern: (n) => one(n, "This goal can't be measured as written.", "These goals can't be measured as written."),
    advice: 'Say who does what differently, from what to what, by when, or name the metric that tracks it.',
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
    advice: 'Fill in the parts that are missing, in a sentence each.',
  },
  'business-case-section-missing': {
    concern: () => 'A decision-maker will look for a section this business case does not have yet.',
    advice: 'Add it, even as a first estimate with its assumptions written down.',
  },
  'placeholder-left': {
    concern: (n) => one(n, 'This is template text that was never filled in.', 'These are template text that was never filled in.'),
    advice: "Fill each one in, or delete it if it doesn't apply.",
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

// Word lists matched against the question (and, for workspace personas, their description).
const TOPIC_WORDS: ReadonlyArray<readonly [Topic, RegExp]> = [
  ['metrics', /\b(?:metrics?|measur\w*|kpis?|success|targets?|baselines?|time ?frames?|track\w*|numbers?|know|data|indicators?|leading|lagging|vanity|okrs?|key results?)\b/i],
  ['goals', /\b(?:goals?|objectives?|outcomes?|outputs?|aims?|vague|okrs?)\b/i],
  ['problem', /\b(?:problems?|pain\w*|why|needs?|motivation|opportunit\w*|jobs? to be done)\b/i],
  ['users', /\b(?:users?|customers?|who|personas?|audiences?|segments?|people)\b/i],
  ['risks', /\b(?:risks?|risky|guardrails?|downsides?|harm\w*|worse|mitigat\w*|side effects?)\b/i],
  ['business', /\b(?:roi|costs?|benefits?|invest\w*|business case|payback|revenue|budget|npv|money|worth|value)\b/i],
  ['launch', /\b(?:launch\w*|ship\w*|releas\w*|roll ?outs?|adoption|adopt\w*|after|post-launch|outcome reviews?)\b/i],
  ['placeholders', /\b(?:placeholders?|tbd|todo|unfinished|finish\w*|ready|complete|missing|template)\b/i],
  ['overall', /\b(?:review|feedback|think|good|improve|better|weak\w*|strong\w*|wrong|fix|overall|look|opinion|thoughts?|check)\b/i],
];

/** Topics a text talks about, in a fixed order; 'overall' only when nothing narrower matched. */
export function topicsIn(text: string): Topic[] {
  const found = TOPIC_WORDS.filter(([, words]) => words.test(text)).map(([topic]) => topic);
  return found.length > 1 ? found.filter((t) => t !== 'overall') : found;
}

export function rulesFor(topics: readonly Topic[]): Set<string> | 'all' {
  const out = new Set<string>();
  for (const topic of topics) {
    const ids = TOPIC_RULES[topic];
    if (ids === 'all') return 'all';
    for (const id of ids) out.add(id);
  }
  return out;
}
