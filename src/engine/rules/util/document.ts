// Where document-level findings and new top-level sections go: the title, and
// the heading depth of the document's main sections.
import type { DocumentModel, Section, Span } from '../../types';

/** The document's title heading: the first H1, else the first heading of any depth. */
export function titleSection(model: DocumentModel): Section | undefined {
  return model.sections.find((s) => s.depth === 1) ?? model.sections.find((s) => s.depth > 0);
}

/** Where a document-level finding goes: the title's text, else the first line of content. */
export function titleSpan(model: DocumentModel): Span {
  const title = titleSection(model);
  if (title) return title.titleSpan;
  const start = model.frontMatter ? model.frontMatter.span.end : 0;
  const rest = model.text.slice(start);
  const lead = rest.length - rest.trimStart().length;
  const firstLine = /^[^\r\n]*/.exec(rest.slice(lead))![0];
  return { start: start + lead, end: start + lead + firstLine.length };
}

/** Heading depth of the document's main sections: below a single H1 title, else the shallowest heading. */
export function mainDepth(model: DocumentModel): number {
  const h1s = model.sections.filter((s) => s.depth === 1).length;
  if (h1s === 1) return 2;
  if (h1s > 1) return 1;
  const depths = model.sections.filter((s) => s.depth > 0).map((s) => s.depth);
  return depths.length ? Math.min(...depths) : 2;
}
