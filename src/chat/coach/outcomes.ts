// Turning a document's goals into success metrics: a few common product
// themes (checkout, onboarding, retention, ...) each with an outcome metric
// and a guardrail, recognised by keywords; timeframes and deliverables read
// from the goal's own words; and the /metrics table built from all of it.
// Unknown values stay as [bracketed placeholders]: the coach never invents numbers.
import { GUARD_SUBJECT, TIMEFRAME, timeframeIn } from '../../engine';
import type { Facts, Group } from './analysis';
import { findingsIn, goalStatements, metricPassage } from './analysis';
import { problemMeasures } from './problem-numbers';
import { andList, mention, mentionList, plain, quotable, quoteList } from './text';

interface Theme {
  words: RegExp;
  /** A rate or behaviour that shows the theme's result (never a raw count). */
  outcome: string;
  /** The names of metrics that already measure that result ("Checkout conversion rate"). */
  measuredBy: RegExp;
  /** What must not get worse while the outcome is pushed. */
  guardrail: string;
}

const THEMES: readonly Theme[] = [
  {
    words: /\b(?:check ?outs?|payments?|pay|paying|purchas\w*|carts?|orders?|basket)\b/i,
    outcome: '% of started checkouts that end in a paid order',
    measuredBy: /\b(?:check ?outs?|carts?|orders?|purchases?|payments?)\b[^.]*\b(?:conver\w*|complet\w*|paid|success\w*|abandon\w*)|\b(?:conver\w*|abandon\w*)\b[^.]*\b(?:check ?outs?|carts?|orders?|purchases?|payments?)\b/i,
    guardrail: 'Refunds and chargebacks per 1,000 orders',
  },
  {
    words: /\b(?:onboard\w*|set ?up|activat\w*|sign[- ]?ups?|trials?|first[- ]run|getting started)\b/i,
    outcome: '% of new accounts that complete setup within 7 days',
    measuredBy: /\b(?:activation|set ?up completion|onboarding completion)\b|\b(?:complet\w*|finish\w*)\b[^.]*\b(?:set ?up|onboarding)\b/i,
    guardrail: 'Support contacts per 100 new accounts',
  },
  {
    words: /\b(?:retention|retain\w*|churn\w*|renew\w*|cancel\w*)\b/i,
    outcome: '% of accounts active in month 1 that are still active in month 3',
    measuredBy: /\b(?:retention|retained|churn\w*|still active)\b/i,
    guardrail: 'Discount cost per retained account',
  },
  {
    words: /\b(?:support|tickets?|refunds?|help ?desk|self[- ]service)\b/i,
    outcome: '% of [requests] completed without contacting support',
    measuredBy: /\b(?:self[- ]service rate|deflect\w*|without contacting support|contact rate|support tickets?|support contacts?)\b/i,
    guardrail: '% of self-service [requests] reopened or escalated within 7 days',
  },
  {
    words: /\b(?:search\w*|findability|discover\w*)\b/i,
    outcome: '% of searches followed by opening a result within 30 seconds',
    measuredBy: /\bsearch\w*\b[^.]*\b(?:success\w*|click\w*|conver\w*|opening a result)\b/i,
    guardrail: '% of searches with no results',
  },
  {
    words: /\b(?:revenue|upgrad\w*|pricing|sales|paid|monetiz\w*|subscriptions?|conversion)\b/i,
    outcome: '% of trial accounts that convert to paid within 30 days',
    measuredBy: /\btrials?\b[^.]*\b(?:paid|conver\w*)\b|\bupgrade rate\b|\bconver\w*\b[^.]*\bpaid plans?\b/i,
    guardrail: '% of upgrades refunded within 30 days',
  },
  {
    words: /\b(?:satisf\w*|nps|csat|happ(?:y|iness)|delight\w*|frustrat\w*|complain\w*)\b/i,
    outcome: '% of surveyed [users] who rate [the experience] 4 or 5 out of 5',
    measuredBy: /\b(?:csat|nps|satisfaction)\b/i,
    guardrail: 'Complaints per 1,000 [interactions]',
  },
  {
    words: /\b(?:faster|speed|slow\w*|latency|wait\w*|quick\w*|performance|time to)\b/i,
    outcome: 'Median time for [users] to [complete the task]',
    measuredBy: /\b(?:time to|median time|duration|latency|load time)\b/i,
    guardrail: 'Error rate of [the task]',
  },
];

