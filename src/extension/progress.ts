// Walkthrough progress from what the user actually did. The steps "Apply a fix" and
// "Ask a persona" complete on context keys (package.json: `onContext:`) that are set
// here when a fix lands or a question goes out; a command that only shows something
// (the quick-fix menu, the chat view) sets none.
import * as vscode from 'vscode';

export const PROGRESS_KEYS = {
  fixApplied: 'outcomeLens.fixApplied',
  questionSent: 'outcomeLens.questionSent',
} as const;
export type ProgressEvent = keyof typeof PROGRESS_KEYS;

/** Attached to every quick fix and to Fix All: VS Code runs it once the fix's edit is applied. */
export const FIX_APPLIED_COMMAND = 'outcomeLens.recordFixApplied';

export interface Progress {
  record(event: ProgressEvent): void;
  /** Each time the user does one of them (the extension-host tests watch it). */
  readonly onDidRecord: vscode.Event<ProgressEvent>;
}

export function registerProgress(context: vscode.ExtensionContext): Progress {
  const done = new Set<ProgressEvent>();
  const recorded = new vscode.EventEmitter<ProgressEvent>();
  const record = (event: ProgressEvent) => {
    // The key stays set for the window; setting it again would change nothing.
    if (!done.has(event)) void vscode.commands.executeCommand('setContext', PROGRESS_KEYS[event], true);
    done.add(event);
    recorded.fire(event);
  };
  context.subscriptions.push(recorded, vscode.commands.registerCommand(FIX_APPLIED_COMMAND, () => record('fixApplied')));
  return { record, onDidRecord: recorded.event };
}
