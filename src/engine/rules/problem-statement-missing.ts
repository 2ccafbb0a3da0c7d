// A PRD or business case that never says what problem it solves. A Problem
// section (in any of its wordings) satisfies it, and so does a summary whose
// opening states trouble, or a Background, Context or "Why" section whose
// content states a problem: trouble, for someone, with evidence.
import * as z from 'zod';
import type { DocumentModel, Section, SectionRole } from '../types';
import { defineRule } from './rule';
import { mainDepth, titleSection, titleSpan } from './util/document';
import { insertBlock } from './util/insert-section';
import { opensWithTrouble, statesProblemIn } from './util/problem-content';

// A labelled problem statement anywhere: "**The Problem:** ...", "b. Problem Statement:".
const PROBLEM_LABEL = /^[ \t>]*(?:[-*+][ \t]+)?(?:[*_]{1,2})?(?:[a-z\d]{1,3}[.)][ \t]*)?(?:the[ \t]+)?(?:problem(?:[ \t]+statement)?|pain[ \t]+points?|the[ \t]+challenge)[ \t]*(?::[*_]{0,2}|[*_]{1,2}[ \t]*:)/gim;

const INTRO_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['summary', 'background']);
// Headings under which a document explains why it exists: "Background", "Context", "Why", "Rationale".
const WHY_HEADING = /^(?:\W*\d+[.)]?\s*)?(?:why\b|(?:the\s+)?(?:context|rationale|motivation|reasoning)\b)/i;

/** Sections that may tell the problem in their content: background and context, or a "Why" heading. */
function explainsWhy(section: Section): boolean {
  return section.role === 'background' || (section.depth > 0 && WHY_HEADING.test(section.title));
}

/**
 * Whether a section states the problem: the opening of an introduction names trouble
 * (only its start: a problem mentioned in passing is not a statement), or a background
 * or "Why" section states trouble for someone with evidence anywhere in its prose.
 */
function statesProblem(model: DocumentModel, section: Section): boolean {
  return opensWithTrouble(model, section) || (explainsWhy(section) && statesProblemIn(model, section));
}

/**
 * Insertion point for the Problem section: after the first run of summary, background and
 * context sections (a problem follows its context, never above it), else after the title's intro.
 */
function insertionPoint(model: DocumentModel, depth: number): number {
  let anchor: Section | undefined;
  for (const s of model.sections.filter((x) => x.depth === depth)) {
    if (s.role !== undefined && INTRO_ROLES.has(s.role)) anchor = s;
    else if (anchor) break;
  }
  if (anchor) return anchor.span.end;
  const title = model.sections.find((s) => s.depth === 1);
  if (title) return title.body.end;
  return model.sections[0]!.body.end;
}

export default defineRule({
  meta: {
    id: 'problem-statement-missing',
    description: 'The document never states the problem it solves: no Problem section, no summary that opens with one, and no Background, Context or "Why" section that states one.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case'],
    options: z.object({}).strict(),
  },
  check({ model, report }) {
    if (model.sections.some((s) => s.role === 'problem')) return;
    const title = titleSection(model);
    const intros = model.sections.filter((s) => s.depth === 0 || s === title || (s.role !== undefined && INTRO_ROLES.has(s.role)) || explainsWhy(s));
    if (intros.some((section) => statesProblem(model, section))) return;
    for (const label of model.text.matchAll(PROBLEM_LABEL)) {
      if (!model.codeSpans.some((c) => label.index >= c.start && label.index < c.end)) return;
    }
    const depth = mainDepth(model);
    const edit = insertBlock(model.text, insertionPoint(model, depth), [
      `${'#'.repeat(depth)} Problem`,
      '',
      '[Who has the problem, and what goes wrong for them today?]',
      '',
      '[How we know: data, support tickets, interviews.]',
      '',
      '[What it costs them, and us, if we do nothing.]',
    ]);
    report({
      span: titleSpan(model),
      message: 'This document never says what problem it solves. Add a Problem section: who has the problem, what goes wrong for them today, how we know, and what it costs if we do nothing.',
      fixes: [{ title: 'Insert a Problem section', edits: [edit], isPreferred: true }],
    });
  },
});
