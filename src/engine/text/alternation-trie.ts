// An alternation of literal alternatives, written as a trie: "ship|shipped|shipping|set
// up|set" becomes "s(?:hip(?:ped|ping)?|et(?:[\s-]+up)?)". V8 compiles a case-insensitive
// Unicode alternation of hundreds of verb forms on first use in tens of milliseconds, and
// again as it tiers up; the trie holds each shared prefix once and compiles in a fraction.
//
// It matches what the flat alternation sorted longest first matches. Alternatives that
// match at one place are prefixes of one another (their text is the same text), and a
// longer match has a longer source, so the flat list tries them longest match first; the
// trie does the same by trying every continuation before stopping (a greedy `?`).
// Siblings start with different tokens, so at most one of them can match at a place.

/** The separator of multi-word phrases, kept as one token. */
const SEPARATOR = '[\\s-]+';

interface Node {
  children: Map<string, Node>;
  end: boolean;
}

/** The tokens of one alternative's source: the separator, an escaped character, or a character. */
function tokens(source: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; ) {
    const token = source.startsWith(SEPARATOR, i) ? SEPARATOR : source[i] === '\\' ? source.slice(i, i + 2) : source[i]!;
    out.push(token);
    i += token.length;
  }
  return out;
}

function branches(node: Node): string {
  const parts = [...node.children].map(([token, child]) => {
    if (child.children.size === 0) return token;
    const rest = branches(child);
    return child.end ? `${token}(?:${rest})?` : `${token}${child.children.size > 1 ? `(?:${rest})` : rest}`;
  });
  return parts.join('|');
}

/**
 * The trie-shaped equivalent of `alternatives.join('|')` once sorted longest first, for
 * lower-case alternatives made of literal characters, `\`-escapes and the `[\s-]+` separator.
 */
export function trieAlternation(alternatives: readonly string[]): string {
  const root: Node = { children: new Map(), end: false };
  for (const alternative of alternatives) {
    let node = root;
    for (const token of tokens(alternative)) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(token, child);
      }
      node = child;
    }
    node.end = true;
  }
  if (root.children.size === 0) return '';
  return root.end ? `(?:${branches(root)})?` : branches(root);
}
