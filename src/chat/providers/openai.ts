// Chat provider for any server that speaks the OpenAI Chat Completions API with
// streaming: Ollama, LM Studio, llama.cpp's server, vLLM, OpenAI and the many
// proxies in front of them. The answer arrives as Server-Sent Events whose data
// lines are JSON chunks carrying `choices[0].delta.content`, ended by `[DONE]`.
//
// Everything that can go wrong becomes a ChatError whose message says what
// happened and whose hint says what the user can do. The API key never appears
// in a message, even when the server echoes it back.

import { SseParser, type SseEvent } from '../sse';
import { describeBaseUrl } from './server-url';
import { boundedRetryAfter, ChatError, type ChatProvider, type ChatRequest } from './types';

export interface OpenAICompatibleOptions {
  /** The API root exactly as configured, e.g. `http://localhost:11434/v1`. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer <key>`; nothing is sent without one. */
  apiKey?: string;
  /** Extra request headers (an organisation id, a proxy token). */
  headers?: Record<string, string>;
  /** Longest wait from sending the request to the first event of the answer (or byte of a JSON reply). */
  timeoutMs?: number;
  /** Longest wait between two events of the answer; `:` keep-alive comments do not count. */
  idleTimeoutMs?: number;
  /** Longest time one whole answer may take, however steadily it streams. */
  answerDeadlineMs?: number;
  /** Replaces the global fetch (the extension host may supply a proxy-aware one). */
  fetch?: typeof fetch;
}

// Generous by default: a local model may need a minute to load and to read a
// long document before its first token.
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_ANSWER_DEADLINE_MS = 10 * 60_000;
/** Same-origin redirects followed for one request (a proxy adding a slash, say). */
const MAX_REDIRECTS = 5;
/** Error bodies are read only this far; the message is in the first few hundred bytes. */
const ERROR_BODY_LIMIT = 64 * 1024;
const SERVER_MESSAGE_LIMIT = 300;

const SET_KEY_HINT = 'Set the API key with the command "Outcome Lens: Set API Key".';
const BASE_URL_HINT =
  'Check outcomeLens.chat.openai.baseUrl: it must be the API root, which for most servers ends in /v1.';

export class OpenAICompatibleProvider implements ChatProvider {
  readonly id: string;
  readonly label: string;

  constructor(private readonly options: OpenAICompatibleOptions) {
    this.id = `openai:${options.model}`;
    this.label = `${options.model} (${describeBaseUrl(options.baseUrl)})`;
  }

  async *stream(request: ChatRequest): AsyncIterable<string> {
    const exchange = new Exchange(this.options, request.signal, 'answer');
    try {
      const response = await exchange.open('/chat/completions', {
        method: 'POST',
        accept: 'text/event-stream',
        body: JSON.stringify({ model: this.options.model, messages: request.messages, stream: true }),
      });
      if (!response.ok) throw await exchange.statusError(response, this.options.model);
      yield* readAnswer(exchange, response);
    } finally {
      exchange.close();
    }
  }

