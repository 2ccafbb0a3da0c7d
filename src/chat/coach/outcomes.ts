// Turning a document's goals into success metrics: a few common product
// themes (checkout, onboarding, retention, ...) each with an outcome metric
// and a guardrail, recognised by keywords; timeframes and deliverables read
// from the goal's own words; and the /metrics table built from all of it.
// Unknown values stay as [bracketed placeholders]: the coach never invents numbers.
import type { Facts, Group } from './analysis';
import { findingsIn, goalStatements, metricPassage } from './analysis';
import { plain, quotable } from './text';

interface Theme {
  words: RegExp;
  /** A rate or behaviour that shows the theme's result (never a raw count). */
  outcome: string;
  /** What must not get worse while the outcome is pushed. */
  guardrail: string;
}

const THEMES: readonly Theme[] = [
  {
    words: /\b(?:check ?outs?|payments?|pay|paying|purchas\w*|carts?|orders?|basket)\b/i,
    outcome: '% of started checkouts that end in a paid order',
    guardrail: 'Refunds and chargebacks per 1,000 orders',
  },
  {
    words: /\b(?:onboard\w*|set ?up|activat\w*|sign[- ]?ups?|trials?|first[- ]run|getting started)\b/i,
    outcome: '% of new accounts that complete setup within 7 days',
    guardrail: 'Support contacts per 100 new accounts',
  },
  {
    words: /\b(?:retention|retain\w*|churn\w*|renew\w*|cancel\w*)\b/i,
    outcome: '% of accounts active in month 1 that are still active in month 3',
    guardrail: 'Discount cost per retained account',
  },
  {
    words: /\b(?:support|tickets?|refunds?|help ?desk|self[- ]service)\b/i,
    outcome: '% of [requests] completed without contacting support',
    guardrail: '% of self-service [requests] reopened or escalated within 7 days',
  },
  {
    words: /\b(?:search\w*|findability|discover\w*)\b/i,
    outcome: '% of searches followed by opening a result within 30 seconds',
    guardrail: '% of searches with no results',
  },
  {
    words: /\b(?:revenue|upgrad\w*|pricing|sales|paid|monetiz\w*|subscriptions?|conversion)\b/i,
    outcome: '% of trial accounts that convert to paid within 30 days',
    guardrail: '% of upgrades refunded within 30 days',
  },
  {
    words: /\b(?:satisf\w*|nps|csat|happ(?:y|iness)|delight\w*|frustrat\w*|complain\w*)\b/i,
    outcome: '% of surveyed [users] who rate [the experience] 4 or 5 out of 5',
    guardrail: 'Complaints per 1,000 [interactions]',
  },
  {
    words: /\b(?:faster|speed|slow\w*|latency|wait\w*|quick\w*|performance|time to)\b/i,
    outcome: 'Median time for [users] to [complete the task]',
    guardrail: 'Error rate of [the task]',
  },
];

