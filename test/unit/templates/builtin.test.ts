// The built-in catalogue as shipped: the sources, the generated snippets file,
// the bundled data and the docs page must agree, and none may drift.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BUILTIN_TEMPLATES } from '../../../src/templates/builtin.generated';
import { BUNDLE_FILE, DOCS_FILE, SNIPPETS_FILE, buildOutputs } from '../../../src/templates/outputs';
import { validateSnippet } from '../../../src/templates/snippet';
import { loadBuiltinSources } from './sources';

const { templates, errors } = buildOutputs(loadBuiltinSources());

describe('built-in template sources', () => {
  test('all parse, with examples for every placeholder', () => {
    assert.deepEqual(errors, []);
  });

  test('cover every document type the issue and the personas ask for', () => {
    const ids = new Set(templates.map((t) => t.id));
    for (const id of [
      'prd', 'prd-outline', 'business-case', 'feature-spec', 'user-story', 'success-metrics', 'metric-row', 'need',
      'outcome-review', 'value-realization-report', 'customer-health-scorecard', 'onboarding-playbook', 'launch-plan',
      'decision-record', 'retrospective',
    ]) {
      assert.ok(ids.has(id), `missing template ${id}`);
    }
  });

  test('every template with a Success metrics table offers leading, lagging and guardrail', () => {
    for (const template of templates.filter((t) => t.body.includes('| Metric | Type |'))) {
      assert.match(template.body, /\$\{\d+\|leading,lagging,guardrail\|\}/, template.id);
    }
  });
});

describe('generated files', () => {
  const snippets = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, { scope: string; prefix: string; description: string; body: string[] }>;
  const entries = Object.entries(snippets);

  test('the snippets file is VS Code snippet JSON: prefix, description and a body of lines per entry', () => {
    assert.equal(entries.length, templates.length);
    for (const [name, snippet] of entries) {
      assert.deepEqual(Object.keys(snippet).sort(), ['body', 'description', 'prefix', 'scope'], name);
      assert.equal(snippet.scope, 'markdown');
      assert.match(snippet.prefix, /^[a-z][a-z-]*$/, name);
      assert.ok(snippet.description.length > 20, name);
      assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string' && !line.includes('\n')), name);
    }
  });

  test('every prefix and every name is unique', () => {
    const prefixes = entries.map(([, s]) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    assert.equal(new Set(entries.map(([name]) => name.toLowerCase())).size, entries.length);
  });

  test('every snippet body expands without broken tab-stop syntax', () => {
    for (const [name, snippet] of entries) {
      assert.deepEqual(validateSnippet(snippet.body.join('\n')), [], name);
    }
  });

  test('the bundled data the picker reads is the sources, in catalogue order', () => {
    assert.deepEqual(
      BUILTIN_TEMPLATES,
      templates.map(({ order: _order, examples: _examples, ...info }) => info),
    );
    assert.deepEqual(BUILTIN_TEMPLATES.map((t) => t.id).slice(0, 3), ['prd', 'prd-outline', 'business-case']);
  });

  test('the docs page lists every template with its prefix', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    for (const template of templates) assert.ok(docs.includes(`| ${template.name} | \`${template.prefix}\` |`), template.id);
  });

  const generator = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-templates.ts', ...args], { encoding: 'utf8' });

  test('are up to date (generator in check mode)', () => {
    const run = generator('--check');
    assert.equal(run.status, 0, run.stderr);
  });

  describe('drift in a scratch copy', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'outcome-lens-templates-'));
    after(() => rmSync(scratch, { recursive: true, force: true }));

    test('check mode names every file that drifted and exits 1; a normal run repairs them', () => {
      for (const path of ['templates', SNIPPETS_FILE, DOCS_FILE, BUNDLE_FILE]) cpSync(path, join(scratch, path), { recursive: true });
      const source = join(scratch, 'templates', 'need.md');
      writeFileSync(source, readFileSync(source, 'utf8').replace('name: Need statement', 'name: Need statement (edited)'));

      const check = generator('--check', '--root', scratch);
      assert.equal(check.status, 1);
      assert.match(check.stderr, new RegExp(`${SNIPPETS_FILE}\\n\\s+${DOCS_FILE}\\n\\s+${BUNDLE_FILE}`));

      assert.equal(generator('--root', scratch).status, 0);
      assert.equal(generator('--check', '--root', scratch).status, 0);
      assert.match(readFileSync(join(scratch, SNIPPETS_FILE), 'utf8'), /"Outcome Lens: Need statement \(edited\)"/);
    });

    test('a broken source stops the generator with the file and the problem', () => {
      writeFileSync(join(scratch, 'templates', 'broken.md'), '---\nid: broken\n---\nBody\n');
      const run = generator('--check', '--root', scratch);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /^templates\/broken\.md: front matter "name": /m);
    });
  });
});
