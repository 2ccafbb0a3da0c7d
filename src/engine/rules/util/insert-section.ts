// Inserting a block of Markdown (a new section, a table) as a text edit, with
// the document's own line endings and blank lines around it so it neither
// joins the paragraph above nor swallows the heading below.
import { lineBreakOf } from '../../text/lines';
import type { DocumentModel, Section, TextEdit } from '../../types';

/** Insert `lines` as a block at `offset` (the start of a line, or the end of the text). */
export function insertBlock(text: string, offset: number, lines: readonly string[]): TextEdit {
  const eol = lineBreakOf(text);
  // Count the line breaks already between the previous content and `offset`.
  let i = offset;
  let breaks = 0;
  while (i > 0 && /[\s]/.test(text[i - 1]!)) {
    if (text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n')) breaks++;
    i--;
  }
  const lead = i === 0 ? '' : eol.repeat(Math.max(0, 2 - breaks));
  // A blank line after the block, unless the text there already starts with one.
  const trail = offset < text.length && !/^[ \t]*(?:\r?\n|\r)/.test(text.slice(offset, offset + 80)) ? eol : '';
  return { start: offset, end: offset, text: `${lead}${lines.join(eol)}${eol}${trail}` };
}

/** Where a new top-level part of the document goes, and at which heading level. */
export interface Placement {
  offset: number;
  depth: number;
}

/**
 * After the first section with one of `after` roles (in that order of preference),
 * subsections included, as its sibling; else after the title's introduction;
 * else before the first heading.
 */
export function placeAfter(model: DocumentModel, after: readonly Section['role'][]): Placement {
  for (const role of after) {
    const anchor = model.sections.find((s) => s.role === role && s.depth > 0);
    if (anchor) return { offset: anchor.span.end, depth: anchor.depth };
  }
  const h1 = model.sections.find((s) => s.depth === 1);
  if (h1) return { offset: h1.body.end, depth: h1.children[0]?.depth ?? 2 };
  const first = model.sections[1];
  return first ? { offset: first.heading.start, depth: first.depth } : { offset: model.text.length, depth: 2 };
}
