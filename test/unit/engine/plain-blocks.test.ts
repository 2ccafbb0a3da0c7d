// The line-by-line reader of plain sections must build exactly the tree remark builds,
// positions included, wherever it answers at all; and it must answer for the plain shapes
// it exists for (long metric tables and goal lists), or it saves nothing. The whole parse
// (plain reader, remark with or without its link walk) is held to remark on real sections.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildModel } from '../../../src/engine/model/build';
import { parseMarkdown } from '../../../src/engine/parse';
import { readPlainBlocks } from '../../../src/engine/plain-blocks';
import { seededRandom } from '../../../src/eval/split';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

// Lines of our own, plain and not, that meet in every order: paragraphs, lists, tables and
// the shapes next to them that remark reads differently (lazy lines, loose lists, setext
// underlines, indentation, inline marks, a table that is not one).
const PIECES = [
  'Teams reply within four hours',
  'renewals grow from 12% to 20% by Q3',
  '- Raise the share of teams that renew',
  '- Cut the wait to 2 days',
  '+ Another marker',
  '1. First step',
  '2. Second step',
  '3) Third step',
  '7. Starts at seven',
  '| Metric | Target |',
  '| --- | ---: |',
  '|:-:|:--|',
  '| Weekly active teams | 40% |',
  '| Only one cell |',
  '| a | b | c |',
  '|  | |',
  '| x',
  'a | b',
  '',
  '',
  '- **Goal:** raise renewals to 20%',
  '**Owner:** growth team, **Due:** Q3',
  '- **KPI** (weekly)',
  '- a **bold** word and **two**, **three**.',
  '  **Target:**40% joined',
  '**not closed',
  'x**y** inside a word',
  '- ** spaced **',
  '**a**b**c**',
  '**(parenthesised)**',
  '**99.9%** uptime',
  '****',
  '**Target:** 40% by Q3',
  '* star bullet with `code`',
  '*an aside in italics*',
  '| **Views** | `x` | [link](https://example.com) |',
  '| - not a list | # not a heading |',
  'a [link](https://example.com) and www.example.com',
  '- [ ] a task',
  '- [x] done',
  'hard break follows  ',
  '- item with trailing blanks  ',
  '- [ ] **bold** task',
  '- [ ]',
  '- [x]joined',
  '- [ ] `code` first',
  '- [x] *emphasis* first',
  'a *soft* word, an _aside_ and `code`.',
  '- `p95` latency under *200 ms*',
  '| `metric_name` | *weekly* | [dash](https://example.com/a?b=1) |',
  'R&D and Q&A, <5 min, a > b, ~5% and 5 * 3',
  'snake_case_name and __init__ and a_b',
  '[TBD] owner, [ ] open, [x][y] and [x][]',
  'see [the spec](https://example.com/spec) and [notes](./notes.md).',
  '*not closed and _not either',
  'x*y* in a word, *a*b and (*aside*)',
  '**a** *b* **c** _d_ ` spaced ` `` ticks `` `x',
  '***both*** and *a **b** c* and **a *b* c**',
  '[**bold label**](https://example.com) and [`code`](x)',
  '&copy; &#35; &amp; &nope; & alone',
  '<b>html</b> and <https://example.com> and <me@example.com>',
  '~~struck~~ and ~one~ and ~lone',
  '![image](a.png) and ! alone',
  '[link](https://example.com "title") and [a](<b c>) and [a]()',
  '_a_b_ and *a*.* and *.*',
  '| ___ | *** | >95% | - |',
  '| <br> | a > b |',
  '```js title=x',
  '```',
  '~~~',
  '````',
  '  ```',
  '``` has `ticks`',
  '<!-- a note',
  'still the note -->',
  '<!-- one line --> and after',
  '<!-->',
  'key: value',
  '---',
  '> quoted words',
  '>no space',
  '>',
  '> - quoted item',
  '> > nested quote',
  '>  two spaces',
  'Owner: [Ann](https://example.com/ann) | Reviewer: Bo',
  'a | b',
  '--- | ---',
  ':-- | --:',
  '|---|---|',
  '3. **Step three** goes on a paragraph',
  '12) twelve',
  '1. ________',
  '- ***',
  '* ---',
  '- ---',
  '- ___ and words',
  ' one blank before',
  '   three blanks before',
  '     five blanks before',
  ' ◇ a line under a heading in prose',
  '  - indented item',
  '   > indented quote',
  '<10 minutes to answer',
  '- <2s response',
  '99.9% uptime',
  '- 99.9% uptime',
  '  - nested item',
  '  - [ ] nested **task**',
  '  continued text',
  '\u00a0\u00a0no-break spaces, not indentation',
  '  [link](https://example.com) opens a continued line',
  '  **bold** opens a continued line',
  'a line broken by a backslash\\',
  '   1. nested three deep',
  '    - four spaces in',
  '  | nested | pipe |',
  '---',
  '- - -',
  '***',
  '* * *',
  '___',
  '```',
  '~~~',
  '~~struck~~ words',
  '<!-- a comment -->',
  '[ref]: https://example.com',
  'a [ref] used',
  '   ',
  '  indented line',
  '    code-like line',
  '---',
  '===',
  '- ',
  '-',
  '- - nested',
  '* star bullet',
  '> quoted',
  '# heading',
  'trailing space ',
  'see www.example.com',
  'mail me@example.com',
  '**bold** words',
  'a `code` span',
  'x &amp; y',
  'back\\slash',
  'line\twith tab',
  '3.5% of users',
  '2024 was busy',
  'ends with pipe |',
  '\u00a0leading no-break space',
  'word\u00a0',
];

