// The conversation kept per workspace (the extension stores it in
// workspaceState), and the pickers' last choices. Stored data is validated
// on the way back in: a damaged or older value starts a fresh conversation
// rather than breaking the view. The size is bounded by dropping whole
// turns, oldest first, so a long-lived workspace does not grow without end.
import * as z from 'zod';
import { contextChoiceSchema, conversationEntrySchema, type ContextChoice, type ConversationEntry } from './protocol';

export const HISTORY_KEY = 'outcomeLens.chat.history';
export const PREFERENCES_KEY = 'outcomeLens.chat.preferences';

export const HISTORY_LIMITS = {
  entries: 300,
  /** Characters of message text, a rough stand-in for the stored size. */
  chars: 500_000,
};

const storedHistorySchema = z.object({
  version: z.literal(1),
  entries: z.array(conversationEntrySchema),
});
export type StoredHistory = z.infer<typeof storedHistorySchema>;

const preferencesSchema = z.object({
  personaId: z.string().min(1).optional(),
  modelId: z.string().min(1).optional(),
  context: contextChoiceSchema.optional(),
});
export type ChatPreferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_CONTEXT: ContextChoice = { document: true, selection: false, findings: true };

/** The slice of vscode.Memento we use; tests pass a Map-backed one. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * What to store for a conversation: at most HISTORY_LIMITS, newest turns
 * kept. An answer still streaming is stored as cut off, because its stream
 * does not survive a reload.
 */
export function toStored(entries: readonly ConversationEntry[]): StoredHistory {
  const turns = splitTurns(entries);
  let count = entries.length;
  let chars = entries.reduce((sum, entry) => sum + entry.text.length, 0);
  let first = 0;
  // The newest turn is always kept.
  while (first < turns.length - 1 && (count > HISTORY_LIMITS.entries || chars > HISTORY_LIMITS.chars)) {
    const turn = turns[first]!;
    count -= turn.length;
    chars -= turn.reduce((sum, entry) => sum + entry.text.length, 0);
    first += 1;
  }
  return { version: 1, entries: turns.slice(first).flat().map(settled) };
}

/** The conversation in a stored value, or an empty one (with the reason) when it cannot be read. */
export function fromStored(value: unknown): { entries: ConversationEntry[]; problem?: string } {
  if (value === undefined) return { entries: [] };
  const parsed = storedHistorySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { entries: [], problem: `the saved chat history could not be read (${issue?.path.join('.') || 'root'}: ${issue?.message})` };
  }
  return { entries: parsed.data.entries.map(settled) };
}

export function preferencesFrom(value: unknown): ChatPreferences {
  const parsed = preferencesSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** Loads and saves the conversation and the choices of one workspace. */
export class HistoryStore {
  constructor(private readonly store: KeyValueStore) {}

  load(): { entries: ConversationEntry[]; problem?: string } {
    return fromStored(this.store.get(HISTORY_KEY));
  }

  save(entries: readonly ConversationEntry[]): PromiseLike<void> {
    return this.store.update(HISTORY_KEY, toStored(entries));
  }

  preferences(): ChatPreferences {
    return preferencesFrom(this.store.get(PREFERENCES_KEY));
  }

  /** Merges `change` into the stored choices. */
  choose(change: ChatPreferences): PromiseLike<void> {
    return this.store.update(PREFERENCES_KEY, { ...this.preferences(), ...stripUndefined(change) });
  }
}

/** Each user message with the answers that follow it; answers before any question form a turn of their own. */
function splitTurns(entries: readonly ConversationEntry[]): ConversationEntry[][] {
  const turns: ConversationEntry[][] = [];
  for (const entry of entries) {
    if (entry.role === 'user' || turns.length === 0) turns.push([entry]);
    else turns[turns.length - 1]!.push(entry);
  }
  return turns;
}

function settled(entry: ConversationEntry): ConversationEntry {
  if (entry.role !== 'assistant' || entry.status !== 'streaming') return entry;
  return {
    ...entry,
    status: entry.text ? 'incomplete' : 'failed',
    error: {
      code: 'cut-off',
      message: 'VS Code was closed or reloaded while this answer was arriving.',
      hint: 'Retry to ask again.',
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
