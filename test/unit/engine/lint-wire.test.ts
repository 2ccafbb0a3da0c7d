// Findings cross from the lint worker as JSON parts that the client decodes one per
// turn of the event loop: the same findings come out, and other work runs in between.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { lint } from '../../../src/engine';
import { LintClient } from '../../../src/worker/lint-client';
import { fromWire, toWire } from '../../../src/worker/wire';
import { syntheticPrd } from '../../../bench/lint';

// Several hundred findings: more than three parts.
const text = syntheticPrd(150_000);

test('a reply of many findings decodes to the same findings, with other work run between its parts', async () => {
  const { kind, kindReason, findings } = lint(text, { kind: 'prd', disableFixes: false });
  const reply = { id: 1, kind, kindReason, findings };
  const wire = toWire(reply);
  assert.ok(wire.findings.length >= 3, `${wire.findings.length} parts`);
  let ranBetween = false;
  const decoding = fromWire(wire);
  setImmediate(() => {
    ranBetween = true;
  });
  const decoded = await decoding;
  assert.ok(ranBetween, 'a callback queued while decoding ran before the decode finished');
  assert.deepEqual(decoded.findings, reply.findings);
  assert.equal(decoded.kind, 'prd');
});

test('the worker sends the findings of a large document whole and in order', async () => {
  const out = resolve('out/test/lint-worker-wire.js');
  await build({ entryPoints: ['src/worker/lint-worker.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const client = new LintClient(out);
  try {
    const reply = await client.lint(text, { kind: 'prd' });
    const local = lint(text, { kind: 'prd', disableFixes: false }).findings;
    assert.ok(local.length > 512);
    assert.deepEqual(reply.findings, local);
  } finally {
    client.dispose();
  }
});
