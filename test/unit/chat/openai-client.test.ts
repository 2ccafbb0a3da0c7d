// The OpenAI-compatible client against a real HTTP server on 127.0.0.1 that
// streams Server-Sent Events and fails in every way the client must survive.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { OpenAICompatibleProvider, retryAfterFrom, type OpenAICompatibleOptions } from '../../../src/chat/providers/openai';
import { ChatError, type ChatErrorCode, type ChatMessage } from '../../../src/chat/providers/types';
import {
  errorReply,
  hangReply,
  jsonReply,
  modelsReply,
  rawReply,
  sseEvent,
  startSseServer,
  streamReply,
  type SseTestServer,
} from '../../support/sse-server';

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You are the Value Realization persona.' },
  { role: 'user', content: 'Are these metrics outcomes?' },
];

let server: SseTestServer;

beforeEach(async () => {
  server = await startSseServer();
});

afterEach(async () => {
  await server.close();
});

function provider(options: Partial<OpenAICompatibleOptions> = {}): OpenAICompatibleProvider {
  return new OpenAICompatibleProvider({ baseUrl: server.baseUrl, model: 'llama3.1', timeoutMs: 5000, idleTimeoutMs: 5000, ...options });
}

interface Outcome {
  pieces: string[];
  error?: ChatError;
}

/** Runs a whole chat request; `onPiece` sees each piece as it arrives. */
async function ask(
  chat: OpenAICompatibleProvider,
  signal = new AbortController().signal,
  onPiece: (piece: string) => void | Promise<void> = () => undefined,
): Promise<Outcome> {
  const pieces: string[] = [];
  try {
    for await (const piece of chat.stream({ messages: MESSAGES, signal })) {
      pieces.push(piece);
      await onPiece(piece);
    }
    return { pieces };
  } catch (error) {
    assert.ok(error instanceof ChatError, `expected a ChatError, got ${String(error)}`);
    return { pieces, error };
  }
}

