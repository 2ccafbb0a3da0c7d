// The status bar item (document kind and finding count, and its menu) and the
// "Outcome Lens" output channel behind Show Logs, in the real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { menuItems } from '../../src/extension/status-bar';
import { closeAllWithoutSaving, ours, until, workspaceUri } from './support';

const EXTENSION_ID = 'outcome-lens.outcome-lens';

let api: OutcomeLensApi;

async function open(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Waits until the item shows `expected` for the active document. */
function statusShows(expected: RegExp): Promise<string> {
  return until(
    api.lints.onDidLint,
    () => api.statusBar.text.match(expected)?.[0],
    () => `the status bar to match ${expected}, it shows "${api.statusBar.text}"`,
  );
}

/** Polls every 100 ms, for at most 10 s. */
async function poll<T>(what: string, find: () => T | undefined): Promise<T> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const found = find();
    if (found !== undefined) return found;
  }
  assert.fail(`timed out waiting for ${what}`);
}

suite('status bar and logs', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<OutcomeLensApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });
  teardown(closeAllWithoutSaving);

  test('a PRD shows its kind and finding count; clicking it runs the menu command', async () => {
    const document = await open('docs', 'bad-prd.md');
    const text = await statusShows(/PRD: \d+ findings?/);
    const count = api.lints.resultFor(document)?.findings.length;
    assert.equal(text, `PRD: ${count} finding${count === 1 ? '' : 's'}`);
    assert.equal(ours(document.uri).length, count, 'the count is what the Problems panel lists');
    assert.equal(api.statusBar.command, 'outcomeLens.statusBarMenu');
    assert.match(String(api.statusBar.tooltip), /^Outcome Lens: PRD \(.+\)/, 'the tooltip gives the reason');
  });

  test('a Markdown file that is no product document says so, and the menu can make it a PRD', async () => {
    const document = await open('lint', 'notes.md');
    await statusShows(/Not a product document$/);
    assert.equal(api.statusBar.text, '$(book) Not a product document');

    let settled = false;
    const menu = Promise.resolve(vscode.commands.executeCommand('outcomeLens.statusBarMenu')).finally(() => (settled = true));
    // A real quick pick; its first item is "Treat as a PRD". Accepting does nothing until it is up.
    for (const deadline = Date.now() + 10_000; !settled && Date.now() < deadline; ) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await menu;
    assert.match(document.getText(), /^---\ntype: prd\n---\n/);
    await statusShows(/PRD: \d+ findings?$/);
  });

  test('the menu offers "Treat as an OKR page"; choosing it marks the file and the item says OKR page (issue 15)', async () => {
    const document = await open('lint', 'notes.md');
    await statusShows(/Not a product document$/);
    const items = menuItems(api.lints.resultFor(document)?.kind);
    assert.deepEqual(
      items.filter((item) => item.label.includes('Treat as')).map((item) => item.label.replace(/^\$\([\w-]+\) /, '')),
      ['Treat as a PRD', 'Treat as a business case', 'Treat as an OKR page'],
    );
    const okr = items.find((item) => item.label.endsWith('Treat as an OKR page'))!;
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.includes(okr.command), `${okr.command} is a contributed command`);

    await vscode.commands.executeCommand(okr.command);
    assert.match(document.getText(), /^---\ntype: okr\n---\n/);
    await statusShows(/OKR page: \d+ findings?$/);
    assert.equal(menuItems(api.lints.resultFor(document)?.kind).find((item) => item.command === okr.command)?.description, 'current');
  });

  test('Show Logs shows the channel: kind decisions are there, a key and a password in a server address are not', async () => {
    const config = () => vscode.workspace.getConfiguration('outcomeLens');
    const key = 'sk-log-test-7d41c9';
    const password = 'pw-log-test-e28b';
    try {
      await vscode.commands.executeCommand('outcomeLens.setApiKey', key);
      // Port 9 refuses connections here: listing the models fails, and the failure is logged.
      await config().update('chat.openai.baseUrl', `http://alice:${password}@127.0.0.1:9/v1?token=${password}`, vscode.ConfigurationTarget.Global);
      await config().update('chat.openai.model', 'log-test-model', vscode.ConfigurationTarget.Global);
      // A PRD beside a config file of its own: reading that file is logged.
      await vscode.workspace.fs.writeFile(workspaceUri('logged', '.outcome-lens.json'), new TextEncoder().encode('{}\n'));
      await vscode.workspace.fs.copy(workspaceUri('docs', 'good-prd.md'), workspaceUri('logged', 'good-prd.md'));
      await open('logged', 'good-prd.md');
      await statusShows(/PRD: \d+ findings?$/);

      await vscode.commands.executeCommand('outcomeLens.showLogs');
      // The shown channel is a document of the `output` scheme; the wait ends once the
      // model listing's failure has been logged.
      const log = await poll('the Outcome Lens log with the server failure', () => {
        const channel = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Outcome Lens$/.test(decodeURIComponent(d.uri.path)));
        const text = channel?.getText();
        return text?.includes('http://127.0.0.1:9/v1') ? text : undefined;
      });
      assert.match(log, /config read: logged\/\.outcome-lens\.json$/m);
      assert.match(log, /kind of logged\/good-prd\.md: PRD \(/);
      assert.ok(!log.includes(password), 'no password from the server address');
      assert.ok(!log.includes(key), 'no API key');
    } finally {
      await config().update('chat.openai.baseUrl', undefined, vscode.ConfigurationTarget.Global);
      await config().update('chat.openai.model', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('outcomeLens.clearApiKey');
      await closeAllWithoutSaving();
      await vscode.workspace.fs.delete(workspaceUri('logged'), { recursive: true });
    }
  });
});
