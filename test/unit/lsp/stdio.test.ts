// The language server as an editor meets it: `outcome-lens lsp --stdio` in a child
// process, vscode-jsonrpc as the client. Every diagnostic is checked against the
// CLI's json on the same text, and every fix against the CLI's --fix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-types';
import { syntheticPrd } from '../../../bench/lint';
import { findingDiagnostic } from '../../../src/editor/diagnostics';
import { lint } from '../../../src/engine';
import { CLI, cliFindings, seenInDiagnostics, TestClient } from '../../support/lsp-client';

// Our own look-alike of a first-draft PRD: outputs as goals, vanity metrics, gaps in the table.
const PRD = `# PRD: Shared Playlists

## Problem

Listeners who build playlists together today trade links in group chats, and 38% of
collaborative sessions end before anyone adds a second song (survey, n = 410).

## Goals

- Launch shared playlists in the mobile app by the end of Q3.
- Make collaboration feel effortless.

## Success Metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Total playlist page views | 1.2M / month | 1.5M / month |
| Share of shared playlists with 3+ contributors | 9% | |
| Weekly listening minutes per collaborator | | 95 |
`;

let dir = '';
let client: TestClient;
const file = () => join(dir, 'shared-playlists-prd.md');
const uri = () => pathToFileURL(file()).href;

function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), [...edits]);
}

function editsOf(action: CodeAction, target: string): TextEdit[] {
  const edits = action.edit?.changes?.[target];
  assert.ok(edits, `${action.title} carries edits for the document`);
  return edits;
}

/** What the CLI reports for `text` saved as the document. */
function cliSays(text: string) {
  writeFileSync(file(), text);
  return cliFindings([file()]).get(file());
}

