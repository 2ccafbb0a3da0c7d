// The OpenAI-compatible server's API keys live only in SecretStorage (the
// operating system's keychain): never in settings, logs or the webview. Each
// key is stored for the origin it was set for (src/chat/server-access.ts
// decides which key goes where); the user's answers about sending a key to a
// workspace's server are remembered per origin.
import * as vscode from 'vscode';
import * as z from 'zod';
import type { KeyConsent, KeyRing } from '../../chat/server-access';

/** Keys by origin, as JSON. */
const KEYS = 'outcomeLens.chat.openai.apiKeys';
/** The single key of earlier versions, which had no origin: it stays the user's own server's key. */
const UNBOUND_KEY = 'outcomeLens.chat.openai.apiKey';
const CONSENT = 'outcomeLens.chat.keyConsent';

const byOriginSchema = z.record(z.string(), z.string().min(1));

export class ApiKeys {
  readonly onDidChange: vscode.Event<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** Global state: the consent answers are the user's, across workspaces. */
    private readonly memory: vscode.Memento,
  ) {
    this.onDidChange = (listener, thisArg, disposables) =>
      secrets.onDidChange((event) => {
        if (event.key === KEYS || event.key === UNBOUND_KEY) listener.call(thisArg);
      }, undefined, disposables);
  }

  async ring(): Promise<KeyRing> {
    const unbound = (await this.secrets.get(UNBOUND_KEY)) || undefined;
    return { byOrigin: await this.byOrigin(), ...(unbound ? { unbound } : {}) };
  }

  consent(): KeyConsent {
    const parsed = z.record(z.string(), z.boolean()).safeParse(this.memory.get(CONSENT));
    return parsed.success ? parsed.data : {};
  }

  async remember(origin: string, send: boolean): Promise<void> {
    await this.memory.update(CONSENT, { ...this.consent(), [origin]: send });
  }

  /**
   * "Set API Key": asks for the key in a password box, for the server in use
   * (`origin`; without one the key belongs to the user's own server). Callers
   * without UI (tests, other extensions' commands) may pass it. Returns whether a key was stored.
   */
  async set(given: unknown, origin: string | undefined): Promise<boolean> {
    const key =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Outcome Lens: Set API Key',
            prompt: `The key for ${origin ?? 'the OpenAI-compatible server in outcomeLens.chat.openai.baseUrl'}; it is sent to that server only. It is kept in VS Code\u2019s secret storage, never in settings.`,
            password: true,
            ignoreFocusOut: true,
            validateInput: (value) => (value.trim() ? undefined : 'Enter the key, or press Escape to cancel'),
          });
    if (key === undefined || !key.trim()) return false;
    if (origin) await this.secrets.store(KEYS, JSON.stringify({ ...(await this.byOrigin()), [origin]: key.trim() }));
    else await this.secrets.store(UNBOUND_KEY, key.trim());
    void vscode.window.showInformationMessage(
      `Outcome Lens: the API key${origin ? ` for ${origin}` : ''} is stored in VS Code\u2019s secret storage.`,
    );
    return true;
  }

  /** Removes every key and every remembered answer. */
  async clear(): Promise<void> {
    await this.secrets.delete(KEYS);
    await this.secrets.delete(UNBOUND_KEY);
    await this.memory.update(CONSENT, undefined);
    void vscode.window.showInformationMessage('Outcome Lens: the API keys were removed.');
  }

  private async byOrigin(): Promise<Record<string, string>> {
    const raw = await this.secrets.get(KEYS);
    if (!raw) return {};
    try {
      const parsed = byOriginSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
}
