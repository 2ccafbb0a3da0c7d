// The "Outcome Lens" output channel: what the extension did and why (config files
// read, kind decisions, model errors). Messages can quote a server address, so every
// line is redacted before it is written.
import * as vscode from 'vscode';
import { redactCredentials } from './logging-redact';

/** Creates the channel and the Show Logs command; returns the function that writes to it. */
export function registerLogging(context: vscode.ExtensionContext): (message: string) => void {
  const channel = vscode.window.createOutputChannel('Outcome Lens', { log: true });
  context.subscriptions.push(
    channel,
    // Keep focus in the editor: the user asked to see the log, not to type into it.
    vscode.commands.registerCommand('outcomeLens.showLogs', () => channel.show(true)),
  );
  return (message) => channel.info(redactCredentials(message));
}
