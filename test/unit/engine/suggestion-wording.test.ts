// Issue 15 item 1: the wording of the rewrites a person accepts in the light bulb.
// The output rewrite never says "by" twice; the vanity rewrite never leaves a figure
// that counted the old measure. Both are suggestions: Fix All leaves them alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes, fixAll, lint, type Finding } from '../../../src/engine';

const PRD = `# PRD: Shared Inbox

## Goals

- Roll out the shared inbox by the end of Q1.
- Roll out the reply templates.

## Success Metrics

| Metric | Baseline | Target | Timeframe |
| --- | --- | --- | --- |
| Total sign-ups | 31,500 / month | 42,000 / month | Q3 2026 |

- Grow total sign-ups from 9,100 to 11,700 by Q3
`;

const lineOf = (text: string, line: number) => text.split('\n')[line - 1]!;
/** The document after the finding's suggestion, as a person accepting it would get it. */
const accepted = (finding: Finding) => applyFixes(PRD, [finding], { all: true });
const findings = lint(PRD, { kind: 'prd' }).findings;
const on = (ruleId: string, line: number) => findings.find((f) => f.ruleId === ruleId && f.start.line === line)!;

describe('suggested rewrites', () => {
  test('the outcome clause says "by" once when the goal already has its date', () => {
    const dated = on('output-as-outcome', 5);
    assert.equal(dated.fixes[0]!.kind, 'suggestion');
    const line = lineOf(accepted(dated), 5);
    assert.equal(line.match(/\bby\b/g)?.length, 1, line);
    assert.match(line, /^- Roll out the shared inbox by the end of Q1 so that \[who\] \[do what differently\], from \[today\] to \[target\]\.$/);
    // Without a date the clause asks for one.
    assert.match(lineOf(accepted(on('output-as-outcome', 6)), 6), /to \[target\] by \[when\]\.$/);
  });

  test('tying a vanity count to an action turns the figures it had into placeholders', () => {
    const row = on('vanity-metric', 12);
    const fix = row.fixes[0]!;
    assert.equal(fix.kind, 'suggestion');
    assert.match(fix.title, /31,500, 42,000/, 'the title names the figures it takes out');
    assert.equal(lineOf(accepted(row), 12), '| Total sign-ups who [do what the product is for] within [N] days | [baseline] / month | [target] / month | Q3 2026 |');
    assert.equal(
      lineOf(accepted(on('vanity-metric', 14)), 14),
      '- Grow total sign-ups who [do what the product is for] within [N] days from [baseline] to [target] by Q3',
    );
  });

  test('no rewrite is offered where a figure would be left that no longer fits', () => {
    const text = '# PRD: Inbox\n\n## Success Metrics\n\n- Newsletter subscribers reach 5,000 (of them 2,000 paying)\n';
    const vanity = lint(text, { kind: 'prd' }).findings.find((f) => f.ruleId === 'vanity-metric');
    assert.ok(vanity, 'a vanity finding');
    assert.deepEqual(vanity.fixes.filter((f) => f.kind !== 'disable'), []);
  });

  test('Fix All applies none of them', () => {
    assert.deepEqual(fixAll(PRD, findings).edits, []);
  });
});
