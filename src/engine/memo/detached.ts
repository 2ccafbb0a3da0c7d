// Keys for caches that outlive a lint. A slice of a long string keeps all of it alive in V8,
// so a title sliced from a document and kept by a module-level cache would keep every version
// of a document typed in. Concatenating, then slicing, makes a flat string of its own.

/** A copy of `text` that does not share the memory of the string it was sliced from. */
export const detached = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));
