// Proves the suites really run inside a VS Code extension host with the extension under
// development loaded and the fixture workspace open, whichever runner started them
// (scripts/host/run.mjs or scripts/host/run-electron.mjs). Both runners set:
//   OUTCOME_LENS_HOST_WORKSPACE       the throw-away copy of test/host/workspace
//   OUTCOME_LENS_HOST_EXTENSION       the extensionDevelopmentPath they passed
//   OUTCOME_LENS_HOST_VSCODE_VERSION  the VS Code version they started, when known
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'outcome-lens.outcome-lens';

function requiredEnv(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: start these tests with scripts/host/run.mjs or run-electron.mjs`);
  return value;
}

suite('host harness', () => {
  test('runs in the VS Code the runner started, no older than engines.vscode', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === 1 && minor >= 100, `VS Code ${vscode.version} is older than ^1.100.0`);
    // The code-server host is 1.100.3; run-electron names its version unless asked for 'stable'.
    const expected = process.env.OUTCOME_LENS_HOST_VSCODE_VERSION;
    if (expected) assert.equal(vscode.version, expected);
  });

  test('opens the throw-away copy of the fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    const folder = folders[0]!;
    assert.equal(realpathSync(folder.uri.fsPath), realpathSync(requiredEnv('OUTCOME_LENS_HOST_WORKSPACE')));

    const docs = await vscode.workspace.findFiles('docs/*.md');
    const names = docs.map((uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(names, ['bad-prd.md', 'good-prd.md']);

    const bad = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'docs/bad-prd.md'));
    assert.equal(bad.languageId, 'markdown');
    assert.match(bad.getText(), /\| Total sign-ups \|/);
  });

  test('does not save edits behind the tests\u2019 backs', () => {
    // The browser workbench defaults to auto-save after a delay; the runners turn it off
    // so an edit made by a test stays a dirty buffer, as in desktop VS Code.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  test('loads and activates the extension under development', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(realpathSync(extension.extensionUri.fsPath), realpathSync(requiredEnv('OUTCOME_LENS_HOST_EXTENSION')));
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
