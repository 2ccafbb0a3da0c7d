// The persona chat in VS Code: a webview view in the Outcome Lens activity
// bar container, and the commands around it.
import * as vscode from 'vscode';
import { HistoryStore } from '../../chat/history';
import type { ToWebview } from '../../chat/protocol';
import type { LintController } from '../diagnostics';
import type { Progress } from '../progress';
import { configureModel } from './configure-model';
import { ChatController } from './controller';
import { EditorTracker } from './editor-context';
import { ModelRegistry } from './models';
import { PersonaRegistry } from './personas';
import { ReviewDiagnostics } from './review';
import { ApiKeys } from './secrets';
import { ChatViewProvider, VIEW_ID } from './view';

/** How long a command waits for the view to open before going on without it. */
const OPEN_TIMEOUT_MS = 10_000;

/** What the extension exports about the chat; the extension-host tests drive the chat through it. */
export interface ChatApi {
  /** Handles a message exactly as if the view had posted it (validated the same way). */
  receive(message: unknown): Promise<void>;
  /** Every message the extension sends to the view. */
  readonly onDidPost: vscode.Event<ToWebview>;
}

export function registerChat(context: vscode.ExtensionContext, lints: LintController, log?: (message: string) => void, progress?: Progress): ChatApi {
  const write = log ?? channelLog(context);
  const keys = new ApiKeys(context.secrets, context.globalState);
  const personas = new PersonaRegistry(write);
  const models = new ModelRegistry(keys, write);
  const editors = new EditorTracker(lints);
  const review = new ReviewDiagnostics();
  const history = new HistoryStore(context.workspaceState);
  const controller = new ChatController({
    history,
    personas,
    models,
    editors,
    review,
    log: write,
    questionSent: () => progress?.record('questionSent'),
    configureModel: async () => {
      if (await configureModel(keys, history, write)) await models.refresh();
    },
  });

  const openChat = async (): Promise<void> => {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await controller.whenAttached(OPEN_TIMEOUT_MS);
  };

  context.subscriptions.push(
    personas,
    models,
    editors,
    review,
    controller,
    vscode.window.registerWebviewViewProvider(VIEW_ID, new ChatViewProvider(context.extensionUri, controller)),
    vscode.commands.registerCommand('outcomeLens.openChat', openChat),
    vscode.commands.registerCommand('outcomeLens.askAboutFinding', async (arg: unknown) => {
      if (!controller.askAboutFinding(arg)) return;
      await openChat();
    }),
    vscode.commands.registerCommand('outcomeLens.newConversation', () => controller.newConversation(true)),
    vscode.commands.registerCommand('outcomeLens.exportConversation', (target?: unknown) =>
      controller.exportConversation(target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand('outcomeLens.setApiKey', async (key?: unknown) => {
      await keys.set(key, models.keyOrigin());
    }),
    vscode.commands.registerCommand('outcomeLens.clearApiKey', () => keys.clear()),
  );
  void personas.reload();
  void models.refresh();
  return { receive: (message) => controller.receive(message), onDidPost: controller.onDidPost };
}

function channelLog(context: vscode.ExtensionContext): (message: string) => void {
  const channel = vscode.window.createOutputChannel('Outcome Lens Chat', { log: true });
  context.subscriptions.push(channel);
  return (message) => channel.info(message);
}
