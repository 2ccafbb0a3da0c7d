// A re-lint makes the line index from the last lint's: the line starts before and after the
// edit are taken over and only the edited stretch is read. It must be the index a fresh read
// makes, whatever the line breaks (LF, CRLF, lone CR) and wherever the edit falls, a CRLF
// pair split or joined by it included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonPrefix, commonSuffix } from '../../../src/engine/memo/section-memo';
import { LineIndex } from '../../../src/engine/text/lines';
import { seededRandom } from '../../../src/eval/split';

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '# T', '\u2028'];

test('an index made from the last text is the one a fresh read of the new text makes', () => {
  const random = seededRandom(31);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)]!;
  for (let round = 0; round < 20_000; round++) {
    let before = '';
    for (let n = Math.floor(random() * 30); n > 0; n--) before += pick();
    const at = Math.floor(random() * (before.length + 1));
    const removed = Math.floor(random() * 4);
    let inserted = '';
    for (let n = Math.floor(random() * 3); n > 0; n--) inserted += pick();
    const after = before.slice(0, at) + inserted + before.slice(at + removed);
    const prefix = commonPrefix(after, before);
    const suffix = commonSuffix(after, before, prefix);
    const edited = LineIndex.edited(after, new LineIndex(before), prefix, after.length - suffix);
    assert.deepStrictEqual(edited.starts, new LineIndex(after).starts, JSON.stringify({ before, after }));
  }
});

test('a re-lint after an edit reads the same lines as a fresh lint', async () => {
  const { Linter } = await import('../../../src/engine');
  const page = '# PRD: Notes\r\n\r\n## Goals\r\n\r\n- Raise weekly retention from 30% to 40% by Q3\r\n- Launch the dashboard\r\n';
  const linter = new Linter();
  linter.lint(page, { kind: 'prd' });
  for (const edited of [page.replace('\r\n- Launch', '\n- Launch'), page.replace('Notes\r', 'Notes'), `${page}\r`, page.replace('Goals', 'Goals\r\n\r\n## Success Metrics')]) {
    const kept = linter.lint(edited, { kind: 'prd' });
    const fresh = new Linter().lint(edited, { kind: 'prd' });
    assert.deepStrictEqual(kept.findings, fresh.findings);
    assert.equal(kept.model!.lineCount, fresh.model!.lineCount);
  }
});