describe('outcome-lens lsp over stdio, with vscode-jsonrpc as the client', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outcome-lens-lsp-'));
    writeFileSync(file(), PRD);
    client = new TestClient(dir);
    const init = await client.start({ rootUri: pathToFileURL(dir).href });
    assert.equal(init.serverInfo.name, 'outcome-lens');
    assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.diagnosticProvider, 'answers textDocument/diagnostic');
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('open, an incremental change, then a pull: each time the diagnostics are what the CLI reports', async () => {
    const opened = client.nextDiagnostics(uri());
    await client.open(uri(), PRD);
    const first = await opened;
    assert.equal(first.version, 1);
    assert.ok(first.diagnostics.length >= 4, `a draft with gaps has findings (got ${first.diagnostics.length})`);
    assert.deepEqual(seenInDiagnostics(first.diagnostics), cliSays(PRD));
    const vanity = first.diagnostics.find((d) => d.code === 'vanity-metric')!;
    assert.equal(vanity.source, 'outcome-lens');
    assert.match(vanity.codeDescription!.href, /docs\/rules\/vanity-metric\.md$/);

    // Replace the vanity measure with a rate: one incremental edit on line 16.
    const line = PRD.split('\n').findIndex((l) => l.includes('Total playlist page views'));
    const edit = { range: { start: { line, character: 2 }, end: { line, character: 27 } }, text: 'Playlists that get a second song within 24 h' };
    const changed = applied(PRD, [{ range: edit.range, newText: edit.text }]);
    const next = client.nextDiagnostics(uri(), (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [edit] });
    const second = await next;
    assert.ok(!second.diagnostics.some((d) => d.code === 'vanity-metric'), 'the vanity finding is gone');
    assert.deepEqual(seenInDiagnostics(second.diagnostics), cliSays(changed));
    assert.deepEqual(await client.pull(uri()), second.diagnostics);
    writeFileSync(file(), PRD);
    // Back to the draft for the next tests.
    const back = client.nextDiagnostics(uri(), (p) => p.version === 3);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: PRD }] });
    await back;
  });

  test("typing in a longer page: after each keystroke, line break and deletion the published diagnostics are exactly a fresh lint's", async () => {
    // After a keystroke the server reuses the diagnostics (and their bytes) of findings that
    // did not move in lines and columns: what it publishes must still be what converting a
    // fresh lint gives, in order, ranges, messages and related places.
    const path = join(dir, 'typing-prd.md');
    const page = pathToFileURL(path).href;
    // The example brings a grouped finding (related places) to the end of the page.
    const document = TextDocument.create(page, 'markdown', 1, `${syntheticPrd(60_000)}\n${readFileSync('examples/checkout-redesign-prd.md', 'utf8')}`);
    const expected = () => lint(document.getText(), { fileName: path }).findings.map((f) => findingDiagnostic(f, page));
    const opened = client.nextDiagnostics(page);
    await client.open(page, document.getText());
    assert.deepEqual((await opened).diagnostics, expected());
    const lines = document.lineCount;
    const at = (line: number, character: number) => ({ line, character });
    const edits = [
      { range: { start: at(lines >> 1, 3), end: at(lines >> 1, 3) }, text: 'x' },
      { range: { start: at(lines >> 1, 4), end: at(lines >> 1, 4) }, text: 'y' },
      { range: { start: at(lines >> 2, 2), end: at(lines >> 2, 2) }, text: '\n' },
      { range: { start: at(lines >> 1, 3), end: at(lines >> 1, 5) }, text: '' },
      { range: { start: at(10, 0), end: at(10, 0) }, text: '| Total page views | 1k | 2k | Q3 |\n' },
      { range: { start: at(lines - 20, 1), end: at(lines - 20, 1) }, text: 'z' },
    ];
    let grouped = false;
    for (const [i, edit] of edits.entries()) {
      const version = i + 2;
      TextDocument.update(document, [edit], version);
      const next = client.nextDiagnostics(page, (p) => p.version === version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: page, version }, contentChanges: [edit] });
      const { diagnostics } = await next;
      assert.deepEqual(diagnostics, expected(), `after edit ${i + 1}`);
      grouped ||= diagnostics.some((d) => d.relatedInformation);
    }
    assert.ok(grouped, 'some diagnostic lists related places');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: page } });
  });

  test("a finding's quick fixes and disable comments; applying the preferred fix removes the finding", async () => {
    const diagnostics = await client.pull(uri());
    const gap = diagnostics.find((d) => d.code === 'metric-missing-timeframe')!;
    assert.ok(gap, 'the table has no timeframe column');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range: gap.range, context: { diagnostics: [gap] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.equal(titles.filter((t) => /^Disable metric-missing-timeframe/.test(t)).length, 2, `a disable comment here and one for the file, among ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /^Disable .* for this file$/.test(t)));
    assert.ok(actions.every((a) => a.kind === 'quickfix' || a.kind === 'source.fixAll.outcomeLens'));
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, `a preferred fix among ${titles.join(' | ')}`);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['metric-missing-timeframe']);
    const fixed = applied(PRD, editsOf(fix, uri()));
    assert.notEqual(fixed, PRD);
    const after = cliSays(fixed)!;
    assert.ok(!after.some((f) => f.ruleId === 'metric-missing-timeframe'), 'no missing-timeframe finding is left');
    writeFileSync(file(), PRD);
  });

  test("Fix All (source.fixAll) makes exactly the text the CLI's --fix writes", async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const copy = join(dir, 'copy-prd.md');
    copyFileSync(file(), copy);
    spawnSync(process.execPath, [CLI, 'lint', '--fix', copy], { cwd: dir });
    const viaCli = readFileSync(copy, 'utf8');
    rmSync(copy);
    // Fix All is offered exactly when --fix changes something; today every built-in change that
    // writes a placeholder is a suggestion, so both leave this PRD as it is.
    assert.deepEqual(actions.map((a) => a.kind), viaCli === PRD ? [] : ['source.fixAll.outcomeLens']);
    const viaServer = actions[0] ? applied(PRD, editsOf(actions[0], uri())) : PRD;
    assert.equal(viaServer, viaCli);
  });

  test('the kind decision: the outcomeLens/documentKind request and a hover on the title', async () => {
    const kind = (await client.connection.sendRequest('outcomeLens/documentKind', { textDocument: { uri: uri() } })) as { kind: string; reason: string };
    assert.equal(kind.kind, 'prd');
    assert.ok(kind.reason.length > 0);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 0, character: 4 } })) as Hover;
    assert.match(JSON.stringify(hover.contents), /a PRD/);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 5, character: 1 } }), null);
  });

  test('a config file: its rules apply, its mistakes are diagnostics on it, and didChangeWatchedFiles re-reads it', async () => {
    const config = join(dir, '.outcome-lens.json');
    const configUri = pathToFileURL(config).href;
    writeFileSync(config, JSON.stringify({ rules: { 'vanity-metric': 'off', 'metric-missing-baseline': 'loud' } }, null, 2));
    const relinted = client.nextDiagnostics(uri(), (p) => !p.diagnostics.some((d) => d.code === 'vanity-metric'));
    const problems = client.nextDiagnostics(configUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const [without, onConfig] = await Promise.all([relinted, problems]);
    assert.deepEqual(seenInDiagnostics(without.diagnostics), cliSays(PRD));
    assert.equal(onConfig.diagnostics.length, 1);
    const problem = onConfig.diagnostics[0] as Diagnostic;
    assert.equal(problem.severity, 1);
    assert.match(problem.message, /metric-missing-baseline/);
    assert.equal(problem.range.start.line, 3, 'on the line of the bad value');

    rmSync(config);
    const cleared = client.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const restored = client.nextDiagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'vanity-metric'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    await Promise.all([cleared, restored]);
  });

  test('shutdown is answered, and exit ends the process with code 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('a client that cannot watch files (Neovim 0.7)', () => {
  test('a config file changed on disk applies from the next save of a document', async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'outcome-lens-lsp-save-'));
    const plain = new TestClient(folder);
    t.after(() => {
      plain.kill();
      rmSync(folder, { recursive: true, force: true });
    });
    const path = join(folder, 'shared-playlists-prd.md');
    const docUri = pathToFileURL(path).href;
    writeFileSync(path, PRD);
    await plain.start({ rootUri: pathToFileURL(folder).href, capabilities: {} });
    const opened = plain.nextDiagnostics(docUri);
    await plain.open(docUri, PRD);
    assert.ok((await opened).diagnostics.some((d) => d.code === 'vanity-metric'));
    writeFileSync(join(folder, '.outcome-lens.jsonc'), '{ // quiet, please\n  "rules": { "vanity-metric": "off" } }\n');
    const relinted = plain.nextDiagnostics(docUri);
    await plain.connection.sendNotification('textDocument/didSave', { textDocument: { uri: docUri } });
    assert.ok(!(await relinted).diagnostics.some((d) => d.code === 'vanity-metric'));
  });
});

describe('the CLI without the server', () => {
  test('dist/cli.js carries none of the server (lint and --version never load it); dist/lsp.js does', () => {
    const marker = 'textDocument/publishDiagnostics';
    assert.ok(!readFileSync(CLI, 'utf8').includes(marker), 'cli.js has no protocol code');
    assert.ok(readFileSync(join(CLI, '../lsp.js'), 'utf8').includes(marker), 'lsp.js has it');
    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
  });
});
