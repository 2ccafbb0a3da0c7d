// What the rules derive from one section, kept between lints of the same document
// (one store per Linter), so a keystroke re-derives only the sections it touched.
// A value is stored without Section objects and with offsets relative to where its
// section starts: stored values never hold on to an old text, and a section that moved
// (text inserted above it) is found again by its own text alone.

import type { Section } from '../types';
import { TextKeyedLru } from './lru';

/** How a slot turns its values into their stored, relative form and back into its section. */
export interface SectionCodec<T, Stored> {
  store(value: T, base: number): Stored;
  restore(stored: Stored, base: number, section: Section): T;
}

/**
 * Values by slot (what was derived), context (what else it depends on: the section's
 * role, a rule's options) and the section's text. Each slot keeps its most recently used
 * entries up to `maxChars` of key text.
 */
export class SectionMemo {
  // By slot, then by the section's text (no key is built by joining: that would copy every
  // section's text on every lint), then by context.
  private readonly slots = new Map<string, TextKeyedLru<Map<string, unknown>>>();

  constructor(private readonly maxChars = 4_000_000) {}

  /** `compute`'s value for `section`, or a stored one made from the same `text` in the same `context`; offsets count from `base`. */
  get<T, Stored>(slot: string, section: Section, context: string, text: string, base: number, codec: SectionCodec<T, Stored>, compute: () => T): T {
    let entries = this.slots.get(slot);
    if (!entries) {
      entries = new TextKeyedLru(this.maxChars);
      this.slots.set(slot, entries);
    }
    let byContext = entries.get(text);
    const hit = byContext?.get(context) as Stored | undefined;
    if (hit !== undefined) return codec.restore(hit, base, section);
    const value = compute();
    if (!byContext) {
      byContext = new Map();
      entries.set(text, byContext);
    }
    byContext.set(context, codec.store(value, base));
    return value;
  }
}
