// The bundled examples are what a new user runs first (`npm run examples`): each must stay
// judged exactly as it is, whatever the judgement learns. A change here is a change a user
// sees on day one, so it has to be made on purpose, in this list.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../../src/engine';

const EXPECTED: Record<string, string[]> = {
  'README.md': [],
  'team-inbox-prd.md': [],
  'analytics-platform-business-case.md': [
    'business-case-section-missing:1', 'business-case-section-missing:1', 'business-case-section-missing:1', 'business-case-section-missing:15',
    'no-guardrail-metric:33', 'no-leading-indicator:33', 'metric-missing-timeframe:38',
  ],
  'checkout-redesign-prd.md': [
    'problem-statement-missing:1', 'output-as-outcome:12', 'output-as-outcome:13', 'vague-goal:14', 'no-guardrail-metric:16', 'no-leading-indicator:16',
    'metric-missing-timeframe:18', 'vanity-metric:20', 'vanity-metric:21', 'placeholder-left:21', 'metric-missing-target:22', 'metric-missing-target:24', 'vanity-metric:24',
  ],
};

test('every example is listed here', () => {
  assert.deepEqual(readdirSync('examples').filter((f) => f.endsWith('.md')).sort(), Object.keys(EXPECTED).sort());
});

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`examples/${file} is judged as it always was`, () => {
    const path = join('examples', file);
    const findings = lint(readFileSync(path, 'utf8'), { fileName: path }).findings;
    assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.start.line}`), expected);
  });
}
