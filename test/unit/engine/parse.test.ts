import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../../src/engine/parse';

const plain = unified().use(remarkParse).use(remarkGfm);

function strip(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' && value ? { s: value.start, e: value.end } : value)));
}

test('long tables parsed in batches give the same tree as one remark parse', () => {
  const rows = Array.from({ length: 300 }, (_, i) => `| Metric ${i} **bold** | ${i}% | \`code\` |`).join('\n');
  for (const text of [
    `# T\n\nIntro.\n\n| Metric | Target | Note |\n| --- | ---: | :-- |\n${rows}\n\nAfter the table.\n`,
    `| Metric | Target | Note |\n|---|---|---|\n${rows}`,
  ]) {
    const batched = parseMarkdown(text);
    const table = batched.children.find((n): n is Table => n.type === 'table')!;
    assert.equal(table.children.length, 301);
    assert.deepEqual(strip(batched), strip(plain.parse(text)));
  }
});

test('a 10,000-row table parses in linear time (time printed, bound generous)', (t) => {
  const text = `| Metric | Target |\n| --- | --- |\n${'| Page views | |\n'.repeat(10000)}`;
  const started = performance.now();
  const tree = parseMarkdown(text);
  const ms = performance.now() - started;
  t.diagnostic(`10,000 rows in ${ms.toFixed(0)} ms`);
  assert.equal((tree.children[0] as Table).children.length, 10001);
  assert.ok(ms < 30000);
});

test('texts with and without the marks of a literal link parse as one full remark parse does', () => {
  for (const text of [
    'Plain goal: raise renewals from 12% to 20%.\n\n- one\n- two\n',
    'See www.example.com and https://example.com/a?b=1 or write to team@example.com.\n',
    'Spelled with references: &#119;ww.example.com and me&#64;example.com.\n',
    '| Metric | Link |\n| --- | --- |\n| Views | http://example.com |\n| Sign-ups | none |\n',
    'No links here, a [real one](https://example.com) and *emphasis*.\n',
  ]) {
    const ours = parseMarkdown(text);
    assert.deepEqual(strip(ours), strip(unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(text)));
  }
  assert.ok(JSON.stringify(parseMarkdown('Mail team@example.com')).includes('"link"'), 'an address still becomes a link');
});
