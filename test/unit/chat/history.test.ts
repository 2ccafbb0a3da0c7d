// The conversation kept per workspace: bounded, validated when read back,
// and an answer interrupted by a reload comes back marked as cut off.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fromStored,
  HISTORY_KEY,
  HISTORY_LIMITS,
  HistoryStore,
  toStored,
} from '../../../src/chat/history';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import type { AssistantEntry, ConversationEntry, UserEntry } from '../../../src/chat/protocol';
import { ChatSession } from '../../../src/chat/session';
import { MemoryStore } from '../../support/memory-store';

function user(id: string, text = `question ${id}`): UserEntry {
  return { role: 'user', id, text, personaIds: ['value-realization'], context: { document: true, selection: false, findings: true }, at: 1 };
}

function answer(replyTo: string, text: string, status: AssistantEntry['status'] = 'complete'): AssistantEntry {
  return { role: 'assistant', id: `${replyTo}-answer`, replyTo, personaId: 'value-realization', text, status, offlineCoach: false };
}

/** workspaceState writes to disk: an update resolves later, while the conversation goes on. */
class SlowStore extends MemoryStore {
  override async update(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await super.update(key, value);
  }
}

/** A session that saves every change into `store` (as the controller does) and records what each save dropped. */
function savingSession(store: MemoryStore) {
  const history = new HistoryStore(store);
  const dropped: number[] = [];
  const saves: Promise<void>[] = [];
  const session = new ChatSession({
    personas: () => BUILTIN_PERSONAS,
    providerFor: () => ({
      provider: {
        id: 'short',
        label: 'Short answers',
        async *stream() {
          yield 'A short answer.';
        },
      },
      offlineCoach: false,
    }),
    context: () => ({ grounding: {} }),
    post: () => undefined,
    onChange: (entries) => saves.push(history.save(entries).then((result) => void dropped.push(result.dropped))),
  });
  return { session, dropped, settled: () => Promise.all(saves) };
}

describe('what a save reports as dropped', () => {
  it('two short turns saved while the answers arrive drop nothing, and all of them come back', async () => {
    const store = new SlowStore();
    const { session, dropped, settled } = savingSession(store);
    await session.send(user('u1', 'Is the goal measurable?'));
    await session.send(user('u2', 'What should the baseline be?'));
    await settled();
    assert.ok(dropped.length >= 4, `every change was saved (${dropped.length} saves)`);
    assert.deepEqual([...new Set(dropped)], [0]);
    assert.equal(new HistoryStore(store).load().entries.length, 4);
  });

  it('a conversation of exactly the entry limit drops nothing; one turn more drops exactly that turn', async () => {
    const entries: ConversationEntry[] = [];
    for (let i = 0; i < HISTORY_LIMITS.entries / 2; i++) entries.push(user(`u${i}`), answer(`u${i}`, `answer ${i}`));
    const history = new HistoryStore(new SlowStore());
    assert.deepEqual(await history.save(entries), { dropped: 0 });
    entries.push(user('one-more'), answer('one-more', 'and its answer'));
    assert.deepEqual(await history.save(entries), { dropped: 2 });
    assert.equal(history.load().entries[0]!.id, 'u1', 'the oldest turn is the one left out');
  });

  it('a conversation over the size limit reports the turns it leaves out', async () => {
    const store = new SlowStore();
    const { session, dropped, settled } = savingSession(store);
    // Six questions as long as the chat takes, short of a question's own limit: the sixth is past the size limit.
    const long = 'x'.repeat(HISTORY_LIMITS.chars / 5 - 10_000);
    for (let i = 1; i <= 6; i++) await session.send(user(`long-${i}`, long));
    await settled();
    assert.equal(Math.max(...dropped), 2, 'the first turn (question and answer) no longer fits');
    assert.equal(new HistoryStore(store).load().entries[0]!.id, 'long-2');
  });
});

