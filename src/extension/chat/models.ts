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
import { originOf } from '../../chat/providers/server-url';
import { decideKey, keyWithoutAsking, listServerModels, serverLabel, type KeyDecision, type ServerInUse } from '../../chat/server-access';
import { pickModel, type AskContext, type ResolvedProvider } from '../../chat/session';
import { setting } from '../config';
import type { ApiKeys } from './secrets';
import { serverSettings, type ServerSettings } from './server-settings';

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
        return { provider: await this.serverProvider(model.id.slice(OPENAI_PREFIX.length), true), offlineCoach: false };
      default: {
        const unknown: never = model.kind;
        throw new Error(`unknown model kind ${String(unknown)}`);
      }
    }
  }

  /** The provider for `model`; `mayAsk` when the user is waiting for an answer and can be asked about the key. */
  private async serverProvider(model: string, mayAsk: boolean): Promise<OpenAICompatibleProvider> {
    const settings = serverSettings();
    if (!settings.baseUrl) {
      throw new ChatError(
        settings.ignored.length ? 'untrusted' : 'bad-url',
        'No OpenAI-compatible server is configured.',
        'Set outcomeLens.chat.openai.baseUrl and outcomeLens.chat.openai.model in your settings, or pick another model.',
      );
    }
    const timeoutMs = setting('chat.timeoutSeconds', undefined) * 1000;
    const decision = decideKey(inUse(settings), await this.keys.ring(), this.keys.consent());
    const apiKey = mayAsk ? await this.keyAfterAsking(decision, settings) : keyWithoutAsking(decision);
    return new OpenAICompatibleProvider({
      baseUrl: settings.baseUrl,
      model,
      headers: settings.headers,
      ...(apiKey ? { apiKey } : {}),
      timeoutMs,
      idleTimeoutMs: timeoutMs,
      answerDeadlineMs: setting('chat.answerDeadlineSeconds', undefined) * 1000,
    });
  }

  /** Asks once per origin before the user's key goes to a server that the workspace chose. */
  private async keyAfterAsking(decision: KeyDecision, settings: ServerSettings): Promise<string | undefined> {
    if (decision.kind !== 'ask') return keyWithoutAsking(decision);
    const send = 'Send My Key';
    const withhold = "Don't Send";
    const choice = await vscode.window.showWarningMessage(
      `This workspace's settings point the chat at ${decision.origin}. Send your API key there?`,
      {
        modal: true,
        detail: `outcomeLens.chat.openai.baseUrl (${settings.baseUrl}) comes from this workspace's settings, while your key was set for ${decision.keyOrigin ?? 'your own server'}. Without the key the server may refuse to answer. Your answer is remembered for ${decision.origin}; "Outcome Lens: Clear API Key" forgets it.`,
      },
      send,
      withhold,
    );
    if (choice === undefined) return undefined; // dismissed: ask again next time
    await this.keys.remember(decision.origin, choice === send);
    this.log(`chat: the user ${choice === send ? 'allowed' : 'refused'} sending the API key to ${decision.origin}`);
    return choice === send ? decision.key : undefined;
  }

  /** The origin "Set API Key" stores a key for: the server in use. */
  keyOrigin(): string | undefined {
    return originOf(serverSettings().baseUrl);
  }

  /** The configured model first, then the others the server lists. */
  private async serverModels(): Promise<ModelInfo[]> {
    const settings = serverSettings();
    if (!settings.baseUrl || !settings.model) return [];
    const server = inUse(settings);
    const info = (model: string): ModelInfo => ({ id: `${OPENAI_PREFIX}${model}`, label: serverLabel(model, server), kind: 'openai-compatible' });
    // Never asks: a model list is no reason to interrupt, so a key awaiting the user's answer is not sent.
    const apiKey = keyWithoutAsking(decideKey(server, await this.keys.ring(), this.keys.consent()));
    const listed = await listServerModels(
      { baseUrl: settings.baseUrl, model: settings.model, headers: settings.headers, ...(apiKey ? { apiKey } : {}) },
      AbortSignal.timeout(LIST_TIMEOUT_MS),
      this.log,
    );
    return [settings.model, ...listed.filter((id) => id !== settings.model)].map(info);
  }
}

function inUse(settings: ServerSettings): ServerInUse {
  return { baseUrl: settings.baseUrl, fromWorkspace: settings.baseUrlFromWorkspace, userBaseUrl: settings.userBaseUrl };
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