  /** The ids of the models the server offers, sorted, for a model picker. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const exchange = new Exchange(this.options, signal, 'model list');
    try {
      const response = await exchange.open('/models', { method: 'GET', accept: 'application/json' });
      if (!response.ok) throw await exchange.statusError(response, undefined);
      const ids = modelIds(parseJson(await exchange.readText(response)));
      if (!ids) {
        throw new ChatError(
          'malformed-stream',
          `The server at ${exchange.where} did not answer with a model list.`,
          BASE_URL_HINT,
        );
      }
      return ids.sort();
    } finally {
      exchange.close();
    }
  }
}

/** Turns the event stream of a successful response into text pieces. */
async function* readAnswer(exchange: Exchange, response: Response): AsyncGenerator<string> {
  const type = response.headers.get('content-type') ?? '';
  if (/html/i.test(type)) {
    throw new ChatError(
      'malformed-stream',
      `The server at ${exchange.where} answered with a web page instead of a chat stream.`,
      BASE_URL_HINT,
    );
  }
  if (/json/i.test(type)) {
    // Some proxies ignore `stream: true` and send the whole completion at once.
    const whole = await exchange.readText(response);
    yield completionText(parseJson(whole), whole, exchange);
    return;
  }

  const reader = response.body?.getReader();
  const parser = new SseParser();
  const decoder = new TextDecoder();
  let sawEvent = false;
  let opening = '';
  for (let ended = false; !ended; ) {
    // Only events are progress: a server that sends nothing but `:` comments still times out.
    const chunk = reader && (await exchange.read(reader, false));
    ended = !chunk;
    if (chunk && !sawEvent && opening.length < 200) opening += decoder.decode(chunk, { stream: true });
    for (const event of chunk ? parser.push(chunk) : parser.finish()) {
      sawEvent = true;
      exchange.progressed();
      const step = interpretEvent(event, exchange);
      if (step.text) yield step.text;
      if (step.finish) {
        finishError(step.finish);
        return;
      }
      exchange.awaitProgress();
    }
  }
  if (!sawEvent && opening.trim()) {
    throw new ChatError(
      'malformed-stream',
      `The server at ${exchange.where} did not send a chat stream; it began with "${exchange.clean(opening)}".`,
      BASE_URL_HINT,
    );
  }
  throw exchange.cutOff();
}

/** The finish reasons that end an answer early; any other reason means it is complete. */
function finishError(reason: string): void {
  if (reason === 'length') {
    throw new ChatError(
      'cut-off',
      'The answer was cut off: the model reached its length limit.',
      'The partial answer is kept. Ask for a shorter answer, or raise the output limit on the server.',
    );
  }
  if (reason === 'content_filter') {
    throw new ChatError(
      'filtered',
      "The server's content filter stopped this answer (finish_reason content_filter); what arrived before it is kept.",
      'Rephrase the question, or ask the server administrator about the filter.',
    );
  }
}

interface Step {
  text?: string;
  /** Set when the answer is complete: `done` for `[DONE]`, else the finish_reason. */
  finish?: string;
}

function interpretEvent(event: SseEvent, exchange: Exchange): Step {
  const data = event.data.trim();
  if (data === '[DONE]') return { finish: 'done' };
  const value = parseJson(data);
  if (event.event === 'error' || (isRecord(value) && value.error !== undefined)) {
    throw exchange.streamError(serverMessageOf(value) ?? data);
  }
  if (value === undefined) {
    throw new ChatError(
      'malformed-stream',
      `The server at ${exchange.where} sent a stream line that is not JSON: "${exchange.clean(data)}".`,
      'Check that the server speaks the OpenAI Chat Completions API, and look at its log.',
    );
  }
  const choice = firstChoice(value);
  const delta = choice?.delta;
  const step: Step = {};
  if (isRecord(delta) && typeof delta.content === 'string' && delta.content) step.text = delta.content;
  if (typeof choice?.finish_reason === 'string' && choice.finish_reason) step.finish = choice.finish_reason;
  return step;
}

function completionText(value: unknown, raw: string, exchange: Exchange): string {
  if (isRecord(value) && value.error !== undefined) throw exchange.streamError(serverMessageOf(value) ?? raw);
  const message = firstChoice(value)?.message;
  if (isRecord(message) && typeof message.content === 'string') return message.content;
  throw new ChatError(
    'malformed-stream',
    `The server at ${exchange.where} answered with JSON that is not a chat completion.`,
    BASE_URL_HINT,
  );
}

/**
 * One HTTP request with its deadlines and cancellation. The progress timer
 * runs first until the answer starts (its first event; the first byte of a
 * JSON reply), then between events, but only while waiting on the server, not
 * while the caller handles a piece. The answer deadline bounds the whole answer.
 */
class Exchange {
  readonly where: string;
  private readonly controller = new AbortController();
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly deadlineMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private expired: 'first-byte' | 'idle' | 'deadline' | undefined;
  private started = false;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    private readonly options: OpenAICompatibleOptions,
    private readonly caller: AbortSignal | undefined,
    /** What is being fetched, for messages: "answer" or "model list". */
    private readonly subject: string,
  ) {
    this.where = describeBaseUrl(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.deadlineMs = options.answerDeadlineMs ?? DEFAULT_ANSWER_DEADLINE_MS;
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /**
   * Sends the request. Redirects are followed by hand and only within the
   * base URL's origin: a redirect elsewhere would carry the document, the
   * API key and the custom headers to a server the user never chose.
   */
  async open(path: string, init: { method: string; accept: string; body?: string }): Promise<Response> {
    if (this.caller?.aborted) throw cancelledError();
    let url = endpointUrl(this.options.baseUrl, path);
    const headers = this.headers(init.accept, init.body !== undefined);
    this.arm('first-byte', this.timeoutMs);
    if (this.subject === 'answer') {
      this.deadline = setTimeout(() => {
        this.expired = 'deadline';
        this.controller.abort();
      }, this.deadlineMs);
    }
    for (let hops = 0; ; hops += 1) {
      let response: Response;
      try {
        response = await (this.options.fetch ?? fetch)(url, {
          method: init.method,
          headers,
          body: init.body,
          signal: this.controller.signal,
          redirect: 'manual',
        });
      } catch (error) {
        throw this.failure(error, false);
      }
      const location = isRedirect(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const target = redirectTarget(location, url);
      if (!target || target.origin !== url.origin || hops >= MAX_REDIRECTS) {
        throw new ChatError(
          'redirected',
          `The server at ${this.where} redirected the ${this.subject} request to ${target ? describeBaseUrl(target.href) : `"${this.clean(location)}"`}; it was not followed, so neither the document nor your key or headers went there.`,
          target && target.origin !== url.origin
            ? 'If that address is right, make it the base URL in outcomeLens.chat.openai.baseUrl (you will be asked again before your key is sent there).'
            : 'Check outcomeLens.chat.openai.baseUrl: the server keeps redirecting.',
          { status: response.status },
        );
      }
      url = target;
    }
  }

  /**
   * The next body chunk, or undefined at the end of the body. With
   * `bytesAreProgress`, any byte restarts the progress timer (a JSON body);
   * without it, the stream reader says when an event arrived.
   */
  async read(reader: ReadableStreamDefaultReader<Uint8Array>, bytesAreProgress = true): Promise<Uint8Array | undefined> {
    if (bytesAreProgress && this.started) this.arm('idle', this.idleTimeoutMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        if (value.byteLength === 0) continue;
        if (bytesAreProgress) this.started = true;
        return value;
      }
    } catch (error) {
      throw this.failure(error, true);
    } finally {
      if (bytesAreProgress) this.disarm();
    }
  }

  /** An event arrived: the progress timer stops while the caller handles it. */
  progressed(): void {
    this.started = true;
    this.disarm();
  }

  /** Waiting on the server again: the idle timer runs unless it already does. */
  awaitProgress(): void {
    if (this.timer === undefined) this.arm('idle', this.idleTimeoutMs);
  }

  /**
   * The body as text. An error body is read only so far, and a failure while
   * reading it keeps what arrived: the status alone still explains the error.
   */
  async readText(response: Response, errorBody = false): Promise<string> {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (let chunk = reader && (await this.read(reader)); reader && chunk; chunk = await this.read(reader)) {
        text += decoder.decode(chunk, { stream: true });
        if (errorBody && text.length >= ERROR_BODY_LIMIT) break;
      }
    } catch (error) {
      if (!errorBody || (error instanceof ChatError && error.code === 'cancelled')) throw error;
    }
    return text + decoder.decode();
  }

  /** The error for a response with a non-2xx status; `model` is the model asked for, if any. */
  async statusError(response: Response, model: string | undefined): Promise<ChatError> {
    const status = response.status;
    const body = await this.readText(response, true);
    const json = parseJson(body);
    const found = json === undefined ? plainTextMessage(body) : serverMessageOf(json);
    const said = found ? ` The server said: "${this.clean(found)}"` : '';
    const where = this.where;
    const options = { status };

    if (status === 401) {
      const what = this.apiKey() ? 'rejected the API key' : 'requires an API key';
      return new ChatError('unauthorized', `The server at ${where} ${what} (401).${said}`, SET_KEY_HINT, options);
    }
    if (status === 403) {
      const access = model ? `to use model "${model}"` : 'to list models';
      return new ChatError(
        'forbidden',
        `The server at ${where} refused access (403).${said}`,
        `Check that your API key is allowed ${access}, or ask the server's administrator.`,
        options,
      );
    }
    const modelMissing =
      model !== undefined &&
      ((status === 404 && json !== undefined) ||
        (status === 400 && /model/i.test(found ?? '') && /not (be )?found|does not exist/i.test(found ?? '')));
    if (modelMissing) {
      return new ChatError(
        'model-not-found',
        `Model "${model}" was not found on the server at ${where} (${status}).${said}`,
        `Check the model name in outcomeLens.chat.openai.model; with Ollama, download it with "ollama pull ${model}".`,
        options,
      );
    }
    if (status === 404) {
      // A router's plain 404 (no JSON error) means the path is not an API at all.
      return new ChatError('bad-url', `There is no API at ${where} (404).${said}`, BASE_URL_HINT, options);
    }
    if (status === 429) {
      const retryAfterMs = retryAfterFrom(response.headers, Date.now());
      const wait = retryAfterMs === undefined ? 'a little' : formatDuration(retryAfterMs);
      return new ChatError(
        'rate-limited',
        `The server at ${where} is limiting requests (429).${said}`,
        `Wait ${wait} and retry.`,
        { status, retryAfterMs },
      );
    }
    if (status >= 500) {
      return new ChatError(
        'server-error',
        `The server at ${where} failed with status ${status}.${said}`,
        "Retry in a moment; if it keeps failing, look at the server's log.",
        options,
      );
    }
    return new ChatError(
      'unknown',
      `The server at ${where} refused the request (${status}).${said}`,
      'Read the server message; a document too long for the model, or a wrong header setting, are common causes.',
      options,
    );
  }

  /** An error object the server put inside a 2xx answer. */
  streamError(serverMessage: string): ChatError {
    return new ChatError(
      'malformed-stream',
      `The server at ${this.where} reported an error instead of the ${this.subject}: "${this.clean(serverMessage)}".`,
      "Retry; if it happens again, look at the server's log.",
    );
  }

  cutOff(cause?: unknown): ChatError {
    return new ChatError(
      'cut-off',
      `The ${this.subject} was cut off: the server at ${this.where} closed the connection before it finished.`,
      this.subject === 'answer' ? 'The partial answer is kept; retry to get a complete one.' : 'Retry.',
      { cause },
    );
  }

  /** Collapses whitespace, hides the API key and shortens a text quoted from the server. */
  clean(text: string): string {
    let result = text.replace(/\s+/g, ' ').trim();
    const key = this.apiKey();
    if (key) result = result.split(key).join('[API key]');
    return result.length > SERVER_MESSAGE_LIMIT ? `${result.slice(0, SERVER_MESSAGE_LIMIT)}…` : result;
  }

  close(): void {
    this.disarm();
    clearTimeout(this.deadline);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
    // Closes the connection when the caller stopped early; a no-op after a complete answer.
    this.controller.abort();
  }

  private apiKey(): string | undefined {
    return this.options.apiKey?.trim() || undefined;
  }

  private headers(accept: string, hasBody: boolean): Headers {
    const headers = new Headers({ accept });
    if (hasBody) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(this.options.headers ?? {})) {
      try {
        headers.set(name, value);
      } catch (error) {
        throw new ChatError(
          'unknown',
          `The header setting "${this.clean(name)}" cannot be sent: its name or value is not valid in HTTP.`,
          'Fix outcomeLens.chat.openai.headers: names are words like X-Org-Id, values fit on one line.',
          { cause: error },
        );
      }
    }
    const key = this.apiKey();
    if (key) {
      try {
        headers.set('authorization', `Bearer ${key}`);
      } catch {
        // The error would quote the key, so it is not kept as the cause.
        throw new ChatError('unauthorized', 'The API key contains characters that cannot be sent.', SET_KEY_HINT);
      }
    }
    return headers;
  }

