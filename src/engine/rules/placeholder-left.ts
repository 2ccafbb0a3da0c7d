// Placeholders left in the text: TBD, TODO, template text in brackets,
// {{variables}}, lorem ipsum. Our templates use bracketed placeholders, so this
// is how a user finds what they left unfilled. Inherently textual: one regex
// pass over the raw text (section by section, so a re-lint reads only what changed),
// skipping code, inline code, HTML comments and front matter.
// A document that is still an untouched template gets one finding that lists
// every placeholder, instead of dozens before the user has typed a word.
import * as z from 'zod';
import { spannedList } from '../memo/codecs';
import type { DocumentModel, Span } from '../types';
import { lowerBound } from '../text/sorted';
import { defineRule } from './rule';
import type { Report } from './rule';
import { titleSpan } from './util/document';
import { isTemplateText, PLACEHOLDER } from './util/placeholders';
import { sectionTitlesAt, untouchedParts } from './util/template-state';

// "the {{tasks}} placeholder": the text names the variable rather than leaving it unfilled.
const NAMED_AS_VARIABLE = /^[ \t]*(?:placeholders?|variables?|tokens?|tags?|merge fields?|parameters?)\b/i;
// A label is at most 999 characters (CommonMark), and no line ending of any kind: `^` with the m flag also starts after \r.
const DEFINITION = /^ {0,3}\[([^\]\r\n\u2028\u2029]{1,999})\]:[ \t]*\S/gm;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

const normalizeLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** One match of PLACEHOLDER: its span and its groups (0 the whole match, 1-5 as PLACEHOLDER numbers them). */
interface Found extends Span {
  groups: ReadonlyArray<string | undefined>;
  /** What its finding says, made with it: kept and moved with it, not written again on every lint. */
  message: string;
}
const foundList = spannedList<Found>();

/**
 * Every match of PLACEHOLDER outside code, section by section (heading and body), each
 * section's kept between lints by its text. A match never spans a line and sections start at
 * a line, so the matches are those of one pass over the whole text. Code is read per section
 * too: a section never starts inside a fence, and an inline code span never runs past a
 * heading (a heading ends the paragraph it would be in).
 */
function placeholdersIn(model: DocumentModel): Found[] {
  const out: Found[] = [];
  const blockEnds = model.codeSpans.map((span) => span.end);
  for (const section of model.sections) {
    const found = model.memo.get('placeholders', section, '', 'own', foundList, () => {
      const base = section.heading.start;
      const end = section.body.end;
      const own = section.ownText();
      const list: Found[] = [];
      // The matched words are kept with the section, like the memo's own strings: a long one cut
      // from this text would otherwise keep the whole of it alive.
      const keep = (group: string | undefined) => (group === undefined ? undefined : model.memo.keep(group));
      PLACEHOLDER.lastIndex = 0;
      for (let match = PLACEHOLDER.exec(own); match; match = PLACEHOLDER.exec(own)) {
        list.push({ start: base + match.index, end: base + match.index + match[0].length, groups: Array.from(match, keep), message: describe(match) });
      }
      if (list.length === 0) return list;
      const blocks: Span[] = [];
      for (let i = lowerBound(blockEnds, base + 1); i < blockEnds.length && model.codeSpans[i]!.start < end; i++) blocks.push(model.codeSpans[i]!);
      const code = [...blocks, ...inlineCodeSpans(own, base, blocks)].sort((a, b) => a.start - b.start);
      return outside(list, code);
    });
    for (const f of found) out.push(f);
  }
  return out;
}

/** The matches (in order) that do not start inside any of the spans (disjoint, in order): one walk over both. */
function outside<T extends Span>(matches: readonly T[], spans: readonly Span[]): T[] {
  let next = 0;
  return matches.filter(({ start }) => {
    while (next < spans.length && spans[next]!.end <= start) next++;
    return !(next < spans.length && spans[next]!.start <= start);
  });
}

/**
 * Inline code spans in a section's text (which starts at `base` in the document) outside the
 * given code blocks: a run of backticks up to the next run of the same length, within one
 * paragraph. Spans are placed in the document.
 */
