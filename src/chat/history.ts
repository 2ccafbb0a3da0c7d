// The conversation kept per workspace (the extension stores it in
// workspaceState), and the pickers' last choices. Stored data is validated
// on the way back in, entry by entry: an entry that cannot be read is set
// aside under its own key (never deleted, never costing the others) and
// reported. The size is bounded by dropping whole turns, oldest first, so a
// long-lived workspace does not grow without end; the caller is told how many
// entries left storage so it can say so (the session itself keeps them all).
import * as z from 'zod';
import { contextChoiceSchema, conversationEntrySchema, type ContextChoice, type ConversationEntry } from './protocol';

export const HISTORY_KEY = 'outcomeLens.chat.history';
export const PREFERENCES_KEY = 'outcomeLens.chat.preferences';
/** Stored entries that could not be read, kept as they were for recovery. */
export const SET_ASIDE_KEY = 'outcomeLens.chat.history.setAside';
/** Set-aside entries kept at most (newest kept); each is one entry, or one whole damaged value. */
const SET_ASIDE_LIMIT = 200;

export const HISTORY_LIMITS = {
  entries: 300,
  /** Characters of message text, a rough stand-in for the stored size. */
  chars: 500_000,
};

/** The envelope only: each entry is validated on its own (see fromStored). */
const storedEnvelopeSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.unknown()),
});
export interface StoredHistory {
  version: 1;
  entries: ConversationEntry[];
}

/** A stored value that could not be read, with why; `value` is exactly what was stored. */
export interface SetAsideEntry {
  reason: string;
  value: unknown;
  /** Epoch ms when it was set aside. */
  at: number;
}
const setAsideSchema = z.array(z.object({ reason: z.string(), value: z.unknown(), at: z.number() }));

export interface LoadedHistory {
  entries: ConversationEntry[];
  /** What could not be read (kept under SET_ASIDE_KEY by HistoryStore.load). */
  setAside: SetAsideEntry[];
  /** One sentence for the log and the user when something was set aside. */
  problem?: string;
}

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

/**
 * The conversation in a stored value. Each entry is read on its own: one that
 * fails is set aside with the reason, and the others load. A value that is
 * not a stored history at all is set aside whole.
 */
export function fromStored(value: unknown, now = Date.now()): LoadedHistory {
  if (value === undefined) return { entries: [], setAside: [] };
  const envelope = storedEnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    const reason = describeIssue(envelope.error);
    return {
      entries: [],
      setAside: [{ reason, value, at: now }],
      problem: `the saved chat history could not be read (${reason}); it was set aside, not deleted`,
    };
  }
  const entries: ConversationEntry[] = [];
  const setAside: SetAsideEntry[] = [];
  envelope.data.entries.forEach((raw, index) => {
    const parsed = conversationEntrySchema.safeParse(raw);
    if (parsed.success) entries.push(settled(parsed.data));
    else setAside.push({ reason: `entry ${index + 1}: ${describeIssue(parsed.error)}`, value: raw, at: now });
  });
  if (setAside.length === 0) return { entries, setAside };
  const count = setAside.length === 1 ? 'one saved chat entry' : `${setAside.length} saved chat entries`;
  return {
    entries,
    setAside,
    problem: `${count} could not be read (${setAside[0]!.reason}); set aside, not deleted, and the other ${entries.length} loaded`,
  };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`;
}

export function preferencesFrom(value: unknown): ChatPreferences {
  const parsed = preferencesSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** Loads and saves the conversation and the choices of one workspace. */
export class HistoryStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The stored conversation; entries that cannot be read move to SET_ASIDE_KEY before the next save can overwrite them. */
  load(): LoadedHistory & { kept: PromiseLike<void> } {
    const loaded = fromStored(this.store.get(HISTORY_KEY));
    // A different key than the history's, so no later save can overwrite what is set aside.
    const kept =
      loaded.setAside.length > 0
        ? this.store.update(SET_ASIDE_KEY, [...this.setAside(), ...loaded.setAside].slice(-SET_ASIDE_LIMIT))
        : Promise.resolve();
    return { ...loaded, kept };
  }

  /** Everything set aside so far, oldest first, for the user to save to a file. */
  setAside(): SetAsideEntry[] {
    const parsed = setAsideSchema.safeParse(this.store.get(SET_ASIDE_KEY));
    return parsed.success ? parsed.data : [];
  }

  /** Saves the conversation; resolves to how many entries were beyond the limits and left storage. */
  async save(entries: readonly ConversationEntry[]): Promise<{ dropped: number }> {
    const stored = toStored(entries);
    // Counted before the write: the session goes on adding to its list while the store writes.
    const dropped = entries.length - stored.entries.length;
    await this.store.update(HISTORY_KEY, stored);
    return { dropped };
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