async function failure(outcome: Promise<Outcome> | Outcome, code: ChatErrorCode): Promise<ChatError> {
  const { error } = await outcome;
  assert.ok(error, `expected a ${code} error, the request succeeded`);
  assert.equal(error.code, code, `${error.code}: ${error.message}`);
  assert.ok(error.hint.length > 0, 'every error has a hint');
  return error;
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('OpenAI-compatible client: streaming', { timeout: 10_000 }, () => {
  it('streams the pieces in order from a Chat Completions request', async () => {
    server.replyToChat(streamReply(['Our ', 'metrics ', 'are ', 'outputs.']));
    const { pieces, error } = await ask(provider());
    assert.equal(error, undefined);
    assert.deepEqual(pieces, ['Our ', 'metrics ', 'are ', 'outputs.']);

    const [request] = server.requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.path, '/v1/chat/completions');
    assert.deepEqual(request!.json, { model: 'llama3.1', messages: MESSAGES, stream: true });
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.equal(request!.headers.accept, 'text/event-stream');
  });

  it('hands over each piece as soon as it arrives', async () => {
    // The server holds the rest of the answer until the test has seen the first piece.
    const first = gate();
    server.replyToChat(streamReply(['first', { until: first.promise }, 'second']));
    const { pieces } = await ask(provider(), undefined, (piece) => {
      if (piece === 'first') first.open();
    });
    assert.deepEqual(pieces, ['first', 'second']);
  });

  for (const lineEnding of ['\n', '\r\n', '\r'] as const) {
    it(`reassembles ${JSON.stringify(lineEnding)} events written 3 bytes at a time`, async () => {
      // 3-byte writes split the 2- and 4-byte characters and the \r\n pairs.
      const text = ['Grüße ', '💰 Value ', '— Realization ', '日本 🎉'];
      server.replyToChat(streamReply(text, { lineEnding, splitEvery: 3 }));
      const { pieces, error } = await ask(provider());
      assert.equal(error, undefined);
      assert.deepEqual(pieces, text);
    });
  }

  it('ignores keep-alive comments, empty deltas and chunks without choices', async () => {
    server.replyToChat(
      rawReply([
        ': keep-alive\n\n',
        sseEvent({ choices: [{ delta: { role: 'assistant' } }] }),
        sseEvent({ choices: [] }),
        sseEvent({ choices: [{ delta: { content: 'ok' } }] }),
        sseEvent('[DONE]'),
      ]),
    );
    assert.deepEqual((await ask(provider())).pieces, ['ok']);
  });

  it('uses the base URL as written: trailing slashes are dropped, /v1 is not guessed', async () => {
    for (const baseUrl of [`${server.baseUrl}/`, `${server.baseUrl}//`]) {
      server.replyToChat(streamReply(['ok']));
      assert.deepEqual((await ask(provider({ baseUrl }))).pieces, ['ok']);
    }
    const error = await failure(ask(provider({ baseUrl: server.url })), 'bad-url');
    assert.match(error.hint, /\/v1/);
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/v1/chat/completions', '/v1/chat/completions', '/chat/completions'],
    );
  });

  it('keeps a query string of the base URL', async () => {
    server.replyToChat(streamReply(['ok']));
    await ask(provider({ baseUrl: `${server.baseUrl}?api-version=2024-10-21` }));
    assert.equal(server.requests[0]!.path, '/v1/chat/completions?api-version=2024-10-21');
  });

  it('sends Authorization only when an API key is set, and the configured headers always', async () => {
    await ask(provider({ headers: { 'X-Org-Id': 'org-7' } }));
    await ask(provider({ apiKey: '   ' }));
    await ask(provider({ apiKey: 'sk-test-123\n', headers: { 'X-Org-Id': 'org-7' } }));
    const [none, blank, keyed] = server.requests;
    assert.equal(none!.headers.authorization, undefined);
    assert.equal(none!.headers['x-org-id'], 'org-7');
    assert.equal(blank!.headers.authorization, undefined);
    assert.equal(keyed!.headers.authorization, 'Bearer sk-test-123');
    assert.equal(keyed!.headers['x-org-id'], 'org-7');
  });

  it('ends at finish_reason even when the server then keeps the connection open', async () => {
    server.replyToChat(streamReply(['done'], { done: false, ending: 'stall' }));
    // Waiting for the idle timeout would end in a timeout error, not a complete answer.
    const { pieces, error } = await ask(provider({ idleTimeoutMs: 60_000 }));
    assert.equal(error, undefined);
    assert.deepEqual(pieces, ['done']);
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('ends at [DONE] when no chunk carries a finish_reason', async () => {
    server.replyToChat(streamReply(['a', 'b'], { finishReason: null }));
    const { pieces, error } = await ask(provider());
    assert.equal(error, undefined);
    assert.deepEqual(pieces, ['a', 'b']);
  });

  it('reports finish_reason "length" as a cut-off answer and keeps the text', async () => {
    server.replyToChat(streamReply(['The first half'], { finishReason: 'length' }));
    const outcome = await ask(provider());
    assert.deepEqual(outcome.pieces, ['The first half']);
    const error = await failure(outcome, 'cut-off');
    assert.match(error.message, /length limit/);
  });

  it('accepts a whole completion from a server that ignores stream: true', async () => {
    server.replyToChat(jsonReply(200, { choices: [{ index: 0, message: { role: 'assistant', content: 'all at once' } }] }));
    assert.deepEqual((await ask(provider())).pieces, ['all at once']);
  });

  it('does not count the time the caller spends on a piece as server silence', async () => {
    server.replyToChat(streamReply(['a', 'b', 'c']));
    const { pieces, error } = await ask(provider({ idleTimeoutMs: 50 }), undefined, () => new Promise((r) => setTimeout(r, 150)));
    assert.equal(error, undefined);
    assert.deepEqual(pieces, ['a', 'b', 'c']);
  });

  it('names the model and server in its id and label', () => {
    const chat = provider({ baseUrl: 'http://user:pw@localhost:11434/v1/?x=1' });
    assert.equal(chat.id, 'openai:llama3.1');
    assert.equal(chat.label, 'llama3.1 (http://localhost:11434/v1)');
  });
});

describe('OpenAI-compatible client: failures', { timeout: 10_000 }, () => {
  it('unreachable: nothing listens on the port', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const error = await failure(ask(provider({ baseUrl })), 'unreachable');
    assert.match(error.hint, new RegExp(`Is the server running at ${baseUrl.replace(/[.]/g, '\\.')}\\?`));
  });

  it('unreachable: the host name does not resolve', async () => {
    // .invalid is reserved (RFC 6761): no resolver ever finds it.
    const error = await failure(ask(provider({ baseUrl: 'http://outcome-lens-test.invalid/v1' })), 'unreachable');
    assert.match(error.message, /outcome-lens-test\.invalid/);
  });

  for (const baseUrl of ['localhost:11434/v1', 'not a url', 'ftp://127.0.0.1/v1', '']) {
    it(`bad-url: ${JSON.stringify(baseUrl)}`, async () => {
      const error = await failure(ask(provider({ baseUrl })), 'bad-url');
      assert.match(error.hint, /outcomeLens\.chat\.openai\.baseUrl/);
    });
  }

  it('bad-url: a password in the base URL is refused and never repeated', async () => {
    const baseUrl = server.baseUrl.replace('http://', 'http://me:hunter2@');
    const error = await failure(ask(provider({ baseUrl })), 'bad-url');
    assert.doesNotMatch(`${error.message} ${error.hint}`, /hunter2/);
    assert.equal(server.requests.length, 0);
  });

  it('bad-url: https spoken to a plain http server', async () => {
    const error = await failure(ask(provider({ baseUrl: server.baseUrl.replace('http:', 'https:') })), 'bad-url');
    assert.match(error.hint, /http:\/\//);
  });

  it('a header setting that HTTP cannot carry is named', async () => {
    const error = await failure(ask(provider({ headers: { 'Bad Header': 'x' } })), 'unknown');
    assert.match(error.message, /Bad Header/);
    assert.match(error.hint, /outcomeLens\.chat\.openai\.headers/);
  });

  it('unauthorized without a key: asks for one', async () => {
    server.replyToChat(errorReply(401, 'You must provide an API key.'));
    const error = await failure(ask(provider()), 'unauthorized');
    assert.equal(error.status, 401);
    assert.match(error.message, /requires an API key/);
    assert.match(error.message, /You must provide an API key\./);
    assert.match(error.hint, /"Outcome Lens: Set API Key"/);
  });

  it('unauthorized with a key: says it was rejected and never shows the key', async () => {
    server.replyToChat(errorReply(401, 'Incorrect API key provided: sk-secret-999.'));
    const error = await failure(ask(provider({ apiKey: 'sk-secret-999' })), 'unauthorized');
    assert.match(error.message, /rejected the API key/);
    assert.match(error.message, /Incorrect API key provided: \[API key\]/);
    assert.doesNotMatch(`${error.message} ${error.hint} ${String(error.cause)}`, /sk-secret-999/);
  });

  it('forbidden: 403 names the model', async () => {
    server.replyToChat(errorReply(403, 'Project does not have access to model llama3.1'));
    const error = await failure(ask(provider()), 'forbidden');
    assert.match(error.message, /does not have access/);
    assert.match(error.hint, /"llama3\.1"/);
  });

  it('model-not-found: 404 with an error body names the model and how to get it', async () => {
    server.replyToChat(errorReply(404, 'model "llama3.1" not found, try pulling it first', { shape: 'ollama' }));
    const error = await failure(ask(provider()), 'model-not-found');
    assert.match(error.message, /Model "llama3\.1" was not found/);
    assert.match(error.message, /try pulling it first/);
    assert.match(error.hint, /outcomeLens\.chat\.openai\.model/);
    assert.match(error.hint, /ollama pull llama3\.1/);
  });

  it('model-not-found: a 400 whose message says the model does not exist', async () => {
    server.replyToChat(errorReply(400, 'The model `llama3.1` does not exist.'));
    await failure(ask(provider()), 'model-not-found');
  });

  it('any other 4xx keeps the server message', async () => {
    server.replyToChat(errorReply(400, "This model's maximum context length is 8192 tokens."));
    const error = await failure(ask(provider()), 'unknown');
    assert.equal(error.status, 400);
    assert.match(error.message, /maximum context length/);
  });

  it('rate-limited: Retry-After in seconds', async () => {
    server.replyToChat(errorReply(429, 'Rate limit reached', { headers: { 'retry-after': '7' } }));
    const error = await failure(ask(provider()), 'rate-limited');
    assert.equal(error.retryAfterMs, 7000);
    assert.match(error.hint, /Wait 7 s/);
  });

  it('rate-limited: Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    server.replyToChat(errorReply(429, 'Slow down', { headers: { 'retry-after': at } }));
    const error = await failure(ask(provider()), 'rate-limited');
    assert.ok(error.retryAfterMs! > 27_000 && error.retryAfterMs! <= 30_000, `retryAfterMs ${error.retryAfterMs}`);
  });

  it('rate-limited: no Retry-After still says to wait', async () => {
    server.replyToChat(errorReply(429, 'Slow down'));
    const error = await failure(ask(provider()), 'rate-limited');
    assert.equal(error.retryAfterMs, undefined);
    assert.match(error.hint, /Wait a little/);
  });

  it('server-error: 500 with the server message', async () => {
    server.replyToChat(errorReply(500, 'CUDA out of memory'));
    const error = await failure(ask(provider()), 'server-error');
    assert.equal(error.status, 500);
    assert.match(error.message, /CUDA out of memory/);
  });

  it('server-error: a 502 HTML page is not quoted', async () => {
    server.replyToChat(rawReply(['<html><body><h1>502 Bad Gateway</h1></body></html>'], { status: 502, contentType: 'text/html' }));
    const error = await failure(ask(provider()), 'server-error');
    assert.match(error.message, /502/);
    assert.doesNotMatch(error.message, /</);
  });

  it('a long server message is shortened', async () => {
    server.replyToChat(errorReply(500, `boom ${'x'.repeat(5000)}`));
    const error = await failure(ask(provider()), 'server-error');
    assert.ok(error.message.length < 500, `message is ${error.message.length} characters`);
    assert.match(error.message, /boom x+…/);
  });

  it('timeout: no first byte in time, and the connection is closed', async () => {
    server.replyToChat(hangReply());
    const error = await failure(ask(provider({ timeoutMs: 40 })), 'timeout');
    assert.match(error.message, /No answer .* within 40 ms/);
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('timeout: headers but no body in time counts as no first byte', async () => {
    server.replyToChat(rawReply([], { ending: 'stall' }));
    const error = await failure(ask(provider({ timeoutMs: 40 })), 'timeout');
    assert.match(error.message, /within 40 ms/);
  });

  it('timeout: the stream stalls mid-answer; the text so far stays with the caller', async () => {
    server.replyToChat(streamReply(['Half ', 'an answer'], { done: false, finishReason: null, ending: 'stall' }));
    const outcome = await ask(provider({ idleTimeoutMs: 40 }));
    assert.deepEqual(outcome.pieces, ['Half ', 'an answer']);
    const error = await failure(outcome, 'timeout');
    assert.match(error.message, /sent nothing for 40 ms in the middle of the answer/);
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('malformed-stream: a data line that is not JSON', async () => {
    server.replyToChat(rawReply([sseEvent({ choices: [{ delta: { content: 'ok ' } }] }), 'data: {"choices": [oops\n\n']));
    const outcome = await ask(provider());
    assert.deepEqual(outcome.pieces, ['ok ']);
    const error = await failure(outcome, 'malformed-stream');
    assert.match(error.message, /not JSON: "\{"choices": \[oops"/);
  });

  it('malformed-stream: an HTML page instead of a stream', async () => {
    server.replyToChat(rawReply(['<!doctype html><title>Open WebUI</title>'], { contentType: 'text/html; charset=utf-8' }));
    const error = await failure(ask(provider()), 'malformed-stream');
    assert.match(error.message, /web page/);
    assert.match(error.hint, /baseUrl/);
  });

  it('malformed-stream: HTML sent as an event stream', async () => {
    server.replyToChat(rawReply(['<html>\n<body>Welcome</body>\n</html>\n']));
    const error = await failure(ask(provider()), 'malformed-stream');
    assert.match(error.message, /began with "<html> <body>Welcome/);
  });

  it('malformed-stream: an error object inside the stream, after some text', async () => {
    server.replyToChat(
      rawReply([
        sseEvent({ choices: [{ delta: { content: 'Starting' } }] }),
        sseEvent({ error: { message: 'upstream model crashed', type: 'server_error' } }),
      ]),
    );
    const outcome = await ask(provider());
    assert.deepEqual(outcome.pieces, ['Starting']);
    const error = await failure(outcome, 'malformed-stream');
    assert.match(error.message, /reported an error instead of the answer: "upstream model crashed"/);
  });

  it('malformed-stream: an `event: error` with plain text data', async () => {
    server.replyToChat(rawReply(['event: error\ndata: overloaded\n\n']));
    const error = await failure(ask(provider()), 'malformed-stream');
    assert.match(error.message, /"overloaded"/);
  });

  it('cut-off: the socket closes mid-answer; the caller keeps the pieces it got', async () => {
    server.replyToChat(streamReply(['The answer ', 'so far'], { done: false, finishReason: null, ending: 'destroy' }));
    const outcome = await ask(provider());
    assert.deepEqual(outcome.pieces, ['The answer ', 'so far']);
    const error = await failure(outcome, 'cut-off');
    assert.match(error.message, /cut off/);
    assert.match(error.hint, /partial answer is kept/);
  });

  it('cut-off: the response ends cleanly but without [DONE] or finish_reason', async () => {
    server.replyToChat(streamReply(['Unfinished'], { done: false, finishReason: null }));
    const outcome = await ask(provider());
    assert.deepEqual(outcome.pieces, ['Unfinished']);
    await failure(outcome, 'cut-off');
  });

  it('cut-off: an empty 200 response', async () => {
    server.replyToChat(rawReply([]));
    await failure(ask(provider()), 'cut-off');
  });
});

describe('OpenAI-compatible client: cancellation', { timeout: 10_000 }, () => {
  it('stops promptly mid-answer, and the server sees the connection close', async () => {
    const never = gate();
    server.replyToChat(streamReply(['first', { until: never.promise }, 'never sent']));
    const controller = new AbortController();
    let abortedAt = 0;
    const outcome = await ask(provider(), controller.signal, () => {
      abortedAt = Date.now();
      controller.abort();
    });
    assert.ok(Date.now() - abortedAt < 500, 'stopped within 500 ms');
    assert.deepEqual(outcome.pieces, ['first']);
    await failure(outcome, 'cancelled');
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('stops while waiting for the first byte', async () => {
    server.replyToChat(hangReply());
    const controller = new AbortController();
    const pending = ask(provider(), controller.signal);
    await server.request(0);
    controller.abort();
    await failure(pending, 'cancelled');
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('does not send anything when the signal is already aborted', async () => {
    await failure(ask(provider(), AbortSignal.abort()), 'cancelled');
    await ask(provider());
    assert.equal(server.requests.length, 1, 'only the second request reached the server');
  });

  it('closes the connection when the caller stops reading early', async () => {
    const never = gate();
    server.replyToChat(streamReply(['first', { until: never.promise }, 'second']));
    for await (const piece of provider().stream({ messages: MESSAGES, signal: new AbortController().signal })) {
      assert.equal(piece, 'first');
      break;
    }
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });
});

describe('OpenAI-compatible client: listModels', { timeout: 10_000 }, () => {
  it('lists the model ids, sorted, with the same headers as chat', async () => {
    server.replyToModels(modelsReply(['qwen2.5:7b', 'llama3.1', 'mistral']));
    const ids = await provider({ apiKey: 'sk-list', headers: { 'X-Org-Id': 'org-7' } }).listModels();
    assert.deepEqual(ids, ['llama3.1', 'mistral', 'qwen2.5:7b']);
    const [request] = server.requests;
    assert.equal(request!.method, 'GET');
    assert.equal(request!.path, '/v1/models');
    assert.equal(request!.headers.authorization, 'Bearer sk-list');
    assert.equal(request!.headers['x-org-id'], 'org-7');
  });

  async function listFailure(chat: OpenAICompatibleProvider, code: ChatErrorCode, signal?: AbortSignal): Promise<ChatError> {
    const error = await chat.listModels(signal).then(
      () => assert.fail(`expected ${code}`),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof ChatError);
    assert.equal(error.code, code, error.message);
    return error;
  }

  it('maps errors like chat does', async () => {
    server.replyToModels(errorReply(401, 'no key'));
    const error = await listFailure(provider(), 'unauthorized');
    assert.match(error.hint, /Set API Key/);
    await listFailure(provider({ baseUrl: server.url }), 'bad-url');
    await listFailure(provider({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1` }), 'unreachable');
    server.replyToModels(rawReply(['<html>login</html>'], { contentType: 'text/html' }));
    await listFailure(provider(), 'malformed-stream');
    server.replyToModels(hangReply());
    await listFailure(provider({ timeoutMs: 40 }), 'timeout');
  });

  it('can be cancelled', async () => {
    server.replyToModels(hangReply());
    const controller = new AbortController();
    const pending = listFailure(provider(), 'cancelled', controller.signal);
    await server.request(0);
    controller.abort();
    await pending;
  });
});

describe('retryAfterFrom', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  const headers = (entries: Record<string, string>): Headers => new Headers(entries);

  it('reads delay-seconds, HTTP dates and retry-after-ms', () => {
    assert.equal(retryAfterFrom(headers({ 'retry-after': '120' }), now), 120_000);
    assert.equal(retryAfterFrom(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:09 GMT' }), now), 9000);
    assert.equal(retryAfterFrom(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now), 1500);
  });

  it('never returns a negative wait, and ignores values it cannot read', () => {
    assert.equal(retryAfterFrom(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now), 0);
    assert.equal(retryAfterFrom(headers({ 'retry-after': 'soon' }), now), undefined);
    assert.equal(retryAfterFrom(headers({ 'retry-after': '-5' }), now), undefined);
    assert.equal(retryAfterFrom(headers({}), now), undefined);
  });
});
