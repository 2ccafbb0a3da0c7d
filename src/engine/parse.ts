// Markdown parsing with unified + remark. Sections are parsed one at a time and
// memoised by their text, so an edit re-parses only the section it touched.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * Parse results keyed by text, least recently used dropped first once the
 * cached texts add up to more than `maxChars`.
 */
export class ParseCache {
  private readonly entries = new Map<string, Root>();
  private size = 0;

  constructor(private readonly maxChars = 4_000_000) {}

  parse(text: string): Root {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const tree = parseMarkdown(text);
    this.entries.set(text, tree);
    this.size += text.length;
    for (const [key] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(key);
      this.size -= key.length;
    }
    return tree;
  }
}
