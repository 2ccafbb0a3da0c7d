// Walkthrough progress follows what the user did (issue 15 item 6): the steps "Apply a fix"
// and "Ask a persona" complete on context keys that only a real fix or a real question sets.
// Opening the quick-fix menu or the chat view sets nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { PROGRESS_KEYS, type ProgressEvent } from '../../src/extension/progress';
import { activatedApi, closeAllWithoutSaving, EXTENSION_ID, ours, until } from './support';

let api: OutcomeLensApi;

/** Runs `act` and returns what the walkthrough was told meanwhile, waiting up to `settleMs` after it for late events. */
async function recordedDuring(act: () => Thenable<unknown>, settleMs = 500): Promise<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  const listening = api.progress.onDidRecord((event) => events.push(event));
  try {
    await act();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    listening.dispose();
  }
  return events;
}

suite('walkthrough progress', () => {
  suiteSetup(async () => {
    api = await activatedApi();
  });
  teardown(closeAllWithoutSaving);

  test('the fix and persona steps complete on the context keys the extension sets', () => {
    const steps: { id: string; completionEvents: string[] }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs[0].steps;
    const eventsOf = (id: string) => steps.find((step) => step.id === id)?.completionEvents;
    assert.deepEqual(eventsOf('applyFix'), [`onContext:${PROGRESS_KEYS.fixApplied}`]);
    assert.deepEqual(eventsOf('askPersona'), [`onContext:${PROGRESS_KEYS.questionSent}`]);
  });

  test('"Show a Quick Fix" records nothing; applying a quick fix records a fix, and so does Fix All when it applies one', async function () {
    this.timeout(60_000);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('outcomeLens.openExample');
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(editor.document.uri).length > 0, () => 'diagnostics on the example', 20_000);

    assert.deepEqual(await recordedDuring(() => vscode.commands.executeCommand('outcomeLens.showFirstFix')), [], 'showing the fixes applies none');
    const before = editor.document.getText();
    const cursor = editor.selection.active;
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(cursor, cursor), 'quickfix');
    assert.ok(fixes.some((action) => action.command?.command === 'outcomeLens.recordFixApplied'), 'a fix is offered under the cursor');
    // The editor's own path for a quick fix: the first fix for the finding under the cursor, applied with its command.
    // Asked again while the menu "Show a Quick Fix" opened is still closing, the editor can apply nothing; a user would try again.
    const quickFix: ProgressEvent[] = [];
    for (let attempt = 0; attempt < 5 && editor.document.getText() === before; attempt++) {
      quickFix.push(...(await recordedDuring(() => vscode.commands.executeCommand('editor.action.codeAction', { kind: 'quickfix', apply: 'first' }))));
    }
    assert.notEqual(editor.document.getText(), before, 'the quick fix changed the document');
    assert.deepEqual(quickFix, ['fixApplied']);

    await until(api.lints.onDidLint, () => api.lints.resultFor(editor.document)?.version === editor.document.version, () => 'a lint of the fixed example');
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    // Fix All applies safe fixes only, never a suggestion; it records a fix exactly when it changes the document.
    assert.ok(offered.every((action) => action.command?.command === 'outcomeLens.recordFixApplied'), 'an offered Fix All records what it applies');
    const fixedOnce = editor.document.getText();
    const fixAll = await recordedDuring(() => vscode.commands.executeCommand('editor.action.fixAll'));
    const changed = editor.document.getText() !== fixedOnce;
    assert.equal(changed, offered.length > 0, 'Fix All changes the document exactly when it is offered');
    assert.deepEqual(fixAll, changed ? ['fixApplied'] : [], 'Fix All counts as a fix only when it applied one');
  });

  test('opening the chat records nothing; sending a question records one', async function () {
    this.timeout(40_000);
    assert.deepEqual(await recordedDuring(() => vscode.commands.executeCommand('outcomeLens.openChat')), []);
    const question = {
      role: 'user',
      id: 'walkthrough-question',
      text: 'What should we measure?',
      personaIds: ['value-realization'],
      context: { document: false, selection: false, findings: false },
      at: Date.now(),
    };
    const sent = await recordedDuring(() => api.chat.receive({ type: 'send', message: question, modelId: 'offline-coach' }), 0);
    assert.deepEqual(sent, ['questionSent']);
  });
});
