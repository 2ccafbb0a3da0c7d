// The smoke suite for a packaged extension. `npm test` runs it twice: with the rest of
// the host suites against the development folder, and alone against the VSIX installed
// with code-server --install-extension (scripts/package/smoke.mjs), where it also checks
// that the installed copy is what runs and that it carries no sources or source maps.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TemplateCommandResult } from '../../src/extension/templates';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { BUILTIN_TEMPLATES } from '../../src/templates/builtin.generated';
import { expandSnippet } from '../../src/templates/snippet';
import { closeAllWithoutSaving, ours, ruleOf, until } from './support';

const EXTENSION_ID = 'outcome-lens.outcome-lens';
const installedFrom = process.env.OUTCOME_LENS_HOST_VSIX;

/**
 * Timings for `npm run bench` (bench/package.ts), written to OUTCOME_LENS_HOST_TIMINGS
 * when it is set. Read there, never asserted here. The baseline, measured in the same
 * host, is the time the host takes to open and show a plain-text document.
 */
/** Eight times the 1.5 s aimed for: on a machine shared by several test runs the figure has reached 6 s. */
const EXAMPLE_TO_SQUIGGLE_BOUND_MS = 12_000;

const timings: { activateMs?: number; exampleToDiagnosticsMs?: number; openPlainTextMs?: number; wasActive?: boolean } = {};

suite('smoke (installed VSIX or development folder)', () => {
  let extension: vscode.Extension<OutcomeLensApi>;
  let api: OutcomeLensApi;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension<OutcomeLensApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is loaded`);
    extension = found;
    timings.wasActive = extension.isActive;
    const started = performance.now();
    api = await extension.activate();
    timings.activateMs = performance.now() - started;
  });
  teardown(closeAllWithoutSaving);
  suiteTeardown(() => {
    if (process.env.OUTCOME_LENS_HOST_TIMINGS) writeFileSync(process.env.OUTCOME_LENS_HOST_TIMINGS, JSON.stringify(timings));
  });

  test('activates from the copy under test', () => {
    assert.equal(extension.isActive, true);
    const path = realpathSync(extension.extensionUri.fsPath);
    if (installedFrom) {
      const extensionsDir = realpathSync(process.env.OUTCOME_LENS_HOST_EXTENSIONS_DIR ?? '');
      assert.ok(path.startsWith(`${extensionsDir}/`), `${path} is inside the extensions folder ${extensionsDir}`);
      assert.ok(!existsSync(join(path, 'src')), 'the package has no sources');
      assert.deepEqual(readdirSync(join(path, 'dist')).filter((f) => f.endsWith('.map')), [], 'the package has no source maps');
    } else {
      assert.equal(path, realpathSync(process.env.OUTCOME_LENS_HOST_EXTENSION ?? ''));
    }
  });

  test('the walkthrough\u2019s example PRD gets diagnostics, and "Show a Quick Fix" puts the cursor on a fixable finding', async function () {
    let started = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'baseline\n' }));
    timings.openPlainTextMs = performance.now() - started;
    started = performance.now();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('outcomeLens.openExample');
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^# PRD: Checkout Redesign/);
    const rules = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => ours(editor.document.uri).length > 0 && ours(editor.document.uri).map(ruleOf),
      () => 'diagnostics on the example PRD',
      20_000,
    );
    timings.exampleToDiagnosticsMs = performance.now() - started;
    // The figure issue 15 asks for (under 1.5 s in the sandbox), in the test's title so the report shows it;
    // the bound is loose so that a machine busy with other work does not fail it.
    const figure = `example to first squiggle ${Math.round(timings.exampleToDiagnosticsMs)} ms, plain-text file ${Math.round(timings.openPlainTextMs!)} ms`;
    this.test!.title += ` (${figure})`;
    assert.ok(timings.exampleToDiagnosticsMs < EXAMPLE_TO_SQUIGGLE_BOUND_MS, figure);
    for (const rule of ['vanity-metric', 'output-as-outcome', 'metric-missing-timeframe']) assert.ok(rules.includes(rule), `${rule} in ${rules.join(', ')}`);
    assert.ok(api.lints.resultFor(editor.document)?.findings.length, 'the findings behind them are recorded');

    // The walkthrough's next step, "Show a Quick Fix", with another editor in front (as when the
    // walkthrough page covers the example): the example comes back, the cursor on a fixable finding.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'in front\n' }));
    assert.equal(await vscode.commands.executeCommand<boolean>('outcomeLens.showFirstFix'), true);
    const shown = vscode.window.activeTextEditor;
    assert.equal(shown?.document, editor.document, 'the example is shown again, not a new copy');
    const line = shown.selection.active.line + 1;
    const finding = api.lints.resultFor(editor.document)?.findings.find((f) => f.start.line === line && f.fixes.some((fix) => fix.kind !== 'disable'));
    assert.ok(finding, `the cursor (line ${line}) is on a finding with a fix`);
  });

  test('the template picker creates a document from the chosen template', async () => {
    let settled = false;
    const picking = Promise.resolve(vscode.commands.executeCommand<TemplateCommandResult | undefined>('outcomeLens.newFromTemplate')).finally(() => (settled = true));
    // The picker is a real quick pick: accept its first item once it is up (until then
    // accepting does nothing).
    for (const deadline = Date.now() + 10_000; !settled && Date.now() < deadline; ) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const result = await picking;
    assert.ok(result, 'a template was chosen');
    const template = BUILTIN_TEMPLATES.find((t) => t.id === result.templateId);
    assert.ok(template, `${result.templateId} is a built-in template`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), result.uri);
    assert.equal(editor.document.getText(), expandSnippet(template.body).text);
  });

  test('the persona chat view opens and its page loads', async function () {
    this.timeout(40_000);
    const posted: string[] = [];
    const listening = api.chat.onDidPost((message) => posted.push(message.type));
    try {
      // Hidden, the view's page is discarded (no retainContextWhenHidden), so opening the
      // view loads it afresh even when an earlier suite had it open.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await vscode.commands.executeCommand('outcomeLens.openChat');
      const deadline = Date.now() + 20_000;
      while (!posted.includes('init') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(posted.includes('init'), `the webview posted "ready" and got its state; posted: ${posted.join(', ')}`);
    } finally {
      listening.dispose();
    }
  });
});
