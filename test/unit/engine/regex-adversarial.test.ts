// Every regex the engine runs meets a 100,000-character line built to make it
// backtrack (test/support/regex-attacks.ts), and must search it within a
// generous hang guard (a linear search of 100,000 characters takes milliseconds,
// a quadratic one many seconds). The regexes are found, not listed (see
// test/support/engine-regexes.ts): a regex literal added anywhere in src/engine
// is picked up by itself, and one built at run time (`new RegExp`) as soon as
// the probe documents reach the code that builds it. Speed is measured
// by `npm run bench` (bench/adversarial.ts), not here.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { engineRegexes, type EngineRegex } from '../../support/engine-regexes';
import { ATTACK_LENGTH, attackFor, type Attack } from '../../support/regex-attacks';
import { RegexSearcher } from '../../support/regex-search';

/** Generous: a linear regex searches 100,000 characters in milliseconds, a quadratic one takes many seconds. */
const HANG_GUARD_MS = 3_000;

const regexes = engineRegexes();
const attacks = new Map<EngineRegex, Promise<Attack>>();
// recheck runs out of process; a few at a time keep both cores busy without queueing all of them.
const queue = [...regexes];
const runners = Array.from({ length: 4 }, async () => {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const regex = next;
    const attack = attackFor(regex);
    attacks.set(regex, attack);
    await attack.catch(() => undefined);
  }
});
const searcher = new RegexSearcher(HANG_GUARD_MS);
after(() => searcher.close());

describe('every engine regex on its adversarial 100,000-character line', () => {
  test('the regexes are found: literals in src/engine and the ones built at run time', async () => {
    await Promise.all(runners);
    assert.ok(regexes.length >= 150, `${regexes.length} regexes`);
    assert.ok(regexes.some((r) => r.where.startsWith('src/engine/model/metrics.ts') && r.source.includes('(?=\\S)')), 'NAMED_VALUE (built with new RegExp) is found');
    assert.ok(regexes.some((r) => r.source.includes('marketplace')), 'a regex built from config phrases is found');
  });

  for (const regex of regexes) {
    test(`${regex.where} /${regex.source.length > 60 ? `${regex.source.slice(0, 60)}…` : regex.source}/${regex.flags}`, async () => {
      await Promise.all(runners);
      const attack = await attacks.get(regex)!;
      assert.ok(attack.line.length >= ATTACK_LENGTH, `line of ${attack.line.length} characters`);
      // recheck's verdict is reported, not asserted: under its time limit it can differ with
      // the machine's load. The search of the line is the test.
      const result = await searcher.search(attack.regex.source, attack.regex.flags, attack.line);
      assert.notEqual(result, 'hung', `searching the line took more than ${HANG_GUARD_MS} ms (recheck: ${attack.verdict}, ${attack.summary})`);
    });
  }
});