  private arm(kind: 'first-byte' | 'idle', ms: number): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.expired = kind;
      this.controller.abort();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Maps a fetch or read failure; `answering` is true once the response has arrived. */
  private failure(error: unknown, answering: boolean): ChatError {
    if (error instanceof ChatError) return error;
    if (this.caller?.aborted) return cancelledError();
    if (this.expired === 'first-byte') {
      return new ChatError(
        'timeout',
        `No answer from ${this.where} within ${formatDuration(this.timeoutMs)}.`,
        'The model may still be loading or the server may be busy: retry in a moment, and check the server.',
        { cause: error },
      );
    }
    if (this.expired === 'deadline') {
      return new ChatError(
        'timeout',
        `The answer from ${this.where} was still arriving after ${formatDuration(this.deadlineMs)}, the longest one answer may take.`,
        'The partial answer is kept. Ask for a shorter answer, or raise outcomeLens.chat.answerDeadlineSeconds.',
        { cause: error },
      );
    }
    if (this.expired === 'idle') {
      return new ChatError(
        'timeout',
        `The server at ${this.where} sent nothing for ${formatDuration(this.idleTimeoutMs)} in the middle of the ${this.subject}.`,
        this.subject === 'answer'
          ? 'The partial answer is kept; retry, and check the server if it keeps happening.'
          : 'Retry, and check the server if it keeps happening.',
        { cause: error },
      );
    }
    if (answering) return this.cutOff(error);
    return connectionError(error, this.where);
  }
}

