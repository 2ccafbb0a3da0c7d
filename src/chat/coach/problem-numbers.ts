// The measurements a document's Problem section already makes: "30% of them
// are re-keyed after an error", "each invoice takes 12 minutes to key in",
// "Refund requests are 22% of support tickets". Each is a metric with its
// baseline written down; /metrics offers it with that baseline instead of a
// row of brackets. Only shapes read with confidence are taken; anything else
// is left alone, so the coach never puts words or numbers in the author's mouth.
import type { Facts } from './analysis';

export interface ProblemMeasure {
  metric: string;
  baseline: string;
  /** The sentence it was read from, for the note. */
  from: string;
}

// Bounded patterns, run once per sentence of the Problem section (linear on long lines).
const UNITS = /(?:^|\s)(?:seconds|minutes|hours|days|weeks|months|years|percent)$/i;
const VOLUME_NOUN = /\b\d[\d,]{0,12}\s+((?:[a-z]+[ -]){0,2}[a-z]+s)\b/i;
const SHARE_OF_THEM = /\b(\d{1,3}(?:\.\d{1,2})?)\s?%\s+of\s+(them|these|those|(?:[a-z]+ ){0,3}[a-z]+s)\s+(?:are|is|were|get|gets)\s+([a-z][a-z -]{2,50}?)\s*(?:[.,;]|$)/i;
const ARE_SHARE_OF = /\b((?:[a-z]+ ){0,2}[a-z]+s)\s+(?:are|make up|account for)\s+(\d{1,3}(?:\.\d{1,2})?)\s?%\s+of\s+((?:[a-z]+ ){0,3}[a-z]+s)\b/i;
const EACH_TAKES = /\beach\s+(one|[a-z]+)\s+takes\s+(?:(?:an?|the)\s+([a-z]+)\s+)?(\d{1,4}(?:\.\d)?)\s+(minutes?|hours?)(?:\s+(?:on average\s+)?to\s+([a-z][a-z -]{2,30}?))?\s*(?:on average)?\s*(?:[.,;]|$)/i;

function singular(noun: string): string {
  return noun.replace(/ies$/i, 'y').replace(/(ss|sh|ch|x)es$/i, '$1').replace(/s$/i, '');
}

/** What the Problem section already measures, with today's values. */
export function problemMeasures(facts: Facts): ProblemMeasure[] {
  const out: ProblemMeasure[] = [];
  let lastPlural: string | undefined;
  // Statements can break where the source wraps a line; whole sentences are read here.
  const sentences = facts
    .statements('problem')
    .map((p) => p.text)
    .join(' ')
    .split(/(?<=[.!?])\s+/);
  for (const text of sentences) {
    const volume = VOLUME_NOUN.exec(text);
    // "12 minutes" is a duration, not the things being counted.
    if (volume && !UNITS.test(volume[1]!)) lastPlural = volume[1]!.toLowerCase();
    const share = SHARE_OF_THEM.exec(text);
    if (share) {
      const subject = /^(them|these|those)$/i.test(share[2]!) ? lastPlural : share[2]!.toLowerCase();
      if (subject) out.push({ metric: `% of ${subject} ${share[3]!.trim()}`, baseline: `${share[1]}%`, from: text });
    }
    const part = ARE_SHARE_OF.exec(text);
    if (part) {
      out.push({ metric: `${part[1]} as a % of ${part[3]!.toLowerCase()}`, baseline: `${part[2]}%`, from: text });
      lastPlural = part[1]!.toLowerCase();
    }
    const takes = EACH_TAKES.exec(text);
    if (takes) {
      const thing = takes[1]!.toLowerCase() === 'one' ? (lastPlural ? singular(lastPlural) : undefined) : takes[1]!.toLowerCase();
      const who = takes[2] ? `${takes[2].toLowerCase()} ` : '';
      const unit = /^h/i.test(takes[4]!) ? 'hours' : 'minutes';
      const doing = takes[5] ? ` to ${takes[5].trim()}` : '';
      const metric = doing ? `Median ${unit}${doing} ${/^[aeiou]/i.test(thing ?? '') ? 'an' : 'a'} ${thing}` : who ? `${who[0]!.toUpperCase()}${who.slice(1)}${unit} per ${thing}` : `Median ${unit} per ${thing}`;
      if (thing) out.push({ metric, baseline: `${takes[3]} ${unit === 'hours' ? 'h' : 'min'}`, from: text });
    }
  }
  return out;
}