function inlineCodeSpans(own: string, base: number, blocks: readonly Span[]): Span[] {
  const spans: Span[] = [];
  if (!own.includes('`')) return spans;
  let block = 0;
  let open: { start: number; length: number } | undefined;
  let previous = 0; // end of the previous run: each stretch of text is checked for a blank line once
  for (const run of own.matchAll(/`+/g)) {
    const at = base + run.index;
    const blankLine = /\n[ \t]*\r?\n/.test(own.slice(previous, run.index));
    previous = run.index + run[0].length;
    while (block < blocks.length && blocks[block]!.end <= at) block++;
    if (block < blocks.length && blocks[block]!.start <= at) {
      open = undefined;
      continue;
    }
    if (open && blankLine) open = undefined;
    if (!open) open = { start: at, length: run[0].length };
    else if (run[0].length === open.length) {
      spans.push({ start: open.start, end: at + run[0].length });
      open = undefined;
    }
  }
  return spans;
}

/**
 * "[label]: ..." at the start of a line is a link reference definition. Elsewhere
 * a colon after the bracket is prose ("# [Feature name]: requirements").
 */
function isDefinitionLabel(text: string, start: number, length: number): boolean {
  if (text[start + length] !== ':') return false;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, start));
}

function describe(match: ReadonlyArray<string | undefined>): string {
  const [whole, marker, variable, angled, lorem] = match;
  if (marker && /^tb[dc]$/i.test(marker)) {
    return `"${whole}" is still open: decide it and write the value, or move it to Open questions with an owner and a date.`;
  }
  if (marker) return `"${whole}" note left in the text: act on it or remove it before the document is shared.`;
  if (lorem) return 'Dummy "lorem ipsum" text: replace it with the real content.';
  const what = variable ?? angled ?? whole;
  return `Template text ${what} was not filled in: replace it, brackets included, with what it asks for.`;
}

const REPLACE_EACH = 'Replace each, brackets included, with what it asks for; every place is listed under this finding.';

/** The one finding of an untouched template: how much is left, and where. */
function untouchedMessage(count: number, sections: readonly string[]): string {
  const shown = sections.slice(0, 5).map((t) => `"${t}"`);
  const where = sections.length > shown.length ? `${shown.join(', ')} and ${sections.length - shown.length} more sections` : shown.join(', ');
  return `This document is still the template: ${count} placeholders are left to fill in${where ? `, in ${where}` : ''}. ${REPLACE_EACH}`;
}

/** One finding for many placeholders, each listed under it; made again from those left when comments silence some. */
function grouped(span: Span, places: readonly Report[], message: (places: readonly Report[]) => string): Report {
  return {
    span,
    message: message(places),
    related: places.map((p) => ({ span: p.span, message: p.message })),
    regroup: (kept) => (kept.length === 1 ? places[kept[0]!] : grouped(span, kept.map((i) => places[i]!), message)),
  };
}

export default defineRule({
  meta: {
    id: 'placeholder-left',
    description: 'Placeholders left in the text: TBD, TODO, [template text], {{variables}}, lorem ipsum.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case', 'okr'],
    options: z
      .object({
        allow: z
          .array(z.string())
          .default([])
          .describe('Placeholder texts that are fine in your documents, written as they appear (e.g. "[sic]", "XXX"); case-insensitive.'),
      })
      .strict(),
  },
  check({ model, options, report }) {
    const { text } = model;
    const found = placeholdersIn(model);
    // Most documents being typed hold no placeholder: the passes below over the whole text
    // (comments, link definitions) are made only when there is one to check.
    if (found.length === 0) return;
    const allowed = new Set(options.allow.map((a) => a.trim().toLowerCase()));
    let definitions: Set<string> | undefined;
    const defined = (label: string) => {
      definitions ??= new Set(text.includes(']:') ? [...text.matchAll(DEFINITION)].map((d) => normalizeLabel(d[1]!)) : []);
      return definitions.has(normalizeLabel(label));
    };

    // Comments, unlike code, may run from one section into another: they are found in the whole text.
    const skipped: Span[] = [];
    if (text.includes('<!--')) {
      for (const c of text.matchAll(COMMENT)) skipped.push({ start: c.index, end: c.index + c[0].length });
    }

    const templated: Report[] = [];
    const notes: Report[] = [];
    for (const { start, groups: match, message } of outside(found, skipped)) {
      const inner = match[5];
      const whole = match[0]!;
      if (inner !== undefined && (!isTemplateText(inner) || defined(inner) || isDefinitionLabel(text, start, whole.length))) continue;
      if (allowed.has(whole.toLowerCase())) continue;
      const end = start + whole.length;
      if ((inner !== undefined || match[2]) && NAMED_AS_VARIABLE.test(text.slice(end, end + 40))) continue;
      const place = { span: { start, end }, message };
      // Template text is ours to group; TBD, TODO and lorem ipsum are the author's own notes, each its own finding.
      if (inner !== undefined || match[2] || match[3]) templated.push(place);
      else notes.push(place);
    }
    for (const note of notes) report(note);
    const starts = templated.map((f) => f.span.start);
    const untouched = untouchedParts(model, starts);
    if (untouched.scope === 'document') {
      report(grouped(titleSpan(model), templated, (places) => untouchedMessage(places.length, sectionTitlesAt(model, places.map((p) => p.span.start)))));
      return;
    }
    // A section still left as the template is one piece of work; elsewhere each placeholder is its own.
    const inGroups = new Set<Report>();
    for (const section of untouched.sections) {
      const inside = templated.filter((f) => f.span.start >= section.body.start && f.span.start < section.body.end);
      inside.forEach((f) => inGroups.add(f));
      report(
        grouped(
          section.titleSpan,
          inside,
          (places) => `"${section.title}" is still the template: ${places.length} placeholders are left to fill in here. ${REPLACE_EACH}`,
        ),
      );
    }
    for (const f of templated) if (!inGroups.has(f)) report(f);
  },
});
