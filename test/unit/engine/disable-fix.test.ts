// "Disable here" fixes built from the text and a finding's start (what the
// editor does for the cursor's line) are the fixes the lint attaches itself,
// on every line ending, with and without front matter, BOM or headings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, buildModel, disableFixesAt, lint } from '../../../src/engine';
import { disablers } from '../../../src/engine/text/disable-fix';

const ours = ['templates', 'examples'].flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(dir, n), 'utf8')));
const shapes = (text: string) => [
  text,
  text.replace(/\n/g, '\r\n'),
  text.replace(/\n/g, '\r'),
  `\uFEFF${text}`,
  `---\ntype: prd\n---\n${text}`,
  `+++\ntype = "prd"\n+++\n\n${text}`,
  // No heading: a document-level finding sits on the first line of content.
  text.replace(/^#{1,6} /gm, ''),
];
const edge = ['', '\n', '   \n  Our plan is to grow page views.', '| Metric | Target |\n| --- | --- |\n| Page views | 2k |', '---\nunclosed: front matter\n', 'A plan.\n\n| a |\n|---|\n'];
const texts = [...ours.flatMap(shapes), ...edge];

describe('disableFixesAt', () => {
  test('gives the fixes the lint attaches, for every finding', () => {
    let findings = 0;
    for (const text of texts) {
      for (const kind of ['prd', 'business-case'] as const) {
        for (const finding of lint(text, { kind }).findings) {
          findings++;
          assert.deepEqual(disableFixesAt(text, finding.ruleId, finding.start), finding.fixes.slice(-2), `${finding.ruleId} at ${finding.start.line}:${finding.start.column}`);
        }
      }
    }
    assert.ok(findings > 500, `only ${findings} findings compared`);
  });

  test('gives the lint\'s fixes for every line of every document, wherever on the line a finding starts', () => {
    for (const text of texts) {
      const model = buildModel(text);
      const fromModel = disablers(model);
      for (let line = 0; line < model.lineCount; line++) {
        const start = model.lineStart(line);
        const end = line + 1 < model.lineCount ? model.lineStart(line + 1) : text.length;
        for (const offset of new Set([start, Math.max(start, end - 1)])) {
          const at = model.position(offset);
          if (at.line !== line + 1) continue; // the line break itself
          assert.deepEqual(disableFixesAt(text, 'vanity-metric', at), [fromModel.line('vanity-metric', line), fromModel.file('vanity-metric')], `line ${line + 1} of ${JSON.stringify(text.slice(0, 40))}`);
        }
      }
    }
  });

  test('the table fix wraps the whole table, and applying a fix silences the finding', () => {
    const text = '# PRD: Inbox\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Total sign-ups | 10k | 20k | Q4 |\n| Page views | 1k | 2k | Q4 |\n\nMore text.\n';
    const finding = lint(text, { kind: 'prd' }).findings.find((f) => f.ruleId === 'vanity-metric')!;
    const [table, file] = disableFixesAt(text, finding.ruleId, finding.start);
    assert.equal(table!.title, 'Disable vanity-metric for this table');
    const wrapped = applyEdits(text, table!.edits);
    assert.match(wrapped, /## Success Metrics\n\n<!-- outcome-lens-disable vanity-metric -->\n\| Metric[^]*\| Page views \| 1k \| 2k \| Q4 \|\n<!-- outcome-lens-enable vanity-metric -->\n\nMore text/);
    for (const fix of [table!, file!]) assert.ok(!lint(applyEdits(text, fix.edits), { kind: 'prd' }).findings.some((f) => f.ruleId === 'vanity-metric'), fix.title);
  });
});
