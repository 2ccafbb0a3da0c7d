import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, mergeConfigs, parseConfigText, resolveConfig, validateConfig } from '../../../src/engine';
import { generate } from '../../../scripts/generate';
import { readSetting } from '../../../src/settings/schema';

describe('configuration', () => {
  test('a valid config resolves severities and options', () => {
    const { config, problems } = parseConfigText('{ "rules": { "vanity-metric": "error", "placeholder-left": "off" }, "vanityPhrases": ["stars"] }');
    assert.deepEqual(problems, []);
    const resolved = resolveConfig(config).config;
    assert.equal(resolved.rules['vanity-metric']!.severity, 'error');
    assert.equal(resolved.rules['placeholder-left']!.severity, 'off');
    assert.deepEqual(resolved.vanityPhrases, ['stars']);
  });

  test('comments and trailing commas are allowed (.jsonc)', () => {
    const { problems } = parseConfigText('{\n  // why\n  "kind": "prd",\n}');
    assert.deepEqual(problems, []);
  });

  test('a bad severity is reported at its key, and only that part falls back to defaults', () => {
    const text = '{\n  "rules": {\n    "vanity-metric": "loud",\n    "placeholder-left": "off"\n  }\n}';
    const { config, problems } = parseConfigText(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^rules\.vanity-metric: expected "off", "info", "warning", "error"/);
    assert.equal(text.slice(problems[0]!.span!.start, problems[0]!.span!.end), '"vanity-metric": "loud"');
    const resolved = resolveConfig(config).config;
    assert.equal(resolved.rules['vanity-metric']!.severity, 'warning');
    assert.equal(resolved.rules['placeholder-left']!.severity, 'off');
  });

  test('unknown keys, unknown rules, wrong types and bad rule options are named', () => {
    const { problems } = parseConfigText(
      '{ "rulez": {}, "rules": { "vanity-metrics": "off", "vanity-metric": { "options": { "allow": "stars" } } }, "vanityPhrases": "x", "kind": "memo" }',
    );
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /rulez: unknown setting/);
    assert.match(messages, /rules\.vanity-metrics: unknown rule \(did you mean "vanity-metric"\?\)/);
    assert.match(messages, /rules\.vanity-metric\.options\.allow: /);
    assert.match(messages, /vanityPhrases: /);
    assert.match(messages, /kind: /);
    for (const p of problems) assert.ok(p.span, `${p.message} has a location`);
  });

  test('syntax errors are reported with a location and linting still works with defaults', () => {
    const parsed = parseConfigText('{ "rules": { "placeholder-left": "off" ');
    assert.ok(parsed.problems.some((p) => /syntax error/.test(p.message) && p.span));
    const result = lint('# PRD\n\n## Success Metrics\n\n- Page views: from 1k to 2k by Q3\n', { kind: 'prd', config: resolveConfig(parsed.config).config });
    assert.ok(result.findings.length > 0);
  });

  test('a non-object config is rejected as a whole', () => {
    assert.match(validateConfig([1, 2]).problems[0]!.message, /must be a JSON object/);
    assert.match(parseConfigText('42').problems[0]!.message, /must be a JSON object/);
  });

  test('file config overrides settings; phrase lists add up', () => {
    const merged = mergeConfigs({ rules: { 'vanity-metric': 'error' }, vanityPhrases: ['a'] }, { rules: { 'vanity-metric': 'info' }, vanityPhrases: ['b'] });
    assert.deepEqual(merged.rules, { 'vanity-metric': 'info' });
    assert.deepEqual(merged.vanityPhrases, ['a', 'b']);
  });

  test('settings are validated with the same schemas, falling back to defaults', () => {
    assert.deepEqual(readSetting('debounceMs', 150), { value: 150 });
    const bad = readSetting('debounceMs', -3);
    assert.equal(bad.value, 300);
    assert.match(bad.problem!, /^outcomeLens\.debounceMs: /);
    assert.equal(readSetting('run', undefined).value, 'onType');
  });

  test('documents.exclude skips a file and documents.include lints one that looks like nothing', () => {
    const text = '# Notes\n\n## Success Metrics\n\n- Page views: from 1k to 2k by Q3\n';
    const exclude = resolveConfig({ documents: { exclude: ['drafts/**'] } }).config;
    assert.equal(lint(text, { relativePath: 'drafts/a.md', config: exclude }).kindReason, 'excluded by documents.exclude');
    const include = resolveConfig({ documents: { include: ['notes/*.md'] } }).config;
    assert.equal(lint(text, { fileName: 'a.md', relativePath: 'notes/a.md', config: include }).kind, 'prd');
    assert.equal(lint(text, { fileName: 'a.md', relativePath: 'other/a.md', config: include }).kind, 'none');
  });

  test('generated JSON schema and package.json settings are up to date', () => {
    assert.deepEqual(generate(true), [], 'run `npm run generate`');
  });
});
