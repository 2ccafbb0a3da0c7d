// Random and pathological Markdown never throws, and each lint finishes within
// a generous bound; the time is printed so regressions are visible.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, type LintResult } from '../../../src/engine';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['# ', '## Goals\n', '## Success Metrics\n', '| Metric | Target |\n', '| --- | --- |\n', '| a | b |', '- ', '1. ', '> ', '```', '~~~', '\n', '\r\n', '\r', '\n\n', '<!-- outcome-lens-disable -->', '<!--', '-->', '[x]', '[', ']', '(', ')', '|', '*', '_', '`', '---', '===', 'TBD ', 'launch ', 'page views ', '\uFEFF', '\u0000', '\uD83D', '💰', 'é', '\t', '    ', 'text '];

function check(t: { diagnostic(message: string): void }, name: string, text: string, boundMs: number): LintResult {
  const started = performance.now();
  let result: LintResult | undefined;
  assert.doesNotThrow(() => {
    result = lint(text, { kind: 'prd' });
  }, name);
  const ms = performance.now() - started;
  t.diagnostic(`${name}: ${(text.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms, ${result!.findings.length} findings`);
  assert.ok(ms < boundMs, `${name} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  for (const f of result!.findings) assert.ok(f.start.offset >= 0 && f.end.offset <= text.length, `${name}: finding outside the text`);
  return result!;
}

describe('robustness', () => {
  test('random Markdown-ish input never throws', (t) => {
    const random = rng(42);
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = Math.floor(random() * 200);
      for (let j = 0; j < n; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      check({ diagnostic: () => undefined }, `random #${i}`, text, 2000);
    }
    t.diagnostic('300 random documents linted');
  });

  test('pathological shapes', (t) => {
    const row = '| Page views | | | |\n';
    check(t, 'huge table', `# PRD\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n${row.repeat(20000)}`, 20000);
    check(t, '5,000-deep blockquotes', `# PRD\n\n## Goals\n\n${'>'.repeat(5000)} launch it\n`, 20000);
    check(t, '5,000-deep lists', `# PRD\n\n## Goals\n\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- launch ${i}`).join('\n')}\n`, 20000);
    check(t, '5,000 headings deep and wide', Array.from({ length: 5000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Goals ${i}\n\nShip it.\n`).join('\n'), 20000);
    const section = '## Success Metrics\n\n| Metric | Target |\n| --- | --- |\n| Total sign-ups | 10k |\n\nSome prose about the launch and the plan. '.repeat(8) + '\n\n';
    let big = '# Big PRD\n\n';
    while (big.length < 5 * 1024 * 1024) big += section;
    check(t, '5 MB document', big, 60000);
    check(t, 'binary bytes', `# PRD\n\n${Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)).toString('latin1')}`, 20000);
    check(t, 'one 1 MB line', `# PRD\n\n## Goals\n\n${'launch '.repeat(150000)}`, 20000);
    check(t, 'unclosed fence', '# PRD\n\n```\n## Goals\n\n- launch it\n', 2000);
    check(t, 'lone surrogates', '# PRD\n\n## Goals\n\n- \uD800 launch \uDFFF it\n', 2000);
  });

  test('CRLF, BOM, CR-only and missing trailing newline give the same findings as LF', () => {
    const lf = '# PRD\n\n## Success Metrics\n\n| Metric | Target |\n| --- | --- |\n| Page views | 10k |\n\n- Downloads: from 1k to 2k by Q3';
    const key = (r: LintResult) => r.findings.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column}`).sort();
    const expected = key(lint(lf, { kind: 'prd' }));
    assert.ok(expected.length > 0);
    assert.deepEqual(key(lint(lf.replace(/\n/g, '\r\n'), { kind: 'prd' })), expected);
    assert.deepEqual(key(lint(`${lf}\n`, { kind: 'prd' })), expected);
    assert.deepEqual(key(lint(lf.replace(/\n/g, '\r'), { kind: 'prd' })), expected);
    const bom = key(lint(`\uFEFF${lf}`, { kind: 'prd' }));
    assert.equal(bom.length, expected.length);
  });
});
