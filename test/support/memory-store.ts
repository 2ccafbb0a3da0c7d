// workspaceState as VS Code keeps it, for chat tests: values go through JSON, and
// storing undefined removes the key.
import type { KeyValueStore } from '../../src/chat/history';

export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();

  get(key: string): unknown {
    const value = this.values.get(key);
    return value === undefined ? undefined : JSON.parse(value);
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
  }
}
