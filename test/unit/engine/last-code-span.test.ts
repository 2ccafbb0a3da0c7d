// `lastCodeSpan` jumps between lines that may open a block; it must find the same last code
// span as the full line-by-line scan, whatever the lines and line ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATX, COMMENT_OPEN, FENCE_OPEN, lastCodeSpan, NOT_PARAGRAPH, scan, SETEXT, settledLine } from '../../../src/engine/text/scan';
import { LineIndex } from '../../../src/engine/text/lines';
import { seededRandom } from '../../../src/eval/split';

const LINES = [
  '```', '```js', '``` has `tick`', '````', '~~~', '~~~~ x', '   ```', '    ```', '<!-- note', 'end -->', '<!-- -->', '<!-->', '---', '+++', '...',
  '# Heading', 'Text with ``` inside', 'a\u2028```', 'plain words', '', '  ~~~', '```  ', '- ```',
];
const BREAKS = ['\n', '\r\n', '\r'];

test('random lines: the last code span is the one the full scan finds', () => {
  const random = seededRandom(23);
  let found = 0;
  for (let i = 0; i < 20000; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 10);
    for (let l = 0; l < count; l++) parts.push(LINES[Math.floor(random() * LINES.length)]!, BREAKS[Math.floor(random() * (random() < 0.8 ? 1 : 3))]!);
    const text = parts.join('');
    const lines = new LineIndex(text);
    const expected = scan(text, lines).codeSpans.at(-1);
    assert.deepStrictEqual(lastCodeSpan(text, lines), expected, JSON.stringify(text));
    if (expected) found++;
  }
  assert.ok(found > 5000, `a code span in ${found} texts`);
});

test("a line the scan settles from its first characters is one the scan's patterns would settle the same way", () => {
  const random = seededRandom(29);
  const CHARS = [' ', ' ', '\t', '-', '*', '+', '|', '>', '#', '=', '`', '~', '<', '!', 'a', '1', '1', '2', '.', ')', '\u2028', 'x', '_', '[', '\u00e9', '\u00a0', '\u000b', '\ud83c', '\u2502'];
  const seen = { 'ends-paragraph': 0, 'paragraph-text': 0 };
  for (let i = 0; i < 200_000; i++) {
    let line = '';
    for (let n = Math.floor(random() * 9); n > 0; n--) line += CHARS[Math.floor(random() * CHARS.length)]!;
    // Within a longer text, as the scan reads it: the line's end is where its line break is.
    const text = `para\n${line}\nmore`;
    const settled = settledLine(text, 5, 5 + line.length);
    if (settled === undefined) continue;
    seen[settled]++;
    const opens = COMMENT_OPEN.test(line) || FENCE_OPEN.test(line) || ATX.test(line) || SETEXT.test(line);
    assert.ok(!opens, `${JSON.stringify(line)} opens a block`);
    assert.equal(NOT_PARAGRAPH.test(line), settled === 'ends-paragraph', JSON.stringify(line));
  }
  assert.ok(seen['ends-paragraph'] > 30_000 && seen['paragraph-text'] > 30_000, JSON.stringify(seen));
});
