import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, lint } from '../../../src/engine';

const doc = (metrics: string) => `# Inbox PRD\n\n## Success Metrics\n\n${metrics}\n`;
const vanity = (text: string) => lint(text, { kind: 'prd' }).findings.filter((f) => f.ruleId === 'vanity-metric');

describe('inline control comments', () => {
  test('disable-next-line silences only the next line', () => {
    const text = doc('<!-- outcome-lens-disable-next-line vanity-metric -->\n- Page views: from 1k to 2k by Q3\n- Downloads: from 1k to 2k by Q3');
    assert.deepEqual(vanity(text).map((f) => f.start.line), [7]);
  });

  test('disable ... enable silences a region, for the named rule only', () => {
    const text = doc(
      '<!-- outcome-lens-disable vanity-metric -- tracked on purpose -->\n- Page views: from 1k to 2k by Q3\n<!-- outcome-lens-enable vanity-metric -->\n\n- Downloads: from 1k to 2k by Q3',
    );
    assert.deepEqual(vanity(text).map((f) => f.start.line), [9]);
    const other = doc('<!-- outcome-lens-disable placeholder-left -->\n- Page views: from 1k to 2k by Q3');
    assert.equal(vanity(other).length, 1);
  });

  test('disable-file and a bare disable silence everything after them', () => {
    assert.equal(vanity(doc('- Page views: from 1k to 2k by Q3') + '<!-- outcome-lens-disable-file vanity-metric -->\n').length, 0);
    assert.equal(vanity(doc('<!-- outcome-lens-disable -->\n- Page views: from 1k to 2k by Q3')).length, 0);
  });

  test('comments inside code blocks do not count', () => {
    const text = doc('```md\n<!-- outcome-lens-disable-file -->\n```\n\n- Page views: from 1k to 2k by Q3');
    assert.equal(vanity(text).length, 1);
  });

  test('the disable fixes silence the finding they were made for, in lists and in tables', () => {
    for (const body of ['- Page views: from 1k to 2k by Q3', '| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Page views | 1k | 2k | Q3 |']) {
      for (const crlf of [false, true]) {
        const text = crlf ? doc(body).replace(/\n/g, '\r\n') : doc(body);
        const [finding] = vanity(text);
        assert.ok(finding);
        for (const title of [/this (line|table)/, /this file/]) {
          const fix = finding.fixes.find((f) => title.test(f.title));
          assert.ok(fix, `no fix matching ${title}`);
          const fixed = applyEdits(text, fix.edits);
          assert.equal(vanity(fixed).length, 0, `${fix.title} left the finding in:\n${fixed}`);
          if (crlf) assert.ok(!/[^\r]\n/.test(fixed), 'fix introduced a bare LF into a CRLF document');
        }
      }
    }
  });
});
