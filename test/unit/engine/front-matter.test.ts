// Front matter of plain `key: word` lines is read without the YAML parser; whatever the lines,
// the data (or the error) must be what the parser gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { readFrontMatter } from '../../../src/engine/model/front-matter';
import { seededRandom } from '../../../src/eval/split';

const KEYS = ['title', 'type', 'status', 'owner', 'last-updated', 'x_1', '2nd', ' indented', 'a b'];
const VALUES = [
  'Checkout revamp', 'prd', 'business case', 'True', 'false', 'NULL', 'No', 'yes', 'Q3 2024', 'v1.0', 'a: b', 'x # note', 'x#y',
  '"quoted"', "it's", 'Café crème', 'a  b', '- item', 'trailing ', '~', '3', '1e3', '.inf', 'NaN', 'plain-words_1', '[a, b]',
  '{a: 1}', '&anchor x', '*alias', '!tag x', '|', '> folded', '%pct', '@at', 'back`tick', '', 'Jane Doe (PM)', 'a/b, c.d',
];

function randomFrontMatter(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    const key = KEYS[Math.floor(random() * KEYS.length)]!;
    const value = VALUES[Math.floor(random() * VALUES.length)]!;
    lines.push(`${key}:${random() < 0.9 ? ' ' : '  '}${value}`);
  }
  return lines.join('\n') + (random() < 0.5 ? '\n' : '');
}

function parserReading(content: string): { data: unknown; error: boolean } {
  try {
    const data: unknown = parseYaml(content, { maxAliasCount: 50, logLevel: 'error' });
    return { data: data === null || data === undefined || typeof data !== 'object' || Array.isArray(data) ? {} : data, error: false };
  } catch {
    return { data: {}, error: true };
  }
}

test('random front matter: the data read is the data the YAML parser gives, and an error where it errs', () => {
  const random = seededRandom(7);
  const span = { start: 0, end: 0 };
  for (let i = 0; i < 5000; i++) {
    const content = randomFrontMatter(random);
    const read = readFrontMatter({ span, content, format: 'yaml' })!;
    const expected = parserReading(content);
    assert.deepStrictEqual(read.data, expected.data, JSON.stringify(content));
    assert.equal(read.error !== undefined, expected.error, JSON.stringify(content));
  }
});
