// Configuration in a real extension host: the nearest .outcome-lens.json wins,
// config files are watched (saved or still being edited), broken ones are
// reported on the file itself while linting goes on, and the outcomeLens.rules
// setting changes severities. Every file and setting a test changes is undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { activatedApi, ours, until, workspaceUri } from './support';


let lints: OutcomeLensApi['lints'];

/** Under test/host/workspace/lint/config/: folders that exist before VS Code starts, so they are
 * watched from the start (a file written into a just-created folder can escape the watcher). */
function configFolder(...segments: string[]): vscode.Uri {
  return workspaceUri('lint', 'config', ...segments);
}

const vanity = (uri: vscode.Uri) => ours(uri).filter((d) => typeof d.code === 'object' && d.code.value === 'vanity-metric');
const severities = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map((d) => vscode.DiagnosticSeverity[d.severity]);


/** Opens one of the fixture PRDs (each with two vanity metrics) and waits for its lint. */
async function openPrd(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(configFolder(...segments));
  await until(lints.onDidLint, () => lints.resultFor(document) !== undefined, () => `the first lint of ${document.uri.path}`);
  return document;
}

/** Waits until the document's vanity findings have the given severities (none: the rule is off). */
function vanityBecomes(document: vscode.TextDocument, expected: string[]): Promise<unknown> {
  return until(
    lints.onDidLint,
    () => severities(vanity(document.uri)).join() === expected.join(),
    () => `vanity-metric findings [${expected.join(', ')}] in ${document.uri.path}, got [${severities(vanity(document.uri)).join(', ')}]`,
  );
}

/** Config files the running test wrote, deleted after it. */
const written = new Map<string, vscode.Uri>();

/** Writes `<folder>/.outcome-lens.json` and returns its URI. */
async function writeConfig(folder: string, text: string): Promise<vscode.Uri> {
  const uri = configFolder(folder, '.outcome-lens.json');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  written.set(uri.toString(), uri);
  return uri;
}

async function removeConfig(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { useTrash: false });
  written.delete(uri.toString());
}

const rulesSetting = (value: Record<string, string> | undefined) =>
  vscode.workspace.getConfiguration('outcomeLens').update('rules', value, vscode.ConfigurationTarget.Workspace);

suite('config', () => {
  suiteSetup(async () => {
    const api = await activatedApi();
    lints = api.lints;
  });

  teardown(async () => {
    for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await rulesSetting(undefined);
    for (const uri of [...written.values()]) await removeConfig(uri);
  });

  test('the nearest .outcome-lens.json wins, for the documents below it only; deleting it restores the defaults', async () => {
    const quiet = await openPrd('quiet', 'quiet-prd.md');
    assert.deepEqual(severities(vanity(quiet.uri)), ['Warning', 'Warning']);

    const config = await writeConfig('quiet', '{ "rules": { "vanity-metric": "off" } }\n');
    await vanityBecomes(quiet, []);
    assert.ok(ours(quiet.uri).length > 0, 'the other rules still run');
    // beside quiet/, the workspace root's empty config is the nearest
    const loud = await openPrd('loud-prd.md');
    assert.deepEqual(severities(vanity(loud.uri)), ['Warning', 'Warning']);

    await removeConfig(config);
    await vanityBecomes(quiet, ['Warning', 'Warning']);
  });

  test('a bad severity and an unknown key become diagnostics on the config file naming them; the valid rest applies', async () => {
    const config = await writeConfig(
      'broken',
      '{\n  "rules": {\n    "vanity-metric": "error",\n    "placeholder-left": "loud"\n  },\n  "vanityPhrase": ["room bookings"]\n}\n',
    );
    const prd = await openPrd('broken', 'broken-prd.md');
    assert.deepEqual(severities(vanity(prd.uri)), ['Error', 'Error'], 'linting goes on, with the valid rules setting');

    await until(vscode.languages.onDidChangeDiagnostics, () => ours(config).length === 2, () => `two problems on ${config.path}, got ${ours(config).length}`);
    const file = await vscode.workspace.openTextDocument(config);
    const problems = ours(config).map((d) => ({ message: d.message, at: file.getText(d.range), severity: vscode.DiagnosticSeverity[d.severity] }));
    assert.deepEqual(problems, [
      {
        message: 'rules.placeholder-left: expected "off", "info", "warning", "error" or { "severity", "options" }. The default applies instead.',
        at: '"placeholder-left": "loud"',
        severity: 'Error',
      },
      { message: 'vanityPhrase: unknown setting. The default applies instead.', at: '"vanityPhrase": ["room bookings"]', severity: 'Error' },
    ]);

    // once the file is fixed, its problems go
    await writeConfig('broken', '{ "rules": { "vanity-metric": "error" } }\n');
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(config).length === 0, () => `the problems on ${config.path} to go`);
  });

  test('a syntax error is reported where it is, and linting goes on with the defaults', async () => {
    const config = await writeConfig('syntax', '{\n  "rules": {\n    "vanity-metric": off\n  }\n}\n');
    const prd = await openPrd('syntax', 'syntax-prd.md');
    assert.deepEqual(severities(vanity(prd.uri)), ['Warning', 'Warning']);

    await until(vscode.languages.onDidChangeDiagnostics, () => ours(config).length > 0, () => `a problem on ${config.path}`);
    const file = await vscode.workspace.openTextDocument(config);
    const [first] = ours(config);
    assert.equal(first!.message, 'syntax error: InvalidSymbol. The default applies instead.');
    assert.equal(file.getText(first!.range), 'off');
    assert.equal(first!.range.start.line, 2);
  });

  test('an unsaved edit to a config file applies at once, and reverting it undoes it', async () => {
    const config = await writeConfig('draft', '{}\n');
    const prd = await openPrd('draft', 'draft-prd.md');
    assert.equal(vanity(prd.uri).length, 2);

    const editor = await vscode.window.showTextDocument(config);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 1, 0), '{ "rules": { "vanity-metric": "off" } }\n'));
    await vanityBecomes(prd, []);
    assert.equal(editor.document.isDirty, true);

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vanityBecomes(prd, ['Warning', 'Warning']);
  });

  test('the outcomeLens.rules setting changes severities, under a config file that does not set them', async () => {
    // the fixture workspace's root .outcome-lens.json is empty, so the setting decides
    const prd = await openPrd('settings-prd.md');
    assert.deepEqual(severities(vanity(prd.uri)), ['Warning', 'Warning']);

    await rulesSetting({ 'vanity-metric': 'error' });
    await vanityBecomes(prd, ['Error', 'Error']);
    await rulesSetting({ 'vanity-metric': 'info' });
    await vanityBecomes(prd, ['Information', 'Information']);
    await rulesSetting({ 'vanity-metric': 'off' });
    await vanityBecomes(prd, []);
    await rulesSetting(undefined);
    await vanityBecomes(prd, ['Warning', 'Warning']);
  });
});
