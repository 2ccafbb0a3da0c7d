// A re-lint scans only around its edit: from the last heading wholly before it, until a heading
// wholly after it stands where the last scan found it (rescan in text/scan.ts). Whatever the
// edit (opening or closing a fence or a comment, making a setext underline, a front matter
// line, a CRLF pair split), the headings, code blocks and front matter must be those a fresh
// scan of the new text finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonPrefix, commonSuffix } from '../../../src/engine/memo/section-memo';
import { LineIndex } from '../../../src/engine/text/lines';
import { rescan, scan } from '../../../src/engine/text/scan';
import { seededRandom } from '../../../src/eval/split';

// Lines that start, end or change every kind of block the scan reads, and prose around them.
const LINES = ['# Title', '## Goals', '### KR 1', 'Some prose', 'More prose', '', '===', '---', '- item', '> quote', '```', '~~~', '```js', '<!--', '-->', '<!-- note -->', '    indented', '+++', '| a | b |', 'a ## b ##', '#no'];
// What an edit types or removes: line breaks (any kind), markers, letters.
const PIECES = ['\n', '\r\n', '\r', '#', '# ', '`', '```\n', '---\n', '-->', '<!--', '=', 'x', ' ', '\n\n', '## H\n'];

function page(random: () => number): string {
  const lines: string[] = [];
  for (let n = 3 + Math.floor(random() * 25); n > 0; n--) lines.push(LINES[Math.floor(random() * LINES.length)]!);
  return lines.join(random() < 0.15 ? '\r\n' : '\n') + (random() < 0.5 ? '\n' : '');
}

test('a scan made from the last text and the edit equals a fresh scan, over thousands of random edits', () => {
  const random = seededRandom(17);
  let resynced = 0;
  for (let round = 0; round < 6_000; round++) {
    let text = page(random);
    let lines = new LineIndex(text);
    let kept = { lines, result: scan(text, lines) };
    // A run of edits, each scanned from the one before, as typing does.
    for (let edit = 0; edit < 4; edit++) {
      const at = Math.floor(random() * (text.length + 1));
      const removed = random() < 0.5 ? 0 : Math.floor(random() * 6);
      const inserted = random() < 0.3 ? '' : PIECES[Math.floor(random() * PIECES.length)]!;
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      const prefix = commonPrefix(next, text);
      const suffix = commonSuffix(next, text, prefix);
      const nextLines = LineIndex.edited(next, lines, prefix, next.length - suffix);
      const result = rescan(next, nextLines, kept, prefix, next.length - suffix);
      const fresh = scan(next, new LineIndex(next));
      assert.deepStrictEqual(result, fresh, JSON.stringify({ text, next }));
      if (result.headings.length > 0 && result.headings.at(-1) === kept.result.headings.at(-1)) resynced++;
      text = next;
      lines = nextLines;
      kept = { lines, result };
    }
  }
  // Not a vacuous pass: many edits reused the earlier scan's last heading object as it was.
  assert.ok(resynced > 1_000, `reused ${resynced}`);
});
