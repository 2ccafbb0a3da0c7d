// Front matter read into data. Most documents open with a few `key: word` lines (type, title,
// status, owner); the YAML parser costs half a millisecond for those, as much as linting a
// small document's sections, so lines of that one shape are read directly, giving what the
// parser gives. Anything else (quotes, lists, numbers, booleans, comments, a repeated key)
// goes to the parser.
import { parse as parseYaml } from 'yaml';
import type { FrontMatter, Span } from '../types';

// `key: value` where the value opens with a letter, holds no character YAML gives a meaning
// to (`#`, `:`, quotes, brackets, `&`, `*`, `!`, `|`, `>`, `%`, `@`, backtick) and ends
// with no blank.
const PLAIN_LINE = /^([A-Za-z_][\w-]{0,63}):[ ]{1,8}([A-Za-z][^#:'"[\]{}&*!|>%@`\t\r\n]{0,400})$/;
// Words the core schema reads as something other than a string.
const NOT_A_STRING = /^(?:true|false|null)$/i;

/** The map of plain `key: word` lines, or undefined when any line is another shape. */
function plainMap(content: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  // The block ends with its last line's line end.
  for (const line of (content.endsWith('\n') ? content.slice(0, -1) : content).split('\n')) {
    const m = PLAIN_LINE.exec(line);
    if (!m || m[2]!.endsWith(' ') || NOT_A_STRING.test(m[2]!) || Object.hasOwn(data, m[1]!)) return undefined;
    data[m[1]!] = m[2]!;
  }
  return data;
}

export function readFrontMatter(block: { span: Span; content: string; format: 'yaml' | 'toml' } | undefined): FrontMatter | undefined {
  if (!block) return undefined;
  if (block.format === 'toml') return { data: {}, span: block.span, error: undefined };
  const plain = plainMap(block.content);
  if (plain) return { data: plain, span: block.span, error: undefined };
  try {
    // logLevel 'error': errors still throw, warnings (an unknown tag) no longer go to stderr.
    const data: unknown = parseYaml(block.content, { maxAliasCount: 50, logLevel: 'error' });
    if (data === null || data === undefined) return { data: {}, span: block.span, error: undefined };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, span: block.span, error: 'front matter is not a key/value map' };
    }
    return { data: data as Record<string, unknown>, span: block.span, error: undefined };
  } catch (error) {
    return { data: {}, span: block.span, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