const GENERIC_THEME: Theme = {
  words: /$^/,
  outcome: '% of [target users] who [reach the outcome] within [N] days',
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

const TIMEFRAME =
  /\b(?:by|before|in|within|until|during|through)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:next|first|coming)\s+)?(?:q[1-4](?:\s*(?:fy)?\s*'?\d{2,4})?|h[12](?:\s+\d{4})?|fy\s?\d{2,4}|(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+(?:19|20)\d\d)?|\d+\s*(?:days?|weeks?|months?|quarters?|years?)|quarter|year|month|sprint)\b/i;

/** "by Q3", "within 90 days": the timeframe a goal states, if any. */
export function timeframeIn(text: string): string | undefined {
  return TIMEFRAME.exec(text)?.[0];
}

/** What a shipping goal delivers: "Ship Apple Pay" -> "Apple Pay". */
function deliverable(phrase: string): string {
  return phrase
    .replace(/^\S+\s+/, '')
    .replace(TIMEFRAME, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

/** A rewrite of a shipping or vague statement as a measurable change, in italics. */
export function outcomeExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  const theme = themeOf(first.text) ?? documentTheme(facts);
  const outcome = theme.outcome.charAt(0).toUpperCase() + theme.outcome.slice(1);
  return `*${outcome} rises from [today's value] to [target] ${timeframeIn(first.text) ?? 'by [date]'}*`;
}

/** A better measure for a vanity count, in italics. */
export function replacementExample(facts: Facts, group: Group): string | undefined {
  const first = group.passages[0];
  if (!first) return undefined;
  return `*${(themeOf(first.text) ?? documentTheme(facts)).outcome}*`;
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
const MAX_GOALS = 5;
const MAX_ROWS = 8;

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

  const flaws = (m: (typeof facts.metrics)[number]) => findingsIn(facts, { ...metricPassage(m), end: m.span.end }, ['vanity-metric', 'output-as-outcome']);
  const kept = facts.metrics.filter((m) => flaws(m).length === 0);
  for (const m of facts.metrics) {
    const name = plain(m.name.text);
    const flaw = flaws(m)[0];
    if (flaw) {
      const why = flaw.ruleId === 'vanity-metric' ? 'is a count that can grow while nobody gets value' : 'is a delivery milestone, not a result';
      notes.push(`"${quotable(name)}" ${why}, so I've left it out of the table.`);
      continue;
    }
    add({
      metric: name,
      type: m.type ?? '[leading, lagging or guardrail]',
      baseline: m.baseline ? plain(m.baseline.text) : BLANK.baseline,
      target: m.target ? plain(m.target.text) : BLANK.target,
      timeframe: m.timeframe ? plain(m.timeframe.text) : BLANK.timeframe,
      source: m.dataSource ? plain(m.dataSource.text) : BLANK.source,
      owner: m.owner ? plain(m.owner.text) : BLANK.owner,
    });
  }

  // Goals already backed by sound metrics need no new rows unless a rule flags them.
  for (const goal of goalStatements(facts).slice(0, MAX_GOALS)) {
    const outputs = findingsIn(facts, goal, ['output-as-outcome']);
    const vague = findingsIn(facts, goal, ['vague-goal', 'vanity-metric']).length > 0;
    if (kept.length > 0 && outputs.length === 0 && !vague) continue;
    const own = themeOf(goal.text);
    const outcome = (own ?? theme).outcome;
    const timeframe = timeframeIn(goal.text) ?? BLANK.timeframe;
    const quoted = `"${quotable(goal.text)}"`;
    if (outputs[0]) {
      const thing = deliverable(plain(facts.text.slice(outputs[0].start.offset, outputs[0].end.offset)));
      const adoption = `% of [eligible users] who use ${thing} within 14 days of release`;
      add({ metric: adoption, type: 'leading', ...BLANK, timeframe });
      notes.push(`${quoted} is a delivery: I'd watch *${adoption}* first, then *${outcome}*, the result it should move.`);
    } else if (!own && rows.some((r) => r.metric === outcome)) {
      // Its words name no theme and the document's own row is taken: leave a row for the author to word.
      notes.push(`${quoted}: I can't tell from its words what should change, so there's a row for you to complete: *${GENERIC_THEME.outcome}*.`);
      add({ metric: GENERIC_THEME.outcome, type: 'lagging', ...BLANK, timeframe });
      continue;
    } else {
      notes.push(`${quoted}: I'd track it as *${outcome}*.`);
    }
    add({ metric: outcome, type: 'lagging', ...BLANK, timeframe });
  }

  if (kept.length > 0) {
    const gaps = rows.slice(0, kept.length).some((r) => Object.values(r).some((v) => v.startsWith('[')));
    notes.unshift(`I've kept the ${kept.length === 1 ? 'metric' : `${kept.length} metrics`} the document already has${gaps ? ', with brackets where a value is missing' : ' as they are'}.`);
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