const GENERIC_THEME: Theme = {
  words: /$^/,
  outcome: '% of [target users] who [reach the outcome] within [N] days',
  measuredBy: /$^/,
  guardrail: '[What must not get worse], e.g. support contacts per 1,000 active users',
};

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
 * else the theme's.
 */
export function outcomeExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  const theme = themeOf(first.text) ?? documentTheme(facts);
  const own = facts.metrics.find((m) => theme.measuredBy.test(plain(m.name.text)) && flawsOf(facts, m).length === 0);
  const name = own ? plain(own.name.text) : theme.outcome;
  const from = own?.baseline ? plain(own.baseline.text) : "[today's value]";
  const to = own?.target ? plain(own.target.text) : '[target]';
  const moves = LOWER_IS_BETTER.test(name) ? 'falls' : 'rises';
  const by = timeframeIn(first.text) ?? (own?.timeframe ? plain(own.timeframe.text) : 'by [date]');
  return `*${name.charAt(0).toUpperCase()}${name.slice(1)} ${moves} from ${from} to ${to} ${by}*`;
}

/**
 * A better measure for a vanity count, in italics: the result the document
 * itself is about (a checkout PRD's sign-ups become paid checkouts), else the
 * result the count's own words point at.
 */
export function replacementExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  const own = documentTheme(facts);
  const outcome = (own === GENERIC_THEME ? (themeOf(first.text) ?? own) : own).outcome;
  // A template with brackets is a last resort: a sound behaviour metric of the document's own says more.
  const sound = outcome.includes('[') ? facts.metrics.find((m) => m.baseline && m.target && flawsOf(facts, m).length === 0) : undefined;
  return sound ? `*${plain(sound.name.text)}, from ${plain(sound.baseline!.text)} to ${plain(sound.target!.text)}*` : `*${outcome}*`;
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
    const result = existing ? `${mention(existing.metric)} (already in the document)` : `*${goalTheme.outcome}*`;
    if (outputs[0]) {
      const things = deliverables(plain(facts.text.slice(outputs[0].start.offset, goal.end)));
      const adopted = things.filter((thing) => !REPLACEMENT.test(thing)).map((thing) => `% of [eligible users] who use ${thing} within 14 days of release`);
      if (adopted.length === 0) {
        notes.push(`${quoted} is a delivery, and once ${andList(things)} ${things.length === 1 ? 'is' : 'are'} live everyone uses ${things.length === 1 ? 'it' : 'them'}, so adoption tells us little. I'd judge it by the result it should move: ${result}.`);
      } else {
        for (const adoption of adopted) add({ metric: adoption, type: 'leading', ...BLANK, timeframe });
        notes.push(`${quoted} is a delivery: I'd watch ${andList(adopted.map((a) => `*${a}*`))} first, then the result it should move: ${result}.`);
      }
    } else if (!own && !existing && rows.some((r) => r.metric === goalTheme.outcome)) {
      // Its words name no theme and the document's own row is taken: leave a row for the author to word.
      notes.push(`${quoted}: I can't tell from its words what should change, so there's a row for you to complete: *${GENERIC_THEME.outcome}*.`);
      add({ metric: GENERIC_THEME.outcome, type: 'lagging', ...BLANK, timeframe });
      continue;
    } else {
      notes.push(`${quoted}: I'd track it ${existing ? 'with' : 'as'} ${result}.`);
    }
    if (!existing) add({ metric: goalTheme.outcome, type: 'lagging', ...BLANK, timeframe });
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
  if (rows.length === 0) add({ metric: theme.outcome, type: 'lagging', ...BLANK });
  if (!rows.some((r) => r.type === 'leading')) {
    add({ metric: '% of [eligible users] who use [the new capability] within 14 days of release', type: 'leading', ...BLANK });
  }
  if (!rows.some((r) => r.type === 'guardrail')) add({ metric: theme.guardrail, type: 'guardrail', ...BLANK });
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
