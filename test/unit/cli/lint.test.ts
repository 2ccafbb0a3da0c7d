// `outcome-lens lint` in-process: config discovery, documents.exclude, skipped
// files, exit codes and the options that change them. The fixture configs turn
// off every rule but vanity-metric, so findings do not depend on which other
// rules are finished.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { conversationToMarkdown, exportFileName } from '../../../src/chat/export';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import { parseConfigText, rules } from '../../../src/engine';
import { lines, run, workspace } from './harness';

interface EslintMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

async function lintJson(cwd: string, ...args: string[]): Promise<{ code: number; stderr: string; byFile: Map<string, EslintResult> }> {
  const result = await run(['lint', '--format', 'json', ...args], { cwd });
  const parsed = JSON.parse(result.stdout) as EslintResult[];
  const byFile = new Map(parsed.map((r) => [r.filePath.slice(cwd.length + 1).replace(/\\/g, '/'), r]));
  return { code: result.code, stderr: result.stderr, byFile };
}

describe('lint: fixtures', () => {
  test('every fixture config turns off all rules but vanity-metric (keeps findings deterministic)', () => {
    const configs = ['project/.outcome-lens.json', 'project/strict/.outcome-lens.jsonc', 'bad-config/.outcome-lens.json'];
    for (const path of configs) {
      const { config } = parseConfigText(readFileSync(join('test/fixtures/cli', path), 'utf8'));
      for (const rule of rules) {
        if (rule.meta.id === 'vanity-metric') continue;
        assert.equal(config.rules?.[rule.meta.id], 'off', `${path}: add "${rule.meta.id}": "off"`);
      }
    }
  });
});

describe('lint: configuration', () => {
  test('the nearest config wins, and documents.exclude is relative to its folder', async (t) => {
    const cwd = workspace(t);
    const { code, byFile } = await lintJson(cwd, 'project');
    assert.equal(code, 1, 'the strict folder makes vanity metrics errors');
    assert.deepEqual([...byFile.keys()].sort(), [
      'project/README.md',
      'project/checkout-prd.md',
      'project/clean-prd.md',
      'project/drafts/old-prd.md',
      'project/strict/growth-prd.md',
    ]);
    assert.deepEqual(
      byFile.get('project/checkout-prd.md')!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]),
      [['vanity-metric', 1, 11, 3, 11, 17]],
    );
    assert.deepEqual(byFile.get('project/strict/growth-prd.md')!.messages.map((m) => [m.ruleId, m.severity, m.line]), [['vanity-metric', 2, 11]]);
    assert.equal(byFile.get('project/strict/growth-prd.md')!.errorCount, 1);
    assert.deepEqual(byFile.get('project/drafts/old-prd.md')!.messages, [], 'drafts/** is excluded by project/.outcome-lens.json');
    assert.deepEqual(byFile.get('project/clean-prd.md')!.messages, []);
  });

  test('the same files linted from inside the project give the same answer', async (t) => {
    const cwd = join(workspace(t), 'project');
    const { byFile } = await lintJson(cwd, '.');
    assert.deepEqual(byFile.get('drafts/old-prd.md')!.messages, []);
    assert.equal(byFile.get('strict/growth-prd.md')!.errorCount, 1);
  });

  test('--config applies one file to every path, with globs relative to it', async (t) => {
    const cwd = workspace(t);
    const strict = await lintJson(cwd, '--config', 'project/strict/.outcome-lens.jsonc', 'project/checkout-prd.md', 'project/drafts');
    assert.equal(strict.code, 1);
    assert.equal(strict.byFile.get('project/checkout-prd.md')!.errorCount, 1);
    assert.equal(strict.byFile.get('project/drafts/old-prd.md')!.errorCount, 1, 'the strict config excludes nothing');
  });

  test('a config with bad parts: problems with line:column on stderr, linting goes on with defaults for them, exit 2', async (t) => {
    const cwd = workspace(t);
    const { code, stderr, byFile } = await lintJson(cwd, 'bad-config');
    assert.deepEqual(lines(stderr), [
      'bad-config/.outcome-lens.json:3:5: rules.vanity-metrik: unknown rule (did you mean "vanity-metric"?)',
      'bad-config/.outcome-lens.json:4:5: rules.vanity-metric: expected "off", "info", "warning", "error" or { "severity", "options" }',
      'bad-config/.outcome-lens.json:19:3: colour: unknown setting',
    ]);
    // A typo in the config fails CI (as in ESLint and markdownlint-cli2), though the files are still linted.
    assert.equal(code, 2);
    assert.deepEqual(byFile.get('bad-config/newsletter-prd.md')!.messages.map((m) => [m.ruleId, m.severity]), [['vanity-metric', 1]]);
  });

  test('a found config that is not a JSON object: reported, defaults apply, exit 2', async (t) => {
    const cwd = workspace(t);
    writeFileSync(join(cwd, 'bad-config/.outcome-lens.json'), '["vanity-metric"]\n');
    const { code, stderr, byFile } = await lintJson(cwd, 'bad-config/newsletter-prd.md');
    assert.deepEqual(lines(stderr), ['bad-config/.outcome-lens.json:1:1: configuration must be a JSON object']);
    assert.equal(code, 2);
    assert.ok(byFile.get('bad-config/newsletter-prd.md')!.messages.some((m) => m.ruleId === 'vanity-metric' && m.severity === 1));
  });

  test('each config file is read and reported once, however many files use it', async (t) => {
    const cwd = workspace(t);
    for (const name of ['a-prd.md', 'b-prd.md']) {
      writeFileSync(join(cwd, 'bad-config', name), readFileSync(join(cwd, 'bad-config/newsletter-prd.md')));
    }
    const { stderr, byFile } = await lintJson(cwd, 'bad-config');
    assert.equal(byFile.size, 3);
    assert.equal(lines(stderr).length, 3);
  });
});

