// The failures an outside audit found in the chat, each replayed against real
// HTTP servers on 127.0.0.1 (test/support/sse-server.ts): the client, the
// session and the stored history together, as the extension runs them.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fromStored, HISTORY_KEY, HISTORY_LIMITS, HistoryStore, SET_ASIDE_KEY } from '../../../src/chat/history';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import {
  MESSAGE_LIMITS,
  parseFromWebview,
  parseToWebview,
  type AssistantEntry,
  type ConversationEntry,
  type ToWebview,
  type UserEntry,
} from '../../../src/chat/protocol';
import { OpenAICompatibleProvider, type OpenAICompatibleOptions } from '../../../src/chat/providers/openai';
import { ChatError, MAX_RETRY_AFTER_MS } from '../../../src/chat/providers/types';
import { decideKey, keyWithoutAsking, listServerModels, serverLabel, type KeyRing } from '../../../src/chat/server-access';
import { ChatSession } from '../../../src/chat/session';
import { errorReply, rawReply, sseEvent, startSseServer, streamReply, type Reply, type SseTestServer } from '../../support/sse-server';
import { MemoryStore } from '../../support/memory-store';

let server: SseTestServer;
/** A second origin: where a workspace or a redirect would send things. */
let other: SseTestServer;

beforeEach(async () => {
  [server, other] = await Promise.all([startSseServer(), startSseServer()]);
});

afterEach(async () => {
  await Promise.all([server.close(), other.close()]);
});


function provider(options: Partial<OpenAICompatibleOptions> = {}): OpenAICompatibleProvider {
  return new OpenAICompatibleProvider({ baseUrl: server.baseUrl, model: 'test-model', timeoutMs: 5000, idleTimeoutMs: 5000, ...options });
}

async function ask(chat: OpenAICompatibleProvider): Promise<{ pieces: string[]; error?: ChatError }> {
  const pieces: string[] = [];
  try {
    for await (const piece of chat.stream({ messages: [{ role: 'user', content: 'Is this ready?' }], signal: new AbortController().signal })) {
      pieces.push(piece);
    }
    return { pieces };
  } catch (error) {
    assert.ok(error instanceof ChatError, String(error));
    return { pieces, error };
  }
}

function question(id: string, text = `question ${id}`): UserEntry {
  return { role: 'user', id, text, personaIds: ['value-realization'], context: { document: false, selection: false, findings: false }, at: 1 };
}

/** A session on the real client, with the store the extension would give it. */
function sessionOn(options: Partial<OpenAICompatibleOptions> = {}) {
  const posted: ToWebview[] = [];
  const store = new MemoryStore();
  const history = new HistoryStore(store);
  let saving = Promise.resolve<unknown>(undefined);
  let next = 0;
  const session = new ChatSession({
    personas: () => BUILTIN_PERSONAS,
    providerFor: () => ({ provider: provider(options), offlineCoach: false }),
    context: () => ({ grounding: {} }),
    post: (message) => posted.push(message),
    onChange: (entries) => void (saving = saving.then(() => history.save(entries))),
    newId: () => `answer-${++next}`,
  });
  return { session, posted, store, history, saved: () => saving };
}