function cancelledError(): ChatError {
  return new ChatError('cancelled', 'The request was stopped.', 'Send the message again for a new answer.');
}

function connectionError(error: unknown, where: string): ChatError {
  const code = errorCode(error);
  const options = { cause: error };
  const unreachableHint = `Is the server running at ${where}? Check outcomeLens.chat.openai.baseUrl.`;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ChatError('unreachable', `Cannot find the host of ${where} (${code}).`, unreachableHint, options);
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new ChatError('unreachable', `Cannot connect to ${where} (${code}).`, unreachableHint, options);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new ChatError(
        'unreachable',
        `${where} closed the connection without answering.`,
        `Check that a chat server, not another program, listens at ${where}, and whether it expects https.`,
        options,
      );
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'ERR_SSL_PACKET_LENGTH_TOO_LONG':
      return new ChatError(
        'bad-url',
        `${where} does not speak https.`,
        'Use an http:// base URL for this server.',
        options,
      );
    default:
      if (code && /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
        return new ChatError(
          'unreachable',
          `The certificate of ${where} is not trusted (${code}).`,
          'Give the server a certificate your system trusts, or use http:// for a server on your own machine.',
          options,
        );
      }
      return new ChatError(
        'unknown',
        `The request to ${where} failed: ${error instanceof Error ? error.message : String(error)}.`,
        unreachableHint,
        options,
      );
  }
}

