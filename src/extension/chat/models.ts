// The models the chat offers and the provider that answers for each: the
// offline coach (always), VS Code language models, and the OpenAI-compatible
// server when one is configured (with the rules of server-settings.ts).
import * as vscode from 'vscode';
import { createOfflineCoach, OFFLINE_COACH_ID } from '../../chat/coach';
import { personaLabel } from '../../chat/personas/persona';
import type { ErrorInfo, ModelInfo } from '../../chat/protocol';
import { OpenAICompatibleProvider } from '../../chat/providers/openai';
import { ChatError, type ChatProvider } from '../../chat/providers/types';
import { listLmModels, lmModelInfo, VsCodeLmProvider } from '../../chat/providers/vscode-lm';
import { pickModel, type AskContext, type ResolvedProvider } from '../../chat/session';
import { setting } from '../config';
import type { ApiKeys } from './secrets';
import { serverSettings } from './server-settings';

export const OFFLINE_COACH: ModelInfo = { id: OFFLINE_COACH_ID, label: 'Offline coach', kind: 'offline-coach' };
const OPENAI_PREFIX = 'openai:';
/** The server's model list is a convenience; a slow server must not hold up the picker. */
const LIST_TIMEOUT_MS = 4000;

export class ModelRegistry implements vscode.Disposable {
  private models: ModelInfo[] = [OFFLINE_COACH];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  /** The ignored settings the user was last told about, so they are told once. */
  private toldIgnored = '';

  constructor(
    private readonly keys: ApiKeys,
    private readonly log: (message: string) => void,
  ) {
    const refresh = () => void this.refresh();
    this.disposables.push(
      vscode.lm.onDidChangeChatModels(refresh),
      vscode.workspace.onDidGrantWorkspaceTrust(refresh),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('outcomeLens.chat')) refresh();
      }),
      keys.onDidChange(refresh),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  list(): ModelInfo[] {
    return this.models;
  }

  /** The model the picker starts on: the remembered one when still offered, else the settings' preference. */
  defaultModelId(remembered: string | undefined): string {
    return (pickModel(this.models, setting('chat.provider', undefined), remembered) ?? OFFLINE_COACH).id;
  }

  /** Re-reads every source; overlapping calls collapse into one more pass. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          const [lm, server] = await Promise.all([listLmModels(), this.serverModels()]);
          this.models = [OFFLINE_COACH, ...lm.map(lmModelInfo), ...server];
        } while (this.refreshAgain);
      } finally {
        this.refreshing = undefined;
      }
      this.changed.fire();
    })();
    return this.refreshing;
  }

  /** A note for the conversation when workspace settings were ignored, once per change. */
  untrustedNotice(): ErrorInfo | undefined {
    const { ignored } = serverSettings();
    const key = ignored.join(',');
    if (key === this.toldIgnored) return undefined;
    this.toldIgnored = key;
    if (ignored.length === 0) return undefined;
    return {
      code: 'untrusted',
      message: `This workspace is not trusted, so its ${ignored.join(', ')} setting${ignored.length > 1 ? 's were' : ' was'} ignored; only your user settings choose the model server.`,
      hint: 'Trust the workspace (Workspaces: Manage Workspace Trust) to use its settings, or put them in your user settings.',
    };
  }

  async providerFor(modelId: string | undefined, ask: AskContext): Promise<ResolvedProvider> {
    const model = pickModel(this.models, setting('chat.provider', undefined), modelId) ?? OFFLINE_COACH;
    switch (model.kind) {
      case 'offline-coach':
        return { provider: ask.slash?.name === 'template' && ask.template ? templateProvider(ask) : createOfflineCoach(ask), offlineCoach: true };
      case 'vscode-lm':
        return { provider: await VsCodeLmProvider.forId(model.id), offlineCoach: false };
      case 'openai-compatible':
        return { provider: await this.serverProvider(model.id.slice(OPENAI_PREFIX.length)), offlineCoach: false };
      default: {
        const unknown: never = model.kind;
        throw new Error(`unknown model kind ${String(unknown)}`);
      }
    }
  }

  private async serverProvider(model: string): Promise<OpenAICompatibleProvider> {
    const settings = serverSettings();
    if (!settings.baseUrl) {
      throw new ChatError(
        settings.ignored.length ? 'untrusted' : 'bad-url',
        'No OpenAI-compatible server is configured.',
        'Set outcomeLens.chat.openai.baseUrl and outcomeLens.chat.openai.model in your settings, or pick another model.',
      );
    }
    const timeoutMs = setting('chat.timeoutSeconds', undefined) * 1000;
    return new OpenAICompatibleProvider({
      baseUrl: settings.baseUrl,
      model,
      headers: settings.headers,
      apiKey: await this.keys.get(),
      timeoutMs,
      idleTimeoutMs: timeoutMs,
    });
  }

  /** The configured model first, then the others the server lists. */
  private async serverModels(): Promise<ModelInfo[]> {
    const settings = serverSettings();
    if (!settings.baseUrl || !settings.model) return [];
    const info = (model: string): ModelInfo => ({
      id: `${OPENAI_PREFIX}${model}`,
      label: new OpenAICompatibleProvider({ baseUrl: settings.baseUrl, model }).label,
      kind: 'openai-compatible',
    });
    let listed: string[] = [];
    try {
      const provider = await this.serverProvider(settings.model);
      listed = await provider.listModels(AbortSignal.timeout(LIST_TIMEOUT_MS));
    } catch (error) {
      this.log(`chat: could not list the models of ${settings.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return [settings.model, ...listed.filter((id) => id !== settings.model)].map(info);
  }
}

/**
 * `/template` with the offline coach: the template itself, introduced in the
 * persona's voice, ready for Insert. Filling it in needs a language model.
 */
function templateProvider(ask: AskContext): ChatProvider {
  const template = ask.template!;
  const text = [
    `**${personaLabel(ask.persona)}:**`,
    '',
    `Here is the ${template.name} template to start from. Replace each [bracketed] placeholder with what you know, and leave the ones you cannot answer yet visible, so the gaps stay in view. Use Insert to put it into your document.`,
    '',
    template.text,
  ].join('\n');
  return {
    id: OFFLINE_COACH.id,
    label: OFFLINE_COACH.label,
    async *stream(request) {
      if (request.signal.aborted) throw new ChatError('cancelled', 'The answer was stopped.', 'Send the message again for a new answer.');
      yield text;
    },
  };
}
