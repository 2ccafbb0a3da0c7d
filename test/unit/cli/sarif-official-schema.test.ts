// SARIF output checked against the official SARIF 2.1.0 JSON schema with a real validator
// (ajv), on top of formats.test.ts's checks of what the schema cannot express.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sarifSchemaErrors } from '../../support/sarif-validator';
import { run, workspace } from './harness';

describe('SARIF output and the official 2.1.0 schema', () => {
  test('a run with findings, a skipped file and a missing path is a valid SARIF log', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'sarif', 'project', 'project/missing.md'], { cwd });
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: unknown[]; invocations?: unknown[] }> };
    // Something to validate: results, and the notifications for what was skipped or missing.
    assert.ok(log.runs[0]!.results.length > 0, 'the fixture project has findings');
    assert.ok(log.runs[0]!.invocations?.length, 'the run reports its invocation');
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  test('the validator rejects what the schema forbids (so a pass above means something)', () => {
    const errors = sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] });
    assert.ok(errors.some((e) => e.includes('/runs/0/results/0/level')), errors.join('\n'));
  });
});
