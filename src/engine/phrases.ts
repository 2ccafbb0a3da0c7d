// Phrase lists are data: rules read them, and config adds to them. The judgement's
// vocabulary (vanity heads, delivery verbs, timeframes) lives in ./vocabulary.

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
  // Configs rarely change between lints: compile each list once (a few lists at a time).
  const key = phrases.join('\n');
  const known = compiledPhrases.get(key);
  if (known) {
    known.lastIndex = 0;
    return known;
  }
  const compiled = compilePhrases(phrases);
  if (compiledPhrases.size >= 8) compiledPhrases.delete(compiledPhrases.keys().next().value!);
  compiledPhrases.set(key, compiled);
  return compiled;
}

const compiledPhrases = new Map<string, RegExp>();

function compilePhrases(phrases: readonly string[]): RegExp {
  const alternatives = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/(?:\\-|\s)+/g, '[-\\s]?'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
