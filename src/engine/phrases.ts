// Phrase lists are data: rules read them, and config adds to them.

/**
 * Cumulative or reach counts that rise whether or not anyone gets value:
 * the usual vanity metrics of product and growth writing.
 */
export const VANITY_PHRASES: readonly string[] = [
  'total sign-ups',
  'total signups',
  'total sign ups',
  'number of sign-ups',
  'number of signups',
  'sign-ups',
  'signups',
  'registrations',
  'registered users',
  'total users',
  'total registered users',
  'number of users',
  'user count',
  'accounts created',
  'page views',
  'pageviews',
  'page hits',
  'hits',
  'impressions',
  'visits',
  'site visits',
  'visitors',
  'unique visitors',
  'downloads',
  'app downloads',
  'installs',
  'app installs',
  'followers',
  'social media followers',
  'likes',
  'shares',
  'retweets',
  'subscribers',
  'newsletter subscribers',
  'email list size',
  'time on site',
  'time on page',
  'session duration',
  'clicks',
  'click count',
  'press mentions',
  'media coverage',
  'github stars',
  'views',
  'video views',
  'features shipped',
  'number of features',
  'lines of code',
  'story points',
  'velocity',
  'tickets closed',
];

/**
 * Qualifiers that turn a count into a behaviour or a rate: "% of sign-ups who
 * activate", "weekly active users who export", "sign-ups per visitor".
 */
export const QUALIFIER_PATTERNS: readonly RegExp[] = [
  /%|\bpercent(?:age)?\b|\bshare of\b|\bproportion\b|\bfraction\b|\bratio\b|\brate\b|\bconversion\b/i,
  /\b(?:per|each|every)\s+(?:active\s+)?(?:user|visitor|customer|account|session|day|week|month|team|seat)\b/i,
  /\b(?:who|that|which)\s+\w+/i,
  /\b(?:within|after)\s+\d+\s*(?:days?|weeks?|hours?|minutes?|months?)\b/i,
  /\b(?:retained|retention|activated|activation|returning|repeat|engaged|paying|converted|churn(?:ed)?)\b/i,
  /\b(?:daily|weekly|monthly)\s+active\b|\b[dwm]au\b/i,
  /\bcohort\b|\bfunnel\b|\bnet revenue\b|\bnps\b|\bcsat\b/i,
];

/** Verbs that describe delivering a thing rather than a change in someone's behaviour or result. */
export const OUTPUT_VERBS: readonly string[] = [
  'launch',
  'ship',
  'release',
  'deliver',
  'deploy',
  'build',
  'implement',
  'develop',
  'create',
  'complete',
  'roll out',
  'rollout',
  'go live',
  'publish',
  'introduce',
  'add',
  'migrate',
  'integrate',
  'finish',
  'code',
  'design',
];

/** Improvement words that promise a change without saying how much, for whom, or by when. */
export const VAGUE_GOAL_PHRASES: readonly string[] = [
  'improve',
  'improves',
  'improved',
  'improving',
  'improvement',
  'improvements',
  'enhance',
  'enhanced',
  'enhancing',
  'enhancement',
  'enhancements',
  'better',
  'optimize',
  'optimise',
  'optimized',
  'optimised',
  'optimizing',
  'optimising',
  'optimization',
  'optimisation',
  'streamline',
  'streamlined',
  'streamlining',
  'increase engagement',
  'increased engagement',
  'boost engagement',
  'drive engagement',
  'more engagement',
  'delight users',
  'delight customers',
  'delight our users',
  'delight our customers',
  'delightful',
  'world-class',
  'best-in-class',
  'seamless',
  'seamlessly',
  'user-friendly',
  'intuitive',
  'easy to use',
  'easier to use',
  'maximize',
  'maximise',
  'modernize',
  'modernise',
  'empower',
];

/** Escape a phrase for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One alternation matching any of the phrases as whole words, longest first,
 * with hyphen, space and no separator treated alike ("sign-ups", "sign ups").
 */
export function phraseRegExp(phrases: readonly string[]): RegExp {
  const alternatives = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/(?:\\-|\s)+/g, '[-\\s]?'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
