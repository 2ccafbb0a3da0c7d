// The conversation and its state machine, free of VS Code: the extension
// feeds it the webview's messages and forwards what it posts. The user's
// message is stored before anything can fail; each persona's answer streams
// into the conversation and to the view; failures stay in the conversation
// with what to do about them, and whatever text arrived before one is kept.
import type { CoachContext } from './coach';
import type { Persona } from './personas/persona';
import { personaLabel } from './personas/persona';
import { buildMessages, type Grounding, type PanelPosition } from './prompt';
import type {
  AssistantEntry,
  ConversationEntry,
  ErrorInfo,
  ModelInfo,
  SlashCommand,
  ToWebview,
  UserEntry,
} from './protocol';
import { boundedRetryAfter, ChatError, type ChatMessage, type ChatProvider } from './providers/types';
import { interpretMessage } from './slash';

/**
 * What a provider may need beyond the messages: the offline coach answers
 * from the persona, grounding and command alone.
 */
export interface AskContext extends CoachContext {
  /** The full slash command, for providers that treat one specially (`/template`). */
  slash?: SlashCommand;
  template?: TurnContext['template'];
}

export interface ResolvedProvider {
  provider: ChatProvider;
  /** The built-in coach: its answers are labelled "not an AI model". */
  offlineCoach: boolean;
}

/** Resolved per message, at send and at retry time, so a retry sees the document as it is now. */
export interface TurnContext {
  grounding: Grounding;
  /** Where the grounded document lives (a URI string), for mapping review quotes back to it. */
  documentUri?: string;
  /** For `/template`: the template as plain Markdown. */
  template?: { name: string; text: string };
}

export interface SessionOptions {
  personas(): readonly Persona[];
  /** The provider for one answer; throws ChatError when the model cannot be used. */
  providerFor(modelId: string | undefined, ask: AskContext): ResolvedProvider | Promise<ResolvedProvider>;
  /** The grounding for a message; throws ChatError for requests that cannot be served (unknown template). */
  context(message: UserEntry): TurnContext | Promise<TurnContext>;
  post(message: ToWebview): void;
  /** The conversation changed; `urgent` for the user's message and for finished answers. */
  onChange?(entries: readonly ConversationEntry[], urgent: boolean): void;
  /** An answer finished (complete, or cut off with text). */
  onAnswer?(event: { user: UserEntry; answer: AssistantEntry; persona: Persona; context: TurnContext }): void;
  /** Before an answer starts: e.g. a note about ignored workspace settings. Returned errors go into the conversation. */
  notices?(): ErrorInfo[];
  newId?(): string;
  now?(): number;
}

interface RunningTurn {
  replyTo: string;
  controller: AbortController;
  done: Promise<void>;
}

