// The lint worker thread gives the same findings as linting in-process, and a
// caller waiting on it keeps the process alive (the worker is unref'd when idle).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { lint } from '../../../src/engine';
import { LintClient } from '../../../src/worker/lint-client';

const text = '# Inbox PRD\n\n## Goals\n\n- Launch the inbox by Q3.\n\n## Success Metrics\n\n| Metric | Target |\n| --- | --- |\n| Total sign-ups | 10k |\n';

async function workerBundle(): Promise<string> {
  const out = resolve('out/test/lint-worker.js');
  await build({ entryPoints: ['src/worker/lint-worker.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  return out;
}

test('the worker returns the same findings as an in-process lint', async () => {
  const client = new LintClient(await workerBundle());
  try {
    const reply = await client.lint(text, { kind: 'prd' });
    const local = lint(text, { kind: 'prd' });
    assert.equal(reply.kind, 'prd');
    assert.deepEqual(reply.findings, lint(text, { kind: 'prd', disableFixes: false }).findings);
    assert.ok(local.findings.every((f) => f.fixes.some((x) => x.kind === 'disable')), 'lint() itself still returns disable fixes');
    assert.ok(reply.findings.length > 0);
  } finally {
    client.dispose();
  }
});

test('a process waiting only on the worker does not exit before the reply', async () => {
  const bundle = await workerBundle();
  assert.ok(existsSync(bundle));
  const script = `
    const { LintClient } = require(${JSON.stringify(resolve('out/test/lint-client.js'))});
    new LintClient(${JSON.stringify(bundle)}).lint('# PRD\\n\\n## Goals\\n\\n- Ship it\\n', { kind: 'prd' }).then((r) => { console.log('reply', r.kind); process.exit(0); });
  `;
  await build({ entryPoints: ['src/worker/lint-client.ts'], outfile: resolve('out/test/lint-client.js'), bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60000 });
  assert.equal(run.stdout.trim(), 'reply prd', run.stderr);
});

test('without a worker path it lints in-process', async () => {
  const reply = await new LintClient(undefined).lint(text, { kind: 'prd' });
  assert.deepEqual(reply.findings, lint(text, { kind: 'prd', disableFixes: false }).findings);
});
