// The three output formats, parsed back and checked: ESLint's JSON shape,
// SARIF 2.1.0 (against the hand-written schema plus the rules the schema
// cannot express), and the terminal format with and without colors.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, rules } from '../../../src/engine';
import { lines, run, workspace } from './harness';
import { sarifLog, type SarifLog } from './sarif-schema';

describe('format json', () => {
  test("has ESLint's result shape with absolute file paths and counts", async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'json', 'project/strict/growth-prd.md', 'project/checkout-prd.md'], { cwd });
    const parsed = JSON.parse(result.stdout) as Array<Record<string, unknown> & { messages: Array<Record<string, unknown>> }>;
    for (const message of parsed.flatMap((r) => r.messages)) assert.match(String(message.message), /^"Total sign-ups" is a vanity metric: /);
    const withoutText = parsed.map((r) => ({ ...r, messages: r.messages.map(({ message: _text, ...rest }) => rest) }));
    const finding = { ruleId: 'vanity-metric', line: 11, column: 3, endLine: 11, endColumn: 17 };
    assert.deepEqual(withoutText, [
      {
        filePath: join(cwd, 'project/strict/growth-prd.md'),
        messages: [{ ...finding, severity: 2 }],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
      {
        filePath: join(cwd, 'project/checkout-prd.md'),
        messages: [{ ...finding, severity: 1 }],
        errorCount: 0,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  test('info findings count as warnings (severity 1)', async (t) => {
    const cwd = workspace(t);
    // Every other rule off, so only vanity-metric's one finding is counted.
    const only = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === 'vanity-metric' ? 'info' : 'off']));
    writeFileSync(join(cwd, 'info.json'), JSON.stringify({ rules: only }));
    const result = await run(['lint', '--format', 'json', '--config', 'info.json', 'project/checkout-prd.md'], { cwd });
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ severity: number }>; warningCount: number; errorCount: number }>;
    assert.deepEqual(file!.messages.map((m) => m.severity), [1]);
    assert.equal(file!.warningCount, 1);
    assert.equal(file!.errorCount, 0);
  });
});

describe('format sarif', () => {
  async function sarif(cwd: string, ...paths: string[]): Promise<{ code: number; log: SarifLog }> {
    const result = await run(['lint', '--format', 'sarif', ...paths], { cwd });
    const parsed = sarifLog.safeParse(JSON.parse(result.stdout));
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2));
    return { code: result.code, log: parsed.data };
  }

  test('is a valid SARIF 2.1.0 log with rule metadata and help URIs', async (t) => {
    const cwd = workspace(t);
    const { code, log } = await sarif(cwd, 'project');
    assert.equal(code, 1);
    const [only] = log.runs;
    const driver = only!.tool.driver;
    assert.equal(driver.name, 'outcome-lens');
    assert.deepEqual(
      driver.rules!.map((r) => [r.id, r.helpUri, r.defaultConfiguration?.level, r.shortDescription?.text]),
      rules.map((r) => [r.meta.id, ruleDocsUrl(r.meta.id), r.meta.defaultSeverity === 'info' ? 'note' : r.meta.defaultSeverity, r.meta.description]),
    );
    for (const rule of driver.rules!) assert.match(rule.name!, /^[A-Z][A-Za-z]+$/);
  });

  test('results point at their rule, carry the configured level and a relative forward-slash URI', async (t) => {
    const cwd = workspace(t);
    const { log } = await sarif(cwd, 'project');
    const run0 = log.runs[0]!;
    const found = run0.results!.map((r) => {
      const physical = r.locations![0]!.physicalLocation;
      assert.equal(run0.tool.driver.rules![r.ruleIndex!]!.id, r.ruleId, 'ruleIndex must point at the rule with the same id');
      assert.equal(physical.artifactLocation.uriBaseId, '%SRCROOT%');
      return [physical.artifactLocation.uri, r.level, physical.region];
    });
    assert.deepEqual(found, [
      ['project/checkout-prd.md', 'warning', { startLine: 11, startColumn: 3, endLine: 11, endColumn: 17 }],
      ['project/strict/growth-prd.md', 'error', { startLine: 11, startColumn: 3, endLine: 11, endColumn: 17 }],
    ]);
    assert.equal(run0.originalUriBaseIds!['%SRCROOT%']!.uri, `${pathToFileURL(cwd).href}/`);
  });

  test('skipped files become notes; unreadable paths make the execution unsuccessful', async (t) => {
    const cwd = workspace(t);
    const { code, log } = await sarif(cwd, 'project/README.md', 'project/missing.md', 'project/clean-prd.md');
    assert.equal(code, 2);
    const invocation = log.runs[0]!.invocations![0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications!.map((n) => [n.level, n.locations![0]!.physicalLocation.artifactLocation.uri, n.message.text]),
      [
        ['note', 'project/README.md', 'skipped: not a product document (README.md is not a product document)'],
        ['error', 'project/missing.md', 'no such file or folder'],
      ],
    );
  });

  test('URIs are percent-encoded per segment', async (t) => {
    const cwd = workspace(t);
    mkdirSync(join(cwd, 'project/q3 plans'));
    writeFileSync(join(cwd, 'project/q3 plans/growth #2-prd.md'), '# Growth PRD\n\n## Goals\n\n- Grow total sign-ups\n');
    const { log } = await sarif(cwd, 'project/q3 plans');
    assert.deepEqual(
      log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation.artifactLocation.uri),
      ['project/q3%20plans/growth%20%232-prd.md'],
    );
  });
});

