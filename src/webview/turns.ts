// Turns: a question and the answers the extension streams to it. Keeps the
// answers in the view state as they start, grow, end, fail, are stopped or
// retried, and which turn is still busy (at most one at a time).
import type { AssistantEntry, ConversationEntry, ErrorInfo, ToWebview } from '../chat/protocol';
import type { ConversationLog } from './conversation-log';
import { newId } from './dom';
import type { Post } from './host-messages';
import type { ViewStore } from './view-store';

export class Turns {
  /** The user message whose answers are still expected. */
  private busyTurn: string | undefined;
  /** Turns the user stopped: late chunks for them are dropped. */
  private readonly stoppedTurns = new Set<string>();

  constructor(
    private readonly store: ViewStore,
    private readonly log: ConversationLog,
    private readonly post: Post,
    /** Called whenever the turn becomes busy or idle. */
    private readonly onBusyChange: () => void,
  ) {}

  get busy(): boolean {
    return this.busyTurn !== undefined;
  }

  /** The user sent `messageId`: its answers are now expected. */
  begin(messageId: string): void {
    this.busyTurn = messageId;
  }

  /** A history from the extension: an answer in it still streaming keeps its turn busy. */
  replaceHistory(history: ConversationEntry[]): void {
    this.store.state.entries = history;
    this.log.forgetAll();
    const streaming = history.find((entry) => entry.role === 'assistant' && entry.status === 'streaming');
    this.busyTurn = streaming?.role === 'assistant' ? streaming.replyTo : undefined;
  }

  streamStart(messageId: string, replyTo: string, personaId: string, offlineCoach: boolean): void {
    if (this.stoppedTurns.has(replyTo)) return;
    const entry: AssistantEntry = {
      role: 'assistant',
      id: messageId,
      replyTo,
      personaId,
      text: '',
      status: 'streaming',
      offlineCoach,
    };
    this.removeEntry(messageId);
    this.insertAnswer(entry);
    this.busyTurn = replyTo;
    this.onBusyChange();
    this.log.render();
    this.store.save();
  }

  streamChunk(messageId: string, text: string): void {
    const entry = this.store.assistant(messageId);
    if (!entry || entry.status !== 'streaming' || !this.log.isStreaming(messageId)) return;
    entry.text += text;
    this.log.appendToStream(messageId, text);
    this.store.save();
  }

  finish(messageId: string, status: AssistantEntry['status'], error?: ErrorInfo): void {
    const entry = this.store.assistant(messageId);
    if (!entry || entry.status !== 'streaming') return;
    entry.status = status;
    if (error) entry.error = error;
    this.log.endStream(messageId);
    this.log.refresh(entry);
    this.store.save();
  }

  showError(message: Extract<ToWebview, { type: 'error' }>): void {
    if (this.stoppedTurns.has(message.replyTo) && message.code === 'cancelled') return;
    const error: ErrorInfo = {
      code: message.code,
      message: message.message,
      hint: message.hint,
      retryAfterMs: message.retryAfterMs,
    };
    const existing = message.messageId ? this.store.assistant(message.messageId) : undefined;
    if (existing && existing.status === 'streaming') {
      const keep = message.partialKept && existing.text.length > 0;
      setRetryAt(existing, error);
      this.finish(existing.id, keep ? 'incomplete' : 'failed', error);
    } else if (!existing) {
      const entry: AssistantEntry = {
        role: 'assistant',
        id: message.messageId ?? `error-${newId()}`,
        replyTo: message.replyTo,
        personaId: message.personaId,
        text: '',
        status: 'failed',
        offlineCoach: false,
        error,
      };
      setRetryAt(entry, error);
      this.insertAnswer(entry);
      this.log.render();
    }
    this.store.save();
  }

  turnComplete(replyTo: string): void {
    for (const entry of this.store.state.entries) {
      // An answer that never got its end marker did not finish.
      if (entry.role === 'assistant' && entry.replyTo === replyTo && entry.status === 'streaming') {
        this.finish(entry.id, 'incomplete', {
          code: 'cut-off',
          message: 'The answer ended without being finished.',
          hint: 'Retry to ask again.',
        });
      }
    }
    if (this.busyTurn === replyTo) this.busyTurn = undefined;
    this.onBusyChange();
  }

  /** Stops the busy turn; false when there was none. */
  stop(): boolean {
    const turn = this.busyTurn;
    if (!turn) return false;
    this.stoppedTurns.add(turn);
    this.post({ type: 'stop', replyTo: turn });
    for (const entry of this.store.state.entries) {
      if (entry.role === 'assistant' && entry.replyTo === turn) this.finish(entry.id, 'stopped');
    }
    this.busyTurn = undefined;
    this.onBusyChange();
    this.store.save();
    return true;
  }

  retry(entry: AssistantEntry): void {
    if (this.busyTurn) return;
    this.stoppedTurns.delete(entry.replyTo);
    this.removeEntry(entry.id);
    this.post({ type: 'retry', replyTo: entry.replyTo, personaId: entry.personaId, modelId: this.store.currentModelId() });
    this.busyTurn = entry.replyTo;
    this.log.render();
    this.onBusyChange();
    this.store.save();
  }

  // An answer goes after its question and the answers already given to it.
  private insertAnswer(entry: AssistantEntry): void {
    const entries = this.store.state.entries;
    let at = -1;
    entries.forEach((candidate, index) => {
      if (candidate.id === entry.replyTo || (candidate.role === 'assistant' && candidate.replyTo === entry.replyTo)) {
        at = index;
      }
    });
    if (at < 0) entries.push(entry);
    else entries.splice(at + 1, 0, entry);
  }

  private removeEntry(id: string): void {
    this.store.state.entries = this.store.state.entries.filter((entry) => entry.id !== id);
    this.log.forget(id);
  }
}

function setRetryAt(entry: AssistantEntry, error: ErrorInfo): void {
  if (error.retryAfterMs) entry.retryAt = Date.now() + error.retryAfterMs;
}