/** The first `code` found along an error's `cause` chain (fetch wraps socket errors). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; isRecord(current) && depth < 5; current = current.cause, depth += 1) {
    if (typeof current.code === 'string') return current.code;
  }
  return undefined;
}

/** The request URL: the base URL as written, without trailing slashes, plus `path`. */
function endpointUrl(baseUrl: string, path: string): URL {
  const hint = 'Set outcomeLens.chat.openai.baseUrl to a full address such as http://localhost:11434/v1.';
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch (error) {
    throw new ChatError('bad-url', `The base URL "${describeBaseUrl(baseUrl)}" is not a URL.`, hint, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChatError('bad-url', `The base URL "${describeBaseUrl(baseUrl)}" is not an http(s) address.`, hint);
  }
  if (url.username || url.password) {
    throw new ChatError(
      'bad-url',
      `The base URL for ${describeBaseUrl(baseUrl)} contains a user name or password.`,
      `Remove them from the URL. ${SET_KEY_HINT}`,
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, '') + path;
  url.hash = '';
  return url;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Where a `Location` header points, resolved against the request URL; undefined when it is no http(s) URL. */
function redirectTarget(location: string, from: URL): URL | undefined {
  try {
    const target = new URL(location, from);
    return target.protocol === 'http:' || target.protocol === 'https:' ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Milliseconds to wait from a 429 response's headers: `retry-after-ms` (sent
 * by OpenAI), else `Retry-After` as delay-seconds or an HTTP date; never
 * more than MAX_RETRY_AFTER_MS.
 */
export function retryAfterFrom(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return boundedRetryAfter(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return boundedRetryAfter(Number(value) * 1000);
  // An HTTP date names its month; this keeps Date.parse from reading "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : boundedRetryAfter(date - now);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.ceil(ms / 1000)} s`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function firstChoice(value: unknown): Record<string, unknown> | undefined {
  const choices = isRecord(value) ? value.choices : undefined;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  return isRecord(first) ? first : undefined;
}

/** The message in the error shapes servers use: OpenAI/vLLM/llama.cpp, Ollama, FastAPI. */
function serverMessageOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const { error } = value;
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  if (typeof value.message === 'string') return value.message;
  if (typeof value.detail === 'string') return value.detail;
  return undefined;
}

/** A plain-text error body is a message; an HTML page is not worth quoting. */
function plainTextMessage(body: string): string | undefined {
  const text = body.trim();
  return text && !text.startsWith('<') ? text : undefined;
}

function modelIds(value: unknown): string[] | undefined {
  const data = isRecord(value) ? value.data : undefined;
  if (!Array.isArray(data)) return undefined;
  return data.flatMap((entry: unknown) => (isRecord(entry) && typeof entry.id === 'string' ? [entry.id] : []));
}
