// Configuration in a real extension host: the nearest .outcome-lens.json wins,
// config files are watched (saved or still being edited), broken ones are
// reported on the file itself while linting goes on, and the outcomeLens.rules
// setting changes severities. Every file and setting a test changes is undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';

const EXTENSION_ID = 'outcome-lens.outcome-lens';
const SOURCE = 'outcome-lens';

let lints: OutcomeLensApi['lints'];

function lintFolder(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'lint', ...segments);
}
const scratch = (...segments: string[]) => lintFolder('config-scratch', ...segments);

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const vanity = (uri: vscode.Uri) => ours(uri).filter((d) => typeof d.code === 'object' && d.code.value === 'vanity-metric');
const severities = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map((d) => vscode.DiagnosticSeverity[d.severity]);

/** Resolves once `ready` holds, checked now and after every `event`; fails after 10 s saying what was awaited. */
function when(event: vscode.Event<unknown>, ready: () => boolean, what: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const subscription = event(() => ready() && done());
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${what()}`)), 10_000);
    if (ready()) done();
  });
}

/** A copy of the PRD fixture (two vanity metrics) at `segments`, opened and linted. */
async function openPrd(...segments: string[]): Promise<vscode.TextDocument> {
  const uri = scratch(...segments);
  await vscode.workspace.fs.copy(lintFolder('metrics-prd.md'), uri, { overwrite: true });
  const document = await vscode.workspace.openTextDocument(uri);
  await when(lints.onDidLint, () => lints.resultFor(document) !== undefined, () => `the first lint of ${uri.path}`);
  return document;
}

/** Waits until the document's vanity findings have the given severities (none: the rule is off). */
function vanityBecomes(document: vscode.TextDocument, expected: string[]): Promise<void> {
  return when(
    lints.onDidLint,
    () => severities(vanity(document.uri)).join() === expected.join(),
    () => `vanity-metric findings [${expected.join(', ')}] in ${document.uri.path}, got [${severities(vanity(document.uri)).join(', ')}]`,
  );
}

const writeText = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const rulesSetting = (value: Record<string, string> | undefined) =>
  vscode.workspace.getConfiguration('outcomeLens').update('rules', value, vscode.ConfigurationTarget.Workspace);

suite('config', () => {
  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<OutcomeLensApi>(EXTENSION_ID)?.activate();
    assert.ok(api, `${EXTENSION_ID} activates`);
    lints = api.lints;
  });

  teardown(async () => {
    for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await rulesSetting(undefined);
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('the nearest .outcome-lens.json wins, for the documents below it only; deleting it restores the defaults', async () => {
    const quiet = await openPrd('quiet', 'quiet-prd.md');
    assert.deepEqual(severities(vanity(quiet.uri)), ['Warning', 'Warning']);

    const config = scratch('quiet', '.outcome-lens.json');
    await writeText(config, '{ "rules": { "vanity-metric": "off" } }\n');
    await vanityBecomes(quiet, []);
    assert.ok(ours(quiet.uri).length > 0, 'the other rules still run');
    // beside quiet/, the workspace root's empty config is the nearest
    const loud = await openPrd('loud-prd.md');
    assert.deepEqual(severities(vanity(loud.uri)), ['Warning', 'Warning']);

    await vscode.workspace.fs.delete(config);
    await vanityBecomes(quiet, ['Warning', 'Warning']);
  });

  test('a bad severity and an unknown key become diagnostics on the config file naming them; the valid rest applies', async () => {
    const config = scratch('broken', '.outcome-lens.json');
    await writeText(
      config,
      '{\n  "rules": {\n    "vanity-metric": "error",\n    "placeholder-left": "loud"\n  },\n  "vanityPhrase": ["room bookings"]\n}\n',
    );
    const prd = await openPrd('broken', 'broken-prd.md');
    assert.deepEqual(severities(vanity(prd.uri)), ['Error', 'Error'], 'linting goes on, with the valid rules setting');

    await when(vscode.languages.onDidChangeDiagnostics, () => ours(config).length === 2, () => `two problems on ${config.path}, got ${ours(config).length}`);
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
    await writeText(config, '{ "rules": { "vanity-metric": "error" } }\n');
    await when(vscode.languages.onDidChangeDiagnostics, () => ours(config).length === 0, () => `the problems on ${config.path} to go`);
  });

  test('a syntax error is reported where it is, and linting goes on with the defaults', async () => {
    const config = scratch('syntax', '.outcome-lens.json');
    await writeText(config, '{\n  "rules": {\n    "vanity-metric": off\n  }\n}\n');
    const prd = await openPrd('syntax', 'syntax-prd.md');
    assert.deepEqual(severities(vanity(prd.uri)), ['Warning', 'Warning']);

    await when(vscode.languages.onDidChangeDiagnostics, () => ours(config).length > 0, () => `a problem on ${config.path}`);
    const file = await vscode.workspace.openTextDocument(config);
    const [first] = ours(config);
    assert.equal(first!.message, 'syntax error: InvalidSymbol. The default applies instead.');
    assert.equal(file.getText(first!.range), 'off');
    assert.equal(first!.range.start.line, 2);
  });

  test('an unsaved edit to a config file applies at once, and reverting it undoes it', async () => {
    const config = scratch('draft', '.outcome-lens.json');
    await writeText(config, '{}\n');
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
