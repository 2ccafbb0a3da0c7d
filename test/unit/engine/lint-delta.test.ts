// A re-lint through the worker comes back as a delta against the findings sent last
// for the document. Whatever the edit (a character, a line break, a deleted line, a
// change that adds or removes findings, an edit at either end), the client rebuilds
// exactly the findings a fresh lint of the new text gives, and most of them come from
// the base rather than across the thread.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { Linter, type LintOptions } from '../../../src/engine';
import { LintClient } from '../../../src/worker/lint-client';
import { syntheticPrd } from '../../../bench/lint';

type Edit = (lines: string[]) => void;
const middle = (lines: string[]) => Math.floor(lines.length / 2);
const lineWith = (lines: string[], needle: string, from: number) => lines.findIndex((line, i) => i >= from && line.includes(needle));

const EDITS: Array<[string, Edit]> = [
  ['a character inside a prose line', (l) => void (l[middle(l)] = `${l[middle(l)]!.slice(0, 3)}x${l[middle(l)]!.slice(3)}`)],
  ['a line break inside a line', (l) => void l.splice(middle(l), 1, l[middle(l)]!.slice(0, 4), l[middle(l)]!.slice(4))],
  ['a deleted line', (l) => void l.splice(middle(l) + 7, 1)],
  ['a vague goal made measurable', (l) => {
    const goal = lineWith(l, 'Improve the onboarding experience.', middle(l));
    l[goal] = '- Raise the share of new teams who finish onboarding in their first week from 20% to 35% by Q3.';
  }],
  ['a vanity row removed', (l) => void l.splice(lineWith(l, 'Total sign-ups', middle(l)), 1)],
  ['a character at the very start', (l) => void (l[0] = `${l[0]}x`)],
  ['lines added at the end', (l) => void l.push('', '## Goals', '', '- Grow page views.', '')],
  ['a block of lines pasted in the middle', (l) => void l.splice(middle(l), 0, '', '### Success Metrics', '', '- Daily active users up.', '')],
  ['the same text again', () => undefined],
];

let bundled: Promise<string> | undefined;
/** The worker bundled from source, once for this file. */
function workerBundle(): Promise<string> {
  const out = resolve('out/test/lint-worker-delta.js');
  bundled ??= build({ entryPoints: ['src/worker/lint-worker.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' }).then(() => out);
  return bundled;
}

test('a storm of edits: each delta rebuilds the findings of a fresh lint, and most findings are reused', async () => {
  const client = new LintClient(await workerBundle());
  const options: LintOptions = { fileName: '/tmp/storm-delta.md', kind: 'prd' };
  try {
    const lines = syntheticPrd(100_000).split('\n');
    let total = 0;
    // What is found, leaving places aside: the edits that should change it must.
    const said = (findings: readonly { ruleId: string; message: string }[]) => findings.map((f) => `${f.ruleId}: ${f.message}`).sort().join('\n');
    const changed: string[] = [];
    let before = said((await client.lint(lines.join('\n'), options)).findings);
    for (const [name, edit] of EDITS) {
      edit(lines);
      const text = lines.join('\n');
      const reply = await client.lint(text, options);
      const fresh = new Linter().lint(text, { ...options, disableFixes: false }).findings;
      assert.deepEqual(reply.findings, fresh, name);
      if (said(fresh) !== before) changed.push(name);
      before = said(fresh);
      total += fresh.length;
    }
    // The edits that should change what is found did.
    assert.ok(changed.includes(EDITS[3]![0]) && changed.includes(EDITS[4]![0]), `edits that changed what was found: ${changed.join('; ')}`);
    assert.equal(client.reuse.replies, EDITS.length, 'every re-lint came as a delta');
    assert.ok(client.reuse.findings > 0.9 * total, `${client.reuse.findings} of ${total} findings taken from the base`);
  } finally {
    client.dispose();
  }
});

test('two documents linted in turn each get deltas against their own findings', async () => {
  const client = new LintClient(await workerBundle());
  try {
    const texts = [syntheticPrd(30_000), syntheticPrd(40_000)];
    for (let round = 0; round < 3; round++) {
      for (const [i, text] of texts.entries()) {
        texts[i] = `${text}\nMore notes, round ${round}.\n`;
        const options = { fileName: `/tmp/doc-${i}.md`, kind: 'prd' as const };
        assert.deepEqual((await client.lint(texts[i]!, options)).findings, new Linter().lint(texts[i]!, { ...options, disableFixes: false }).findings);
      }
    }
    assert.equal(client.reuse.replies, 4, 'the second and third rounds of both documents came as deltas');
  } finally {
    client.dispose();
  }
});