describe('format stylish', () => {
  test('groups findings per file with line:col, severity, message and rule id, then a summary', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', 'project'], { cwd });
    const out = lines(result.stdout);
    const header = out.indexOf('project/strict/growth-prd.md');
    assert.ok(header >= 0, result.stdout);
    assert.match(out[header + 1]!, /^ {2}11:3 {2}error {2}"Total sign-ups" is a vanity metric: .* {2}vanity-metric$/);
    assert.equal(out.at(-1), '✖ 2 problems (1 error, 1 warning); 3 files checked, 2 skipped');
    assert.ok(!result.stdout.includes('\x1b['), 'no colors when stdout is not a terminal');
  });

  test('says so when there is nothing to report', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', 'project/clean-prd.md'], { cwd });
    assert.equal(result.stdout, '✔ no problems; 1 file checked\n');
  });

  test('colors only on a terminal, and never with --no-color or NO_COLOR', async (t) => {
    const cwd = workspace(t);
    const args = ['lint', 'project/checkout-prd.md'];
    const colored = await run(args, { cwd, tty: true });
    assert.match(colored.stdout, /\x1b\[33mwarning\x1b\[39m/);
    assert.ok(!(await run([...args, '--no-color'], { cwd, tty: true })).stdout.includes('\x1b['));
    assert.ok(!(await run(args, { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout.includes('\x1b['));
    // Colors must not change what is printed, only how.
    assert.equal(colored.stdout.replace(/\x1b\[\d+m/g, ''), (await run(args, { cwd })).stdout);
  });

  test('columns line up within a file', async (t) => {
    const cwd = workspace(t);
    const rows = Array.from({ length: 12 }, (_, i) => `| Total sign-ups in region ${i} | 1 | 2 | Q3 |`).join('\n');
    writeFileSync(join(cwd, 'project/regions-prd.md'), `# Regions PRD\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n${rows}\n`);
    const out = lines((await run(['lint', 'project/regions-prd.md'], { cwd })).stdout).filter((l) => l.startsWith('  '));
    assert.equal(out.length, 12);
    const severityAt = out.map((l) => l.indexOf('warning'));
    assert.equal(new Set(severityAt).size, 1, out.join('\n'));
  });
});

describe('grouped findings', () => {
  // Three list metrics with a target but no baseline: one metric-missing-baseline finding for the three.
  const GROUPED = '# Label printer PRD\n\n## Success Metrics\n\n- Jams per 1,000 labels: under 2 by Q3\n- Pairing on first try: 90% by Q3\n- Reprints per 100 labels: under 1 by Q3\n';

  function write(cwd: string): string {
    writeFileSync(join(cwd, 'grouped.md'), GROUPED);
    return 'grouped.md';
  }

  test('json keeps every place under the finding', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'json', '--kind', 'prd', write(cwd)], { cwd });
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; related?: Array<{ line: number; column: number; message: string }> }> }>;
    const baseline = file!.messages.filter((m) => m.ruleId === 'metric-missing-baseline');
    assert.equal(baseline.length, 1);
    assert.deepEqual(baseline[0]!.related!.map((r) => [r.line, r.column]), [[5, 3], [6, 3], [7, 3]]);
    assert.match(baseline[0]!.related![1]!.message, /^"Pairing on first try: 90% by Q3" has no baseline\.$/);
  });

  test('sarif lists them as related locations', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--format', 'sarif', '--kind', 'prd', write(cwd)], { cwd });
    const parsed = sarifLog.safeParse(JSON.parse(result.stdout));
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2));
    const baseline = parsed.data.runs[0]!.results!.filter((r) => r.ruleId === 'metric-missing-baseline');
    assert.deepEqual(baseline[0]!.relatedLocations!.map((l) => l.physicalLocation.region?.startLine), [5, 6, 7]);
  });

  test('stylish prints each place on its own line under the finding', async (t) => {
    const cwd = workspace(t);
    const result = await run(['lint', '--kind', 'prd', '--no-color', write(cwd)], { cwd });
    const out = lines(result.stdout);
    const at = out.findIndex((l) => l.includes('metric-missing-baseline'));
    assert.match(out[at]!, /None of the 3 metrics in this list has a baseline/);
    assert.deepEqual(out.slice(at + 1, at + 4).map((l) => /^\s+(\d+:\d+) "/.exec(l)?.[1]), ['5:3', '6:3', '7:3']);
  });
});
