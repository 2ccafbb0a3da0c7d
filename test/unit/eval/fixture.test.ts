// `npm run eval`'s pipeline on our own small labeled set (test/fixtures/eval), with figures
// worked out by hand from the labels and the lines today's rules flag. Two labels are wrong on
// purpose (see their reasons), so every kind of miss shows up.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EvalInputError, runEval } from '../../../src/eval/run';
import { FIXTURE } from './shared';

describe('eval on test/fixtures/eval', () => {
  test('figures and misses as worked out by hand', async () => {
    const run = await runEval(FIXTURE);
    assert.deepEqual(run.summary, {
      documents: 2,
      // bakery: silent, labeled silent (right); team-notes: fires, labeled silent (wrong)
      verdicts: 1,
      // flagged: line 18 followers (vanity: TP) and 19 page views (ambiguous: skipped); line 20 is
      // labeled vanity but is an outcome, so it stays unflagged (FN)
      'vanity-metric': { tp: 1, fp: 0, fn: 1, p: 1, r: 0.5 },
      // bakery line 10 "Launch ..." and team-notes line 7 "Ship ..." (found only because the
      // 'other' kind is linted as a PRD)
      'output-as-outcome': { tp: 2, fp: 0, fn: 0, p: 1, r: 1 },
      'metric-missing-target': { tp: 0, fp: 0, p: 0 },
      // line 18 has an empty baseline cell and is labeled so
      'metric-missing-baseline': { tp: 1, fp: 0, p: 1 },
      // line 19 has an empty By cell but is labeled as stating its timeframe
      'metric-missing-timeframe': { tp: 0, fp: 1, p: 0 },
    });
    assert.deepEqual(
      run.misses.map((m) => `${m.type} ${m.ruleId} ${m.file}${m.line ? `:${m.line}` : ''} | ${m.text}`),
      [
        'fp metric-missing-timeframe bakery-orders-prd.md:19 | | Website page views | 8,000 | 20,000 | |',
        'fn vanity-metric bakery-orders-prd.md:20 | | Loaves thrown away on Sunday evening | 25 | 5 | end of June |',
        'verdict success-metrics-missing team-notes.md | ',
      ],
    );
    assert.deepEqual(run.warnings, []);
  });

  test('a config file beside the documents applies, as it does for the CLI', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-eval-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(FIXTURE.docs, dir, { recursive: true });
    writeFileSync(join(dir, '.outcome-lens.json'), '{ "rules": { "vanity-metric": "off", "no-such-rule": "warning" } }\n');
    const run = await runEval({ labels: FIXTURE.labels, docs: dir });
    assert.deepEqual(run.summary['vanity-metric'], { tp: 0, fp: 0, fn: 2, p: 0, r: 0 });
    assert.equal(run.warnings.length, 1);
    assert.match(run.warnings[0]!, /\.outcome-lens\.json:1:\d+: .*no-such-rule/);
  });

  test('a missing labels file or document is an input error naming the path', async (t) => {
    await assert.rejects(runEval({ labels: join(FIXTURE.docs, 'nope.json'), docs: FIXTURE.docs }), (error: unknown) => {
      assert.ok(error instanceof EvalInputError);
      assert.equal(error.message, `${join(FIXTURE.docs, 'nope.json')}: cannot read the labels file: no such file or folder`);
      return true;
    });
    const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-eval-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await assert.rejects(runEval({ labels: FIXTURE.labels, docs: dir }), (error: unknown) => {
      assert.ok(error instanceof EvalInputError);
      assert.equal(error.message, `${join(dir, 'bakery-orders-prd.md')} (labeled in ${FIXTURE.labels}): no such file or folder`);
      return true;
    });
  });
});
