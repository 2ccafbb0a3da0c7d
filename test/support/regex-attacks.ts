// For each engine regex, a 100,000-character line built to make it backtrack:
// recheck (a static ReDoS checker) finds the attack, a prefix and a pump that
// is repeated, and we scale the pump up to the line's length. For a regex it
// calls safe, the line pumps the regex's own literal characters instead, so
// every regex still meets a long line of what it looks for.
import { check, type Diagnostics } from 'recheck';
import type { EngineRegex } from './engine-regexes';

export const ATTACK_LENGTH = 100_000;

export interface Attack {
  regex: EngineRegex;
  verdict: Diagnostics['status'];
  /** recheck's words for the complexity, or why it could not tell. */
  summary: string;
  line: string;
}

function pumped(prefix: string, pumps: ReadonlyArray<{ prefix: string; pump: string }>, suffix: string): string {
  const fixed = prefix.length + suffix.length + pumps.reduce((n, p) => n + p.prefix.length, 0);
  const each = Math.max(1, Math.floor((ATTACK_LENGTH - fixed) / Math.max(1, pumps.length)));
  let line = prefix;
  for (const p of pumps) line += p.prefix + p.pump.repeat(Math.max(1, Math.ceil(each / Math.max(1, p.pump.length))));
  // Rounding can leave the line a little short: the last pump makes up the rest.
  const last = pumps.at(-1)?.pump || ' ';
  while (line.length + suffix.length < ATTACK_LENGTH) line += last;
  return line + suffix;
}

/** A pump of the regex's own literal characters, and a blank, for regexes recheck calls safe. */
function ownCharacters(regex: EngineRegex): string {
  const chars = new Set<string>();
  for (const c of regex.source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]|\\./g, '')) if (!'()[]{}|?*+^$.'.includes(c)) chars.add(c);
  const pump = `${[...chars].slice(0, 12).join('')} `;
  return pump.repeat(Math.ceil(ATTACK_LENGTH / pump.length)).slice(0, ATTACK_LENGTH);
}

/** recheck's verdict and the adversarial line for one regex. Deterministic: recheck's seed is fixed. */
export async function attackFor(regex: EngineRegex): Promise<Attack> {
  const verdict = await check(regex.source, regex.flags, { timeout: 3_000, randomSeed: 11 });
  if (verdict.status === 'vulnerable') {
    const { attack } = verdict;
    return { regex, verdict: verdict.status, summary: `${verdict.complexity.summary}, attack ${attack.pattern}`, line: pumped('', attack.pumps, attack.suffix) };
  }
  const summary = verdict.status === 'safe' ? verdict.complexity.summary : `recheck could not decide (${verdict.error.kind})`;
  return { regex, verdict: verdict.status, summary, line: ownCharacters(regex) };
}
