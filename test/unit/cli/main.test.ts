// The command dispatcher: help, version, the rules list, delegation to the
// personas command, and one-line usage errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { rules } from '../../../src/engine';
import { lines, run, workspace } from './harness';

describe('outcome-lens', () => {
  test('--version prints the version from package.json', async (t) => {
    const cwd = workspace(t);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await run([flag], { cwd });
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${version}\n`);
    }
  });

  test('--help lists the commands; lint --help lists its options', async (t) => {
    const cwd = workspace(t);
    const top = await run(['--help'], { cwd });
    assert.equal(top.code, 0);
    for (const command of ['lint', 'rules', 'personas']) assert.match(top.stdout, new RegExp(`^ {2}${command}\\b`, 'm'));
    const lint = await run(['lint', '-h'], { cwd });
    assert.equal(lint.code, 0);
    for (const option of ['--format', '--kind', '--config', '--max-warnings', '--quiet', '--no-color']) assert.ok(lint.stdout.includes(option), option);
  });

  test('rules lists every rule with its default severity and description', async (t) => {
    const cwd = workspace(t);
    const result = await run(['rules'], { cwd });
    assert.equal(result.code, 0);
    const out = lines(result.stdout);
    assert.equal(out.length, rules.length);
    rules.forEach((rule, i) => {
      const [id, severity] = out[i]!.split(/\s+/);
      assert.deepEqual([id, severity], [rule.meta.id, rule.meta.defaultSeverity]);
      assert.ok(out[i]!.endsWith(rule.meta.description));
    });
  });

  test('personas is delegated to the personas command', async (t) => {
    const cwd = workspace(t);
    const help = await run(['personas', '--help'], { cwd });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: outcome-lens personas/);
    const bad = await run(['personas', '--format', 'xml'], { cwd });
    assert.equal(bad.code, 2);
  });

  const usage: Array<[string, string[], string]> = [
    ['no command', [], 'outcome-lens: no command given; try outcome-lens lint docs/ (see --help)'],
    ['unknown command', ['check', 'docs'], 'outcome-lens: unknown command "check" (see --help)'],
    ['unknown top-level option', ['--verbose'], 'outcome-lens: unknown option --verbose (see --help)'],
    ['arguments to rules', ['rules', 'vanity-metric'], 'outcome-lens: rules takes no arguments, got "vanity-metric"'],
  ];
  for (const [name, argv, message] of usage) {
    test(`exit 2 with one line: ${name}`, async (t) => {
      const result = await run(argv, { cwd: workspace(t) });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `${message}\n`);
    });
  }
});
