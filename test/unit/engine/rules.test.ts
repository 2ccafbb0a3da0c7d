// Every rule: documented, has must-flag and must-not-flag fixtures, finds
// exactly what its fixtures expect, and its fixes clear what they claim to.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyFixes, lint, rules } from '../../../src/engine';
import { fixturesOf } from '../../support/fixtures';

const FIXTURES = 'test/fixtures/rules';

describe('rule catalogue', () => {
  test('rule ids are unique kebab-case words', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)+$/);
  });

  test('every fixture folder belongs to a rule', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    for (const dir of readdirSync(FIXTURES)) assert.ok(ids.has(dir), `fixtures for unknown rule ${dir}`);
  });
});

for (const rule of rules) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    test('has a documentation page with bad and good examples', () => {
      const page = join('docs/rules', `${id}.md`);
      assert.ok(existsSync(page), `${page} is missing`);
    });

    const dir = join(FIXTURES, id);
    test('has fixtures that flag and fixtures that must not', () => {
      assert.ok(existsSync(dir), `${dir} is missing`);
      const fixtures = fixturesOf(dir);
      assert.ok(fixtures.some((f) => f.expect.some((e) => e.ruleId === id)), 'no fixture expects a finding');
      assert.ok(fixtures.some((f) => !f.expect.some((e) => e.ruleId === id)), 'no fixture expects silence');
    });

    if (!existsSync(dir)) return;
    for (const fixture of fixturesOf(dir)) {
      test(`fixture ${fixture.path}`, () => {
        const result = lint(fixture.text, { fileName: fixture.path, config: fixture.config, kind: fixture.kind });
        const mine = result.findings.filter((f) => f.ruleId === id);
        const actual = mine.map((f) => `${f.start.line}:${f.start.column} ${f.ruleId}`);
        const expected = fixture.expect.filter((e) => e.ruleId === id);
        const matched = new Set<number>();
        for (const e of expected) {
          const at = actual.findIndex((a, i) => !matched.has(i) && (e.column === undefined ? a.startsWith(`${e.line}:`) : a === `${e.line}:${e.column} ${id}`));
          assert.ok(at >= 0, `expected ${e.line}:${e.column ?? '*'} ${id}; got ${JSON.stringify(actual)}`);
          matched.add(at);
          // A grouped finding lists exactly the places the fixture names; a single one lists none.
          const related = (mine[at]!.related ?? []).map((r) => `${r.start.line}:${r.start.column}`);
          assert.deepEqual(related, e.related ?? [], `places listed under ${actual[at]}`);
        }
        assert.equal(actual.length, expected.length, `unexpected findings: ${JSON.stringify(actual.filter((_, i) => !matched.has(i)))}`);
        for (const f of result.findings.filter((x) => x.ruleId === id)) {
          assert.ok(f.end.offset >= f.start.offset && f.end.offset <= fixture.text.length, 'finding outside the document');
          assert.ok(f.message.length > 20, 'message says what to do');
        }
      });

      test(`fixes in ${fixture.path} clear their findings`, () => {
        const first = lint(fixture.text, { fileName: fixture.path, config: fixture.config, kind: fixture.kind });
        const fixable = first.findings.filter((f) => f.ruleId === id && f.fixes.some((x) => x.isPreferred));
        for (const finding of fixable) {
          // Accepted as a person accepts a suggestion in the light bulb.
          const fixed = applyFixes(fixture.text, [finding], { all: true });
          assert.notEqual(fixed, fixture.text, 'fix changed nothing');
          const again = lint(fixed, { fileName: fixture.path, config: fixture.config, kind: fixture.kind });
          const before = first.findings.filter((f) => f.ruleId === id).length;
          const after = again.findings.filter((f) => f.ruleId === id).length;
          assert.ok(after < before, `fix "${finding.fixes[0]!.title}" did not clear ${id} (${before} -> ${after})`);
        }
      });
    }
  });
}
