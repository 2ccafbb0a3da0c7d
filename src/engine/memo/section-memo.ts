// What the rules derive from one section, kept between lints of the same document
// (one store per Linter), so a keystroke re-derives only the sections it touched.
// A value is stored without Section objects and with offsets relative to where its
// section starts, so a section that moved (text inserted above it) is found again by its
// own text alone. Once a Linter lints a second time, keys and the codecs' stored strings
// are detached copies: a slice would keep the whole document it was cut from alive, and each
// edit's document would stay in memory for as long as one of its sections is remembered.
// Its first lint keeps them as they are, since copying was a quarter of a long goal list's first
// lint: a Linter used once (the CLI makes one per file) keeps nothing past it, and one used
// again holds on to that first text at most.
//
// Finding a section by its text hashes that text, and on every lint every section is
// looked up in every slot: on a long document that hashing was a tenth of a re-lint. A
// lint's session therefore first finds what is the same as the text of the lint before
// (the common start and end of the two texts, found by comparing, not hashing), and a
// section lying wholly in either is found by where it stood in that lint instead.
//
// Restoring a stored value builds it afresh; a codec that can also `move` a value has what it
// restored kept with the section's placement, and the next lint moves that value in place
// instead of restoring it again, when the section's text is the same. On a 1 MB page that was
// a sixth of a re-lint, most of it the garbage the fresh copies left.

import { LineIndex } from '../text/lines';
import { rescan, scan, type KeptScan, type ScanResult } from '../text/scan';
import { asItIs, detached, type Keep } from './detached';
import type { Section } from '../types';
import { TextKeyedLru } from './lru';

/** How a slot turns its values into their stored, relative form and back into its section. */
export interface SectionCodec<T, Stored> {
  /** `keep` is how its strings are kept (see the top of this file). */
  store(value: T, base: number, keep: Keep): Stored;
  restore(stored: Stored, base: number, section: Section): T;
  /**
   * Moves a value this codec restored by `by` and places it in `section`, in place. A codec
   * with `move` has its restored values kept for the next lint (see `MemoSession.get`): its
   * callers must not change what they get back, and a value is the model's only until the
   * Linter's next lint.
   */
  move?(value: T, by: number, section: Section): void;
}

/** A slot's stored values for one key text, by context. */
type Contexts = Map<string | number, unknown>;
/** Where a lint found a section's entry in a slot: the section's key text (where it starts, how long it is) and the entry. */
interface Placement {
  base: number;
  length: number;
  contexts: Contexts;
  /** The value last restored for it by a codec that can `move` it, its context, and where it is placed. */
  restored: unknown;
  restoredFor: string | number | undefined;
  restoredAt: number;
}
/** What a lint looked up, by slot, then by section index (arrays, not maps: a lint fills them for every section). */
interface Placed {
  sections: number;
  slots: Map<string, Array<Placement | undefined>>;
}

/**
 * Values by slot (what was derived), context (what else it depends on: the section's
 * role, a rule's options) and the section's text. Each slot keeps its most recently used
 * entries up to `maxChars` of key text.
 */
export class SectionMemo {
  // By slot, then by the section's text (no key is built by joining: that would copy every
  // section's text on every lint), then by context.
  private readonly slots = new Map<string, TextKeyedLru<Contexts>>();
  private lastText = '';
  private lastLines: LineIndex | undefined;
  private lastPlaced: Placed = { sections: 0, slots: new Map() };
  private lastSession: MemoSession | undefined;
  /** The last lint's scan, for the next lint's `rescan`. */
  lastScan: KeptScan | undefined;
  private sessions = 0;

  constructor(private readonly maxChars = 4_000_000) {}

  /** The memo as one lint of `text` reads it. */
  session(text: string): MemoSession {
    const again = this.sessions++ > 0;
    const session = new MemoSession(this, text, this.lastText, this.lastLines, this.lastPlaced, again, this.lastScan);
    // The lint before lets go of the one before it: a value kept for the next lint points to its
    // lint's sections, and through them to that lint's session, so each session holding on to the
    // placements before it would keep every version of the text alive.
    this.lastSession?.forgetLast();
    this.lastSession = session;
    this.lastText = text;
    this.lastLines = session.lines;
    this.lastPlaced = session.placed;
    return session;
  }

  /** The entry for `text` in `slot`, made (its key kept by `keep`) when missing. */
  contexts(slot: string, text: string, keep: Keep): Contexts {
    let entries = this.slots.get(slot);
    if (!entries) {
      entries = new TextKeyedLru(this.maxChars);
      this.slots.set(slot, entries);
    }
    let contexts = entries.get(text);
    if (!contexts) {
      contexts = new Map();
      entries.set(keep(text), contexts);
    }
    return contexts;
  }
}

