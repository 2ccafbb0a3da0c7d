// The lint worker's time budget in the real editor (issue 11, item 5): a
// document that takes too long shows one "too slow to check" diagnostic, and a
// document linted meanwhile keeps its own diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { activatedApi, closeAllWithoutSaving, ours, ruleOf, until, workspaceUri } from './support';

const scratch = () => workspaceUri('lint', 'scratch-budget');

/** Just under the size the engine checks, and seconds of work: a long metrics table. */
function slowPrd(): string {
  let text = '# PRD: Table\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n';
  for (let i = 0; text.length < 1_200_000; i++) text += `| Page views ${i} | ${i} | ${i + 1} | Q3 |\n`;
  return text;
}

suite('lint time budget', () => {
  let lints: OutcomeLensApi['lints'];

  suiteSetup(async () => {
    const api = await activatedApi();
    lints = api.lints;
    await vscode.workspace.getConfiguration('outcomeLens').update('lintTimeoutSeconds', 1, vscode.ConfigurationTarget.Workspace);
  });

  teardown(closeAllWithoutSaving);

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('outcomeLens').update('lintTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('a too-slow document gets one diagnostic saying so; another document keeps its diagnostics', async function () {
    this.timeout(120_000);
    const slowUri = vscode.Uri.joinPath(scratch(), 'slow-prd.md');
    await vscode.workspace.fs.writeFile(slowUri, new TextEncoder().encode(slowPrd()));
    // A copy: the lint suite expects its fixtures unopened.
    const otherUri = vscode.Uri.joinPath(scratch(), 'other-prd.md');
    await vscode.workspace.fs.copy(workspaceUri('lint', 'metrics-prd.md'), otherUri, { overwrite: true });
    const other = await vscode.workspace.openTextDocument(otherUri);
    await vscode.window.showTextDocument(other);
    const otherBefore = await until(lints.onDidLint, () => lints.resultFor(other) && ours(other.uri).length > 0 && ours(other.uri), () => 'diagnostics on other-prd.md');

    const slow = await vscode.workspace.openTextDocument(slowUri);
    await vscode.window.showTextDocument(slow, { preview: false });
    const diagnostics = await until(
      lints.onDidLint,
      () => lints.resultFor(slow) && ours(slow.uri).length > 0 && ours(slow.uri),
      () => `the lint of slow-prd.md to end (${ours(slow.uri).length} diagnostics)`,
      60_000,
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(ruleOf(diagnostics[0]!), 'unchecked-section');
    assert.match(diagnostics[0]!.message, /stopped checking this document after 1 s: it was too slow to check/);
    assert.equal(diagnostics[0]!.range.start.line, 0);
    assert.deepEqual(ours(other.uri).map((d) => d.message), otherBefore.map((d) => d.message), 'the other document keeps its diagnostics');

    // The restarted worker still lints: an edit to the other document is checked again.
    const editor = await vscode.window.showTextDocument(other);
    await editor.edit((edit) => edit.insert(new vscode.Position(other.lineCount, 0), '\n- Total page views\n'));
    await until(lints.onDidLint, () => lints.resultFor(other) && ours(other.uri).length > otherBefore.length, () => 'a new finding on other-prd.md after the restart', 30_000);
  });
});
