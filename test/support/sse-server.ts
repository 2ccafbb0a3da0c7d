// A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions
// streaming protocol (Server-Sent Events), for tests of the chat client, the
// extension host and the chat UI. Each request can be scripted: stream pieces
// with pauses, fail with a status, hang, stall, drop the connection, send
// garbage. Every request is recorded with its headers and body.
//
//   const server = await startSseServer();
//   server.replyToChat(streamReply(['Hel', 'lo']), errorReply(401, 'bad key'));
//   // point the client at server.baseUrl (http://127.0.0.1:PORT/v1)
//   await server.close();

import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One step of a response body. */
export type BodyPart =
  | string
  | Uint8Array
  /** Pause for this many ms. */
  | { wait: number }
  /** Pause until the promise settles (lets a test hold the stream at an exact point). */
  | { until: Promise<unknown> };

export type Reply =
  /** Accept the request and never send a byte. */
  | { kind: 'hang' }
  | {
      kind: 'http';
      status: number;
      headers: Record<string, string>;
      body: BodyPart[];
      /** After the body: finish normally, destroy the socket, or keep it open without a word. */
      ending: 'end' | 'destroy' | 'stall';
    };

export type Outcome = 'finished' | 'client-closed' | 'server-closed';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** How the exchange ended; `client-closed` when the client hung up before the reply was complete. */
  outcome: Promise<Outcome>;
}

