// Caches that outlive a lint. A slice of a long string keeps all of it alive in V8, so a title
// sliced from a document and kept by a module-level cache would keep every version of a
// document typed in. Concatenating, then slicing, makes a flat string of its own.

/** A copy of `text` that does not share the memory of the string it was sliced from. */
export const detached = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));

/** How a store keeps a string: `detached`, or as it is when nothing kept outlives the text. */
export type Keep = (text: string) => string;
export const asItIs: Keep = (text) => text;

/**
 * `compute` kept by its text between lints (a document is linted again on every keystroke with
 * the same headings), keys detached. Cleared when full: it only saves time.
 */
export function cachedByText<V>(compute: (text: string) => V, limit = 20_000): (text: string) => V {
  const known = new Map<string, V>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = compute(text);
      if (known.size >= limit) known.clear();
      known.set(detached(text), value);
    }
    return value;
  };
}
