// The conversation state machine against a real OpenAI-compatible server on
// 127.0.0.1 that streams Server-Sent Events and fails on cue: every turn
// must keep the user's message, whatever happens to the answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import type { AssistantEntry, ConversationEntry, ErrorInfo, ToWebview, UserEntry } from '../../../src/chat/protocol';
import { OpenAICompatibleProvider } from '../../../src/chat/providers/openai';
import { ChatError } from '../../../src/chat/providers/types';
import { ChatSession, pickModel, type AskContext, type SessionOptions, type TurnContext } from '../../../src/chat/session';
import { errorReply, startSseServer, streamReply, type SseTestServer } from '../../support/sse-server';

// The fixture PRD the extension-host tests use too.
const PRD = readFileSync(new URL('../../host/workspace/docs/bad-prd.md', import.meta.url), 'utf8');

let server: SseTestServer;

beforeEach(async () => {
  server = await startSseServer();
});

afterEach(async () => {
  await server.close();
});

interface Harness {
  session: ChatSession;
  posted: ToWebview[];
  /** Each onChange call: a copy of the conversation then, and whether it was urgent. */
  saves: { entries: ConversationEntry[]; urgent: boolean }[];
  asks: AskContext[];
}

function harness(options: Partial<SessionOptions> = {}): Harness {
  const posted: ToWebview[] = [];
  const saves: Harness['saves'] = [];
  const asks: AskContext[] = [];
  let next = 0;
  const session = new ChatSession({
    personas: () => BUILTIN_PERSONAS,
    providerFor: (_modelId, ask) => {
      asks.push(ask);
      const provider = new OpenAICompatibleProvider({
        baseUrl: server.baseUrl,
        model: 'test-model',
        timeoutMs: 5000,
        idleTimeoutMs: 5000,
      });
      return { provider, offlineCoach: false };
    },
    context: (): TurnContext => ({ grounding: { document: { text: PRD, fileName: 'docs/prd.md' } } }),
    post: (message) => posted.push(message),
    onChange: (entries, urgent) => saves.push({ entries: structuredClone([...entries]), urgent }),
    newId: () => `answer-${++next}`,
    ...options,
  });
  return { session, posted, saves, asks };
}

let userCount = 0;
function userEntry(text: string, personaIds = ['value-realization'], extra: Partial<UserEntry> = {}): UserEntry {
  userCount += 1;
  return {
    role: 'user',
    id: `user-${userCount}`,
    text,
    personaIds,
    context: { document: true, selection: false, findings: true },
    at: 1_700_000_000_000,
    ...extra,
  };
}

/** The user's message was saved, urgently, before anything was asked, and is still there. */
function assertUserKept(h: Harness, user: UserEntry): void {
  const first = h.saves[0];
  assert.ok(first, 'the conversation was saved');
  assert.equal(first.urgent, true);
  assert.deepEqual(first.entries, [user], 'the first save holds the question, before any answer');
  assert.deepEqual(h.session.entries.find((entry) => entry.id === user.id), user);
}

function answers(h: Harness): AssistantEntry[] {
  return h.session.entries.filter((entry): entry is AssistantEntry => entry.role === 'assistant');
}

function types(h: Harness): string[] {
  return h.posted.map((message) => message.type);
}

function postedError(h: Harness): Extract<ToWebview, { type: 'error' }> {
  const error = h.posted.find((message) => message.type === 'error');
  assert.ok(error && error.type === 'error', `an error was posted: ${types(h).join(', ')}`);
  return error;
}

