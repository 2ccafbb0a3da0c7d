// Issue 15 item 1: fixes never make a document worse. On every product document we
// have (the corpus when ../shared is there, the templates and the examples), the
// editor's Fix All logic (the engine's fixAllPasses, linted again as the provider
// does) and `outcome-lens lint --fix` never raise the number of findings, and
// --fix reports exactly the number of findings it removed. Scaffolding with
// placeholders is a suggestion: offered, never applied unattended.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fixAllPasses, Linter, snippetOf, type Finding } from '../../../src/engine';
import { run } from './harness';

const FOLDERS = ['templates', 'examples', ...(existsSync('../shared/corpus') ? ['../shared/corpus'] : [])];
const documents = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ folder, name, path: resolve(folder, name) })),
);

/** The placeholder-bearing edits of the fixes Fix All may apply (there must be none). */
const scaffolding = (findings: readonly Finding[]) =>
  findings.flatMap((f) => f.fixes.filter((fix) => fix.kind === undefined && fix.edits.some((e) => snippetOf(e.text) !== undefined)).map((fix) => `${f.ruleId}: ${fix.title}`));

describe('fixes never make a document worse', () => {
  test(`Fix All (fixAllPasses, linted again) never raises the count, on ${documents.length} documents`, async (t) => {
    assert.ok(documents.length >= 19, 'the templates and examples are there');
    const linter = new Linter();
    let suggestions = 0;
    for (const doc of documents) {
      const text = readFileSync(doc.path, 'utf8');
      const options = { fileName: doc.path };
      const before = linter.lint(text, options).findings;
      assert.deepEqual(scaffolding(before), [], `${doc.name}: a fix that writes placeholders is a suggestion`);
      suggestions += before.flatMap((f) => f.fixes.filter((fix) => fix.kind === 'suggestion')).length;
      const fixed = await fixAllPasses(text, before, (again) => linter.lint(again, options).findings);
      const after = linter.lint(fixed.text, options).findings;
      assert.ok(after.length <= before.length, `${doc.folder}/${doc.name}: Fix All raised the findings from ${before.length} to ${after.length}`);
      assert.equal(fixed.findings.length, after.length, `${doc.name}: the findings Fix All reports are those of the fixed text`);
    }
    // The suggestions are still offered (in the light bulb), just not applied.
    assert.ok(suggestions > 0, 'the documents get suggestions');
    t.diagnostic(`${documents.length} documents, ${suggestions} suggestions offered`);
  });

  test('`lint --fix` never raises the count and reports exactly the findings it removed', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-fix-bar-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [i, folder] of FOLDERS.entries()) {
      mkdirSync(join(dir, String(i)));
      for (const doc of documents.filter((d) => d.folder === folder)) cpSync(doc.path, join(dir, String(i), doc.name));
    }
    const counts = async () => {
      const { stdout } = await run(['lint', '--format', 'json', '.'], { cwd: dir });
      return new Map((JSON.parse(stdout) as { filePath: string; messages: unknown[] }[]).map((r) => [r.filePath, r.messages.length]));
    };
    const before = await counts();
    const fix = await run(['lint', '--fix', '.'], { cwd: dir });
    const after = await counts();
    let removed = 0;
    for (const [path, count] of before) {
      const left = after.get(path)!;
      assert.ok(left <= count, `${path}: --fix raised the findings from ${count} to ${left}`);
      removed += count - left;
    }
    const said = /--fix removed (\d+) problems? in \d+ files?/.exec(fix.stdout);
    assert.equal(said ? Number(said[1]) : 0, removed, fix.stdout.split('\n').at(-2));
  });
});
