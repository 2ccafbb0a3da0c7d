// Entry point: one registerX(context) per feature.
import * as vscode from 'vscode';
import { registerChat, type ChatApi } from './chat';
import { OutcomeLensCodeActions } from './code-actions';
import { registerLintCommands } from './commands';
import { ConfigService } from './config';
import { LintController } from './diagnostics';
import { registerLogging } from './logging';
import { registerParticipants, type ParticipantsApi } from './participants';
import { registerProgress, type Progress } from './progress';
import { registerStatusBar } from './status-bar';
import { registerTemplates } from './templates';
import { registerWalkthrough } from './walkthrough';

export interface OutcomeLensApi {
  lints: LintController;
  chat: ChatApi;
  participants: ParticipantsApi;
  /** The document-kind item, for tests to read its text and command. */
  statusBar: vscode.StatusBarItem;
  /** What the user has done that the walkthrough counts. */
  progress: Progress;
  /** Each line written to the "Outcome Lens" log. */
  onDidLog: vscode.Event<string>;
}

function registerLinting(context: vscode.ExtensionContext, log: (message: string) => void): LintController {
  const configs = new ConfigService(log);
  const lints = new LintController(context, configs, log);
  context.subscriptions.push(
    configs,
    lints,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new OutcomeLensCodeActions(lints), OutcomeLensCodeActions.metadata),
  );
  registerLintCommands(context, lints);
  return lints;
}

export function activate(context: vscode.ExtensionContext): OutcomeLensApi {
  const { log, onDidLog } = registerLogging(context);
  const progress = registerProgress(context);
  const lints = registerLinting(context, log);
  registerTemplates(context);
  registerWalkthrough(context, lints);
  const statusBar = registerStatusBar(context, lints, log);
  const chat = registerChat(context, lints, log, progress);
  return { lints, chat, participants: registerParticipants(context, lints, log, progress), statusBar, progress, onDidLog };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
