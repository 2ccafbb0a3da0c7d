// The inline reader must give exactly remark's paragraph (positions included) whenever it
// answers, on random runs of words and marks, in a paragraph and in a table cell; and it must
// answer for the shapes it exists for, or remark is still called for them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Paragraph, PhrasingContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readInline } from '../../../src/engine/plain-inline';
import { seededRandom } from '../../../src/eval/split';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();

const TOKENS = [
  'word', 'Goal', '40%', ' ', ' ', ' ', '  \n', ' \n', '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '](', '](https://example.com/a)',
  'https://example.com', 'www.example.com', 'me@example.com', '&', '&amp;', '&copy;', '<', '<b>', '>', '~', '~~', '!', '![',
  ':', '.', ',', '%', '5', 'a_b', '\\', '"', '^', '\n', '- ', '# ', '1. ', '|',
  // Whole constructs and near misses, so that pairs meet as often as lone marks.
  '*word*', '**word**', '_word_', '__word__', '**Goal:**', '*a.*', '(*x*)', 'x*y*', '_x_y', '`x y`', '` x `', '`*`',
  '[word](https://example.com/a)', '[word]', '[a b](./c.md)', '[x](y z)', '[q](https://e.com/a_b*c&d=1)', '[r](https://e.com/?a=1&amp;b)', '[s](https://e.com/a)b',
];

function randomInline(random: () => number, cell: boolean): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    const token = TOKENS[Math.floor(random() * TOKENS.length)]!;
    if (cell && (token.includes('\n') || token === '|')) continue;
    parts.push(token);
  }
  return parts.join('');
}

// A paragraph's text starts with neither; a cell's is trimmed at both ends.
const stripStart = (text: string) => text.replace(/^[ \n]+/, '');
const strip = (text: string) => stripStart(text).replace(/[ \n]+$/, '');

// Moves a cell's reading (from column 1 of line 1) to where the cell's text stands in the table.
function shifted(nodes: PhrasingContent[]): PhrasingContent[] {
  // The cell's text starts at line 3, column 3, offset 14 of `| h |\n| - |\n| text |`.
  const move = (p: { line: number; column: number; offset?: number }) => ({ line: p.line + 2, column: p.column + 2, offset: (p.offset ?? 0) + 14 });
  const visit = (node: PhrasingContent): PhrasingContent => {
    const copy = { ...node } as PhrasingContent & { children?: PhrasingContent[] };
    if (node.position) copy.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) copy.children = node.children.map(visit);
    return copy;
  };
  return nodes.map(visit);
}

test('random inline text: whenever the reader answers, it is the paragraph remark builds', () => {
  const random = seededRandom(41);
  let answered = 0;
  for (let i = 0; i < 20000; i++) {
    const text = stripStart(randomInline(random, false));
    if (!text || text.includes('\n ')) continue;
    const read = readInline(text);
    if (!read) continue;
    answered++;
    const tree = remark.parse(text);
    // The reader is asked only for a paragraph's text; text that would open another block is the block reader's to refuse.
    if (tree.children.length !== 1 || tree.children[0]!.type !== 'paragraph' || tree.children[0]!.position?.start.offset !== 0) continue;
    assert.deepStrictEqual(read, tree.children[0] as Paragraph, JSON.stringify(text));
  }
  assert.ok(answered > 2000, `answered ${answered}`);
});

test('random inline text in a table cell: whenever the reader answers, it is the cell remark builds', () => {
  const random = seededRandom(42);
  let answered = 0;
  for (let i = 0; i < 20000; i++) {
    const text = strip(randomInline(random, true));
    if (!text) continue;
    const read = readInline(text);
    if (!read) continue;
    answered++;
    const table = remark.parse(`| h |\n| - |\n| ${text} |`).children[0] as Table;
    const cell = table.children[1]!.children[0]!;
    assert.deepStrictEqual(shifted(read.children), cell.children, JSON.stringify(text));
  }
  assert.ok(answered > 2000, `answered ${answered}`);
});

test('the shapes product documents use are read without remark', () => {
  for (const text of [
    '**Goal:** raise renewals from 12% to 20% by Q3',
    'Cut `p95` latency to *200 ms* (see [the SLO](https://example.com/slo)).',
    'R&D and Q&A, <5 min, a > b, ~5% of users, snake_case and [TBD]',
    '- not a list in a cell',
    '___',
  ]) {
    const read = readInline(text);
    assert.ok(read, text);
    const cell = (remark.parse(`| h |\n| - |\n| ${text} |`).children[0] as Table).children[1]!.children[0]!;
    assert.deepStrictEqual(shifted(read.children), cell.children, text);
  }
});
