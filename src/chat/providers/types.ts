// What every model back end (vscode.lm, OpenAI-compatible HTTP, offline coach)
// offers the chat: a stream of text chunks, and failures as ChatError with a
// hint that tells the user what to do next.

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  signal: AbortSignal;
}

export interface ChatProvider {
  /** Stable id, e.g. `offline-coach`, `openai:llama3.1`, `vscode-lm:copilot/gpt-4o`. */
  readonly id: string;
  /** Shown in the model picker. */
  readonly label: string;
  /** Yields the answer's text as it arrives. Throws ChatError on failure. */
  stream(request: ChatRequest): AsyncIterable<string>;
}

export type ChatErrorCode =
  | 'unreachable' // connection refused, DNS failure
  | 'bad-url' // the base URL is not a usable http(s) URL, or the path is not an API
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'model-not-found' // 404 for the model
  | 'rate-limited' // 429
  | 'server-error' // 5xx
  | 'timeout' // no first byte / no progress in time
  | 'malformed-stream' // the bytes were not the SSE chat protocol
  | 'cut-off' // the stream ended before the answer was finished
  | 'filtered' // the server's content filter stopped the answer (finish_reason content_filter)
  | 'redirected' // the server redirected the request to another origin, which is not followed
  | 'cancelled' // the user pressed stop
  | 'no-model' // no model available (vscode.lm)
  | 'consent' // the user did not allow the extension to use the model
  | 'untrusted' // the workspace is untrusted and the setting came from it
  | 'unknown';

/**
 * The longest wait a 429 can impose. Servers have sent absurd Retry-After
 * values (fourteen digits, or enough nines to become Infinity); any wait is
 * shown to the user and stored with the answer, so it must be a sane number.
 */
export const MAX_RETRY_AFTER_MS = 15 * 60 * 1000;

/** A retry-after from any source as a whole number of ms in [0, MAX_RETRY_AFTER_MS]. */
export function boundedRetryAfter(ms: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
}

export class ChatError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
    /** What the user can do about it, one sentence. */
    readonly hint: string,
    readonly options: { retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChatError';
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  get status(): number | undefined {
    return this.options.status;
  }
}
