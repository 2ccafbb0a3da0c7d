// "Configure a model…" in the chat's model picker: base URL, key and model,
// one step at a time, with the model list read from the server itself. The
// settings go to the user's settings (window scoped, so they apply in remote
// windows too) and the key to SecretStorage, for that server's origin only.
import * as vscode from 'vscode';
import { listServerModels } from '../../chat/server-access';
import { describeBaseUrl, originOf } from '../../chat/providers/server-url';
import type { HistoryStore } from '../../chat/history';
import type { ApiKeys } from './secrets';
import { serverSettings } from './server-settings';

const TITLE = 'Outcome Lens: Configure a Model';
const LIST_TIMEOUT_MS = 8000;

export async function configureModel(keys: ApiKeys, history: HistoryStore, log: (message: string) => void): Promise<boolean> {
  const current = serverSettings();
  const baseUrl = await vscode.window.showInputBox({
    title: `${TITLE} (1/3): server`,
    prompt: 'The API root of an OpenAI-compatible server: Ollama, LM Studio, llama.cpp, vLLM, OpenAI or a proxy.',
    value: current.baseUrl || 'http://127.0.0.1:11434/v1',
    ignoreFocusOut: true,
    validateInput: baseUrlProblem,
  });
  if (!baseUrl) return false;
  const origin = originOf(baseUrl)!;

  const stored = (await keys.ring()).byOrigin[origin];
  const typed = await vscode.window.showInputBox({
    title: `${TITLE} (2/3): API key`,
    prompt: `The key for ${origin}, sent to that server only and kept in VS Code\u2019s secret storage. Leave empty when the server needs none (Ollama, LM Studio).`,
    placeHolder: stored ? 'A key is stored for this server: leave empty to keep it' : 'No key',
    password: true,
    ignoreFocusOut: true,
  });
  if (typed === undefined) return false;
  if (typed.trim()) await keys.set(typed.trim(), origin);
  const apiKey = typed.trim() || stored;

  let failure = '';
  const listed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Asking ${describeBaseUrl(baseUrl)} for its models…` },
    () =>
      listServerModels({ baseUrl, model: '', headers: current.headers, ...(apiKey ? { apiKey } : {}) }, AbortSignal.timeout(LIST_TIMEOUT_MS), (message) => {
        failure = message.replace(/^chat: /, '');
        log(message);
      }),
  );
  const model = listed.length > 0 ? await pickListed(listed, current.model) : await typeModel(current.model, failure);
  if (!model) return false;

  const config = vscode.workspace.getConfiguration('outcomeLens');
  await config.update('chat.openai.baseUrl', baseUrl.trim(), vscode.ConfigurationTarget.Global);
  await config.update('chat.openai.model', model, vscode.ConfigurationTarget.Global);
  await history.choose({ modelId: `openai:${model}` });
  const overridden = serverSettings();
  if (overridden.baseUrlFromWorkspace && overridden.baseUrl !== baseUrl.trim()) {
    void vscode.window.showWarningMessage(
      `Outcome Lens: saved in your user settings, but this workspace's settings choose another server (${describeBaseUrl(overridden.baseUrl)}), which still wins here.`,
    );
  } else {
    void vscode.window.showInformationMessage(`Outcome Lens: the chat now uses ${model} on ${describeBaseUrl(baseUrl)}.`);
  }
  return true;
}

function baseUrlProblem(value: string): string | undefined {
  const origin = originOf(value);
  if (!origin) return 'Enter a full http:// or https:// address, e.g. http://127.0.0.1:11434/v1';
  const url = new URL(value.trim());
  if (url.username || url.password) return 'Leave the user name and password out: the key is asked for next, and kept in secret storage.';
  return undefined;
}

async function pickListed(models: string[], current: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    models.map((id) => ({ label: id, ...(id === current ? { description: 'current' } : {}) })),
    { title: `${TITLE} (3/3): model`, placeHolder: 'The models this server offers', ignoreFocusOut: true },
  );
  return picked?.label;
}

async function typeModel(current: string, failure: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: `${TITLE} (3/3): model`,
    prompt: failure ? `The server did not list its models (${failure}). Type the model name.` : 'The server lists no models. Type the model name.',
    value: current,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter a model name, e.g. llama3.1'),
  });
  return name?.trim() || undefined;
}
