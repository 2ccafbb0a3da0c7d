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
import type { AssistantEntry, ConversationEntry, UserEntry } from '../../../src/chat/protocol';
import { MemoryStore } from '../../support/memory-store';

function user(id: string, text = `question ${id}`): UserEntry {
  return { role: 'user', id, text, personaIds: ['value-realization'], context: { document: true, selection: false, findings: true }, at: 1 };
}

function answer(replyTo: string, text: string, status: AssistantEntry['status'] = 'complete'): AssistantEntry {
  return { role: 'assistant', id: `${replyTo}-answer`, replyTo, personaId: 'value-realization', text, status, offlineCoach: false };
}


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
