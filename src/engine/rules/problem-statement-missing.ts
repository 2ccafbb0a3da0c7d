// A PRD or business case that never says what problem it solves. A Problem
// section (in any of its wordings) satisfies it, and so does a summary or
// background whose first paragraph states the problem.
import * as z from 'zod';
import type { DocumentModel, Section, SectionRole } from '../types';
import { defineRule } from './rule';
import { mainDepth, titleSection, titleSpan } from './util/document';
import { insertBlock } from './util/insert-section';

// Words that state a problem: "pain", "struggle", "cannot", "today it takes three days".
const PROBLEM_WORDS =
  /\b(?:problems?|pain(?:s|ful| points?)?|struggl\w*|cannot|can['’]t|can not|unable to|frustrat\w*|hard to|difficult\w*|too (?:long|slow|hard|many|much|often|expensive)|wasted?|wastes|wasting|error[- ]prone|fail(?:s|ing)? to|no way to|lack(?:s|ing)?|gaps?)\b|\btoday\b[^.\n]{0,80}\btak(?:e|es|ing)\b|\bcurrently\b[^.\n]{0,80}\b(?:takes?|requires?|have to|has to|must|rel(?:y|ies))\b/i;

// A labelled problem statement anywhere: "**The Problem:** ...", "b. Problem Statement:".
const PROBLEM_LABEL = /^[ \t>]*(?:[-*+][ \t]+)?(?:[*_]{1,2})?(?:[a-z\d]{1,3}[.)][ \t]*)?(?:the[ \t]+)?(?:problem(?:[ \t]+statement)?|pain[ \t]+points?|the[ \t]+challenge)[ \t]*(?::[*_]{0,2}|[*_]{1,2}[ \t]*:)/gim;

const INTRO_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['summary', 'background']);

/** Whether the first paragraph or list of a section states a problem (only its start: a problem mentioned in passing is not a statement). */
function statesProblem(model: DocumentModel, section: Section): boolean {
  const first = section.nodes().find((n) => n.type === 'paragraph' || n.type === 'list');
  if (!first) return false;
  const span = section.spanOf(first);
  return PROBLEM_WORDS.test(model.text.slice(span.start, Math.min(span.end, span.start + 600)));
}

/** Insertion point for the Problem section: after the summary, else after the title's intro. */
function insertionPoint(model: DocumentModel, depth: number): number {
  const summary = model.sections.find((s) => s.role === 'summary' && s.depth === depth);
  if (summary) return summary.span.end;
  const title = model.sections.find((s) => s.depth === 1);
  if (title) return title.body.end;
  return model.sections[0]!.body.end;
}

export default defineRule({
  meta: {
    id: 'problem-statement-missing',
    description: 'The document never states the problem it solves: no Problem section, and no summary that opens with one.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case'],
    options: z.object({}).strict(),
  },
  check({ model, report }) {
    if (model.sections.some((s) => s.role === 'problem')) return;
    const title = titleSection(model);
    const intros = model.sections.filter((s) => s.depth === 0 || s === title || (s.role !== undefined && INTRO_ROLES.has(s.role)));
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
