// The delivery-verb alternation as a trie matches exactly what the flat alternation
// (sorted longest first, as it was built before) matches: same place, same text, same
// verb captured, inside the pattern judge() uses it in (an optional lead-in before it,
// a lookahead after it), on every verb form and on near misses around them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trieAlternation } from '../../../src/engine/text/alternation-trie';
import { DELIVERY_VERBS, inflect, verbAlternation, verbForms } from '../../../src/engine/vocabulary/deliverables';

/** The alternation the way deliverables.ts built it before the trie: the forms, longest first. */
const flat = (phrases: readonly string[]) => [...verbForms(phrases).any].sort((a, b) => b.length - a.length).join('|');

const around = (alt: string) => new RegExp(String.raw`^(?:(?:we|the team)\s{1,8}will\s{1,8}|to\s{1,8})?(?:(?:fully|first)\s{1,8})?(${alt})(?=\s{1,8}[\p{L}\p{N}"'“$#])`, 'iu');

function inputs(phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    const [first, ...rest] = phrase.split(/[\s-]+/);
    const forms = inflect(first!);
    for (const form of [...forms.base, ...forms.ing, ...forms.past, first!.slice(0, -1), `${first}s`, `${first}ed`, `${first}er`]) {
      for (const words of [[form, ...rest], [form]]) {
        for (const join of [' ', '-', '  ', '\t']) {
          const verb = words.join(join);
          for (const lead of ['', 'to ', 'we will ', 'The team will fully ', 'first ']) {
            for (const after of [' the dashboard', '  "v2"', ' 3 guides', '', '.', ' ', 'x the app', ' - later']) {
              out.push(lead + verb + after, (lead + verb + after).toUpperCase());
            }
          }
        }
      }
    }
  }
  return out;
}

function same(phrases: readonly string[]): number {
  const before = around(flat(phrases));
  const after = around(verbAlternation(phrases).any);
  let matched = 0;
  for (const input of inputs(phrases)) {
    const a = before.exec(input);
    const b = after.exec(input);
    assert.deepEqual(b && [b.index, b[0], b[1]], a && [a.index, a[0], a[1]], JSON.stringify(input));
    if (a) matched++;
  }
  return matched;
}

test('the trie matches what the flat alternation matched, on every delivery verb', () => {
  assert.ok(same(DELIVERY_VERBS) > 5000);
});

test('the same holds for verbs a config adds: multi-word, hyphenated, with regex characters', () => {
  assert.ok(same(['kick off', 'sign-off', 'set up', 'set', 'roll out', 'roll', 'a.b', 'c++ port', 'go live', 'go', 'stand up', 'stand']) > 500);
});

test('an empty list and a lone alternative stay what they were', () => {
  assert.equal(trieAlternation([]), '');
  assert.equal(trieAlternation(['ship']), 'ship');
  assert.equal(trieAlternation(['ship', 'shipped']), 'ship(?:ped)?');
});
