// Templates in a real extension host: the commands create documents whose
// snippet placeholders are live, workspace templates from the fixture's
// .outcome-lens/templates/ join the built-ins, and the malformed one is reported.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUILTIN_TEMPLATES } from '../../src/templates/builtin.generated';
import { snippetFor } from '../../src/templates/catalogue';
import { expandSnippet } from '../../src/templates/snippet';
import type { TemplateCommandResult } from '../../src/extension/templates';
import { closeAllWithoutSaving } from './support';

const PLANS = 'plans-from-templates';

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return folder;
}

function builtin(id: string) {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === id);
  assert.ok(template, `built-in ${id}`);
  return template;
}

async function run(command: 'outcomeLens.newFromTemplate' | 'outcomeLens.insertTemplate', arg?: unknown): Promise<TemplateCommandResult> {
  const result = await vscode.commands.executeCommand<TemplateCommandResult | undefined>(command, arg);
  assert.ok(result, `${command} returned a result`);
  return result;
}

function activeEditor(result: TemplateCommandResult): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  assert.equal(editor.document.uri.toString(), result.uri);
  return editor;
}

const selected = (editor: vscode.TextEditor) => editor.document.getText(editor.selection);


const folderSetting = (value: string | undefined) =>
  vscode.workspace.getConfiguration('outcomeLens').update('templates.folder', value, vscode.ConfigurationTarget.Workspace);

suite('templates', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('outcome-lens.outcome-lens')?.activate();
  });

  teardown(async () => {
    await closeAllWithoutSaving();
    await folderSetting(undefined);
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, PLANS), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('New Document from Template opens an untitled Markdown document with the template as a live snippet', async () => {
    const result = await run('outcomeLens.newFromTemplate', { templateId: 'prd' });
    const editor = activeEditor(result);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.getText(), expandSnippet(builtin('prd').body).text);

    // the first placeholder is selected, and Tab-like navigation moves through the others
    assert.equal(selected(editor), '[Feature name]');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(selected(editor), '[name, role]');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(selected(editor), 'Draft', 'the status choice comes next');
  });

  test('Insert Template inserts at the cursor of the current editor', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, PLANS, 'insert-here.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Reminders\n\n'));
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const result = await run('outcomeLens.insertTemplate', { templateId: 'metric-row' });
    assert.equal(result.uri, uri.toString());
    assert.equal(editor.document.getText(), `# Reminders\n\n${expandSnippet(builtin('metric-row').body).text}`);
    assert.equal(selected(editor), '[metric]');
  });

  test('with outcomeLens.templates.folder set, the document is created as <folder>/<title slug>.md and never overwrites', async () => {
    await folderSetting(`${PLANS}/prd`);
    const first = await run('outcomeLens.newFromTemplate', { templateId: 'business-case', title: 'Bank feeds: Q3 bet' });
    const expectedUri = vscode.Uri.joinPath(workspaceFolder().uri, PLANS, 'prd', 'bank-feeds-q3-bet.md');
    assert.equal(first.uri, expectedUri.toString());
    const editor = activeEditor(first);
    assert.equal(editor.document.getText(), expandSnippet(snippetFor(builtin('business-case'), 'Bank feeds: Q3 bet')).text);
    assert.equal(selected(editor), 'Bank feeds: Q3 bet', 'the title fills the title placeholder, still selected');
    assert.equal((await vscode.workspace.fs.stat(expectedUri)).type, vscode.FileType.File);

    const second = await run('outcomeLens.newFromTemplate', { templateId: 'business-case', title: 'Bank feeds: Q3 bet' });
    assert.equal(second.uri, vscode.Uri.joinPath(workspaceFolder().uri, PLANS, 'prd', 'bank-feeds-q3-bet-2.md').toString());
  });

  test('a folder from the Explorer wins over the setting; a file stands for its folder', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, PLANS, 'explorer');
    const created = await run('outcomeLens.newFromTemplate', { templateId: 'need', title: 'Fill cancelled slots', folder });
    assert.equal(created.uri, vscode.Uri.joinPath(folder, 'fill-cancelled-slots.md').toString());
    await closeAllWithoutSaving();

    const next = await run('outcomeLens.newFromTemplate', { templateId: 'need', title: 'Second need', folder: vscode.Uri.parse(created.uri) });
    assert.equal(next.uri, vscode.Uri.joinPath(folder, 'second-need.md').toString());
  });

  test('workspace templates follow the built-ins, and the malformed one is reported and skipped', async () => {
    const result = await run('outcomeLens.newFromTemplate', { templateId: 'workspace:experiment-brief' });
    assert.deepEqual(result.available, [...BUILTIN_TEMPLATES.map((t) => t.id), 'workspace:experiment-brief']);
    assert.deepEqual(result.skipped, [
      { fileName: '.outcome-lens/templates/broken.md', message: 'line 7, column 8: "${1:" is never closed with "}"' },
    ]);
    const editor = activeEditor(result);
    assert.equal(editor.document.getText(), '# Experiment name\n\nWe believe that the change will move the metric from baseline to target by date.\n\nIf it does not, we stop.\n');
    assert.equal(selected(editor), 'Experiment name');
  });

  test('the picker lists the workspace template last and inserts what is chosen', async () => {
    const pending = Promise.resolve(vscode.commands.executeCommand<TemplateCommandResult | undefined>('outcomeLens.newFromTemplate'));
    let settled = false;
    void pending.finally(() => (settled = true));
    // the extension host cannot see when the quick pick is up: try (bounded) until it
    // accepts; from the first item, "previous" wraps around to the last one
    for (let attempt = 0; attempt < 40 && !settled; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const result = await pending;
    assert.ok(result, 'a template was chosen');
    assert.equal(result.templateId, 'workspace:experiment-brief');
  });
});