// The pieces before this index are simple; half the documents are made of those alone.
const PLAIN_PIECES = PIECES.indexOf('   ');

function randomDocument(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 9);
  const from = random() < 0.5 ? PLAIN_PIECES : PIECES.length;
  for (let i = 0; i < count; i++) lines.push(PIECES[Math.floor(random() * from)]!);
  return lines.join('\n') + (random() < 0.5 ? '\n' : '');
}

const equalToRemark = (text: string) => {
  const tree = readPlainBlocks(text, (batch) => remark.parse(batch));
  if (tree) assert.deepStrictEqual(tree.children, remark.parse(text).children, JSON.stringify(text));
  return tree !== undefined;
};

test('random mixes of plain and near-plain lines: the plain reader agrees with remark whenever it answers', () => {
  const random = seededRandom(16);
  let answered = 0;
  let crlf = 0;
  for (let i = 0; i < 10000; i++) {
    const text = randomDocument(random);
    if (equalToRemark(text)) answered++;
    // The same lines saved on Windows, and with only the first line end a CRLF.
    if (equalToRemark(text.replaceAll('\n', '\r\n'))) crlf++;
    equalToRemark(text.replace('\n', '\r\n'));
  }
  assert.ok(crlf > 300, `answered ${crlf} with CRLF line ends`);
  // It answers for a good share of them (plain mixes), and declines the rest.
  assert.ok(answered > 300 && answered < 10000, `answered ${answered} of 10000`);
});

test('random mixes: the whole parse (plain reader, remark with or without GFM literal links) is the parse remark makes', () => {
  const random = seededRandom(61);
  for (let i = 0; i < 3000; i++) {
    const text = randomDocument(random);
    assert.deepStrictEqual(parseMarkdown(text), remark.parse(text), JSON.stringify(text));
  }
});

test('a long metrics table and a long goal list are read without remark, as remark reads them', () => {
  let table = '| Metric | Baseline | Target | Timeframe |\n| --- | --- | :-: | --- |\n';
  let goals = 'Goals for the year:\n';
  for (let i = 0; i < 500; i++) {
    table += `| % of teams in cohort ${i} who reply within ${i % 9} h | ${i % 40}% | ${(i % 40) + 10}% | by Q${(i % 4) + 1} |\n`;
    goals += `- Raise the share of accounts in region ${i} that renew from ${i % 50}% to ${(i % 50) + 5}% by Q${(i % 4) + 1}\n`;
  }
  for (const text of [table, goals, `${goals}\n${table}\nClosing words.\n`]) assert.ok(equalToRemark(text));
});

const markdownIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join(dir, name)).filter((path) => statSync(path).isFile()) : [];

test('every section of our examples, rule fixtures and the corpus parses as one full remark parse does, plain or not', () => {
  let plain = 0;
  let sections = 0;
  for (const file of [...markdownIn('examples'), ...markdownIn('test/fixtures'), ...markdownIn('../shared/corpus')]) {
    const text = readFileSync(file, 'utf8');
    for (const section of buildModel(text).sections) {
      const body = text.slice(section.body.start, section.body.end);
      assert.deepStrictEqual(parseMarkdown(body).children, remark.parse(body).children, `${file}: ${section.title}`);
      if (equalToRemark(body)) plain++;
      sections++;
    }
  }
  assert.ok(plain > 0 && plain < sections, `${plain} of ${sections} sections read as plain`);
});

test('the other shapes of real sections are read without remark, as remark reads them', () => {
  const samples = [
    '1. Cut setup time\n\n2. Raise renewals to 20%\n3. Ship the audit log\n\nAfter the list.\n',
    '- one\n\n\n- two\n\n- [x] three **done**\n',
    'Before the quote.\n> **Decision:** we hire in Q1\n> and review in Q2  \n> - with a list\n\nAfter.\n',
    '---\ntitle: Plan\ntags: [a, b]\n---\n\nBody text.\n',
    'Intro:\n```ts title=x\nconst a = 1;\n\n```\n<!-- a note\nover two lines -->\nText.\n',
    '| Metric | Actual |\r\n| --- | --- |\r\n| Sign-ups | ___ |\r\n\r\n- a\r\n- b\r\n',
  ];
  for (const text of samples) assert.ok(equalToRemark(text), JSON.stringify(text));
  // Pipes in a paragraph are text unless a row of delimiters under them makes a table.
  assert.ok(equalToRemark('Owner: [Ann](https://example.com) | Bo\nReviewer: Cy\n3. goes on the paragraph\n'));
  for (const text of ['a | b\n:-- | --:\n', 'para\na | b\n--|--\nc | d\n']) equalToRemark(text);
});

test('longer random mixes, cut into pieces at blank lines, parse as remark parses them whole', () => {
  const random = seededRandom(67);
  let cut = 0;
  for (let i = 0; i < 3000; i++) {
    const lines: string[] = [];
    for (let n = 10 + Math.floor(random() * 30); n > 0; n--) {
      const r = random();
      // Blank lines and lines at the margin (where a cut may fall) more often than the rest.
      lines.push(r < 0.2 ? '' : r < 0.35 ? ['Plain words go on.', 'Goal: grow', 'Text `x` here', 'www.example.com is ours'][Math.floor(random() * 4)]! : PIECES[Math.floor(random() * PIECES.length)]!);
    }
    const text = lines.join('\n') + (random() < 0.5 ? '\n' : '');
    if (readPlainBlocks(text, (batch) => remark.parse(batch)) === undefined) cut++;
    assert.deepStrictEqual(parseMarkdown(text), remark.parse(text), JSON.stringify(text));
  }
  assert.ok(cut > 1000, `${cut} texts the plain reader declined whole`);
});
