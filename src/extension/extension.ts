// Entry point: one registerX(context) per feature.
import * as vscode from 'vscode';
import { registerChat, type ChatApi } from './chat';
import { OutcomeLensCodeActions } from './code-actions';
import { registerLintCommands } from './commands';
import { ConfigService } from './config';
import { LintController } from './diagnostics';
import { registerParticipants, type ParticipantsApi } from './participants';
import { registerTemplates } from './templates';
import { registerWalkthrough } from './walkthrough';

export interface OutcomeLensApi {
  lints: LintController;
  chat: ChatApi;
  participants: ParticipantsApi;
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
  const output = vscode.window.createOutputChannel('Outcome Lens', { log: true });
  context.subscriptions.push(output);
  const log = (message: string) => output.info(message);
  const lints = registerLinting(context, log);
  registerTemplates(context);
  registerWalkthrough(context, lints);
  return { lints, chat: registerChat(context, lints, log), participants: registerParticipants(context, lints, log) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
