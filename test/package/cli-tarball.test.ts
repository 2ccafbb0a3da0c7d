// The CLI as a package: `npm pack` of the project (its prepack makes the production
// build), installed into an empty folder with production dependencies only, then run
// the way users and CI run it: `npx outcome-lens lint`, SARIF for code scanning, and the
// pre-commit hook's entry from .pre-commit-hooks.yaml. Needs the npm registry.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { parse } from 'yaml';
import { sarifSchemaErrors } from '../support/sarif-validator';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };

const PRD = `# PRD: Team Inbox

## Goals

- Launch the shared inbox by the end of Q2.

## Success Metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Total sign-ups | 12,000 / month | 15,000 / month |
`;

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw result.error;
  return result;
}

function ok(result: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(result.status, 0, `${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

describe('the CLI installed from `npm pack`', () => {
  let dir = '';
  let app = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'outcome-lens-pack-'));
    app = join(dir, 'app');
    mkdirSync(app);
    ok(sh('npm', ['pack', '--pack-destination', dir], ROOT), 'npm pack');
    const tarball = join(dir, `outcome-lens-${manifest.version}.tgz`);
    assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
    ok(sh('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], app), 'npm install of the tarball');
    writeFileSync(join(app, 'team-inbox-prd.md'), PRD);
    writeFileSync(join(app, 'README.md'), '# Notes\n\nNothing to see.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('installs with production dependencies only, and ships the CLI bundle, not the sources', () => {
    const installed = join(app, 'node_modules/outcome-lens');
    assert.ok(existsSync(join(installed, 'dist/cli.js')));
    for (const present of ['dist/lsp.js', 'dist/lint-worker.js']) assert.ok(existsSync(join(installed, present)), `${present} is in the package`);
    for (const absent of ['src', 'test', 'dist/extension.js', 'dist/cli.js.map']) assert.ok(!existsSync(join(installed, absent)), `${absent} is not in the package`);
  });

  test('brings no package but itself: the bundle holds everything it runs', () => {
    // Every package folder, scoped ones by their scope, as npm laid them out.
    const modules = join(app, 'node_modules');
    const installed = readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
    assert.deepEqual(installed, ['outcome-lens']);
    assert.equal(manifest.dependencies, undefined, 'package.json declares no runtime dependencies');
  });

  test('`npx outcome-lens lint` reports the findings and exits 0 on warnings alone', () => {
    const result = sh('npx', ['--no-install', 'outcome-lens', 'lint', 'team-inbox-prd.md'], app);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /vanity-metric/);
    assert.match(result.stdout, /output-as-outcome/);
    assert.match(sh('npx', ['--no-install', 'outcome-lens', '--version'], app).stdout.trim(), new RegExp(manifest.version.replaceAll('.', '\\.')));
  });

  test('`--format sarif` output is valid against the official SARIF 2.1.0 schema', () => {
    const result = sh('npx', ['--no-install', 'outcome-lens', 'lint', '--format', 'sarif', 'team-inbox-prd.md', 'README.md'], app);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.ok(log.runs[0]!.results.some((r) => r.ruleId === 'vanity-metric'));
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  test("the pre-commit hook's entry fails on a PRD with warnings and passes other Markdown", () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; args?: string[] }>;
    const hook = hooks.find((h) => h.id === 'outcome-lens');
    assert.ok(hook, 'the hook is defined');
    assert.equal(hook.language, 'node');
    // pre-commit runs the entry with the package's bin folder on PATH and appends the files.
    const [command, ...entryArgs] = hook.entry.split(' ');
    const env = { ...process.env, PATH: `${join(app, 'node_modules/.bin')}${delimiter}${process.env.PATH}` };
    const hookRun = (files: string[]) => sh(command!, [...entryArgs, ...(hook.args ?? []), ...files], app, env);
    const failing = hookRun(['team-inbox-prd.md', 'README.md']);
    assert.equal(failing.status, 1, failing.stdout);
    assert.match(failing.stderr, /more than --max-warnings 0/);
    assert.equal(hookRun(['README.md']).status, 0);
  });

  test('`npx outcome-lens lsp --stdio` answers initialize and lints, with no dev dependency installed', async () => {
    const server = spawn('npx', ['--no-install', 'outcome-lens', 'lsp', '--stdio'], { cwd: app, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.listen();
    try {
      const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string; version: string } };
      assert.deepEqual(init.serverInfo, { name: 'outcome-lens', version: manifest.version });
      await connection.sendNotification('initialized', {});
      const uri = `file://${join(app, 'team-inbox-prd.md')}`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: PRD } });
      const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string }> };
      assert.ok(report.items.some((d) => d.code === 'vanity-metric'));
      await connection.sendRequest('shutdown');
      const exited = new Promise((done) => server.on('exit', done));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
