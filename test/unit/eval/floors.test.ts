// The CI guard on judgement: `npm run eval`'s figures on the shared labeled corpus may not fall
// below the floors in floors.json. Raise a floor there when the rules get better (docs/eval.md);
// the targets beside them are the bar of the judgement issue and only shown here, never enforced.
// The recalls are guarded twice: with each document's labeled kind, and with none (--auto), as a
// user gets them, so that kind detection cannot quietly drop documents.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { runEval, type EvalRun } from '../../../src/eval/run';
import type { EvalSummary } from '../../../src/eval/score';
import { sharedEval } from './shared';

const share = z.number().min(0).max(1);
const measures = z.strictObject({
  'vanity-metric': z.strictObject({ precision: share, recall: share }),
  'output-as-outcome': z.strictObject({ precision: share, recall: share }),
  /** Documents whose success-metrics-missing verdict is right. */
  'success-metrics-missing': z.strictObject({ verdicts: z.number().int().min(0) }),
  'metric-missing-target': z.strictObject({ precision: share }),
  'metric-missing-baseline': z.strictObject({ precision: share }),
  'metric-missing-timeframe': z.strictObject({ precision: share }),
  /** Of the labeled lines, the share the engine read as success statements. */
  'statement-coverage': z.strictObject({ share }),
  /** Recalls when no kind is given. */
  auto: z.strictObject({ 'vanity-metric': z.strictObject({ recall: share }), 'output-as-outcome': z.strictObject({ recall: share }) }),
});
type Measures = z.infer<typeof measures>;
const FLOORS_FILE = new URL('./floors.json', import.meta.url);
const { floors, targets } = z.strictObject({ floors: measures, targets: measures }).parse(JSON.parse(readFileSync(FLOORS_FILE, 'utf8')));

/** Each guarded measure: its name, its figure in a run, and its entry in floors.json. */
type Runs = { labeled: EvalRun; auto: EvalRun };
const MEASURES: Array<{ name: string; of: (s: EvalSummary, runs: Runs) => number; in: (m: Measures) => number }> = [
  { name: 'vanity-metric precision', of: (s) => s['vanity-metric'].p, in: (m) => m['vanity-metric'].precision },
  { name: 'vanity-metric recall', of: (s) => s['vanity-metric'].r, in: (m) => m['vanity-metric'].recall },
  { name: 'output-as-outcome precision', of: (s) => s['output-as-outcome'].p, in: (m) => m['output-as-outcome'].precision },
  { name: 'output-as-outcome recall', of: (s) => s['output-as-outcome'].r, in: (m) => m['output-as-outcome'].recall },
  { name: 'success-metrics-missing verdicts', of: (s) => s.verdicts, in: (m) => m['success-metrics-missing'].verdicts },
  { name: 'metric-missing-target precision', of: (s) => s['metric-missing-target'].p, in: (m) => m['metric-missing-target'].precision },
  { name: 'metric-missing-baseline precision', of: (s) => s['metric-missing-baseline'].p, in: (m) => m['metric-missing-baseline'].precision },
  { name: 'metric-missing-timeframe precision', of: (s) => s['metric-missing-timeframe'].p, in: (m) => m['metric-missing-timeframe'].precision },
  { name: 'statement coverage', of: (_, runs) => runs.labeled.coverage.share, in: (m) => m['statement-coverage'].share },
  { name: 'vanity-metric recall, no kind', of: (_, runs) => runs.auto.summary['vanity-metric'].r, in: (m) => m.auto['vanity-metric'].recall },
  { name: 'output-as-outcome recall, no kind', of: (_, runs) => runs.auto.summary['output-as-outcome'].r, in: (m) => m.auto['output-as-outcome'].recall },
];

describe('judgement floors on the shared corpus', () => {
  test('no floor is above its target', () => {
    for (const measure of MEASURES) {
      const [floor, target] = [measure.in(floors), measure.in(targets)];
      assert.ok(floor <= target, `${measure.name}: floor ${floor} is above the target ${target} in ${FLOORS_FILE.pathname}`);
    }
  });

  test('every figure is at or above its floor', async (t) => {
    const { inputs } = sharedEval();
    const runs = { labeled: await runEval(inputs), auto: await runEval({ ...inputs, auto: true }) };
    const below: string[] = [];
    for (const measure of MEASURES) {
      const [value, floor, target] = [measure.of(runs.labeled.summary, runs), measure.in(floors), measure.in(targets)];
      const shown = Number.isInteger(value) ? String(value) : value.toFixed(3);
      t.diagnostic(`${measure.name}: ${shown} (floor ${floor}, target ${target})`);
      if (value < floor) below.push(`${measure.name} ${shown} < floor ${floor}`);
    }
    assert.deepEqual(below, [], `below the floors of ${FLOORS_FILE.pathname} (npm run eval -- --verbose lists every miss)`);
  });
});
