// The "Outcome Lens" output channel: what the extension did and why (config files
// read, kind decisions, model errors). Messages can quote a server address, so every
// line is redacted before it is written.
import * as vscode from 'vscode';
import { redactCredentials } from './logging-redact';

export interface Logging {
  /** Writes a line to the channel, redacted. */
  log: (message: string) => void;
  /** Each line as written (the extension-host tests read the log through it without showing the channel). */
  onDidLog: vscode.Event<string>;
}

/** Creates the channel and the Show Logs command. */
export function registerLogging(context: vscode.ExtensionContext): Logging {
  const channel = vscode.window.createOutputChannel('Outcome Lens', { log: true });
  const logged = new vscode.EventEmitter<string>();
  context.subscriptions.push(
    channel,
    logged,
    // Keep focus in the editor: the user asked to see the log, not to type into it.
    vscode.commands.registerCommand('outcomeLens.showLogs', () => channel.show(true)),
  );
  return {
    log: (message) => {
      const line = redactCredentials(message);
      channel.info(line);
      logged.fire(line);
    },
    onDidLog: logged.event,
  };
}
