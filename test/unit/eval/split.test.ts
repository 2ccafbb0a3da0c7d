// The development and check splits (src/eval/split.ts) and statement coverage (src/eval/score.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabeledDocument } from '../../../src/eval/labels';
import { scoreDocuments } from '../../../src/eval/score';
import { checkFiles, selectSplit, SPLIT_SEED } from '../../../src/eval/split';

const doc = (file: string, lines: number[] = []): LabeledDocument => ({
  file,
  kind: 'prd',
  success_metrics_missing: false,
  lines: lines.map((line) => ({ line, text: 'x', class: 'outcome', has_target: false, has_baseline: false, has_timeframe: false })),
});

describe('eval splits', () => {
  const files = Array.from({ length: 32 }, (_, i) => `doc-${String(i).padStart(2, '0')}.md`);
  test('the check split is a third of the documents, rounded up, and the same on every run', () => {
    const check = checkFiles(files);
    assert.equal(check.size, 11);
    assert.deepEqual([...checkFiles([...files].reverse())].sort(), [...check].sort());
  });
  test('another seed draws another split', () => {
    assert.notDeepEqual([...checkFiles(files, SPLIT_SEED + 1)].sort(), [...checkFiles(files)].sort());
  });
  test('dev and check are disjoint and together are all the documents', () => {
    const docs = files.map((f) => doc(f));
    const dev = selectSplit(docs, 'dev').map((d) => d.file);
    const check = selectSplit(docs, 'check').map((d) => d.file);
    assert.equal(dev.filter((f) => check.includes(f)).length, 0);
    assert.deepEqual([...dev, ...check].sort(), files);
    assert.deepEqual(selectSplit(docs, 'all').map((d) => d.file), files);
  });
});

describe('statement coverage', () => {
  test('counts the labeled lines read as statements, per document and overall', () => {
    const { coverage } = scoreDocuments([
      { label: doc('a.md', [1, 2, 3, 4]), findings: [], lines: [], statementLines: new Set([1, 2, 9]) },
      { label: doc('b.md', [5]), findings: [], lines: [], statementLines: new Set([5]) },
      { label: doc('c.md', []), findings: [], lines: [] },
    ]);
    assert.deepEqual(coverage.documents.map((d) => [d.file, d.read, d.labeled]), [['a.md', 2, 4], ['b.md', 1, 1], ['c.md', 0, 0]]);
    assert.equal(coverage.read, 3);
    assert.equal(coverage.labeled, 5);
    assert.equal(coverage.share, 0.6);
  });
});
