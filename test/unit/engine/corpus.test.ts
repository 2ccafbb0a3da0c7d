// Smoke test over real product documents written by others (../shared/corpus),
// when they are there: no exception, every finding inside its document. The
// time is reported, not asserted (speed targets live in `npm run bench`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../../src/engine';

const CORPUS = '../shared/corpus';

test('the corpus lints without exceptions, with every finding inside its document', { skip: !existsSync(CORPUS) && 'no ../shared/corpus here' }, (t) => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  assert.ok(files.length > 0);
  const started = performance.now();
  const byRule = new Map<string, number>();
  for (const file of files) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const result = lint(text, { fileName: file });
    for (const f of result.findings) {
      assert.ok(f.start.offset >= 0 && f.end.offset <= text.length && f.start.offset <= f.end.offset, `${file}: ${f.ruleId} outside the text`);
      assert.ok(!f.message.includes('could not finish rule'), `${file}: ${f.message}`);
      byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    }
    t.diagnostic(`${file}: ${result.kind} (${result.kindReason}), ${result.findings.length} findings`);
  }
  t.diagnostic(`${files.length} documents in ${(performance.now() - started).toFixed(0)} ms; findings by rule: ${JSON.stringify(Object.fromEntries(byRule))}`);
});
