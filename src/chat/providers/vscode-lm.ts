// Chat provider over the VS Code Language Model API (`vscode.lm`): models
// that other extensions contribute, such as GitHub Copilot's. VS Code asks
// the user for consent the first time an extension sends a request; a
// refusal and the other LanguageModelErrors become ChatErrors with hints.
import * as vscode from 'vscode';
import type { ModelInfo } from '../protocol';
import { ChatError, type ChatMessage, type ChatProvider, type ChatRequest } from './types';

const JUSTIFICATION =
  'Outcome Lens sends your question, and the document and findings you chose to include, to answer as the persona you picked.';

export function lmModelId(model: Pick<vscode.LanguageModelChat, 'vendor' | 'id'>): string {
  return `vscode-lm:${model.vendor}/${model.id}`;
}

export function lmModelInfo(model: vscode.LanguageModelChat): ModelInfo {
  return { id: lmModelId(model), label: `${model.name} (${model.vendor})`, kind: 'vscode-lm' };
}

/** Every chat model VS Code offers, for the picker. Never throws: no models is an empty list. */
export async function listLmModels(): Promise<vscode.LanguageModelChat[]> {
  try {
    const models = await vscode.lm.selectChatModels();
    return [...models].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

export class VsCodeLmProvider implements ChatProvider {
  readonly id: string;
  readonly label: string;

  constructor(private readonly model: vscode.LanguageModelChat) {
    this.id = lmModelId(model);
    this.label = lmModelInfo(model).label;
  }

  /** The provider for a picker id, or a `no-model` error when that model has gone. */
  static async forId(id: string): Promise<VsCodeLmProvider> {
    const models = await listLmModels();
    const model = models.find((candidate) => lmModelId(candidate) === id);
    if (model) return new VsCodeLmProvider(model);
    throw new ChatError(
      'no-model',
      models.length === 0
        ? 'No VS Code language model is available.'
        : `The language model "${id.replace(/^vscode-lm:/, '')}" is no longer available.`,
      models.length === 0
        ? 'Install and sign in to an extension that provides chat models (such as GitHub Copilot), or pick the offline coach.'
        : 'Pick another model in the model picker.',
    );
  }

  async *stream(request: ChatRequest): AsyncIterable<string> {
    if (request.signal.aborted) throw stopped();
    const source = new vscode.CancellationTokenSource();
    const cancel = () => source.cancel();
    request.signal.addEventListener('abort', cancel, { once: true });
    let started = false;
    try {
      const response = await this.model.sendRequest(toLmMessages(request.messages), { justification: JUSTIFICATION }, source.token);
      for await (const piece of response.text) {
        if (request.signal.aborted) throw stopped();
        started = true;
        if (piece) yield piece;
      }
      if (request.signal.aborted) throw stopped();
    } catch (error) {
      throw request.signal.aborted ? stopped() : mapLmError(error, this.model.name, started);
    } finally {
      request.signal.removeEventListener('abort', cancel);
      source.dispose();
    }
  }
}

/**
 * The Language Model API has no system role: the persona's instructions go
 * first, as a user message, which is what VS Code's own chat does too.
 */
export function toLmMessages(messages: readonly ChatMessage[]): vscode.LanguageModelChatMessage[] {
  return messages.map((message) =>
    message.role === 'assistant'
      ? vscode.LanguageModelChatMessage.Assistant(message.content)
      : vscode.LanguageModelChatMessage.User(message.content),
  );
}

/** Maps what sendRequest or the response stream throws; `started` when text had arrived. */
export function mapLmError(error: unknown, modelName: string, started = false): ChatError {
  if (error instanceof ChatError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const detail = message ? ` (${message})` : '';
  if (error instanceof vscode.LanguageModelError) {
    switch (error.code) {
      case vscode.LanguageModelError.NoPermissions().code:
        return new ChatError(
          'consent',
          `Outcome Lens may not use ${modelName}${detail}.`,
          'Send again and choose Allow when VS Code asks, or manage model access in the Accounts menu; the offline coach needs no permission.',
          { cause: error },
        );
      case vscode.LanguageModelError.Blocked().code:
        return new ChatError(
          'forbidden',
          `${modelName} refused the request${detail}.`,
          'The model provider blocked it (a quota, a content filter or a policy): wait and retry, or pick another model.',
          { cause: error },
        );
      case vscode.LanguageModelError.NotFound().code:
        return new ChatError('no-model', `${modelName} is no longer available${detail}.`, 'Pick another model in the model picker.', {
          cause: error,
        });
    }
  }
  if (error instanceof vscode.CancellationError) {
    return new ChatError('cancelled', 'The answer was stopped.', 'Send the message again for a new answer.', { cause: error });
  }
  if (started) {
    return new ChatError('cut-off', `${modelName} stopped in the middle of the answer${detail}.`, 'The partial answer is kept; retry for a full one.', {
      cause: error,
    });
  }
  return new ChatError('unknown', `${modelName} could not answer${detail}.`, 'Retry, or pick another model.', { cause: error });
}

function stopped(): ChatError {
  return new ChatError('cancelled', 'The answer was stopped.', 'Send the message again for a new answer.');
}
