// Turning a document's goals into success metrics. A suggestion names only what the
// document itself says: its own metrics, what its problem statement already measures,
// the people or things it is about; everything else is a [bracketed placeholder] that
// says what to fill in. A few common product themes (checkout, onboarding, retention,
// ...) are recognised by keywords, and give only the hints inside those brackets.
// Timeframes and deliverables come from the goal's own words: the coach never invents numbers.
import { GUARD_SUBJECT, TIMEFRAME, timeframeIn } from '../../engine';
import type { Facts, Group } from './analysis';
import { findingsIn, goalStatements, metricPassage } from './analysis';
import { problemMeasures } from './problem-numbers';
import { andList, mention, mentionList, plain, quotable, quoteList } from './text';

interface Theme {
  words: RegExp;
  /** A rate or behaviour that shows the theme's result (never a raw count), for the document's population `who`. */
  outcome: (who: string) => string;
  /** The names of metrics that already measure that result ("Checkout conversion rate"). */
  measuredBy: RegExp;
  /** What must not get worse while the outcome is pushed. */
  guardrail: (who: string) => string;
}

// Outside the brackets a shape holds only the document's population and the grammar
// of a rate; every other word is a hint inside brackets, for the author to replace.
const THEMES: readonly Theme[] = [
  {
    words: /\b(?:check ?outs?|payments?|pay|paying|purchas\w*|carts?|orders?|basket)\b/i,
    outcome: (who) => `% of ${who} that [start a checkout and finish paying] within [one visit]`,
    measuredBy: /\b(?:check ?outs?|carts?|orders?|purchases?|payments?)\b[^.]*\b(?:conver\w*|complet\w*|paid|success\w*|abandon\w*)|\b(?:conver\w*|abandon\w*)\b[^.]*\b(?:check ?outs?|carts?|orders?|purchases?|payments?)\b/i,
    guardrail: (who) => `[Refunds or failed payments] per 1,000 ${who}`,
  },
  {
    words: /\b(?:onboard\w*|set ?up|activat\w*|sign[- ]?ups?|trials?|first[- ]run|getting started)\b/i,
    outcome: (who) => `% of ${who} that [finish setting up] within [N] days`,
    measuredBy: /\b(?:activation|set ?up completion|onboarding completion)\b|\b(?:complet\w*|finish\w*)\b[^.]*\b(?:set ?up|onboarding)\b/i,
    guardrail: (who) => `[Support contacts during setup] per 1,000 ${who}`,
  },
  {
    words: /\b(?:retention|retain\w*|churn\w*|renew\w*|cancel\w*)\b/i,
    outcome: (who) => `% of ${who} that [are still active N months after they start]`,
    measuredBy: /\b(?:retention|retained|churn\w*|still active)\b/i,
    guardrail: (who) => `[What keeping them costs, e.g. discounts] per 1,000 ${who}`,
  },
  {
    words: /\b(?:support|tickets?|refunds?|help ?desk|self[- ]service)\b/i,
    outcome: (who) => `% of ${who} that [get what they came for without contacting support]`,
    measuredBy: /\b(?:self[- ]service rate|deflect\w*|without contacting support|contact rate|support tickets?|support contacts?)\b/i,
    guardrail: (who) => `% of ${who} that [reopen or escalate a request] within [N] days`,
  },
  {
    words: /\b(?:search\w*|findability|discover\w*)\b/i,
    outcome: (who) => `% of ${who} that [open a result after searching] within [N seconds]`,
    measuredBy: /\bsearch\w*\b[^.]*\b(?:success\w*|click\w*|conver\w*|opening a result)\b/i,
    guardrail: () => '% of [searches that find nothing]',
  },
  {
    words: /\b(?:revenue|upgrad\w*|pricing|sales|paid|monetiz\w*|subscriptions?|conversion)\b/i,
    outcome: (who) => `% of ${who} that [pay, or pay more] within [N] days`,
    measuredBy: /\btrials?\b[^.]*\b(?:paid|conver\w*)\b|\bupgrade rate\b|\bconver\w*\b[^.]*\bpaid plans?\b/i,
    guardrail: (who) => `% of ${who} that [ask for their money back] within [N] days`,
  },
  {
    words: /\b(?:satisf\w*|nps|csat|happ(?:y|iness)|delight\w*|frustrat\w*|complain\w*)\b/i,
    outcome: (who) => `% of ${who} that [rate the experience 4 or 5 of 5 when asked]`,
    measuredBy: /\b(?:csat|nps|satisfaction)\b/i,
    guardrail: () => '[Complaints] per 1,000 [interactions]',
  },
  {
    words: /\b(?:faster|speed|slow\w*|latency|wait\w*|quick\w*|performance|time to)\b/i,
    outcome: (who) => `Median time for ${who} to [complete the task]`,
    measuredBy: /\b(?:time to|median time|duration|latency|load time)\b/i,
    guardrail: () => '[Errors] per 1,000 [attempts at the task]',
  },
];