describe('lint: skipped files', () => {
  test('a README in a folder is skipped with the reason, in stylish output', async (t) => {
    const cwd = workspace(t);
    const { code, stdout } = await run(['lint', 'project'], { cwd });
    assert.equal(code, 1);
    const out = lines(stdout);
    assert.ok(out.includes('project/README.md skipped: not a product document (README.md is not a product document)'), stdout);
    assert.ok(out.includes('project/drafts/old-prd.md skipped: excluded by documents.exclude'), stdout);
  });

  test('an exported persona chat beside its PRD is skipped, even under --kind prd, so --max-warnings 0 passes', async (t) => {
    const cwd = workspace(t);
    const at = new Date(Date.UTC(2026, 11, 7));
    const exported = conversationToMarkdown(
      [
        { role: 'user', id: 'q', text: 'Which metric is vanity?', personaIds: ['value-realization'], context: { document: true, selection: false, findings: true }, at: 1 },
        { role: 'assistant', id: 'a', replyTo: 'q', personaId: 'value-realization', status: 'complete', offlineCoach: true, text: '## Goals\n\n- Launch the inbox by Q3\n\n## Success Metrics\n\n- Total sign-ups: 12,000' },
      ],
      { personas: BUILTIN_PERSONAS, exportedAt: at, documentName: 'project/clean-prd.md' },
    );
    // The name an older version proposed, which starts with the document's kind, is skipped too.
    for (const name of [exportFileName('project/prd-clean.md', at), 'prd-clean-chat-2026-12-07.md']) writeFileSync(join(cwd, 'project', name), exported);
    for (const extra of [[], ['--kind', 'prd']]) {
      const { code, stdout } = await run(['lint', '--max-warnings', '0', ...extra, 'project/clean-prd.md', 'project/clean-chat-2026-12-07.md', 'project/prd-clean-chat-2026-12-07.md'], { cwd });
      assert.equal(code, 0, stdout);
      for (const name of ['clean-chat-2026-12-07.md', 'prd-clean-chat-2026-12-07.md']) {
        assert.ok(lines(stdout).includes(`project/${name} skipped: not a product document (front matter type: chat-export (an exported persona chat))`), stdout);
      }
    }
  });

  test('--kind prd lints a file that detection would skip', async (t) => {
    const cwd = workspace(t);
    const { code, byFile } = await lintJson(cwd, '--kind', 'prd', 'project/README.md');
    assert.equal(code, 0);
    assert.deepEqual(byFile.get('project/README.md')!.messages.map((m) => [m.ruleId, m.line, m.column]), [['vanity-metric', 7, 3]]);
  });

  test('a binary file (NUL bytes) is skipped with a note, not linted and not fatal', async (t) => {
    const cwd = workspace(t);
    writeFileSync(join(cwd, 'project/image-prd.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    const { code, stdout } = await run(['lint', 'project/image-prd.md', 'project/clean-prd.md'], { cwd });
    assert.equal(code, 0);
    assert.ok(lines(stdout).includes('project/image-prd.md skipped: binary file (contains NUL bytes; UTF-16 needs a byte-order mark)'), stdout);
  });

  test('a BOM and CRLF line breaks: positions are the ones an editor shows', async (t) => {
    const cwd = workspace(t);
    // No "prd" in the name: the title must be recognised through the BOM.
    const text = readFileSync(join(cwd, 'project/checkout-prd.md'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(cwd, 'project/checkout.md'), `\uFEFF${text}`);
    const { byFile } = await lintJson(cwd, 'project/checkout.md');
    assert.deepEqual(byFile.get('project/checkout.md')!.messages.map((m) => [m.line, m.column, m.endLine, m.endColumn]), [[11, 3, 11, 17]]);
  });
});

describe('lint: paths', () => {
  test('folders are searched recursively for Markdown, skipping node_modules and .git', async (t) => {
    const cwd = workspace(t);
    for (const dir of ['project/node_modules/pkg', 'project/.git/x']) {
      mkdirSync(join(cwd, dir), { recursive: true });
      writeFileSync(join(cwd, dir, 'vendor-prd.md'), readFileSync(join(cwd, 'project/strict/growth-prd.md')));
    }
    writeFileSync(join(cwd, 'project/strict/notes.markdown'), '# Referral notes PRD\n\n## Goals\n\nMore referrals.\n');
    const { byFile } = await lintJson(cwd, 'project');
    const files = [...byFile.keys()];
    assert.ok(files.includes('project/strict/notes.markdown'));
    assert.ok(!files.some((f) => f.includes('node_modules') || f.includes('.git/')), files.join(', '));
  });

  test('globs select files; a file named twice is linted once', async (t) => {
    const cwd = workspace(t);
    const { byFile } = await lintJson(cwd, 'project/**/*-prd.md', 'project/clean-prd.md');
    assert.deepEqual([...byFile.keys()], ['project/checkout-prd.md', 'project/clean-prd.md', 'project/drafts/old-prd.md', 'project/strict/growth-prd.md']);
    const top = await lintJson(cwd, 'project/*.md');
    assert.deepEqual([...top.byFile.keys()], ['project/README.md', 'project/checkout-prd.md', 'project/clean-prd.md']);
  });

  test('without paths the current folder is linted', async (t) => {
    const cwd = join(workspace(t), 'project');
    const { byFile } = await lintJson(cwd);
    assert.equal(byFile.size, 5);
  });
});

describe('lint: exit codes', () => {
  test('0 for a clean file, and for warnings without --max-warnings', async (t) => {
    const cwd = workspace(t);
    assert.equal((await run(['lint', 'project/clean-prd.md'], { cwd })).code, 0);
    assert.equal((await run(['lint', '--max-warnings', '0', 'project/clean-prd.md'], { cwd })).code, 0);
    assert.equal((await run(['lint', 'project/checkout-prd.md'], { cwd })).code, 0);
  });

  test('1 for errors', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', 'project/strict'], { cwd });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
  });

  test('--max-warnings: 1 only when the warnings exceed it', async (t) => {
    const cwd = workspace(t);
    const over = await run(['lint', '--max-warnings', '0', 'project/checkout-prd.md'], { cwd });
    assert.equal(over.code, 1);
    assert.deepEqual(lines(over.stderr), ['outcome-lens: 1 warning found, more than --max-warnings 0 allows']);
    assert.equal((await run(['lint', '--max-warnings', '1', 'project/checkout-prd.md'], { cwd })).code, 0);
  });

  test('--quiet hides warnings but --max-warnings still counts them', async (t) => {
    const cwd = workspace(t);
    const quiet = await run(['lint', '--quiet', 'project/checkout-prd.md', 'project/README.md'], { cwd });
    assert.equal(quiet.code, 0);
    assert.ok(!quiet.stdout.includes('vanity-metric') && !quiet.stdout.includes('skipped:'), quiet.stdout);
    assert.equal((await run(['lint', '--quiet', '--max-warnings', '0', 'project/checkout-prd.md'], { cwd })).code, 1);
    const errors = await run(['lint', '--quiet', 'project/strict'], { cwd });
    assert.match(errors.stdout, /11:3 {2}error {2}.*vanity-metric/);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['missing file', ['lint', 'project/nope.md'], /^outcome-lens: project\/nope\.md: no such file or folder$/],
    ['folder without Markdown', ['lint', 'project/no-markdown'], /^outcome-lens: project\/no-markdown: folder contains no Markdown files \(\*\.md, \*\.markdown\)$/],
    ['glob matching nothing', ['lint', 'project/**/*.rst'], /^outcome-lens: project\/\*\*\/\*\.rst: no files match this pattern$/],
    ['missing --config', ['lint', '--config', 'nope.json', 'project'], /^outcome-lens: nope\.json: cannot read config: no such file or folder$/],
    ['--config that is not JSON', ['lint', '--config', 'bad-config/broken.json', 'project'], /^outcome-lens: bad-config\/broken\.json: invalid config \(1:1: syntax error: InvalidSymbol\)$/],
    ['--config that is a folder', ['lint', '--config', 'project', 'project'], /^outcome-lens: project: cannot read config: is a folder, not a file$/],
    ['unknown option', ['lint', '--fixx', 'project'], /^outcome-lens: unknown option --fixx \(see --help\)$/],
    ['bad --format', ['lint', '--format', 'xml', 'project'], /^outcome-lens: --format: expected stylish, json or sarif, not "xml"$/],
    ['bad --kind', ['lint', '--kind=spec', 'project'], /^outcome-lens: --kind: expected auto, prd, business-case or okr, not "spec"$/],
    ['bad --max-warnings', ['lint', '--max-warnings', 'many', 'project'], /^outcome-lens: --max-warnings: expected a whole number of at least 0, not "many"$/],
    ['negative --max-warnings', ['lint', '--max-warnings=-1', 'project'], /^outcome-lens: --max-warnings: expected a whole number/],
    ['option without its value', ['lint', 'project', '--format'], /^outcome-lens: --format needs a value$/],
    ['an option where a value belongs', ['lint', '--format', '--quiet', 'project'], /^outcome-lens: --format needs a value$/],
    ['a value for a flag', ['lint', '--quiet=yes', 'project'], /^outcome-lens: --quiet takes no value$/],
    ['unknown short option', ['lint', '-x', 'project'], /^outcome-lens: unknown option -x \(see --help\)$/],
    ['-- ends the options', ['lint', 'project', '--', '--fix'], /^outcome-lens: --fix: no such file or folder$/],
  ];
  for (const [name, argv, message] of usage) {
    test(`2 with one line on stderr: ${name}`, async (t) => {
      const cwd = workspace(t);
      const result = await run(argv, { cwd });
      assert.equal(result.code, 2);
      assert.equal(lines(result.stderr).length, 1, result.stderr);
      assert.match(lines(result.stderr)[0]!, message);
    });
  }

  test('the config of the issue (an unknown rule id, a bad severity): both errors, then exit 2, in every format', async (t) => {
    const cwd = workspace(t);
    mkdirSync(join(cwd, 'typo'));
    writeFileSync(join(cwd, 'typo/.outcome-lens.json'), '{\n  "rules": {\n    "vanity-metrc": "warning",\n    "vanity-metric": "loud"\n  }\n}\n');
    writeFileSync(join(cwd, 'typo/clean-prd.md'), readFileSync(join(cwd, 'project/checkout-prd.md')));
    for (const format of ['stylish', 'json', 'sarif']) {
      const result = await run(['lint', '--format', format, 'typo'], { cwd });
      assert.deepEqual(lines(result.stderr), [
        'typo/.outcome-lens.json:3:5: rules.vanity-metrc: unknown rule (did you mean "vanity-metric"?)',
        'typo/.outcome-lens.json:4:5: rules.vanity-metric: expected "off", "info", "warning", "error" or { "severity", "options" }',
      ]);
      assert.equal(result.code, 2, format);
    }
    // The same file given with --config.
    const explicit = await run(['lint', '--config', 'typo/.outcome-lens.json', 'project/checkout-prd.md'], { cwd });
    assert.equal(lines(explicit.stderr).length, 2, explicit.stderr);
    assert.equal(explicit.code, 2);
  });

  test('a missing folder: only the error, no "no problems" before it, exit 2', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', 'missing-dir/'], { cwd });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.deepEqual(lines(result.stderr), ['outcome-lens: missing-dir/: no such file or folder']);
    // With files linted and nothing found, the summary does not claim a clean run either.
    const mixed = await run(['lint', 'missing-dir/', 'project/clean-prd.md'], { cwd });
    assert.equal(mixed.code, 2);
    assert.match(mixed.stdout, /^✖ no findings, but the run had errors \(above\); 1 file checked\n$/);
  });

  test('2 for a bad path even when other paths lint fine, and those are still reported', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'json', 'project/missing.md', 'project/strict'], { cwd });
    assert.equal(result.code, 2);
    const parsed = JSON.parse(result.stdout) as EslintResult[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0]!.errorCount, 1);
  });

  test('stdout stays parseable JSON when stderr has config problems', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'json', 'bad-config'], { cwd });
    assert.ok(result.stderr.length > 0);
    assert.equal((JSON.parse(result.stdout) as EslintResult[]).length, 1);
  });
});
