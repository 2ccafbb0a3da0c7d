// Values by text key, at most about `maxChars` characters of keys: the parse cache and each
// slot of the section memo. Two generations rather than a strict LRU: a hit in the newer
// costs one lookup, a hit in the older moves the entry to the newer, and once the newer
// holds more than half the budget the older is dropped and the newer takes its place.
// (A strict LRU moved every hit to the end of its map, a delete and an insert per section
// per slot on every lint, which on a large document was a good part of a re-lint.)
// What a lint touched stays until another half of the budget was touched after it.
export class TextKeyedLru<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();
  private newerChars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    const hit = this.newer.get(key);
    if (hit !== undefined) return hit;
    const aged = this.older.get(key);
    if (aged !== undefined) {
      this.older.delete(key);
      this.add(key, aged);
    }
    return aged;
  }

  set(key: string, value: V): void {
    if (this.newer.has(key)) {
      this.newer.set(key, value);
      return;
    }
    this.older.delete(key);
    this.add(key, value);
  }

  private add(key: string, value: V): void {
    this.newer.set(key, value);
    this.newerChars += key.length;
    if (this.newerChars > this.maxChars / 2) {
      this.older = this.newer;
      this.newer = new Map();
      this.newerChars = 0;
    }
  }
}