export interface SseTestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/v1`, the API root to configure. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Queues replies for the next POST /v1/chat/completions requests, first in first out. */
  replyToChat(...replies: Reply[]): void;
  /** Queues replies for the next GET /v1/models requests. */
  replyToModels(...replies: Reply[]): void;
  /** Waits for the request with this 0-based index to arrive. */
  request(index: number): Promise<RecordedRequest>;
  /** Stops the server and drops every open connection. */
  close(): Promise<void>;
}

export interface SseServerOptions {
  /** The reply when the chat queue is empty; by default the last user message is echoed. */
  chat?: (request: RecordedRequest) => Reply;
  /** The model ids GET /v1/models lists when its queue is empty. */
  models?: string[];
}

export interface StreamOptions {
  /** Pause between two events, ms (default 0). */
  delayMs?: number;
  /** Send `data: [DONE]` at the end (default true). */
  done?: boolean;
  /** The finish_reason of the final chunk; null sends no final chunk (default `stop`). */
  finishReason?: string | null;
  lineEnding?: '\n' | '\r\n' | '\r';
  /** Write the bytes in slices of this size, with a pause after each, to split UTF-8 and line ends. */
  splitEvery?: number;
  ending?: 'end' | 'destroy' | 'stall';
  model?: string;
}

/**
 * A streamed chat answer: each string is one `delta.content` chunk; `{ wait }`
 * and `{ until }` entries pause the stream at that point.
 */
export function streamReply(pieces: Array<string | { wait: number } | { until: Promise<unknown> }>, options: StreamOptions = {}): Reply {
  const { delayMs = 0, done = true, finishReason = 'stop', lineEnding = '\n', model = 'test-model' } = options;
  const chunk = (delta: Record<string, string>, finish: string | null): string =>
    sseEvent(
      {
        id: 'chatcmpl-test',
        object: 'chat.completion.chunk',
        created: 0,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      },
      lineEnding,
    );
  const events: BodyPart[] = [chunk({ role: 'assistant', content: '' }, null)];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      events.push(piece);
      continue;
    }
    if (delayMs > 0) events.push({ wait: delayMs });
    events.push(chunk({ content: piece }, null));
  }
  if (finishReason !== null) events.push(chunk({}, finishReason));
  if (done) events.push(sseEvent('[DONE]', lineEnding));
  const body = options.splitEvery ? events.flatMap((part) => slices(part, options.splitEvery!)) : events;
  return { kind: 'http', status: 200, headers: { 'content-type': 'text/event-stream' }, body, ending: options.ending ?? 'end' };
}

/** A `data:` event; objects are sent as JSON, strings as they are. */
export function sseEvent(data: unknown, lineEnding: '\n' | '\r\n' | '\r' = '\n'): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return text
    .split('\n')
    .map((line) => `data: ${line}${lineEnding}`)
    .join('')
    .concat(lineEnding);
}

/**
 * An error status with a JSON body in the shape most servers use
 * (`{"error":{"message":...}}`), or Ollama's (`{"error":"..."}`).
 */
export function errorReply(
  status: number,
  message: string,
  options: { headers?: Record<string, string>; shape?: 'openai' | 'ollama' } = {},
): Reply {
  const error = options.shape === 'ollama' ? message : { message, type: 'error', code: status };
  return jsonReply(status, { error }, options.headers);
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    kind: 'http',
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: [JSON.stringify(value)],
    ending: 'end',
  };
}

/** Any bytes with any status and content type: HTML pages, garbage, hand-made streams. */
export function rawReply(
  body: BodyPart[],
  options: { status?: number; contentType?: string; ending?: 'end' | 'destroy' | 'stall' } = {},
): Reply {
  return {
    kind: 'http',
    status: options.status ?? 200,
    headers: { 'content-type': options.contentType ?? 'text/event-stream' },
    body,
    ending: options.ending ?? 'end',
  };
}

export function hangReply(): Reply {
  return { kind: 'hang' };
}

export function modelsReply(ids: string[]): Reply {
  return jsonReply(200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'test' })) });
}

export async function startSseServer(options: SseServerOptions = {}): Promise<SseTestServer> {
  const chatQueue: Reply[] = [];
  const modelQueue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ index: number; resolve: (request: RecordedRequest) => void }> = [];
  const sockets = new Set<Socket>();
  let closing = false;

  const server = createServer((req, res) => {
    const pieces: Buffer[] = [];
    req.on('data', (piece: Buffer) => pieces.push(piece));
    req.on('end', () => {
      const body = Buffer.concat(pieces).toString('utf8');
      let settle!: (outcome: Outcome) => void;
      const record: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json: parseJson(body),
        outcome: new Promise<Outcome>((resolve) => (settle = resolve)),
      };
      const exchange = { destroyedByServer: false };
      res.on('close', () => {
        if (res.writableFinished) settle('finished');
        else settle(exchange.destroyedByServer || closing ? 'server-closed' : 'client-closed');
      });
      requests.push(record);
      for (const waiter of waiters.filter((w) => w.index < requests.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(requests[waiter.index]!);
      }
      void play(choose(record), res, () => (exchange.destroyedByServer = true));
    });
  });

  function choose(record: RecordedRequest): Reply {
    const path = record.path.split('?')[0];
    if (path === '/v1/chat/completions' && record.method === 'POST') {
      return chatQueue.shift() ?? (options.chat ?? echoReply)(record);
    }
    if (path === '/v1/models' && record.method === 'GET') {
      return modelQueue.shift() ?? modelsReply(options.models ?? ['test-model']);
    }
    // What Ollama's router answers for a path it does not know.
    return rawReply(['404 page not found'], { status: 404, contentType: 'text/plain' });
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    replyToChat: (...replies) => void chatQueue.push(...replies),
    replyToModels: (...replies) => void modelQueue.push(...replies),
    request: (index) =>
      index < requests.length
        ? Promise.resolve(requests[index]!)
        : new Promise((resolve) => waiters.push({ index, resolve })),
    close: async () => {
      closing = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The default chat reply: "You said: <last user message>", a word per chunk. */
function echoReply(request: RecordedRequest): Reply {
  const messages = (request.json as { messages?: Array<{ role?: string; content?: string }> } | undefined)?.messages;
  const question = messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  return streamReply(`You said: ${question}`.split(/(?<= )/));
}

async function play(reply: Reply, res: ServerResponse, markDestroyed: () => void): Promise<void> {
  if (reply.kind === 'hang') return; // the connection stays open until one side closes it
  res.writeHead(reply.status, { 'cache-control': 'no-cache', ...reply.headers });
  res.flushHeaders();
  for (const part of reply.body) {
    if (res.destroyed) return;
    if (typeof part === 'string' || part instanceof Uint8Array) res.write(part);
    else if ('wait' in part) await pause(part.wait, res);
    else await untilClosed(res, part.until);
  }
  if (res.destroyed) return;
  if (reply.ending === 'end') res.end();
  else if (reply.ending === 'destroy') {
    markDestroyed();
    // Let the written bytes leave before the connection is torn down mid-answer.
    await pause(5, res);
    res.socket?.destroy();
  }
}

/** Waits `ms`, or less if the connection closes first. */
function pause(ms: number, res: ServerResponse): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return untilClosed(res, elapsed).finally(() => clearTimeout(timer));
}

/** Settles with `promise`, or when the connection closes, whichever is first. */
function untilClosed(res: ServerResponse, promise: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('close', done);
      resolve();
    };
    res.once('close', done);
    promise.then(done, done);
  });
}

function slices(part: BodyPart, size: number): BodyPart[] {
  if (typeof part !== 'string' && !(part instanceof Uint8Array)) return [part];
  const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
  const out: BodyPart[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size), { wait: 1 });
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