/** The length of the longest common start of `a` and `b`, compared a block at a time. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [4096, 64]) while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common end of `a` and `b` that leaves at least `keep` characters of each before it. */
export function commonSuffix(a: string, b: string, keep: number): number {
  const n = Math.min(a.length, b.length) - keep;
  let i = 0;
  for (const block of [4096, 64]) while (i + block <= n && a.slice(a.length - i - block, a.length - i) === b.slice(b.length - i - block, b.length - i)) i += block;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

export class MemoSession {
  /** The text's line index, made from the last lint's where they share a start or an end. */
  readonly lines: LineIndex;
  /** What this lint looked up, for the next lint's session. */
  readonly placed: Placed = { sections: 0, slots: new Map() };
  /** Where the text stops being the same as the last lint's, from the start and from the end. */
  private readonly sameUntil: number;
  private readonly sameFrom: number;
  /** How what this lint stores keeps its strings. */
  readonly keep: Keep;
  /** Added to an offset past the change to get the offset it had in the last lint's text. */
  private readonly shift: number;
  /** Taken from the index of a section past the change to get the index it had in the last lint. */
  private indexShift = 0;

  constructor(
    private readonly store: SectionMemo,
    text: string,
    lastText: string,
    lastLines: LineIndex | undefined,
    private lastPlaced: Placed,
    /**
     * Whether its Linter linted before: only then is what a lint derives worth keeping for the
     * next one (what is kept by a statement or a metric item, strings as detached copies).
     */
    readonly again: boolean,
    private readonly lastScan: KeptScan | undefined,
  ) {
    this.keep = again ? detached : asItIs;
    const prefix = lastLines ? commonPrefix(text, lastText) : 0;
    const suffix = lastLines ? commonSuffix(text, lastText, prefix) : 0;
    this.sameUntil = prefix;
    this.sameFrom = text.length - suffix;
    this.shift = lastText.length - text.length;
    this.lines = lastLines && prefix + suffix > 0 ? LineIndex.edited(text, lastLines, this.sameUntil, this.sameFrom) : new LineIndex(text);
  }

  /** The text's headings, code blocks and front matter, made from the last lint's scan where the texts share a start or an end. */
  scan(text: string): ScanResult {
    // Its headings' strings are kept as the memo keeps its own: a heading taken over lint after lint must not hold on to the text it was first read from.
    const result =
      this.lastScan && this.sameUntil + (text.length - this.sameFrom) > 0 ? rescan(text, this.lines, this.lastScan, this.sameUntil, this.sameFrom, this.keep) : scan(text, this.lines, this.keep);
    this.store.lastScan = { lines: this.lines, result };
    return result;
  }

  /** This lint's model stops finding what the lint before it stored where it stood (see `SectionMemo.session`). */
  forgetLast(): void {
    this.lastPlaced = { sections: 0, slots: new Map() };
  }

  /** The model's sections are built: there are `count` of them. */
  sectionsBuilt(count: number): void {
    this.placed.sections = count;
    this.indexShift = count - this.lastPlaced.sections;
  }

  /**
   * `compute`'s value for `section`, or a stored one made from the same text in the same
   * `context`. The text is the section's own (heading and body) or its body alone; offsets
   * in stored values count from where that text starts.
   */
  get<T, Stored>(slot: string, section: Section, context: string | number, part: 'own' | 'body', codec: SectionCodec<T, Stored>, compute: () => T): T {
    const base = part === 'own' ? section.heading.start : section.body.start;
    const end = section.body.end;
    const length = end - base;
    // Where the same characters stood in the last lint's text, and which section they were, when the edit did not touch them.
    const prefix = end <= this.sameUntil;
    const before = prefix ? base : base >= this.sameFrom ? base + this.shift : -1;
    const known = before >= 0 ? this.lastPlaced.slots.get(slot)?.[prefix ? section.index : section.index - this.indexShift] : undefined;
    const found = known !== undefined && known.base === before && known.length === length;
    let placed = this.placed.slots.get(slot);
    if (!placed) {
      placed = new Array<Placement | undefined>(this.placed.sections);
      this.placed.slots.set(slot, placed);
    }
    let placement: Placement;
    if (found) {
      // The same text, here or moved: its placement goes on to this lint, where the text now stands.
      placement = known;
      placement.base = base;
    } else {
      placement = { base, length, contexts: this.store.contexts(slot, part === 'own' ? section.ownText() : section.bodyText(), this.keep), restored: undefined, restoredFor: undefined, restoredAt: 0 };
    }
    placed[section.index] = placement;
    const { contexts } = placement;
    const hit = contexts.get(context) as Stored | undefined;
    if (hit !== undefined) {
      if (!codec.move) return codec.restore(hit, base, section);
      // The value restored for the same text last lint is moved where the text now stands: a
      // re-lint allocates nothing for the sections it did not touch (see the top of this file).
      let value = placement.restoredFor === context ? (placement.restored as T) : undefined;
      if (value !== undefined) codec.move(value, base - placement.restoredAt, section);
      else value = codec.restore(hit, base, section);
      placement.restored = value;
      placement.restoredFor = context;
      placement.restoredAt = base;
      return value;
    }
    const value = compute();
    contexts.set(context, codec.store(value, base, this.keep));
    return value;
  }
}