export class ChatSession {
  private list: ConversationEntry[] = [];
  private running: RunningTurn | undefined;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  }

  get entries(): readonly ConversationEntry[] {
    return this.list;
  }

  /** The user message being answered, if any. */
  get busyWith(): string | undefined {
    return this.running?.replyTo;
  }

  /** Restores a saved conversation (no turn may be running). */
  load(entries: readonly ConversationEntry[]): void {
    this.list = [...entries];
  }

  /** Stores the message, then asks each of its personas in turn. Resolves when the turn is over. */
  async send(message: UserEntry, modelId?: string): Promise<void> {
    if (this.list.some((entry) => entry.id === message.id)) return;
    await this.stopRunning();
    this.list.push(message);
    this.changed(true);
    await this.run(message, message.personaIds, modelId, 0);
  }

  /** Asks again: one persona, or every persona of the message. Waits out a 429's retry-after first. */
  async retry(replyTo: string, personaId?: string, modelId?: string): Promise<void> {
    await this.stopRunning();
    const user = this.list.find((entry): entry is UserEntry => entry.role === 'user' && entry.id === replyTo);
    if (!user) return;
    const replaced = this.list.filter(
      (entry): entry is AssistantEntry =>
        entry.role === 'assistant' && entry.replyTo === replyTo && (personaId === undefined || entry.personaId === personaId),
    );
    const retryAt = Math.max(0, ...replaced.map((entry) => entry.retryAt ?? 0));
    this.list = this.list.filter((entry) => !replaced.includes(entry as AssistantEntry));
    this.changed(true);
    await this.run(user, personaId ? [personaId] : user.personaIds, modelId, retryAt);
  }

  /** Stops the answers to `replyTo`; what arrived so far is kept, marked stopped. */
  stop(replyTo: string): void {
    if (this.running?.replyTo === replyTo) this.running.controller.abort();
  }

  async newConversation(): Promise<void> {
    await this.stopRunning();
    this.list = [];
    this.changed(true);
  }

  private async stopRunning(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.done;
  }

  private run(user: UserEntry, personaIds: readonly string[], modelId: string | undefined, retryAt: number): Promise<void> {
    const controller = new AbortController();
    const done = this.turn(user, personaIds, modelId, retryAt, controller.signal).finally(() => {
      if (this.running?.controller === controller) this.running = undefined;
      this.options.post({ type: 'turnComplete', replyTo: user.id });
    });
    this.running = { replyTo: user.id, controller, done };
    return done;
  }

  private async turn(
    user: UserEntry,
    personaIds: readonly string[],
    modelId: string | undefined,
    retryAt: number,
    signal: AbortSignal,
  ): Promise<void> {
    let context: TurnContext;
    try {
      await waitUntil(retryAt, this.now, signal);
      context = await this.options.context(user);
    } catch (error) {
      if (!signal.aborted) this.fail(user.id, undefined, errorInfo(error));
      return;
    }
    for (const notice of this.options.notices?.() ?? []) this.fail(user.id, undefined, notice);
    for (const personaId of personaIds) {
      if (signal.aborted) return;
      await this.answer(user, personaId, modelId, context, signal);
    }
  }

  private async answer(
    user: UserEntry,
    personaId: string,
    modelId: string | undefined,
    context: TurnContext,
    signal: AbortSignal,
  ): Promise<void> {
    const persona = this.options.personas().find((candidate) => candidate.id === personaId);
    if (!persona) {
      this.fail(user.id, personaId, {
        code: 'unknown',
        message: `The persona "${personaId}" is no longer available (its file may have been removed or renamed).`,
        hint: 'Pick another persona and send the question again.',
      });
      return;
    }
    const { command, question } = interpretMessage(user);
    const ask: AskContext = {
      persona,
      ...(context.grounding.document ? { document: context.grounding.document } : {}),
      ...(context.grounding.findings ? { findings: [...context.grounding.findings] } : {}),
      command: command?.name === 'review' || command?.name === 'metrics' ? command.name : 'ask',
      question,
      ...(user.finding ? { finding: user.finding } : {}),
      ...(command ? { slash: command } : {}),
      ...this.panelBefore(user, personaId),
      ...(context.template ? { template: context.template } : {}),
    };
    let resolved: ResolvedProvider;
    try {
      resolved = await this.options.providerFor(modelId, ask);
    } catch (error) {
      this.fail(user.id, personaId, errorInfo(error));
      return;
    }
    const messages = buildMessages({
      persona,
      question,
      command,
      grounding: context.grounding,
      finding: user.finding,
      template: context.template,
      history: this.historyFor(user, personaId),
      panel: this.panelFor(user, persona),
    });

    const entry: AssistantEntry = {
      role: 'assistant',
      id: this.newId(),
      replyTo: user.id,
      personaId,
      text: '',
      status: 'streaming',
      offlineCoach: resolved.offlineCoach,
      model: resolved.provider.label,
    };
    this.insertAnswer(entry);
    this.options.post({ type: 'streamStart', messageId: entry.id, replyTo: user.id, personaId, offlineCoach: entry.offlineCoach });
    try {
      for await (const piece of resolved.provider.stream({ messages, signal })) {
        if (signal.aborted) break;
        entry.text += piece;
        this.options.post({ type: 'streamChunk', messageId: entry.id, text: piece });
        this.changed(false);
      }
      if (signal.aborted) throw cancelled();
      if (!entry.text.trim()) {
        throw new ChatError('unknown', 'The model sent an empty answer.', 'Retry, or pick another model.');
      }
      entry.status = 'complete';
      this.options.post({ type: 'streamEnd', messageId: entry.id });
      this.changed(true);
      this.options.onAnswer?.({ user, answer: entry, persona, context });
    } catch (error) {
      const info = signal.aborted ? errorInfo(cancelled()) : errorInfo(error);
      const partialKept = entry.text.length > 0;
      entry.status = info.code === 'cancelled' ? 'stopped' : partialKept ? 'incomplete' : 'failed';
      entry.error = info;
      if (info.retryAfterMs !== undefined) entry.retryAt = this.now() + info.retryAfterMs;
      this.options.post({ type: 'error', replyTo: user.id, messageId: entry.id, personaId, partialKept, ...info });
      this.changed(true);
      if (partialKept && info.code === 'cut-off') this.options.onAnswer?.({ user, answer: entry, persona, context });
    }
  }

  /** A failure before any text: kept in the conversation as a failed answer. */
  private fail(replyTo: string, personaId: string | undefined, info: ErrorInfo): void {
    const entry: AssistantEntry = {
      role: 'assistant',
      id: this.newId(),
      replyTo,
      ...(personaId ? { personaId } : {}),
      text: '',
      status: 'failed',
      offlineCoach: false,
      error: info,
      ...(info.retryAfterMs !== undefined ? { retryAt: this.now() + info.retryAfterMs } : {}),
    };
    this.insertAnswer(entry);
    this.options.post({
      type: 'error',
      replyTo,
      messageId: entry.id,
      ...(personaId ? { personaId } : {}),
      partialKept: false,
      ...info,
    });
    this.changed(true);
  }

  /** Earlier questions to this persona with its answers, for follow-up questions. */
  private historyFor(current: UserEntry, personaId: string): ChatMessage[] {
    const messages: ChatMessage[] = [];
    for (const entry of this.list) {
      if (entry.id === current.id) break;
      if (entry.role !== 'user' || !entry.personaIds.includes(personaId)) continue;
      const answer = this.list.find(
        (candidate): candidate is AssistantEntry =>
          candidate.role === 'assistant' && candidate.replyTo === entry.id && candidate.personaId === personaId && candidate.text.length > 0,
      );
      if (!answer) continue;
      messages.push({ role: 'user', content: interpretMessage(entry).question || entry.text }, { role: 'assistant', content: answer.text });
    }
    return messages;
  }

  /** On a panel, the personas asked before `personaId` (each adds what the others did not say). */
  private panelBefore(user: UserEntry, personaId: string): { panelBefore?: Persona[] } {
    const earlier = user.personaIds.slice(0, user.personaIds.indexOf(personaId));
    const personas = this.options.personas();
    const found = earlier.flatMap((id) => personas.filter((candidate) => candidate.id === id));
    return found.length > 0 ? { panelBefore: found } : {};
  }

    private panelFor(user: UserEntry, persona: Persona): PanelPosition | undefined {
    if (user.personaIds.length < 2) return undefined;
    const personas = this.options.personas();
    const label = (id: string) => {
      const found = personas.find((candidate) => candidate.id === id);
      return found ? personaLabel(found) : id;
    };
    const earlier = this.list
      .filter(
        (entry): entry is AssistantEntry =>
          entry.role === 'assistant' && entry.replyTo === user.id && entry.personaId !== persona.id && entry.text.length > 0,
      )
      .map((entry) => ({ label: label(entry.personaId ?? ''), text: entry.text }));
    return { labels: user.personaIds.map(label), earlier };
  }

  // An answer goes after its question and the answers already given to it (as the view places it).
  private insertAnswer(entry: AssistantEntry): void {
    let at = -1;
    this.list.forEach((candidate, index) => {
      if (candidate.id === entry.replyTo || (candidate.role === 'assistant' && candidate.replyTo === entry.replyTo)) at = index;
    });
    if (at < 0) this.list.push(entry);
    else this.list.splice(at + 1, 0, entry);
  }

  private changed(urgent: boolean): void {
    // A copy: the listener may hold on to it (a save in progress) while the list grows.
    this.options.onChange?.([...this.list], urgent);
  }
}