describe('chat history', () => {
  it('round-trips a conversation through a JSON store', async () => {
    const store = new MemoryStore();
    const history = new HistoryStore(store);
    const entries: ConversationEntry[] = [
      { ...user('u1'), command: { name: 'template', template: 'prd' }, finding: { ruleId: 'vanity-metric', message: 'm', line: 3 } },
      { ...answer('u1', 'partial'), status: 'incomplete', error: { code: 'cut-off', message: 'cut', hint: 'retry' } },
      { ...answer('u1', ''), id: 'limited', status: 'failed', retryAt: 123, error: { code: 'rate-limited', message: '429', hint: 'wait', retryAfterMs: 1000 } },
    ];
    await history.save(entries);
    const loaded = new HistoryStore(store).load();
    assert.deepEqual({ entries: loaded.entries, setAside: loaded.setAside }, { entries, setAside: [] });
  });

  it('stores an answer that was still arriving as cut off, with its text', () => {
    const { entries } = toStored([user('u1'), answer('u1', 'half an', 'streaming'), user('u2'), answer('u2', '', 'streaming')]);
    const [, kept, , empty] = entries as [UserEntry, AssistantEntry, UserEntry, AssistantEntry];
    assert.equal(kept.status, 'incomplete');
    assert.equal(kept.text, 'half an');
    assert.equal(kept.error?.code, 'cut-off');
    assert.equal(empty.status, 'failed');
  });

  it('drops the oldest whole turns beyond the entry limit', () => {
    const entries: ConversationEntry[] = [];
    for (let i = 0; i < HISTORY_LIMITS.entries; i++) entries.push(user(`u${i}`), answer(`u${i}`, `answer ${i}`));
    const { entries: kept } = toStored(entries);
    assert.ok(kept.length <= HISTORY_LIMITS.entries);
    assert.equal(kept.length % 2, 0, 'no answer lost its question');
    assert.equal(kept[0]!.role, 'user');
    assert.deepEqual(kept.at(-1), entries.at(-1));
  });

  it('drops the oldest turns beyond the size limit, but always keeps the newest', () => {
    const third = 'x'.repeat(Math.floor(HISTORY_LIMITS.chars / 3) - 100);
    const entries = [user('u1'), answer('u1', third), user('u2'), answer('u2', third), user('u3'), answer('u3', third), user('u4'), answer('u4', third)];
    assert.deepEqual(
      toStored(entries).entries.map((entry) => entry.id),
      ['u2', 'u2-answer', 'u3', 'u3-answer', 'u4', 'u4-answer'],
    );
    const huge = [user('u1'), answer('u1', 'x'.repeat(HISTORY_LIMITS.chars * 2))];
    assert.equal(toStored(huge).entries.length, 2);
  });

  it('sets damaged or foreign data aside, saying why, instead of loading it', () => {
    assert.deepEqual(fromStored(undefined), { entries: [], setAside: [] });
    for (const damaged of [{ version: 2, entries: [] }, { version: 1, entries: [{ role: 'system', id: 'x' }] }, 'text', null]) {
      const { entries, problem, setAside } = fromStored(damaged, 5);
      assert.deepEqual(entries, []);
      assert.match(problem ?? '', /could not be read/);
      assert.equal(setAside.length, 1);
      assert.equal(setAside[0]!.at, 5);
    }
  });

  it('remembers the pickers, merging changes and ignoring a damaged value', async () => {
    const store = new MemoryStore();
    const history = new HistoryStore(store);
    assert.deepEqual(history.preferences(), {});
    await history.choose({ personaId: 'product-owner' });
    await history.choose({ modelId: 'offline-coach', personaId: undefined });
    await history.choose({ context: { document: false, selection: true, findings: true } });
    assert.deepEqual(history.preferences(), {
      personaId: 'product-owner',
      modelId: 'offline-coach',
      context: { document: false, selection: true, findings: true },
    });
    await store.update('outcomeLens.chat.preferences', { personaId: 42 });
    assert.deepEqual(history.preferences(), {});
    assert.ok(!store.values.has(HISTORY_KEY), 'choices do not touch the conversation');
  });
});
