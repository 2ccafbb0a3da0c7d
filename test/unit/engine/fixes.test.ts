// The fix engine: joined insertions, repeated fixes, composed passes, snippets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, composeEdits, planFixes, snippetOf, type Finding, type Fix } from '../../../src/engine';

const at = { line: 1, column: 1, offset: 0 };
const finding = (...fixes: Fix[]): Finding => ({ ruleId: 'r', severity: 'warning', message: 'm', start: at, end: at, fixes, docsUrl: '' });
const insert = (start: number, text: string): Fix => ({ title: text, edits: [{ start, end: start, text }], isPreferred: true });

describe('planFixes', () => {
  test('insertions at one offset are joined in finding order, with a blank line between blocks', () => {
    const edits = planFixes([finding(insert(4, '## A\n')), finding(insert(4, '## B\n')), finding(insert(0, 'x'))]);
    assert.deepEqual(edits, [
      { start: 0, end: 0, text: 'x' },
      { start: 4, end: 4, text: '## A\n\n## B\n' },
    ]);
  });

  test('a fix repeated by several findings counts once; an overlapping one is left out', () => {
    const replace: Fix = { title: 'r', edits: [{ start: 2, end: 6, text: 'Y' }], isPreferred: true };
    const overlapping: Fix = { title: 'o', edits: [{ start: 5, end: 8, text: 'Z' }], isPreferred: true };
    const inside = insert(4, 'inside');
    assert.deepEqual(planFixes([finding(replace), finding(replace), finding(overlapping), finding(inside)]), [{ start: 2, end: 6, text: 'Y' }]);
  });

  test('an insertion at the start of a replaced range goes before it', () => {
    const replace: Fix = { title: 'r', edits: [{ start: 2, end: 4, text: 'Y' }], isPreferred: true };
    assert.equal(applyEdits('abcdef', planFixes([finding(replace), finding(insert(2, 'I'))])), 'abIYef');
  });
});

describe('composeEdits', () => {
  const cases: Array<[string, string, Array<[number, number, string]>, Array<[number, number, string]>]> = [
    ['separate edits stay separate', 'abcdefgh', [[1, 1, 'X']], [[7, 8, 'Z']]],
    ['a later edit inside earlier output merges with it', 'abcdef', [[2, 2, 'XYZ']], [[3, 4, '-']]],
    ['an insertion right after earlier output joins it', 'abcdef', [[2, 2, 'XY']], [[4, 4, 'Q']]],
    ['an insertion right before earlier output joins it', 'abcdef', [[2, 3, 'XY']], [[2, 2, 'Q']]],
    ['an edit spanning two earlier outputs merges all three', 'abcdefgh', [[1, 2, 'X'], [5, 5, 'Y']], [[1, 6, '_']]],
  ];
  for (const [name, text, first, next] of cases) {
    test(name, () => {
      const e = (list: Array<[number, number, string]>) => list.map(([start, end, t]) => ({ start, end, text: t }));
      const middle = applyEdits(text, e(first));
      const composed = composeEdits(text, e(first), e(next));
      assert.equal(applyEdits(text, composed), applyEdits(middle, e(next)));
      for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1]!.end <= composed[i]!.start, 'sorted, not overlapping');
    });
  }
});

describe('snippetOf', () => {
  test('placeholders become tab stops with themselves as default; $, } and \\ are escaped', () => {
    assert.equal(snippetOf('| [baseline] | [target] | $5 {x} |\n'), '| ${1:[baseline]} | ${2:[target]} | \\$5 {x\\} |\n$0');
  });

  test('text without template placeholders, links or task boxes is no snippet', () => {
    assert.equal(snippetOf('See [the spec](https://example.com) and - [x] done\n'), undefined);
  });
});