function chunk(content: string, finish: string | null = null): string {
  return sseEvent({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
}

describe('audit 1: an absurd Retry-After costs no history', () => {
  for (const retryAfter of ['99999999999999', '9'.repeat(400)]) {
    it(`429 with Retry-After ${retryAfter.slice(0, 16)}${retryAfter.length > 16 ? '…' : ''}: the view accepts the error and the history survives a reload`, async () => {
      const { session, posted, store, saved } = sessionOn();
      await session.send(question('u1', 'First question'));
      server.replyToChat(errorReply(429, 'slow down', { headers: { 'retry-after': retryAfter } }));
      await session.send(question('u2', 'Second question'));
      await saved();

      const error = posted.find((message) => message.type === 'error')!;
      assert.ok(parseToWebview(error).ok, 'the view accepts the error');
      assert.equal(error.type === 'error' && error.retryAfterMs, MAX_RETRY_AFTER_MS);
      const init = parseToWebview({ type: 'init', personas: [], models: [], context: question('x').context, history: [...session.entries] });
      assert.ok(init.ok, init.ok ? '' : init.error);

      const reloaded = new HistoryStore(store).load();
      assert.deepEqual(reloaded.setAside, []);
      assert.deepEqual(
        reloaded.entries.map((entry) => [entry.role, entry.role === 'assistant' ? entry.status : entry.text]),
        [
          ['user', 'First question'],
          ['assistant', 'complete'],
          ['user', 'Second question'],
          ['assistant', 'failed'],
        ],
      );
    });
  }

  it('a stored entry that fails validation is set aside, reported and kept; the others load and the next save keeps it', async () => {
    const good: ConversationEntry[] = [
      question('u1'),
      { role: 'assistant', id: 'a1', replyTo: 'u1', text: 'A good earlier answer', status: 'complete', offlineCoach: false },
      question('u2'),
    ];
    // What the unbounded client used to store: a wait no schema accepts.
    const damaged = {
      role: 'assistant',
      id: 'a2',
      replyTo: 'u2',
      text: 'partial',
      status: 'failed',
      offlineCoach: false,
      error: { code: 'rate-limited', message: '429', hint: 'Wait.', retryAfterMs: 99999999999999000 },
    };
    const store = new MemoryStore();
    await store.update(HISTORY_KEY, { version: 1, entries: [...good, damaged] });
    const history = new HistoryStore(store);
    const loaded = history.load();
    await loaded.kept;
    assert.deepEqual(loaded.entries.map((entry) => entry.id), ['u1', 'a1', 'u2']);
    assert.match(loaded.problem ?? '', /one saved chat entry could not be read \(entry 4: error\.retryAfterMs/);
    assert.match(loaded.problem ?? '', /not deleted, and the other 3 loaded/);

    await history.save(loaded.entries);
    assert.deepEqual(history.setAside().map((item) => item.value), [damaged], 'kept as it was stored, after the next save');
    assert.equal(fromStored(store.get(HISTORY_KEY)).entries.length, 3);
  });

  it('a value that is not a history at all is set aside whole, not dropped', async () => {
    const store = new MemoryStore();
    await store.update(HISTORY_KEY, { version: 2, turns: ['from a newer build'] });
    const history = new HistoryStore(store);
    const loaded = history.load();
    await loaded.kept;
    assert.deepEqual(loaded.entries, []);
    assert.deepEqual(history.setAside()[0]?.value, { version: 2, turns: ['from a newer build'] });
    assert.ok(store.get(SET_ASIDE_KEY));
  });
});

describe('audit 2: a key belongs to the origin it was set for', () => {
  const ring = (byOrigin: Record<string, string>, unbound?: string): KeyRing => ({ byOrigin, ...(unbound ? { unbound } : {}) });

  it("a workspace's server gets no key while listing models, and the user is asked before an answer", async () => {
    const user = new URL(server.baseUrl).origin;
    const workspace = { baseUrl: other.baseUrl, fromWorkspace: true, userBaseUrl: server.baseUrl };
    const keys = ring({ [user]: 'sk-user-key' });
    const decision = decideKey(workspace, keys, {});
    assert.equal(decision.kind, 'ask');

    const ids = await listServerModels(
      { baseUrl: other.baseUrl, model: 'm', ...(keyWithoutAsking(decision) ? { apiKey: keyWithoutAsking(decision)! } : {}) },
      AbortSignal.timeout(5000),
      () => undefined,
    );
    assert.deepEqual(ids, ['test-model']);
    assert.equal((await other.request(0)).headers.authorization, undefined, 'no key went to the workspace server');
    assert.equal(server.requests.length, 0);
  });

  it('remembers the answer per origin, and never offers one server the key of another unasked', () => {
    const userOrigin = new URL(server.baseUrl).origin;
    const otherOrigin = new URL(other.baseUrl).origin;
    const workspace = { baseUrl: other.baseUrl, fromWorkspace: true, userBaseUrl: server.baseUrl };
    const keys = ring({ [userOrigin]: 'sk-user-key' });
    assert.deepEqual(decideKey(workspace, keys, { [otherOrigin]: true }), { kind: 'send', key: 'sk-user-key' });
    assert.deepEqual(decideKey(workspace, keys, { [otherOrigin]: false }), { kind: 'declined', origin: otherOrigin });
    assert.equal(decideKey(workspace, keys, { [userOrigin]: true }).kind, 'ask', 'an answer for one origin is not one for another');
    // A key set for the workspace's server itself is that server's.
    assert.deepEqual(decideKey(workspace, ring({ [userOrigin]: 'a', [otherOrigin]: 'b' }), {}), { kind: 'send', key: 'b' });
    // The user's own server, and a key from before keys had origins.
    assert.deepEqual(decideKey({ ...workspace, baseUrl: server.baseUrl, fromWorkspace: false }, keys, {}), { kind: 'send', key: 'sk-user-key' });
    assert.deepEqual(decideKey({ baseUrl: server.baseUrl, fromWorkspace: false, userBaseUrl: server.baseUrl }, ring({}, 'old'), {}), { kind: 'send', key: 'old' });
    assert.equal(decideKey(workspace, ring({}, 'old'), {}).kind, 'ask');
    assert.deepEqual(decideKey(workspace, ring({}), {}), { kind: 'none' });
  });

  it('says in the model picker which server is in use and that the workspace chose it', () => {
    const label = serverLabel('llama3.1', { baseUrl: `${other.baseUrl}?token=t0ken`, fromWorkspace: true, userBaseUrl: '' });
    assert.equal(label, `llama3.1 (${other.baseUrl}, from workspace settings)`);
  });
});

describe('audit 3: redirects never carry the document elsewhere', () => {
  const redirect = (status: number, location: string): Reply => ({ kind: 'http', status, headers: { location }, body: [], ending: 'end' });

  for (const status of [307, 308, 302]) {
    it(`a ${status} to another origin is not followed: no body, key or custom header leaves, and the user sees where it pointed`, async () => {
      server.replyToChat(redirect(status, `${other.baseUrl}/chat/completions`));
      const { error } = await ask(provider({ apiKey: 'sk-secret', headers: { 'api-key': 'proxy-token' } }));
      assert.equal(error?.code, 'redirected');
      assert.ok(error?.message.includes(other.baseUrl), error?.message);
      assert.equal(other.requests.length, 0, 'the other server received nothing');
    });
  }

  it('a redirect within the same origin is followed with the same request', async () => {
    server.replyToChat(redirect(307, '/v1/chat/completions?moved=1'), streamReply(['Moved ', 'fine']));
    const { pieces, error } = await ask(provider({ headers: { 'x-org': 'o1' } }));
    assert.equal(error, undefined);
    assert.deepEqual(pieces, ['Moved ', 'fine']);
    const [, followed] = server.requests;
    assert.equal(followed?.path, '/v1/chat/completions?moved=1');
    assert.equal(followed?.headers['x-org'], 'o1');
    assert.equal((followed?.json as { model?: string }).model, 'test-model', 'the body was sent again');
  });

  it('the model list is not taken from another origin either', async () => {
    server.replyToModels(redirect(302, `${other.baseUrl}/models`));
    const logged: string[] = [];
    assert.deepEqual(await listServerModels({ baseUrl: server.baseUrl, model: 'm', apiKey: 'sk-secret' }, AbortSignal.timeout(5000), (m) => logged.push(m)), []);
    assert.equal(other.requests.length, 0);
    assert.match(logged.join('\n'), /redirected the model list request/);
  });
});

describe('audit 4: only events count as progress, and an answer has a deadline', () => {
  const keepAlives = (count: number): Array<string | { wait: number }> =>
    Array.from({ length: count }, () => [': keep-alive\n\n', { wait: 40 }]).flat();

  it('a server sending nothing but keep-alive comments times out', async () => {
    server.replyToChat(rawReply(keepAlives(40), { ending: 'stall' }));
    const { pieces, error } = await ask(provider({ timeoutMs: 300, idleTimeoutMs: 300 }));
    assert.deepEqual(pieces, []);
    assert.equal(error?.code, 'timeout');
    assert.match(error!.message, /No answer .* within 300 ms/);
  });

  it('keep-alives after some text do not keep the answer streaming; the text is kept', async () => {
    // The stream then closes: before the fix this read as a cut-off after 1.6 s of "streaming".
    server.replyToChat(rawReply([chunk('Half an answer'), ...keepAlives(40)]));
    const { pieces, error } = await ask(provider({ timeoutMs: 300, idleTimeoutMs: 300 }));
    assert.deepEqual(pieces, ['Half an answer']);
    assert.equal(error?.code, 'timeout');
    assert.match(error!.message, /sent nothing for 300 ms in the middle of the answer/);
  });

  it('an answer that streams steadily past the deadline is stopped, its text kept', async () => {
    const steady = Array.from({ length: 100 }, (_, i) => [chunk(`${i} `), { wait: 20 }]).flat();
    server.replyToChat(rawReply(steady, { ending: 'stall' }));
    const { pieces, error } = await ask(provider({ answerDeadlineMs: 400 }));
    assert.ok(pieces.length > 0 && pieces.length < 100, `${pieces.length} pieces`);
    assert.equal(error?.code, 'timeout');
    assert.match(error!.message, /still arriving after 400 ms, the longest one answer may take/);
  });
});

describe('audit 5: the last event counts even without its blank line', () => {
  for (const [name, ending] of [['nothing', ''], ['one line end', '\n']] as const) {
    it(`a stream ending with ${name} after the last event is complete`, async () => {
      const last = chunk('done.', 'stop').replace(/\n\n$/, ending);
      server.replyToChat(rawReply([chunk('All '), last]));
      const { pieces, error } = await ask(provider());
      assert.equal(error, undefined, error?.message);
      assert.deepEqual(pieces, ['All ', 'done.']);
    });
  }
});

describe('audit 6: a content filter is not a complete answer', () => {
  it('finish_reason content_filter marks the answer filtered and says so; the text stays', async () => {
    const { session, posted } = sessionOn();
    server.replyToChat(streamReply(['The first half'], { finishReason: 'content_filter' }));
    await session.send(question('u1'));
    const entry = session.entries.find((e): e is AssistantEntry => e.role === 'assistant')!;
    assert.equal(entry.status, 'incomplete');
    assert.equal(entry.text, 'The first half');
    assert.equal(entry.error?.code, 'filtered');
    assert.match(entry.error!.message, /content filter stopped this answer/);
    const error = posted.find((message) => message.type === 'error');
    assert.ok(error && parseToWebview(error).ok);
  });
});

describe('audit 7: credentials in a base URL never reach the log', () => {
  it('user:password@ and a query token are redacted', async () => {
    const logged: string[] = [];
    const port = new URL(server.url).port;
    await listServerModels({ baseUrl: `http://admin:hunter2@127.0.0.1:${port}/v1`, model: 'm' }, AbortSignal.timeout(5000), (m) => logged.push(m));
    server.replyToModels(errorReply(500, 'down'));
    await listServerModels({ baseUrl: `${server.baseUrl}?api_key=tok-123`, model: 'm' }, AbortSignal.timeout(5000), (m) => logged.push(m));
    await listServerModels({ baseUrl: 'not a url user:pass@host?token=tok-456', model: 'm' }, AbortSignal.timeout(5000), (m) => logged.push(m));
    assert.equal(logged.length, 3, logged.join('\n'));
    const text = logged.join('\n');
    for (const secret of ['hunter2', 'admin', 'tok-123', 'tok-456', 'pass@']) assert.ok(!text.includes(secret), `${secret} in: ${text}`);
    assert.ok(text.includes(server.baseUrl), 'the server is still named');
  });
});

describe('audit 8: smaller hardening', () => {
  it('the view cannot send unbounded text or persona lists', () => {
    const send = (message: Partial<UserEntry>) => parseFromWebview({ type: 'send', message: { ...question('u1'), ...message } });
    assert.equal(send({}).ok, true);
    assert.equal(send({ text: 'x'.repeat(MESSAGE_LIMITS.question + 1) }).ok, false);
    assert.equal(send({ personaIds: Array.from({ length: MESSAGE_LIMITS.personas + 1 }, (_, i) => `p${i}`) }).ok, false);
    assert.equal(parseFromWebview({ type: 'copyAnswer', messageId: 'a', text: 'x'.repeat(MESSAGE_LIMITS.answer + 1) }).ok, false);
    assert.equal(
      parseFromWebview({ type: 'send', message: { ...question('u1'), finding: { ruleId: 'r', message: 'm'.repeat(MESSAGE_LIMITS.findingMessage + 1) } } }).ok,
      false,
    );
  });

  it('saving past the history limit says how many entries left storage, while the session keeps them all', async () => {
    const { session, history } = sessionOn();
    const turns = HISTORY_LIMITS.entries / 2 + 5;
    let dropped = 0;
    for (let i = 0; i < turns; i += 1) {
      await session.send(question(`u${i}`));
      dropped = (await history.save(session.entries)).dropped;
    }
    assert.equal(session.entries.length, turns * 2, 'the conversation itself keeps every turn');
    assert.equal(dropped, 10);
  });
});
