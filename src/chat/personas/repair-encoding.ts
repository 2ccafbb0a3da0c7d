// Repairs "mojibake": UTF-8 text whose bytes were read as Windows-1252 (or
// Latin-1) and saved again, so "💰" became "ðŸ’°" and "—" became "â€”".
//
// The repair works on runs of characters that Windows-1252 can encode. A run
// is repaired only when its bytes form complete, valid UTF-8 multi-byte
// sequences and the characters they decode to are plausible. Correct text
// rarely passes that test: "é" alone, "“quotes”", "90°", CJK and emoji never
// form such runs. The few legitimate pairs that do (an uppercase accented
// letter followed by punctuation, as in ‘CAFÉ’) decode to scripts that real
// double-encoding hardly ever produces, or are accepted only when the same
// text also carries unmistakable damage elsewhere.

/** Windows-1252 bytes 0x80-0x9F that differ from Latin-1, keyed by character. */
const CP1252_SPECIALS: ReadonlyMap<string, number> = new Map([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87],
  ['ˆ', 0x88], ['‰', 0x89], ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91],
  ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97], ['˜', 0x98],
  ['™', 0x99], ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

/**
 * The byte a non-ASCII character stood for when UTF-8 was misread, or
 * undefined when no single-byte reading produces it. U+0080-U+009F cover both
 * the bytes Windows-1252 leaves undefined (decoders pass them through as C1
 * controls) and text that was misread as Latin-1 instead.
 */
function misreadByte(ch: string): number | undefined {
  const code = ch.codePointAt(0)!;
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_SPECIALS.get(ch);
}

/** Leads that mark classic double-encoding: "Â" (U+0080-U+00BF) and "Ã" (U+00C0-U+00FF). */
const CLASSIC_LEADS = new Set([0xc2, 0xc3]);

/**
 * Blocks a two-byte sequence may decode to. Left out on purpose: IPA, Syriac,
 * Thaana, NKo and Hebrew cantillation, which is what legitimate pairs such as
 * "É’" or "ß“" would turn into.
 */
const PLAUSIBLE_TWO_BYTE: ReadonlyArray<readonly [number, number]> = [
  // C1 controls too: text damaged twice has them in its middle layer ("Â\u009d").
  [0x0080, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x02b0, 0x036f], // spacing modifiers (ˆ ˜ ˇ), combining diacritics (decomposed text)
  [0x0370, 0x058f], // Greek, Cyrillic, Armenian
  [0x05b0, 0x05f4], // Hebrew points and letters
  [0x0600, 0x06ff], // Arabic
];

interface Sequence {
  /** Index in the run where the sequence's first character sits. */
  start: number;
  length: number;
  decoded: string;
}

/** Decodes the byte sequence starting at `i`, or undefined when it is not valid UTF-8. */
function decodeSequence(bytes: number[], i: number): Sequence | undefined {
  const lead = bytes[i];
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    // Overlong forms and UTF-16 surrogates are not valid UTF-8.
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return undefined;
  if (i + length > bytes.length) return undefined;
  let code = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (b < min || b > max) return undefined;
    code = (code << 6) | (b & 0x3f);
  }
  if (length === 2 && !PLAUSIBLE_TWO_BYTE.some(([a, b]) => code >= a && code <= b)) return undefined;
  // Noncharacters never come out of real text.
  if ((code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)) return undefined;
  return { start: i, length, decoded: String.fromCodePoint(code) };
}

/** Splits a run's bytes into sequences; undefined unless every byte belongs to one. */
function decodeRun(bytes: number[]): Sequence[] | undefined {
  const sequences: Sequence[] = [];
  for (let i = 0; i < bytes.length; ) {
    const seq = decodeSequence(bytes, i);
    if (!seq) return undefined;
    sequences.push(seq);
    i += seq.length;
  }
  return sequences;
}

export interface EncodingRepair {
  /** Offset of the damaged text in the input. */
  index: number;
  /** The damaged characters, e.g. "ðŸ’°". */
  from: string;
  /** What they stood for, e.g. "💰". */
  to: string;
}

interface Candidate extends EncodingRepair {
  /** True when the run is unmistakably damaged on its own. */
  certain: boolean;
}

const LOWERCASE = /\p{Ll}/u;

function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  // Every character here is a single UTF-16 unit, so string indices are safe.
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) < 0x80 || misreadByte(text[i]) === undefined) {
      i++;
      continue;
    }
    const start = i;
    const bytes: number[] = [];
    while (i < text.length && text.charCodeAt(i) >= 0x80) {
      const b = misreadByte(text[i]);
      if (b === undefined) break;
      bytes.push(b);
      i++;
    }
    const sequences = decodeRun(bytes);
    if (!sequences) continue;
    const certain =
      sequences.length > 1 ||
      sequences[0].length > 2 ||
      CLASSIC_LEADS.has(bytes[0]) ||
      // Damage inside a lowercase word ("siÄ…"); legitimate pairs follow uppercase letters.
      (start > 0 && LOWERCASE.test(text[start - 1]));
    candidates.push({
      index: start,
      from: text.slice(start, i),
      to: sequences.map((s) => s.decoded).join(''),
      certain,
    });
  }
  return candidates;
}

/** Fast check: every repairable run starts with a lead byte character Â-ô. */
const POSSIBLE_LEAD = /[\u00c2-\u00f4]/;

/** Double encoding can be applied more than once; each pass undoes one layer. */
const MAX_PASSES = 3;

export interface RepairResult {
  text: string;
  /** What was repaired, in the coordinates of the text each pass was given. */
  repairs: EncodingRepair[];
}

/** One layer of repair. Runs that are only plausible need a certain one beside them. */
function repairOnce(text: string): RepairResult {
  const candidates = findCandidates(text);
  const damaged = candidates.some((c) => c.certain);
  const accepted = candidates.filter((c) => c.certain || damaged);
  let out = '';
  let last = 0;
  for (const c of accepted) {
    out += text.slice(last, c.index) + c.to;
    last = c.index + c.from.length;
  }
  return {
    text: out + text.slice(last),
    repairs: accepted.map(({ index, from, to }) => ({ index, from, to })),
  };
}

/** Repairs double-encoded UTF-8 in `text`, leaving correct text untouched. */
export function repairEncoding(text: string): RepairResult {
  let current = text;
  const repairs: EncodingRepair[] = [];
  for (let pass = 0; pass < MAX_PASSES && POSSIBLE_LEAD.test(current); pass++) {
    const result = repairOnce(current);
    if (result.repairs.length === 0) break;
    repairs.push(...result.repairs);
    current = result.text;
  }
  return { text: current, repairs };
}
