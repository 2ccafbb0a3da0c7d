// The scorer on findings made up by hand, so every counting rule of score.mjs is pinned down
// without depending on what today's rules happen to flag.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintKindOf, parseLabels, type LabeledDocument, type LabeledLine } from '../../../src/eval/labels';
import { scoreDocuments } from '../../../src/eval/score';

function labeled(line: number, cls: LabeledLine['class'], stated: Partial<Pick<LabeledLine, 'has_target' | 'has_baseline' | 'has_timeframe'>> = {}): LabeledLine {
  return { line, text: `line ${line}`, class: cls, has_target: false, has_baseline: false, has_timeframe: false, ...stated };
}

function doc(file: string, missing: boolean, lines: LabeledLine[]): LabeledDocument {
  return { file, kind: 'prd', success_metrics_missing: missing, lines };
}

const text = Array.from({ length: 12 }, (_, i) => `text of line ${i + 1}`);

describe('scoreDocuments', () => {
  test('vanity and output are scored per line: duplicates once, ambiguous skipped, unlabeled lines are false positives', () => {
    const label = doc('a.md', false, [labeled(1, 'vanity'), labeled(2, 'vanity'), labeled(3, 'outcome'), labeled(4, 'ambiguous'), labeled(5, 'output'), labeled(6, 'output')]);
    const findings = [
      { ruleId: 'vanity-metric', line: 1 },
      { ruleId: 'vanity-metric', line: 1 }, // a second finding on a line still counts once
      { ruleId: 'vanity-metric', line: 3 }, // labeled outcome: FP
      { ruleId: 'vanity-metric', line: 4 }, // ambiguous: not scored
      { ruleId: 'vanity-metric', line: 9 }, // no label: FP
      { ruleId: 'output-as-outcome', line: 5 },
      { ruleId: 'output-as-outcome', line: 1 }, // labeled vanity: FP for this rule
      { ruleId: 'success-metrics-missing', line: 1 },
    ];
    const { summary, misses } = scoreDocuments([{ label, findings, lines: text }]);
    // vanity: tp 1 (line 1), fp 2 (lines 3, 9), fn 1 (line 2) -> P 1/3, R 1/2
    assert.deepEqual(summary['vanity-metric'], { tp: 1, fp: 2, fn: 1, p: 1 / 3, r: 1 / 2 });
    // output: tp 1 (line 5), fp 1 (line 1), fn 1 (line 6) -> P 1/2, R 1/2
    assert.deepEqual(summary['output-as-outcome'], { tp: 1, fp: 1, fn: 1, p: 1 / 2, r: 1 / 2 });
    assert.equal(summary.verdicts, 0);
    assert.deepEqual(
      misses.map((m) => `${m.type} ${m.ruleId} ${m.line ?? '-'} ${m.why}`),
      [
        'verdict success-metrics-missing - fired, expected silent',
        'fp vanity-metric 3 labeled outcome',
        'fp vanity-metric 9 labeled not a success line',
        'fn vanity-metric 2 labeled vanity, not flagged',
        'fp output-as-outcome 1 labeled vanity',
        'fn output-as-outcome 6 labeled output, not flagged',
      ],
    );
    assert.equal(misses[1]!.text, 'text of line 3', 'a miss shows the document line');
  });

  test('metric-missing-*: every finding on a labeled non-output line counts, ambiguous lines included', () => {
    const label = doc('b.md', true, [
      labeled(1, 'outcome', { has_target: true }),
      labeled(2, 'ambiguous'),
      labeled(3, 'output', { has_target: true }),
      labeled(4, 'vanity', { has_baseline: true, has_timeframe: true }),
    ]);
    const findings = [
      { ruleId: 'metric-missing-target', line: 1 }, // states its target: FP
      { ruleId: 'metric-missing-target', line: 2 }, // TP
      { ruleId: 'metric-missing-target', line: 2 }, // a second finding on the line counts again: TP
      { ruleId: 'metric-missing-target', line: 3 }, // output line: not counted
      { ruleId: 'metric-missing-target', line: 7 }, // unlabeled: not counted
      { ruleId: 'metric-missing-baseline', line: 4 }, // states its baseline: FP
      { ruleId: 'success-metrics-missing', line: 1 },
    ];
    const { summary, misses } = scoreDocuments([{ label, findings, lines: text }]);
    assert.deepEqual(summary['metric-missing-target'], { tp: 2, fp: 1, p: 2 / 3 });
    assert.deepEqual(summary['metric-missing-baseline'], { tp: 0, fp: 1, p: 0 });
    assert.deepEqual(summary['metric-missing-timeframe'], { tp: 0, fp: 0, p: 0 }, 'no findings: precision 0, as score.mjs reports it');
    assert.equal(summary.verdicts, 1);
    assert.deepEqual(
      misses.filter((m) => m.ruleId.startsWith('metric-missing')).map((m) => `${m.ruleId} ${m.line} ${m.why}`),
      ['metric-missing-target 1 the line states its target', 'metric-missing-baseline 4 the line states its baseline'],
    );
  });

  test('verdicts are counted over documents; recall is 0 when there is nothing to find', () => {
    const documents = [
      { label: doc('fires.md', true, []), findings: [{ ruleId: 'success-metrics-missing', line: 1 }], lines: text },
      { label: doc('silent.md', false, []), findings: [], lines: text },
      { label: doc('wrongly-silent.md', true, []), findings: [], lines: text },
    ];
    const { summary, misses } = scoreDocuments(documents);
    assert.equal(summary.documents, 3);
    assert.equal(summary.verdicts, 2);
    assert.deepEqual(summary['vanity-metric'], { tp: 0, fp: 0, fn: 0, p: 0, r: 0 });
    assert.deepEqual(misses.map((m) => `${m.file} ${m.why}`), ['wrongly-silent.md silent, expected fired']);
  });
});

describe('labels', () => {
  test('a well-formed file parses; unknown fields (reason, notes) are allowed', () => {
    const labels = parseLabels(JSON.stringify({ documents: [{ ...doc('a.md', false, [labeled(3, 'vanity')]), notes: 'n', metrics_section_headings: [] }] }));
    assert.ok(!(labels instanceof Error), String(labels));
    assert.equal(labels.documents[0]!.lines[0]!.class, 'vanity');
  });

  test('a slip is named by its path', () => {
    const bad = parseLabels(JSON.stringify({ documents: [doc('a.md', false, [{ ...labeled(3, 'vanity'), class: 'vanityy' as 'vanity' }])] }));
    assert.ok(bad instanceof Error);
    assert.match(bad.message, /^documents\[0\]\.lines\[0\]\.class: /);
    const notJson = parseLabels('{"documents": [');
    assert.ok(notJson instanceof Error);
    assert.match(notJson.message, /^not JSON/);
  });

  test('business cases are linted as business cases, every other kind as a PRD (as score.mjs does)', () => {
    assert.equal(lintKindOf({ ...doc('a.md', false, []), kind: 'business-case' }), 'business-case');
    assert.equal(lintKindOf({ ...doc('a.md', false, []), kind: 'okr' }), 'okr');
    for (const kind of ['prd', 'spec', 'other']) assert.equal(lintKindOf({ ...doc('a.md', false, []), kind }), 'prd');
  });
});
