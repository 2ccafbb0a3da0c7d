import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runPersonasCommand } from '../../../src/cli/personas-command';

const FIXTURES = resolve('test/fixtures/personas');

async function run(argv: string[], cwd = FIXTURES) {
  let stdout = '';
  let stderr = '';
  const code = await runPersonasCommand(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('outcome-lens personas', () => {
  it('lists a workspace: built-ins, overrides, every format, warnings', async () => {
    const { code, stdout, stderr } = await run(['workspace']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(
      stdout,
      [
        '💰 Value Realization (value-realization)  built in',
        '🎯 Product Owner (product-owner)  workspace/.outcome-lens/personas/product-owner.md [outcome-lens]',
        '📊 Finance Partner (finance-partner)  workspace/.outcome-lens/personas/finance-partner.md [outcome-lens]',
        '    warning: repaired 6 double-encoded character sequence(s) (UTF-8 read as Windows-1252), e.g. "â€”" -> "—"; re-save the file with the intended characters to silence this',
        '🛡️ Security Reviewer (security-reviewer)  workspace/.claude/agents/security-reviewer.md [claude-agent]',
        '🚀 Launch Coach (launch-coach)  workspace/.github/agents/launch-coach.agent.md [vscode-agent]',
        '📏 Metrics Helper (metrics-helper)  workspace/.github/chatmodes/metrics-helper.chatmode.md [vscode-chatmode]',
        "info: workspace/.outcome-lens/personas/product-owner.md: replaces the built-in persona 'product-owner'",
        '6 personas, 1 warning, 0 files skipped',
        '',
      ].join('\n'),
    );
  });

  it('prints the same listing as JSON', async () => {
    const { code, stdout, stderr } = await run(['--format', 'json', 'workspace']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['personas', 'errors', 'info']);
    assert.deepEqual(
      report.personas.map((p: { id: string; emoji: string; source: string; format: string }) => [p.id, p.emoji, p.source, p.format]),
      [
        ['value-realization', '💰', 'builtin', 'outcome-lens'],
        ['product-owner', '🎯', 'workspace/.outcome-lens/personas/product-owner.md', 'outcome-lens'],
        ['finance-partner', '📊', 'workspace/.outcome-lens/personas/finance-partner.md', 'outcome-lens'],
        ['security-reviewer', '🛡️', 'workspace/.claude/agents/security-reviewer.md', 'claude-agent'],
        ['launch-coach', '🚀', 'workspace/.github/agents/launch-coach.agent.md', 'vscode-agent'],
        ['metrics-helper', '📏', 'workspace/.github/chatmodes/metrics-helper.chatmode.md', 'vscode-chatmode'],
      ],
    );
    const launchCoach = report.personas[4];
    assert.deepEqual(
      { tools: launchCoach.tools, model: launchCoach.model, problems: launchCoach.problems, instructions: launchCoach.instructions },
      { tools: ['search', 'fetch'], model: 'GPT-5', problems: [], instructions: undefined },
    );
    assert.equal(report.personas[2].problems.length, 1);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.info, [
      { path: 'workspace/.outcome-lens/personas/product-owner.md', message: "replaces the built-in persona 'product-owner'" },
    ]);
  });

  it('reports each malformed file with its problem, lists the good ones, and exits 1', async () => {
    const { code, stdout, stderr } = await run(['broken']);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        '💰 Value Realization (value-realization)  built in',
        '🧭 Product Owner (product-owner)  built in',
        '✅ Good Agent (good-agent)  broken/.claude/agents/good-agent.md [claude-agent]',
        '3 personas, 0 warnings, 6 files skipped',
        '',
      ].join('\n'),
    );
    assert.equal(
      stderr,
      [
        "error: broken/.outcome-lens/personas/unclosed.md:1: front matter starts with '---' but has no closing '---' line",
        'error: broken/.claude/agents/bad-yaml.md:4: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        'error: broken/.claude/agents/list-front-matter.md:2: front matter should be "key: value" lines, but it is a list',
        "error: broken/.claude/agents/other-agent.md: persona id 'good-agent' is already defined by broken/.claude/agents/good-agent.md; this file is skipped (give it a different 'name')",
        "error: broken/.github/agents/wrong-types.agent.md:3: front matter key 'tools' should be a list of names or one comma-separated line, but it is a set of keys",
        'error: broken/.github/chatmodes/empty.chatmode.md:4: has no instructions: the Markdown body after the front matter is empty',
        '',
      ].join('\n'),
    );
  });

  it('puts the errors in the JSON report too', async () => {
    const { code, stdout, stderr } = await run(['--format=json', 'broken']);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout);
    assert.equal(report.errors.length, 6);
    assert.deepEqual(report.errors[1], {
      path: 'broken/.claude/agents/bad-yaml.md',
      line: 4,
      message: 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    });
  });

  it('checks single persona files, such as the seeds as given', async () => {
    const { code, stdout } = await run(['seeds/value-realization.persona.md', 'seeds/product-owner.persona.md']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], '💰 Value Realization (value-realization)  seeds/value-realization.persona.md [outcome-lens]');
    assert.match(lines[1], /^ {4}warning: repaired 14 double-encoded character sequence\(s\)/);
    assert.equal(lines[2], 'Product Owner (product-owner)  seeds/product-owner.persona.md [outcome-lens]');
  });

  it('looks in the current folder by default and says when it finds nothing', async () => {
    const { code, stdout } = await run([], resolve(FIXTURES, 'seeds'));
    assert.equal(code, 0);
    assert.match(stdout, /^info: \.: no persona files found \(looked in \.outcome-lens\/personas\/\*\.md, /m);
    assert.match(stdout, /2 personas, 0 warnings, 0 files skipped\n$/);
  });

  it('shows paths outside the current folder in full', async () => {
    const { stdout } = await run([resolve(FIXTURES, 'workspace')], resolve(FIXTURES, 'seeds'));
    assert.ok(stdout.includes(`${resolve(FIXTURES, 'workspace', '.claude/agents/security-reviewer.md')} [claude-agent]`));
  });

  it('exits 2 with a one-line message for a missing path or a bad option', async () => {
    assert.deepEqual(await run(['workspace', 'no-such-folder']), {
      code: 2,
      stdout: '',
      stderr: 'outcome-lens personas: no such file or folder: no-such-folder\n',
    });
    assert.deepEqual(await run(['--format', 'yaml']), {
      code: 2,
      stdout: '',
      stderr: "outcome-lens personas: --format must be 'text' or 'json', not 'yaml' (see --help)\n",
    });
    assert.deepEqual(await run(['--format']), {
      code: 2,
      stdout: '',
      stderr: "outcome-lens personas: --format must be 'text' or 'json' (see --help)\n",
    });
    assert.deepEqual(await run(['--verbose']), {
      code: 2,
      stdout: '',
      stderr: "outcome-lens personas: unknown option '--verbose' (see --help)\n",
    });
  });

  it('prints usage for --help, and treats everything after -- as paths', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: outcome-lens personas \[--format text\|json\] \[PATH\.\.\.\]/);
    assert.deepEqual(await run(['--', '--help']), {
      code: 2,
      stdout: '',
      stderr: 'outcome-lens personas: no such file or folder: --help\n',
    });
  });
});
