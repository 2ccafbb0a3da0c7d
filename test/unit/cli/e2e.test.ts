// The real program in a child process, as a user or CI runs it.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lines, spawnCli, workspace } from './harness';

// Root reads any file, so the permission test runs the CLI as "nobody" when we are root.
const NOBODY = 65534;
const asUnprivileged = process.getuid?.() === 0 ? NOBODY : undefined;

describe('outcome-lens as a process', () => {
  test('lint --format json prints parseable results and exits 1 on errors', async (t) => {
    const cwd = workspace(t);
    const result = await spawnCli(['lint', '--format', 'json', 'project'], { cwd });
    assert.equal(result.code, 1, result.stderr);
    const parsed = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; warningCount: number }>;
    assert.equal(parsed.length, 5);
    assert.deepEqual(
      [parsed.reduce((n, r) => n + r.errorCount, 0), parsed.reduce((n, r) => n + r.warningCount, 0)],
      [1, 1],
    );
  });

  test('a missing file: exit 2, one line naming it, no stack trace', async (t) => {
    const cwd = workspace(t);
    const result = await spawnCli(['lint', 'docs/nope.md'], { cwd });
    assert.equal(result.code, 2);
    assert.deepEqual(lines(result.stderr), ['outcome-lens: docs/nope.md: no such file or folder']);
  });

  test('an unreadable file: exit 2 with EACCES, the readable files are still linted', async (t) => {
    const cwd = workspace(t);
    const locked = join(cwd, 'project/locked-prd.md');
    writeFileSync(locked, '# Locked PRD\n');
    chmodSync(locked, 0o000);
    const result = await spawnCli(['lint', 'project/locked-prd.md', 'project/checkout-prd.md'], { cwd, uid: asUnprivileged });
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(lines(result.stderr), ['outcome-lens: project/locked-prd.md: permission denied (EACCES)']);
    assert.match(result.stdout, /project\/checkout-prd\.md\n {2}11:3 {2}warning/);
  });

  test('a config found on the way up that cannot be read: exit 2, the file is still linted with defaults', async (t) => {
    const cwd = workspace(t);
    chmodSync(join(cwd, 'project/.outcome-lens.json'), 0o000);
    const result = await spawnCli(['lint', '--format', 'json', 'project/checkout-prd.md'], { cwd, uid: asUnprivileged });
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(lines(result.stderr), ['outcome-lens: project/.outcome-lens.json: cannot read config: permission denied (EACCES)']);
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    assert.ok(file!.messages.some((m) => m.ruleId === 'vanity-metric'));
  });
});
