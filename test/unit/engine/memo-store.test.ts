// The stores behind the parse cache and the section memo keep two generations: what was
// used since the newer one began survives its turn, what went unused for two turns is
// dropped, so a Linter's memory stays near its budget however long the typing goes on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../../src/engine/memo/detached';
import { TextKeyedLru } from '../../../src/engine/memo/lru';
import { commonPrefix, commonSuffix } from '../../../src/engine/memo/section-memo';
import { buildModel } from '../../../src/engine/model/build';
import { Linter, type MetricItem } from '../../../src/engine';

test('a value is found again by an equal key, and replaced by a later set', () => {
  const store = new TextKeyedLru<number>(100);
  store.set('alpha', 1);
  assert.equal(store.get(['al', 'pha'].join('')), 1);
  store.set('alpha', 2);
  assert.equal(store.get('alpha'), 2);
  assert.equal(store.get('beta'), undefined);
});

test('keys unused for two turns are dropped; a key read in between is kept', () => {
  // A turn comes when the newer generation holds more than half the budget (5 characters).
  const store = new TextKeyedLru<string>(10);
  store.set('aaaa', 'a');
  store.set('bbbb', 'b'); // 8 characters: the turn; both are now the older generation
  assert.equal(store.get('bbbb'), 'b'); // read: moved to the newer generation
  store.set('cccc', 'c'); // 8 characters in the newer: the next turn drops 'aaaa'
  assert.equal(store.get('aaaa'), undefined);
  assert.equal(store.get('bbbb'), 'b');
  assert.equal(store.get('cccc'), 'c');
});

test('a store holds at most about its budget of key characters, however many keys pass through', () => {
  const store = new TextKeyedLru<number>(1_000);
  for (let i = 0; i < 10_000; i++) store.set(`key number ${i} `.padEnd(40, '.'), i);
  let kept = 0;
  for (let i = 0; i < 10_000; i++) if (store.get(`key number ${i} `.padEnd(40, '.')) !== undefined) kept++;
  assert.ok(kept > 0 && kept * 40 <= 1_000 + 40, `${kept} keys of 40 characters kept`);
});

test('a detached copy equals the text it was made from, short or long', () => {
  const long = `${'x'.repeat(50)} Success Metrics ${'y'.repeat(50)}`.slice(51, 66);
  assert.equal(detached(long), 'Success Metrics');
  assert.equal(detached('Goals'), 'Goals');
  assert.equal(detached(''), '');
});

test('the common start and end of two texts are found block by block exactly as character by character', () => {
  const naivePrefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const naiveSuffix = (a: string, b: string, keep: number) => {
    let i = 0;
    while (i < Math.min(a.length, b.length) - keep && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
    return i;
  };
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = 0; round < 400; round++) {
    // Lengths around the block sizes (64 and 4096), edits anywhere, including none.
    const base = 'ab\n#'.repeat(1 + next(2600));
    const at = next(base.length + 1);
    const cut = next(3);
    const inserted = ['', 'x', '\n## T\n', 'ab'][next(4)]!;
    const edited = base.slice(0, at) + inserted + base.slice(Math.min(base.length, at + cut));
    const prefix = commonPrefix(base, edited);
    assert.equal(prefix, naivePrefix(base, edited), `round ${round}: prefix`);
    assert.equal(commonSuffix(base, edited, prefix), naiveSuffix(base, edited, prefix), `round ${round}: suffix`);
    assert.ok(prefix + commonSuffix(base, edited, prefix) <= Math.min(base.length, edited.length));
  }
});

test("a model read after its Linter linted another text still derives from its own text", () => {
  // A page that is not a product document leaves its model unread (no rule ran): its metrics
  // are derived only when asked, after the Linter's memo has seen a later text with a row of
  // the same length at the same place.
  const page = (row: string) => `---\ntype: meeting-notes\n---\n# Notes\n\n## Success Metrics\n\n| Metric | Baseline | Target |\n| --- | --- | --- |\n| ${row} | 40 | 60 |\n`;
  const linter = new Linter();
  const first = linter.lint(page('Weekly active teams'), { fileName: 'notes.md' });
  assert.equal(first.kind, 'none');
  linter.lint(page('Monthly paid seats!'), { fileName: 'notes.md' });
  const names = (items: readonly MetricItem[]) => items.map((m) => [m.name.text, m.name.span.start, m.target?.text]);
  assert.deepStrictEqual(names(first.model!.metrics()), names(buildModel(page('Weekly active teams')).metrics()));
  assert.deepStrictEqual(names(first.model!.metrics()).map(([name]) => name), ['Weekly active teams']);
});

test('a long run of edits keeps no earlier version of the document in memory', () => {
  // Whatever the memo or the parse cache keeps must not be a slice of the document: in V8 a
  // slice holds on to all of the string it was cut from, so every keystroke's version of a
  // long page would stay alive for as long as any section of it is remembered.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const area = (i: number) =>
    `## Area ${i}\n\n### Goals\n\n- Raise the share of teams in area ${i} who invite a colleague.\n- Launch the area ${i} board.\n- [Describe the change area ${i} should see]\n\n` +
    `### Success Metrics\n\n| Metric | Baseline | Target | Timeframe | Notes |\n| --- | --- | --- | --- | --- |\n| Teams in area ${i} who invite a colleague within 7 days | ${i % 30}% | ${(i % 30) + 15}% | by Q3 | from the weekly invite report |\n` +
    `| Median first reply time in area ${i} | 9 h | 4 h | | measured on the shared inbox |\n| Total sign-ups | 10,000,000 in total | 20,000,000 in total | Q4 | counted at checkout each night |\n\n`;
  let text = '# PRD: Shared inbox\n\n';
  for (let i = 0; text.length < 300_000; i++) text += area(i);
  const linter = new Linter();
  let edits = 0;
  const typeInto = (count: number) => {
    for (let n = 0; n < count; n++, edits++) {
      // A different section each time, so each could keep its own version of the page.
      // Goals and metric tables in turn: what rules keep by a statement or a metric row must not hold on to the page either.
      const at = text.indexOf(edits % 2 ? '- Launch' : '| measured', Math.floor((text.length * ((edits * 7) % 97)) / 100));
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      linter.lint(text, { fileName: 'prd.md' });
    }
    collect();
    return process.memoryUsage().heapUsed;
  };
  const settled = typeInto(10);
  const grown = typeInto(60) - settled;
  // Sixty versions of a 300 KB page are 18 MB; what the memo rightly adds for the edited sections is well under 4.
  assert.ok(grown < 4_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 60 edits`);
});
