// Fix mechanics in the real editor (issue 7 item 10): Fix All edits only the
// ranges it changes and leaves the cursor where it was; a quick fix that
// inserts placeholders goes in as a snippet with the first placeholder selected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { activatedApi, closeAllWithoutSaving, ours, ruleOf, until, workspaceUri } from './support';

const FIX_ALL = 'source.fixAll.outcomeLens';
let lints: OutcomeLensApi['lints'];

const scratch = () => workspaceUri('lint', 'scratch-fixes');

async function copyOf(name: string, as: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(scratch(), as);
  await vscode.workspace.fs.copy(workspaceUri('lint', name), target, { overwrite: true });
  return target;
}

function linted(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return until(
    lints.onDidLint,
    () => lints.resultFor(document) && ours(document.uri),
    () => `a lint of ${vscode.workspace.asRelativePath(document.uri)} at version ${document.version}`,
  );
}

const codeActions = (uri: vscode.Uri, range: vscode.Range, kind?: string) =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);

suite('fixes', () => {
  suiteSetup(async () => {
    const api = await activatedApi();
    lints = api.lints;
  });

  teardown(closeAllWithoutSaving);

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('Fix All edits only the ranges it changes and keeps the cursor on the same text', async () => {
    const document = await vscode.workspace.openTextDocument(await copyOf('missing-problem-prd.md', 'fix-all-ranges-prd.md'));
    const editor = await vscode.window.showTextDocument(document);
    await linted(document);
    const lastLine = document.lineCount - 1;
    const anchor = document.lineAt(lastLine).text.length > 0 ? lastLine : lastLine - 1;
    editor.selection = new vscode.Selection(anchor, 2, anchor, 2);
    const before = document.lineAt(anchor).text;

    const [action] = await codeActions(document.uri, new vscode.Range(0, 0, document.lineCount, 0), FIX_ALL);
    assert.ok(action?.edit, 'a Fix All action with an edit');
    const edits = action.edit.get(document.uri);
    assert.ok(edits.length > 0);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    assert.ok(edits.every((e) => !e.range.contains(whole) && e.newText.length < document.getText().length), 'no edit replaces the whole document');
    assert.ok(edits.every((e) => e.range.isEmpty), 'missing sections are insertions');

    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    assert.match(document.getText(), /\n## Problem\n/);
    const cursor = editor.selection.active;
    assert.equal(document.lineAt(cursor.line).text, before, 'the cursor stays on the line it was on');
    assert.equal(cursor.character, 2);
  });

  test('a quick fix with placeholders inserts a snippet, its first placeholder selected', async () => {
    const document = await vscode.workspace.openTextDocument(await copyOf('missing-problem-prd.md', 'snippet-fix-prd.md'));
    const editor = await vscode.window.showTextDocument(document);
    const diagnostics = await linted(document);
    const problem = diagnostics.find((d) => ruleOf(d) === 'problem-statement-missing');
    assert.ok(problem, 'a problem-statement-missing finding');
    const actions = await codeActions(document.uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === 'Insert a Problem section');
    assert.ok(insert?.edit, actions.map((a) => a.title).join(', '));
    assert.equal(await vscode.workspace.applyEdit(insert.edit), true);
    const selected = document.getText(editor.selection);
    assert.match(selected, /^\[[^\]]+\]$/, `the first placeholder is selected, not ${JSON.stringify(selected)}`);
    assert.ok(document.getText().includes(`\n${selected}`), 'the placeholder text is in the document');
  });
});
