// Values by text key, least recently used dropped first once the keys add up to more
// than `maxChars` characters: the parse cache and each slot of the section memo.
export class TextKeyedLru<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    if (this.entries.has(key)) this.chars -= key.length;
    this.entries.set(key, value);
    this.chars += key.length;
    for (const [old] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(old);
      this.chars -= old.length;
    }
  }
}