/**
 * The model that answers: the one picked in the view when it is available,
 * else the preference from settings (`auto`: a VS Code language model, else
 * the OpenAI-compatible server, else the offline coach).
 */
export function pickModel(
  models: readonly ModelInfo[],
  preference: 'auto' | 'vscode-lm' | 'openai' | 'offline',
  requested?: string,
): ModelInfo | undefined {
  const chosen = requested ? models.find((model) => model.id === requested) : undefined;
  if (chosen) return chosen;
  const first = (kind: ModelInfo['kind']) => models.find((model) => model.kind === kind);
  const preferred =
    preference === 'vscode-lm'
      ? first('vscode-lm')
      : preference === 'openai'
        ? first('openai-compatible')
        : preference === 'offline'
          ? first('offline-coach')
          : undefined;
  return preferred ?? first('vscode-lm') ?? first('openai-compatible') ?? first('offline-coach');
}

function cancelled(): ChatError {
  return new ChatError('cancelled', 'The answer was stopped.', 'Send the message again, or press Retry, for a new answer.');
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof ChatError) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: boundedRetryAfter(error.retryAfterMs) } : {}),
    };
  }
  return {
    code: 'unknown',
    message: `Something failed while answering: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Retry; if it keeps failing, look at the "Outcome Lens" output for details.',
  };
}

/** Waits until the epoch time `at` (a 429's retry-after), or until stopped. */
function waitUntil(at: number, now: () => number, signal: AbortSignal): Promise<void> {
  const ms = at - now();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
