// Whether a document is still an untouched template: most of the places where
// content goes (paragraphs, list items, table rows) still hold a placeholder.
// Such a document gets one "fill this in" finding instead of one per placeholder.
import type { RootContent } from 'mdast';
import type { DocumentModel, Section, Span } from '../../types';
import { titleSection } from './document';
import { someWithin } from '../../text/sorted';

/** Below this many placeholders, each one is worth its own finding. */
const MIN_PLACEHOLDERS = 8;
/** A section's own placeholders are grouped from this many on. */
const MIN_SECTION_PLACEHOLDERS = 2;
/** The share of content places that hold a placeholder for a document or section to count as untouched. */
const OPEN_SHARE = 0.6;

/** Spans of the places content is written: paragraphs, list item texts, table body rows (one row, one entry). */
function contentPlaces(section: Section): Span[] {
  const places: Span[] = [];
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') places.push(section.spanOf(node));
      else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') visit(node.children as RootContent[]);
      else if (node.type === 'table') for (const row of node.children.slice(1)) places.push(section.spanOf(row));
    }
  };
  visit(section.nodes());
  return places;
}


/** How many content places a section's own body has, and how many of them hold a placeholder. */
function fill(model: DocumentModel, section: Section, starts: readonly number[]): { places: number; open: number } {
  let places = 0;
  let open = 0;
  for (const place of contentPlaces(section)) {
    if (model.text.slice(place.start, place.end).trim() === '') continue;
    places++;
    if (someWithin(starts, place.start, place.end)) open++;
  }
  return { places, open };
}

/** Where a template's placeholders are still unfilled as a whole: the document, some sections, or nowhere. */
export type Untouched = { scope: 'document' } | { scope: 'sections'; sections: Section[] };

/**
 * Which parts of the document are untouched template, given where its placeholders start
 * (sorted): the whole document, or single sections (their own bodies) that are still mostly
 * placeholders. Reads the sections' content only when there are enough placeholders to matter.
 */
export function untouchedParts(model: DocumentModel, starts: readonly number[]): Untouched {
  if (starts.length < MIN_PLACEHOLDERS) return { scope: 'sections', sections: [] };
  let places = 0;
  let open = 0;
  const sections: Section[] = [];
  for (const section of model.sections) {
    const own = fill(model, section, starts);
    places += own.places;
    open += own.open;
    if (section.depth > 0 && own.open >= MIN_SECTION_PLACEHOLDERS && own.open / own.places >= OPEN_SHARE) sections.push(section);
  }
  return places > 0 && open / places >= OPEN_SHARE ? { scope: 'document' } : { scope: 'sections', sections };
}

/** Titles of the sections that hold the given offsets (not the document's own title), in document order, without repeats. */
export function sectionTitlesAt(model: DocumentModel, offsets: readonly number[]): string[] {
  const titles: string[] = [];
  const title = titleSection(model);
  for (const section of model.sections) {
    if (section.depth === 0 || section === title || !section.title) continue;
    if (offsets.some((o) => o >= section.body.start && o < section.body.end) && !titles.includes(section.title)) titles.push(section.title);
  }
  return titles;
}
