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

/**
 * Finds any of many phrases (a config's 10,000 vanity phrases) in time that does not
 * grow with their number: words are looked up in a set, as the alternation of
 * `phraseRegExp` would match them (whole words, hyphen, one space or nothing between).
 */
export class PhraseSet {
  private readonly keys = new Set<string>();
  private readonly maxWords: number;

  constructor(phrases: readonly string[]) {
    let most = 0;
    for (const phrase of phrases) {
      const words = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu);
      if (!words) continue;
      this.keys.add(words.join(''));
      // A phrase written as one word ("signups") can meet text in two ("sign ups").
      most = Math.max(most, words.length, Math.min(8, words.join('').length));
    }
    this.maxWords = Math.min(most, 8);
  }

  get size(): number {
    return this.keys.size;
  }

  /** The leftmost, then longest, phrase in `text`: its offsets and the words as written. */
  find(text: string): { start: number; end: number; text: string } | undefined {
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    for (let i = 0; i < words.length; i++) {
      let key = '';
      let found: RegExpExecArray | RegExpMatchArray | undefined;
      for (let n = 0; n < this.maxWords && i + n < words.length; n++) {
        const word = words[i + n]!;
        if (n > 0) {
          const before = words[i + n - 1]!;
          const gap = text.slice(before.index! + before[0].length, word.index);
          if (gap.length > 1 || (gap.length === 1 && !/[-\s]/.test(gap))) break;
        }
        key += word[0].toLowerCase();
        if (this.keys.has(key)) found = word;
      }
      if (found) {
        const start = words[i]!.index!;
        const end = found.index! + found[0].length;
        return { start, end, text: text.slice(start, end) };
      }
    }
    return undefined;
  }
}
