// The lint worker's time budget (issue 11, item 5): a lint that runs past its
// budget is cancelled, the worker restarted, the document gets one finding that
// says it was too slow to check, and the requests queued behind it (other
// documents) still get their real findings.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { lint } from '../../../src/engine';
import { LintClient } from '../../../src/worker/lint-client';

const small = '# Inbox PRD\n\n## Goals\n\n- Launch the inbox by Q3.\n\n## Success Metrics\n\n| Metric | Target |\n| --- | --- |\n| Total sign-ups | 10k |\n';

/** Just under the size bound, and seconds of work: a long metrics table. */
function slowDocument(): string {
  let text = '# PRD: Table\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n';
  for (let i = 0; text.length < 1_200_000; i++) text += `| Page views ${i} | ${i} | ${i + 1} | Q3 |\n`;
  return text;
}

test('a lint past its budget is cancelled with one finding; the queued and later lints still run', { timeout: 120_000 }, async () => {
  const bundle = resolve('out/test/budget/lint-worker.js');
  await build({ entryPoints: ['src/worker/lint-worker.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const logged: string[] = [];
  const client = new LintClient(bundle, (m) => logged.push(m));
  try {
    const expected = lint(small, { kind: 'prd', disableFixes: false }).findings;
    // Generous budgets for the small document: its budget also covers a worker restart.
    const [slow, queued] = await Promise.all([client.lint(slowDocument(), { kind: 'prd' }, 300), client.lint(small, { kind: 'prd' }, 60_000)]);
    assert.equal(slow.timedOut, true);
    assert.equal(slow.findings.length, 1);
    const [finding] = slow.findings;
    assert.equal(finding!.ruleId, 'unchecked-section');
    assert.deepEqual([finding!.start.line, finding!.start.column], [1, 1]);
    assert.match(finding!.message, /^Outcome Lens stopped checking this document after 0\.3 s: it was too slow to check/);
    assert.deepEqual(queued.findings, expected, 'the document queued behind it was linted by the new worker');
    assert.ok(logged.some((m) => /restarting the lint worker/.test(m)), logged.join('\n'));
    const later = await client.lint(small, { kind: 'prd' }, 60_000);
    assert.equal(later.timedOut, undefined);
    assert.deepEqual(later.findings, expected);
    assert.ok(!logged.some((m) => /in-process/.test(m)), 'the worker was restarted, not given up');
  } finally {
    client.dispose();
  }
});
