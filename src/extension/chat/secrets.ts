// The OpenAI-compatible server's API key lives only in SecretStorage (the
// operating system's keychain): never in settings, logs or the webview.
import * as vscode from 'vscode';

const KEY = 'outcomeLens.chat.openai.apiKey';

export class ApiKeys {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArg, disposables) =>
      secrets.onDidChange((event) => {
        if (event.key === KEY) listener.call(thisArg);
      }, undefined, disposables);
  }

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(KEY)) || undefined;
  }

  /**
   * "Set API Key": asks for the key in a password box. Callers without UI
   * (tests, other extensions' commands) may pass it. Returns whether a key was stored.
   */
  async set(given?: unknown): Promise<boolean> {
    const key =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Outcome Lens: Set API Key',
            prompt: 'The key for the OpenAI-compatible server in outcomeLens.chat.openai.baseUrl. It is kept in VS Code\u2019s secret storage, never in settings.',
            password: true,
            ignoreFocusOut: true,
            validateInput: (value) => (value.trim() ? undefined : 'Enter the key, or press Escape to cancel'),
          });
    if (key === undefined || !key.trim()) return false;
    await this.secrets.store(KEY, key.trim());
    void vscode.window.showInformationMessage('Outcome Lens: the API key is stored in VS Code\u2019s secret storage.');
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(KEY);
    void vscode.window.showInformationMessage('Outcome Lens: the API key was removed.');
  }
}
