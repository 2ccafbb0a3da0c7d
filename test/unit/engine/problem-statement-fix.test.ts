// Where problem-statement-missing's fix puts the Problem section: after the context that
// leads into it (summary, background), never above it, and nowhere when the context
// already states the problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, lint } from '../../../src/engine';

const headingsAfterFix = (text: string) => {
  const finding = lint(text, { kind: 'prd' }).findings.find((f) => f.ruleId === 'problem-statement-missing');
  assert.ok(finding, 'problem-statement-missing is reported');
  return [...applyFixes(text, [finding], { all: true }).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
};

test('the Problem section goes after the summary and the background that follows it', () => {
  const text = '# Room booking PRD\n\n## Summary\n\nA room booking screen.\n\n## Background\n\nThe calendar was added in 2020.\n\n## Goals\n\n- Rooms are booked once.\n';
  assert.deepEqual(headingsAfterFix(text), ['Summary', 'Background', 'Problem', 'Goals']);
});

test('with no summary or background, it goes after the title', () => {
  const text = '# Room booking PRD\n\nOwner: Ana\n\n## Goals\n\n- Rooms are booked once.\n';
  assert.deepEqual(headingsAfterFix(text), ['Problem', 'Goals']);
});

test('a background that states the problem gets no finding, so Fix All inserts nothing', () => {
  const text =
    '# Room booking PRD\n\n## Background\n\nThe calendar was added in 2020.\n\nOffice managers cannot see clashes: 31% of last quarter\'s tickets were double bookings.\n\n## Goals\n\n- Rooms are booked once.\n';
  const { findings } = lint(text, { kind: 'prd' });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'problem-statement-missing'), []);
  assert.equal(applyFixes(text, findings.filter((f) => f.fixes.some((x) => x.isPreferred))).includes('## Problem'), false);
});
