// The text surgery behind the metric rules' fixes: splitting table rows, adding
// columns in the usual order, and inserting a block with blank lines around it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, applyFixes, lint, resolveConfig } from '../../../src/engine';
import { insertBlock } from '../../../src/engine/rules/util/insert-section';
import { readRowLine } from '../../../src/engine/rules/util/table-edit';

const cellsOf = (line: string) => readRowLine(line, 0, line.length).cells.map((c) => line.slice(c.start, c.end));
const COLUMN_RULES = ['metric-missing-baseline', 'metric-missing-target', 'metric-missing-timeframe'];

/** Lint as a PRD and accept the preferred suggestions of the missing-column findings. */
function fixColumns(text: string): { fixed: string; before: number; after: number } {
  const findings = lint(text, { kind: 'prd' }).findings.filter((f) => COLUMN_RULES.includes(f.ruleId));
  const fixed = applyFixes(text, findings, { all: true });
  const after = lint(fixed, { kind: 'prd' }).findings.filter((f) => COLUMN_RULES.includes(f.ruleId)).length;
  return { fixed, before: findings.length, after };
}

describe('table rows', () => {
  test('cells with and without outer pipes, escaped pipes kept inside a cell', () => {
    assert.deepEqual(cellsOf('| a | b |'), [' a ', ' b ']);
    assert.deepEqual(cellsOf('a | b'), ['a ', ' b']);
    assert.deepEqual(cellsOf('  | a \\| b | c |  '), [' a \\| b ', ' c ']);
    assert.deepEqual(cellsOf('| a | |'), [' a ', ' ']);
    assert.deepEqual(cellsOf('|a|'), ['a']);
  });
});

describe('adding missing columns', () => {
  test('accepting the suggestions adds Baseline, Target and Timeframe once, in order, and clears all three rules', () => {
    const text = '# Bulk edit PRD\n\n## Success Metrics\n\n| Metric | Owner |\n| --- | --- |\n| Share of admins who bulk-edit | Growth |\n| Tickets about bulk edits stay below 20 | Support |\n';
    const { fixed, before, after } = fixColumns(text);
    assert.equal(before, 3);
    assert.equal(after, 0);
    assert.match(fixed, /\n\| Metric \| Baseline \| Target \| Timeframe \| Owner \|\n\| --- \| --- \| --- \| --- \| --- \|\n/);
    assert.match(fixed, /\| Share of admins who bulk-edit \| \[baseline\] \| \[target\] \| \[by when\] \| Growth \|/);
    // The target is already in the metric's own words, so its new cell stays empty.
    assert.match(fixed, /\| Tickets about bulk edits stay below 20 \| \[baseline\] \|  \| \[by when\] \| Support \|/);
  });

  test('each column goes where it belongs among odd header wordings', () => {
    const text = '# PRD\n\n## KPIs\n\n| KPI | Goal | DRI |\n| --- | --- | --- |\n| Checkout conversion | 3% | Ana |\n';
    const { fixed, after } = fixColumns(text);
    assert.equal(after, 0);
    assert.match(fixed, /\| KPI \| Baseline \| Goal \| Timeframe \| DRI \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| Checkout conversion \| \[baseline\] \| 3% \| \[by when\] \| Ana \|/);
  });

  test('a table without outer pipes stays without them; CRLF is kept', () => {
    const text = '# PRD\r\n\r\n## Success metrics\r\n\r\nMetric | Target | Timeframe\r\n--- | --- | ---\r\nActivation | 40% | by Q3\r\n';
    const { fixed, after } = fixColumns(text);
    assert.equal(after, 0);
    assert.ok(fixed.includes('Metric | Baseline | Target | Timeframe\r\n--- | --- | --- | ---\r\nActivation | [baseline] | 40% | by Q3\r\n'), fixed);
  });

  test('a table padded to column widths gets padded cells', () => {
    const text = '# PRD\n\n## Success metrics\n\n| Metric     | Target |\n| ---------- | ------ |\n| Activation | 40%    |\n';
    const { fixed } = fixColumns(text);
    assert.ok(fixed.includes('| Metric     | Baseline   | Target | Timeframe |\n| ---------- | ---------- | ------ | --------- |\n| Activation | [baseline] | 40%    | [by when] |\n'), fixed);
  });

  test('a rule that is off does not get its column added by the others', () => {
    const text = '# PRD\n\n## Success metrics\n\n| Metric | Owner |\n| --- | --- |\n| Activation | Ana |\n';
    const config = resolveConfig({ rules: { 'metric-missing-baseline': 'off' } }).config;
    const findings = lint(text, { kind: 'prd', config }).findings.filter((f) => f.ruleId === 'metric-missing-target');
    const fix = findings[0]!.fixes.find((f) => f.isPreferred)!;
    assert.equal(fix.title, 'Add Target and Timeframe columns (with placeholders to fill in)');
    assert.match(applyEdits(text, fix.edits), /\| Metric \| Target \| Timeframe \| Owner \|/);
  });
});

describe('inserting a block', () => {
  test('adds the blank lines that are missing, in the text\'s line endings', () => {
    const at = (text: string, offset: number) => applyEdits(text, [insertBlock(text, offset, ['## New', '', 'Body.'])]);
    assert.equal(at('Intro.\n## Next\n', 7), 'Intro.\n\n## New\n\nBody.\n\n## Next\n');
    assert.equal(at('Intro.\n\n## Next\n', 8), 'Intro.\n\n## New\n\nBody.\n\n## Next\n');
    assert.equal(at('Intro.\n\n\n## Next\n', 9), 'Intro.\n\n\n## New\n\nBody.\n\n## Next\n');
    assert.equal(at('Intro.', 6), 'Intro.\n\n## New\n\nBody.\n');
    assert.equal(at('', 0), '## New\n\nBody.\n');
    assert.equal(at('Intro.\r\n## Next\r\n', 8), 'Intro.\r\n\r\n## New\r\n\r\nBody.\r\n\r\n## Next\r\n');
  });
});