/** Resolves when `check` holds, polling every 5 ms for at most 3 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('chat session against a streaming server', { timeout: 15_000 }, () => {
  it('streams an answer to the view and keeps it in the conversation', async () => {
    const h = harness();
    server.replyToChat(streamReply(['**💰 Value Realization:**\n', 'I think ', 'sign-ups alone ', 'are vanity.']));
    const user = userEntry('Are these metrics outcomes?');
    await h.session.send(user, 'openai:test-model');

    assertUserKept(h, user);
    assert.deepEqual(types(h), ['streamStart', 'streamChunk', 'streamChunk', 'streamChunk', 'streamChunk', 'streamEnd', 'turnComplete']);
    const [answer] = answers(h);
    assert.equal(answer!.status, 'complete');
    assert.equal(answer!.text, '**💰 Value Realization:**\nI think sign-ups alone are vanity.');
    assert.equal(answer!.replyTo, user.id);
    assert.equal(answer!.personaId, 'value-realization');
    assert.equal(h.saves.at(-1)!.urgent, true, 'the finished answer is saved at once');
    assert.equal(h.session.busyWith, undefined);

    // The request carried the persona, the document and the question.
    const body = server.requests[0]!.json as { messages: { role: string; content: string }[] };
    assert.equal(body.messages[0]!.role, 'system');
    assert.match(body.messages[0]!.content, /You are Value Realization/);
    const question = body.messages.at(-1)!;
    assert.equal(question.role, 'user');
    assert.match(question.content, /\| Total sign-ups \| 0 \| 10,000 \| Q3 \|/);
    assert.match(question.content, /Are these metrics outcomes\?$/);
  });

  it('keeps a 401 in the conversation with its hint, and the question', async () => {
    const h = harness();
    server.replyToChat(errorReply(401, 'Invalid API key'));
    const user = userEntry('Review my goals');
    await h.session.send(user);

    assertUserKept(h, user);
    assert.deepEqual(types(h), ['streamStart', 'error', 'turnComplete']);
    const error = postedError(h);
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.partialKept, false);
    assert.match(error.hint, /Set API Key/);
    const [answer] = answers(h);
    assert.equal(answer!.status, 'failed');
    assert.equal(answer!.error?.code, 'unauthorized');
    assert.equal(answer!.id, error.messageId);
  });

  it('honours retry-after on a 429: retry waits for it, then asks again', async () => {
    let now = 1_000_000;
    const h = harness({ now: () => now });
    server.replyToChat(errorReply(429, 'Slow down', { headers: { 'retry-after-ms': '400' } }), streamReply(['Now ', 'it works.']));
    const user = userEntry('How do I measure adoption?');
    await h.session.send(user);

    assertUserKept(h, user);
    const error = postedError(h);
    assert.equal(error.code, 'rate-limited');
    assert.equal(error.retryAfterMs, 400);
    const [limited] = answers(h);
    assert.equal(limited!.retryAt, 1_000_400);

    // 150 ms of the wait are left when the user retries.
    now += 250;
    const started = Date.now();
    await h.session.retry(user.id);
    const waited = Date.now() - started;
    assert.ok(waited >= 140, `retry waited ${waited} ms, the server asked for 150 more`);
    assert.equal(server.requests.length, 2);
    const after = answers(h);
    assert.equal(after.length, 1, 'the rate-limited answer was replaced');
    assert.equal(after[0]!.status, 'complete');
    assert.equal(after[0]!.text, 'Now it works.');
    assert.deepEqual(h.session.entries[0], user);
  });

  it('reports a server that is down, and keeps the question', async () => {
    const h = harness();
    await server.close();
    const user = userEntry('Anyone there?');
    await h.session.send(user);

    assertUserKept(h, user);
    const error = postedError(h);
    assert.equal(error.code, 'unreachable');
    assert.match(error.hint, /Is the server running/);
    assert.equal(answers(h)[0]!.status, 'failed');
  });

  it('keeps a cut-off answer marked incomplete, and a retry replaces it with a full one', async () => {
    const h = harness();
    server.replyToChat(
      streamReply(['I think the first ', 'half made it'], { finishReason: null, done: false, ending: 'destroy' }),
      streamReply(['The whole answer.']),
    );
    const user = userEntry('What is missing?');
    await h.session.send(user);

    assertUserKept(h, user);
    const error = postedError(h);
    assert.equal(error.code, 'cut-off');
    assert.equal(error.partialKept, true);
    const [partial] = answers(h);
    assert.equal(partial!.status, 'incomplete');
    assert.equal(partial!.text, 'I think the first half made it');
    assert.equal(partial!.error?.code, 'cut-off');

    await h.session.retry(user.id, 'value-realization');
    const after = answers(h);
    assert.equal(after.length, 1);
    assert.equal(after[0]!.status, 'complete');
    assert.equal(after[0]!.text, 'The whole answer.');
    assert.deepEqual(h.session.entries.map((entry) => entry.role), ['user', 'assistant']);
  });

  it('stops mid-answer: the partial text stays, marked stopped, and the connection is closed', async () => {
    const h = harness();
    server.replyToChat(streamReply(['Before the stop. ', { until: new Promise(() => {}) }, 'Never sent.']));
    const user = userEntry('Tell me everything');
    const turn = h.session.send(user);
    await until(() => h.posted.some((message) => message.type === 'streamChunk'), 'the first chunk');
    assert.equal(h.session.busyWith, user.id);
    h.session.stop(user.id);
    await turn;

    assertUserKept(h, user);
    const [answer] = answers(h);
    assert.equal(answer!.status, 'stopped');
    assert.equal(answer!.text, 'Before the stop. ');
    assert.equal(postedError(h).code, 'cancelled');
    assert.equal(types(h).at(-1), 'turnComplete');
    assert.equal(await server.requests[0]!.outcome, 'client-closed');
  });

  it('asks a panel in turn; later personas hear the earlier answers', async () => {
    const h = harness();
    server.replyToChat(streamReply(['**💰 Value Realization:**\nMeasure adoption.']), streamReply(['**🧭 Product Owner:**\nAgreed.']));
    const user = userEntry('/panel Is this ready?', ['value-realization', 'product-owner'], { command: { name: 'panel' } });
    await h.session.send(user);

    assertUserKept(h, user);
    assert.deepEqual(
      answers(h).map((answer) => [answer.personaId, answer.status]),
      [
        ['value-realization', 'complete'],
        ['product-owner', 'complete'],
      ],
    );
    assert.deepEqual(types(h).filter((type) => type === 'turnComplete'), ['turnComplete'], 'one turn for the whole panel');
    const first = server.requests[0]!.json as { messages: { content: string }[] };
    const second = server.requests[1]!.json as { messages: { content: string }[] };
    assert.match(first.messages[0]!.content, /on a panel with 💰 Value Realization, 🧭 Product Owner/);
    assert.doesNotMatch(first.messages.at(-1)!.content, /Earlier on this panel/);
    assert.ok(second.messages[0]!.content.startsWith(BUILTIN_PERSONAS[1]!.instructions.trim()), 'the second request speaks as the Product Owner');
    assert.match(second.messages.at(-1)!.content, /Earlier on this panel:\n\n💰 Value Realization said:\n> \*\*💰 Value Realization:\*\*\n> Measure adoption\./);
    assert.match(second.messages.at(-1)!.content, /My question: Is this ready\?$/);
  });

  it('retries one persona of a panel without asking the others again', async () => {
    const h = harness();
    server.replyToChat(streamReply(['First.']), errorReply(500, 'model crashed'), streamReply(['Second, now.']));
    const user = userEntry('Thoughts?', ['value-realization', 'product-owner']);
    await h.session.send(user);
    assert.deepEqual(answers(h).map((answer) => answer.status), ['complete', 'failed']);

    await h.session.retry(user.id, 'product-owner');
    assert.equal(server.requests.length, 3);
    assert.deepEqual(
      answers(h).map((answer) => [answer.personaId, answer.text]),
      [
        ['value-realization', 'First.'],
        ['product-owner', 'Second, now.'],
      ],
    );
  });

  it('sends earlier exchanges with the same persona as history', async () => {
    const h = harness();
    server.replyToChat(streamReply(['Add a baseline.']), streamReply(['Use last quarter.']));
    await h.session.send(userEntry('What is wrong with the metrics?'));
    await h.session.send(userEntry('Which baseline?'));
    const body = server.requests[1]!.json as { messages: { role: string; content: string }[] };
    assert.deepEqual(
      body.messages.slice(1, 3),
      [
        { role: 'user', content: 'What is wrong with the metrics?' },
        { role: 'assistant', content: 'Add a baseline.' },
      ],
    );
    assert.match(body.messages[3]!.content, /Which baseline\?$/);
  });

  it('starts a new conversation: the running answer stops and the conversation empties', async () => {
    const h = harness();
    server.replyToChat(streamReply(['Half ', { until: new Promise(() => {}) }, 'rest']));
    const turn = h.session.send(userEntry('Long answer please'));
    await until(() => h.posted.some((message) => message.type === 'streamChunk'), 'the first chunk');
    await h.session.newConversation();
    await turn;
    assert.deepEqual(h.session.entries, []);
    assert.deepEqual(h.saves.at(-1), { entries: [], urgent: true });
  });
});

describe('chat session without a server', () => {
  it('reports a persona that is gone, and goes on with the others', async () => {
    const h = harness({
      providerFor: () => ({ provider: fixedProvider('Still here.'), offlineCoach: true }),
    });
    const user = userEntry('Hello', ['deleted-persona', 'product-owner']);
    await h.session.send(user);
    assertUserKept(h, user);
    const [gone, answered] = answers(h);
    assert.equal(gone!.status, 'failed');
    assert.match(gone!.error!.message, /"deleted-persona" is no longer available/);
    assert.equal(answered!.status, 'complete');
    assert.equal(answered!.offlineCoach, true);
    assert.equal(answered!.text, 'Still here.');
  });

  it('reports a request it cannot serve (unknown template) once for the turn', async () => {
    const h = harness({
      context: () => {
        throw new ChatError('unknown', 'There is no template "nope".', 'Use one of: prd.');
      },
    });
    const user = userEntry('/template nope', ['value-realization', 'product-owner'], { command: { name: 'template', template: 'nope' } });
    await h.session.send(user);
    assertUserKept(h, user);
    assert.deepEqual(types(h), ['error', 'turnComplete']);
    const [failed] = answers(h);
    assert.equal(failed!.personaId, undefined);
    assert.equal(failed!.error!.hint, 'Use one of: prd.');
  });

  it('puts notices (ignored workspace settings) in the conversation before the answer', async () => {
    const notice: ErrorInfo = { code: 'untrusted', message: 'The workspace base URL was ignored.', hint: 'Trust the workspace.' };
    const h = harness({
      providerFor: () => ({ provider: fixedProvider('Answer.'), offlineCoach: true }),
      notices: () => [notice],
    });
    const user = userEntry('Hi');
    await h.session.send(user);
    assert.deepEqual(
      answers(h).map((answer) => [answer.status, answer.error?.code]),
      [
        ['failed', 'untrusted'],
        ['complete', undefined],
      ],
    );
  });

  it('gives providers the grounding and the command, as the offline coach needs them', async () => {
    const h = harness({
      providerFor: (_modelId, ask) => {
        h.asks.push(ask);
        return { provider: fixedProvider('ok'), offlineCoach: true };
      },
      context: () => ({ grounding: { document: { text: PRD, selection: 'Total sign-ups' }, findings: [] } }),
    });
    await h.session.send(userEntry('/review focus on metrics', ['value-realization'], { command: { name: 'review' } }));
    await h.session.send(userEntry('/template prd', ['value-realization'], { command: { name: 'template', template: 'prd' } }));
    assert.equal(h.asks[0]!.command, 'review');
    assert.equal(h.asks[0]!.question, 'focus on metrics');
    assert.equal(h.asks[0]!.document?.selection, 'Total sign-ups');
    assert.deepEqual(h.asks[0]!.findings, []);
    assert.equal(h.asks[1]!.command, 'ask');
    assert.deepEqual(h.asks[1]!.slash, { name: 'template', template: 'prd' });
  });

  it('treats an empty answer as a failure', async () => {
    const h = harness({ providerFor: () => ({ provider: fixedProvider(''), offlineCoach: false }) });
    await h.session.send(userEntry('Say nothing'));
    assert.equal(answers(h)[0]!.status, 'failed');
    assert.match(answers(h)[0]!.error!.message, /empty answer/);
  });

  it('ignores a message it already has', async () => {
    const h = harness({ providerFor: () => ({ provider: fixedProvider('once'), offlineCoach: true }) });
    const user = userEntry('Once');
    await h.session.send(user);
    await h.session.send(user);
    assert.equal(h.session.entries.length, 2);
  });

  it('stopping during a retry-after wait cancels the retry without asking', async () => {
    let asked = 0;
    const h = harness({
      providerFor: () => {
        asked += 1;
        return { provider: fixedProvider('late'), offlineCoach: false };
      },
    });
    const user = userEntry('Wait for it');
    h.session.load([user, { role: 'assistant', id: 'a', replyTo: user.id, personaId: 'value-realization', text: '', status: 'failed', offlineCoach: false, retryAt: Date.now() + 60_000 }]);
    const retry = h.session.retry(user.id);
    await until(() => h.session.busyWith === user.id, 'the retry to start waiting');
    h.session.stop(user.id);
    await retry;
    assert.equal(asked, 0);
    assert.deepEqual(h.session.entries, [user]);
    assert.equal(types(h).at(-1), 'turnComplete');
  });
});

describe('pickModel', () => {
  const coach = { id: 'offline-coach', label: 'Offline coach', kind: 'offline-coach' } as const;
  const lm = { id: 'vscode-lm:copilot/gpt-4o', label: 'GPT-4o', kind: 'vscode-lm' } as const;
  const server = { id: 'openai:llama3.1', label: 'llama3.1', kind: 'openai-compatible' } as const;

  it('auto prefers a VS Code model, then the configured server, then the offline coach', () => {
    assert.equal(pickModel([coach, lm, server], 'auto')?.id, lm.id);
    assert.equal(pickModel([coach, server], 'auto')?.id, server.id);
    assert.equal(pickModel([coach], 'auto')?.id, coach.id);
  });

  it('follows the setting, and the picker over the setting', () => {
    assert.equal(pickModel([coach, lm, server], 'openai')?.id, server.id);
    assert.equal(pickModel([coach, lm, server], 'offline')?.id, coach.id);
    assert.equal(pickModel([coach, lm, server], 'offline', server.id)?.id, server.id);
  });

  it('falls back when the chosen model is gone or the preferred kind is missing', () => {
    assert.equal(pickModel([coach, server], 'auto', lm.id)?.id, server.id);
    assert.equal(pickModel([coach], 'vscode-lm')?.id, coach.id);
  });
});

function fixedProvider(text: string) {
  return {
    id: 'fixed',
    label: 'Fixed',
    async *stream() {
      if (text) yield text;
    },
  };
}
