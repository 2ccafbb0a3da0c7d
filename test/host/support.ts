// Helpers shared by the extension-host suites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SOURCE } from '../../src/extension/diagnostics';
import type { OutcomeLensApi } from '../../src/extension/extension';

/** A path inside the open copy of test/host/workspace. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Resolves with the first truthy value of `check`, tried now and after every `event`; fails after `ms`. */
export function until<T>(event: vscode.Event<unknown>, check: () => T | undefined | false, what: () => string, ms = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    const attempt = () => {
      const value = check();
      if (value === undefined || value === false) return;
      stop();
      resolve(value);
    };
    const subscription = event(attempt);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${ms} ms waiting for ${what()}`));
    }, ms);
    attempt();
  });
}

/** Outcome Lens's diagnostics for a file. */
export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
export const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Closes every editor without a save prompt, emptying untitled documents first. */
export async function closeAllWithoutSaving(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    // a reverted untitled document can come back under the same name with its old text
    if (editor.document.isUntitled) await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, editor.document.lineCount, 0)));
  }
  // closing a dirty editor would ask to save; revert first (bounded: never loop forever)
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export const EXTENSION_ID = 'outcome-lens.outcome-lens';

/** The extension under test, activated: its API, or a failed assertion that says it did not activate. */
export async function activatedApi(): Promise<OutcomeLensApi> {
  const api = await vscode.extensions.getExtension<OutcomeLensApi>(EXTENSION_ID)?.activate();
  assert.ok(api, `${EXTENSION_ID} activates`);
  return api;
}