const GENERIC_THEME: Theme = {
  words: /$^/,
  outcome: (who) => `% of ${who} that [reach the outcome] within [N] days`,
  measuredBy: /$^/,
  guardrail: () => '[What must not get worse while this changes]',
};

/** Who a suggestion counts when the document does not say. */
const SOMEONE = '[who or what the document is for]';

// The lead of a sentence that names a population: "Freelance designers wait…".
const LEAD_PLURAL = /^((?:[A-Za-z][\w'-]{0,30}\s){0,2}?[A-Za-z][\w'-]{0,30}[^s\W]s)\s+(?:who\b|that\b|[a-z]+)/;
const NOT_A_NAME = /^(?:the|a|an|our|their|its|many|most|some|all|new|these|those|this|there|it|we|they|us|is|was|has|does|as)$/i;
// In a problem statement the subject is the population only when what follows is something people do.
const PEOPLE_DO =
  /^(?:(?:who|that)\s|(?:still|often|rarely|never|usually|also)\s|(?:can(?:not|'t)|don't|do not|wait|spend|lose|give|struggle|need|want|abandon|churn|leave|complain|miss|chase|re-?key|stop|drop|forget|tell|say|report|ask|try|pay|use|stall|switch|call|email|keep|file|send|book|shop|buy|plan|look|search|get|find)\w*\b)/i;

/**
 * The people the document is about, in its own words: the first entry of a Users
 * section ("Freelance designers: …"), else the subject of its problem statement when
 * it is doing something ("Small agencies wait weeks…"); undefined otherwise.
 */
export function documentPopulation(facts: Facts): string | undefined {
  const candidates = [
    ...facts.statements('users').map((p) => ({ text: p.text, people: true })),
    ...facts.statements('problem').map((p) => ({ text: p.text, people: false })),
  ].slice(0, 8);
  for (const { text, people } of candidates) {
    const lead = LEAD_PLURAL.exec(text.trim());
    if (!lead) continue;
    if (!people && !PEOPLE_DO.test(text.trim().slice(lead[1]!.length).trimStart())) continue;
    const words = lead[1]!.split(/\s/);
    while (words.length > 0 && NOT_A_NAME.test(words[0]!)) words.shift();
    if (words.length === 0 || NOT_A_NAME.test(words.at(-1)!)) continue;
    return words.map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ');
  }
  return undefined;
}

function who(facts: Facts): string {
  return documentPopulation(facts) ?? SOMEONE;
}

function themeOf(text: string): Theme | undefined {
  return THEMES.find((t) => t.words.test(text));
}

/** The theme of the document as a whole: its title, then its goals, problem and summary. */
function documentTheme(facts: Facts): Theme {
  const passages = [...facts.statements('goals'), ...facts.statements('problem'), ...facts.statements('summary')];
  for (const text of [facts.title ?? '', ...passages.map((p) => p.text)]) {
    const theme = themeOf(text);
    if (theme) return theme;
  }
  return GENERIC_THEME;
}

// Where the thing delivered ends and its purpose begins: "Ship SSO so that admins ...".
const PURPOSE = /\s+(?:so that|so|to|in order to|because|for|with|which)\s|[,;:(]/i;

/**
 * What a shipping goal delivers, from the finding's verb to the end of the goal:
 * "Ship Apple Pay and saved cards by Q1" -> ["Apple Pay", "saved cards"]. Short
 * things joined by "and" are separate deliveries, each adopted on its own.
 */
function deliverables(phrase: string): string[] {
  const thing = phrase
    .split(PURPOSE)[0]!
    .replace(/^\S+\s+/, '')
    .replace(TIMEFRAME, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  const parts = thing.split(/\s+and\s+/);
  return parts.length === 2 && parts.every((p) => p.split(/\s+/).length <= 4) ? parts : [thing];
}

type Metric = Facts['metrics'][number];

/** The vanity-metric or output-as-outcome findings on a metric. */
function flawsOf(facts: Facts, metric: Metric) {
  return findingsIn(facts, { ...metricPassage(metric), end: metric.span.end }, ['vanity-metric', 'output-as-outcome']);
}

// Results that get better by going down.
const LOWER_IS_BETTER = /\b(?:abandon\w*|churn\w*|time|latency|errors?|tickets?|contacts?|complaints?|refunds?)\b/i;

/**
 * A rewrite of a shipping or vague statement as a measurable change, in italics:
 * the document's own metric for the result when it has one (with its baseline),
 * else what its problem statement measures, else the theme's shape for its population.
 */
export function outcomeExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  const theme = themeOf(first.text) ?? documentTheme(facts);
  const own = facts.metrics.find((m) => theme.measuredBy.test(plain(m.name.text)) && flawsOf(facts, m).length === 0);
  const measured = own ? undefined : problemMeasures(facts)[0];
  const name = own ? plain(own.name.text) : (measured?.metric ?? theme.outcome(who(facts)));
  const from = own?.baseline ? plain(own.baseline.text) : (measured?.baseline ?? "[today's value]");
  const to = own?.target ? plain(own.target.text) : '[target]';
  const moves = LOWER_IS_BETTER.test(name) ? 'falls' : 'rises';
  const by = timeframeIn(first.text) ?? (own?.timeframe ? plain(own.timeframe.text) : 'by [date]');
  return `*${name.charAt(0).toUpperCase()}${name.slice(1)} ${moves} from ${from} to ${to} ${by}*`;
}

/**
 * A better measure for a vanity count, in italics: a sound metric the document
 * already has, else what its problem statement measures today, else the shape of
 * the result the document (or the count's own words) is about, for its population.
 */
export function replacementExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  const sound = facts.metrics.find((m) => m.baseline && m.target && flawsOf(facts, m).length === 0);
  if (sound) return `*${plain(sound.name.text)}, from ${plain(sound.baseline!.text)} to ${plain(sound.target!.text)}*`;
  const measured = problemMeasures(facts)[0];
  if (measured) return `*${measured.metric}, ${measured.baseline} today*`;
  const own = documentTheme(facts);
  return `*${(own === GENERIC_THEME ? (themeOf(first.text) ?? own) : own).outcome(who(facts))}*`;
}

export interface MetricRow {
  metric: string;
  type: string;
  baseline: string;
  target: string;
  timeframe: string;
  source: string;
  owner: string;
}

export interface MetricsProposal {
  rows: MetricRow[];
  /** One line per goal or replaced metric: which row measures it and why. */
  notes: string[];
}

const BLANK = { baseline: "[today's value]", target: '[target]', timeframe: '[by when]', source: '[dashboard or query]', owner: '[name]' };
const UNKNOWN_TYPE = '[leading, lagging or guardrail]';
const MAX_GOALS = 5;
const MAX_ROWS = 8;

// A delivery that replaces what everyone already uses: once it is live, everyone "adopts" it.
const REPLACEMENT = /\b(?:re-?design\w*|revamp\w*|rebuil\w*|re-?platform\w*|refresh\w*|migrat\w*|new version|new design)\b/i;
const ADOPTION = /\badopt\w*|\b(?:use|used|uses|using)\b[^.]*\bwithin \d+ (?:days|weeks) of (?:release|launch)\b/i;
// A metric about people taking up the capability moves first: "Teams with a connected calendar".
const TAKE_UP = /\b(?:connected|enabled|activated|adopted|installed|turned on|opted in|signed in|set up)\b/i;

/** The type of a metric the document leaves untyped, when its words tell: else the bracketed choice. */
function typeOf(name: string, theme: Theme): string {
  if (theme.measuredBy.test(name)) return 'lagging';
  if (ADOPTION.test(name) || TAKE_UP.test(name)) return 'leading';
  if (GUARD_SUBJECT.test(name)) return 'guardrail';
  return THEMES.some((t) => t.measuredBy.test(name)) ? 'lagging' : UNKNOWN_TYPE;
}

/**
 * Metrics the document leaves untyped whose words say they move early ("Teams
 * with a connected calendar"): when the rule finds no leading indicator, the
 * fair thing is to point at these rather than say everything lags.
 */
export function unlabelledLeading(facts: Facts): string[] {
  return facts.metrics.filter((m) => !m.type && typeOf(plain(m.name.text), GENERIC_THEME) === 'leading').map((m) => plain(m.name.text));
}

/** The success-metrics table for the document's goals, keeping the metrics it already has that hold up. */
export function proposeMetrics(facts: Facts): MetricsProposal {
  const rows: MetricRow[] = [];
  const notes: string[] = [];
  const add = (row: MetricRow) => {
    const same = rows.find((r) => r.metric.toLowerCase() === row.metric.toLowerCase());
    if (!same) rows.push(row);
    else if (same.timeframe === BLANK.timeframe) same.timeframe = row.timeframe;
  };
  const theme = documentTheme(facts);
  const population = who(facts);
  const outcomeOf = (t: Theme) => t.outcome(population);

  const left = { 'vanity-metric': [] as string[], 'output-as-outcome': [] as string[] };
  for (const m of facts.metrics) {
    const name = plain(m.name.text);
    const flaw = flawsOf(facts, m)[0];
    if (flaw) {
      left[flaw.ruleId as keyof typeof left].push(name);
      continue;
    }
    add({
      metric: name,
      type: m.type ?? typeOf(name, theme),
      baseline: m.baseline ? plain(m.baseline.text) : BLANK.baseline,
      target: m.target ? plain(m.target.text) : BLANK.target,
      timeframe: m.timeframe ? plain(m.timeframe.text) : BLANK.timeframe,
      source: m.dataSource ? plain(m.dataSource.text) : BLANK.source,
      owner: m.owner ? plain(m.owner.text) : BLANK.owner,
    });
  }
  const kept = rows.slice();
  for (const [ruleId, names] of Object.entries(left)) {
    if (names.length === 0) continue;
    const one = names.length === 1;
    const why = ruleId === 'vanity-metric' ? (one ? 'is a count that can grow' : 'are counts that can grow') : one ? 'is a delivery milestone' : 'are delivery milestones';
    notes.push(`${quoteList(names)} ${why} while nobody gets value, so I've left ${one ? 'it' : 'them'} out of the table.`);
  }

  // Goals already backed by sound metrics need no new rows unless a rule flags them.
  for (const goal of goalStatements(facts).slice(0, MAX_GOALS)) {
    const outputs = findingsIn(facts, goal, ['output-as-outcome']);
    const vague = findingsIn(facts, goal, ['vague-goal', 'vanity-metric']).length > 0;
    if (kept.length > 0 && outputs.length === 0 && !vague) continue;
    const own = themeOf(goal.text);
    const goalTheme = own ?? theme;
    const timeframe = timeframeIn(goal.text) ?? BLANK.timeframe;
    const quoted = `"${quotable(goal.text)}"`;
    // A metric the document already has may measure the goal's result under another name.
    const existing = kept.find((r) => goalTheme.measuredBy.test(r.metric));
    const result = existing ? `${mention(existing.metric)} (already in the document)` : `*${outcomeOf(goalTheme)}*`;
    if (outputs[0]) {
      const things = deliverables(plain(facts.text.slice(outputs[0].start.offset, goal.end)));
      const adopted = things.filter((thing) => !REPLACEMENT.test(thing)).map((thing) => `% of [eligible users] who use ${thing} within [N] days of release`);
      if (adopted.length === 0) {
        notes.push(`${quoted} is a delivery, and once ${andList(things)} ${things.length === 1 ? 'is' : 'are'} live everyone uses ${things.length === 1 ? 'it' : 'them'}, so adoption tells us little. I'd judge it by the result it should move: ${result}.`);
      } else {
        for (const adoption of adopted) add({ metric: adoption, type: 'leading', ...BLANK, timeframe });
        notes.push(`${quoted} is a delivery: I'd watch ${andList(adopted.map((a) => `*${a}*`))} first, then the result it should move: ${result}.`);
      }
    } else if (!own && !existing && rows.some((r) => r.metric === outcomeOf(goalTheme))) {
      // Its words name no theme and the document's own row is taken: leave a row for the author to word.
      notes.push(`${quoted}: I can't tell from its words what should change, so there's a row for you to complete: *${outcomeOf(GENERIC_THEME)}*.`);
      add({ metric: outcomeOf(GENERIC_THEME), type: 'lagging', ...BLANK, timeframe });
      continue;
    } else {
      notes.push(`${quoted}: I'd track it ${existing ? 'with' : 'as'} ${result}.`);
    }
    if (!existing) add({ metric: outcomeOf(goalTheme), type: 'lagging', ...BLANK, timeframe });
    else {
      if (existing.type === UNKNOWN_TYPE) existing.type = 'lagging';
      if (existing.timeframe === BLANK.timeframe) existing.timeframe = timeframe;
    }
  }

  // What the problem statement already measures comes first, with today's value as its baseline.
  const measured = problemMeasures(facts).filter((m) => !rows.some((r) => r.metric.toLowerCase() === m.metric.toLowerCase()));
  if (measured.length > 0) {
    rows.splice(kept.length, 0, ...measured.map((m) => ({ ...BLANK, metric: m.metric, type: 'lagging', baseline: m.baseline })));
    notes.push(
      `The problem statement already measures ${measured.length === 1 ? 'one thing' : `${measured.length} things`} today: ${andList(measured.map((m) => `${mention(m.metric)} (${m.baseline})`))}. I've put ${measured.length === 1 ? 'it' : 'them'} in with ${measured.length === 1 ? 'that value' : 'those values'} as the baseline; the target is yours to set.`,
    );
  }
  if (kept.length > 0) {
    const gaps = kept.some((r) => Object.values(r).some((v) => v.startsWith('[')));
    const which = kept.length <= 3 ? `${mentionList(kept.map((r) => r.metric))} from the document` : `the ${kept.length} metrics the document already has`;
    notes.unshift(`I've kept ${which}${gaps ? ', with brackets where a value is missing' : ' as they are'}.`);
  }
  if (rows.length === 0) add({ metric: outcomeOf(theme), type: 'lagging', ...BLANK });
  if (!rows.some((r) => r.type === 'leading')) {
    add({ metric: '% of [eligible users] who use [the new capability] within [N] days of release', type: 'leading', ...BLANK });
  }
  if (!rows.some((r) => r.type === 'guardrail')) add({ metric: theme.guardrail(population), type: 'guardrail', ...BLANK });
  return { rows: rows.slice(0, MAX_ROWS), notes };
}

const COLUMNS: ReadonlyArray<readonly [keyof MetricRow, string]> = [
  ['metric', 'Metric'],
  ['type', 'Type'],
  ['baseline', 'Baseline'],
  ['target', 'Target'],
  ['timeframe', 'Timeframe'],
  ['source', 'Source'],
  ['owner', 'Owner'],
];

/** The rows as a GFM table; pipes inside cells are escaped. */
export function metricsTable(rows: readonly MetricRow[]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(COLUMNS.map(([, title]) => title)), line(COLUMNS.map(() => '---')), ...rows.map((row) => line(COLUMNS.map(([key]) => row[key])))].join('\n');
}
