// The Product Owner's need statement: who has the need, what outcome they seek,
// why it matters to them, how we will know it is met, and what happens if we do
// nothing. Only explicit statements are judged, so ordinary prose never is:
// user stories ("As a ..., I want ...") without a "so that", "Need:" paragraphs
// and items, lists labelled with the parts, and sections titled "Need statement".
import type { List, ListItem, RootContent } from 'mdast';
import * as z from 'zod';
import type { Section, SectionRole, Span } from '../types';
import { spannedList } from '../memo/codecs';
import { defineRule, type Report } from './rule';
import { IF_WE_DO_NOTHING, INACTION_HEADING } from '../vocabulary/inaction';

const ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['problem', 'users', 'needs']);

// Each run of blanks is taken whole (`\s+(?=\S)`) and the role ends on a non-blank, so no two
// quantifiers can share the same blanks: the pattern stays linear on long runs of spaces.
const STORY =
  /\bas an?\s+(?=\S)(?!(?:result|example|whole|rule|side note|first step|last resort|matter of fact)\b)[^,.;:\n]{0,79}?[^\s,.;:],?\s+(?=\S)I\s+(?=\S)(?:want|need|would like|['’]d like|wish|can|should be able|must be able|expect)\b/gi;
const STORY_START = new RegExp(STORY.source, 'i');
const STORY_WHY = /\bso (?:that|i|we|they|it)\b|\bin order to\b|\bbecause\b|\bto ensure\b|\bwhich (?:lets|helps|allows|means)\b/i;

// "Need:", "**User need:**", "Need statement:", "Need 2 -".
const NEED_LABEL = /^\s*(?:[*_]{1,2})?(?:(?:user|customer|core|primary|key)\s+)?needs?(?:\s+statement)?(?:\s*#?\d+)?\s*(?:[*_]{1,2}\s*)?[:–—-]/i;
// List items labelled with one of the parts ("**Who has the need:** ...").
const PART_WORDS = String.raw`(?:who\b|for whom\b|outcome\b|what they (?:want|need|seek)|why\b|how (?:we(?:['’]ll| will)|will we|do we) (?:know|measure)|(?:what happens )?if we do nothing|cost of inaction)[^:\n]{0,40}:`;
const PART_LABEL = new RegExp(String.raw`^\s*(?:[*_]{1,2})?${PART_WORDS}`, 'i');
const STORY_MESSAGE =
  'This user story says who and what, but not why: add "so that ..." with the benefit to them, so the team can tell whether a solution serves the need.';
const NEED_SECTION = /\bneeds?\s+statements?\b/i;
// What any of the shapes above needs somewhere in a section's raw text (a story, the word
// "need", a part's label): a body showing none of them is not parsed for this rule.
const MAY_STATE_NEED = new RegExp(`${STORY.source}|need|${PART_WORDS}`, 'i');

interface Part {
  name: string;
  found: RegExp;
}

const PARTS: readonly Part[] = [
  {
    name: 'who has the need',
    found: /\bwho\b|\bfor whom\b|\b(?:users?|customers?|personas?|segments?|people|teams?|admins?|owners?|buyers?|members?|staff|employees|developers|operators|managers|clients?)\b|(?<![\p{L}'-])(?!(?:we|i|it|this|that|there|you)\b)\p{L}[\p{L}'-]*\s+(?:needs?|wants?|struggles?|must|has to|have to)\b/iu,
  },
  { name: 'the outcome they seek', found: /\b(?:outcome|seeks?|wants?|needs?|trying to|able to|job to be done)\b/i },
  {
    name: 'why it matters to them',
    found: /\bwhy\b|\bbecause\b|\bsince\b|\bso (?:that|they|he|she|it|we)\b|\bin order to\b|\bmatters?\b|\bimportant\b|\bcosts? them\b|\bpain\b|\bwhich means\b|\bto avoid\b/i,
  },
  {
    name: 'how we will know it is met',
    found: /\bhow (?:we|we['’]ll|we will|will we|do we|to) (?:know|tell|measure)\b|\bwe(?:['’]ll| will) know\b|\b(?:met|done|solved|achieved) when\b|\bmeasured? (?:by|as|with)\b|\bsignals?\b|\bsuccess (?:looks like|means|is)\b|\bindicators?\b|\bmetrics?\b|\bevidence\b/i,
  },
  {
    name: 'what happens if we do nothing',
    found: IF_WE_DO_NOTHING,
  },
];
const DO_NOTHING_PART = PARTS[4]!;
// A section that already answers "what if we do nothing" for the whole document.

/** A finding as one section yields it: this rule's findings are a span and a message. */
interface NeedFinding extends Span {
  message: string;
}
const needFindings = spannedList<NeedFinding>();

const CLOSING_MARKS = new Set([...' \t\r\n"”\'*_']);

/** The text without trailing blanks, quotes and emphasis marks (a loop: `[...]+$` is quadratic on long runs). */
function withoutClosingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (CLOSING_MARKS.has(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/** The text of a span with its first line's extent, for reporting. */
function firstLine(text: string, span: Span): Span {
  const body = text.slice(span.start, span.end);
  const lead = body.length - body.trimStart().length;
  const line = /^[^\r\n]*/.exec(body.slice(lead))![0].trimEnd();
  return { start: span.start + lead, end: span.start + lead + line.length };
}

export default defineRule({
  meta: {
    id: 'need-statement-incomplete',
    description: 'A user story without "so that", or a need statement that misses who, outcome, why, how we will know, or what happens if we do nothing.',
    defaultSeverity: 'info',
    kinds: ['prd'],
    options: z.object({}).strict(),
  },
  check({ model, report }) {
    const { text } = model;
    const inactionElsewhere = model.sections.some((s) => s.depth > 0 && INACTION_HEADING.test(s.title));
    // What one section reports: collected, so it can be kept in the section memo.
    let emit: (found: Report) => void = report;

    const checkStories = (span: Span) => {
      const body = text.slice(span.start, span.end);
      const starts = [...body.matchAll(STORY)].map((m) => m.index);
      starts.forEach((at, i) => {
        const story = body.slice(at, starts[i + 1] ?? body.length);
        if (STORY_WHY.test(story)) return;
        const end = at + withoutClosingMarks(story).length;
        emit({
          span: firstLine(text, { start: span.start + at, end: span.start + end }),
          message: STORY_MESSAGE,
        });
      });
    };

    const checkNeed = (span: Span, at: Span) => {
      const statement = text.slice(span.start, span.end);
      const missing = PARTS.filter((p) => !p.found.test(statement) && !(p === DO_NOTHING_PART && inactionElsewhere)).map((p) => p.name);
      if (missing.length === 0) return;
      emit({
        span: at,
        message: `This need statement does not say ${missing.join(', ').replace(/, ([^,]*)$/, ' or $1')}. Add ${missing.length === 1 ? 'it' : 'them'}, so the team can judge any solution against the need.`,
      });
    };

    // "Need:" or "Need statement:" ending in a colon: the list below is part of the statement.
    const introducesList = (section: Section, paragraph: RootContent) => {
      const span = section.spanOf(paragraph);
      return text.slice(span.start, span.end).trimEnd().endsWith(':');
    };

    // "As an admin, I want:" over a list: each item is one want and needs its own why.
    const isStoryIntro = (lead: string) => STORY_START.test(lead) && lead.trimEnd().endsWith(':');
    const checkWants = (section: Section, list: List) => {
      for (const item of list.children) {
        const want = section.spanOf(item);
        if (STORY_WHY.test(text.slice(want.start, want.end))) continue;
        const first = item.children[0];
        emit({ span: firstLine(text, first ? section.spanOf(first) : want), message: STORY_MESSAGE });
      }
    };

    const isPartList = (list: List, section: Section) =>
      list.children.filter((item) => PART_LABEL.test(text.slice(section.spanOf(item).start, section.spanOf(item).end).replace(/^\s*[-*+]\s+|^\s*\d+[.)]\s+/, ''))).length >= 2;

    const visit = (section: Section, nodes: readonly RootContent[], needSection: boolean) => {
      nodes.forEach((node, i) => {
        const span = section.spanOf(node);
        if (node.type === 'paragraph') {
          const next = nodes[i + 1];
          if (next?.type === 'list' && isStoryIntro(text.slice(span.start, span.end))) checkWants(section, next);
          else checkStories(span);
          if (!needSection && NEED_LABEL.test(text.slice(span.start, span.end))) {
            const end = next?.type === 'list' && introducesList(section, node) ? section.spanOf(next).end : span.end;
            checkNeed({ start: span.start, end }, firstLine(text, span));
          }
        } else if (node.type === 'list') {
          const previous = nodes[i - 1];
          const introduced =
            previous?.type === 'paragraph' && introducesList(section, previous) && NEED_LABEL.test(text.slice(section.spanOf(previous).start, section.spanOf(previous).end));
          if (!needSection && !introduced && isPartList(node, section)) {
            checkNeed(span, firstLine(text, span));
            for (const item of node.children) visitItem(section, item, true);
          } else for (const item of node.children) visitItem(section, item, needSection || introduced);
        } else if (node.type === 'blockquote') visit(section, node.children, needSection);
      });
    };

    const visitItem = (section: Section, item: ListItem, judged: boolean) => {
      const span = section.spanOf(item);
      const content = item.children[0]?.type === 'paragraph' ? section.spanOf(item.children[0]) : span;
      const lead = text.slice(content.start, content.end);
      if (!judged && NEED_LABEL.test(lead)) checkNeed(span, firstLine(text, content));
      const storyIntro = isStoryIntro(lead);
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          if (!storyIntro) checkStories(section.spanOf(child));
        } else if (child.type === 'list') {
          if (storyIntro) checkWants(section, child);
          for (const sub of child.children) visitItem(section, sub, judged);
        }
      }
    };

    for (const section of model.sections) {
      if (!section.effectiveRole || !ROLES.has(section.effectiveRole)) continue;
      // A section's findings depend on its heading and body, and on whether another section says what doing nothing costs.
      section.readable();
      const found = model.memo.get('need-statements', section, String(inactionElsewhere), 'own', needFindings, () => {
        const out: NeedFinding[] = [];
        emit = (r) => out.push({ ...r.span, message: r.message });
        const needSection = NEED_SECTION.test(section.title);
        if (needSection && section.body.end > section.body.start) {
          const body = text.slice(section.body.start, section.body.end);
          if (body.trim()) checkNeed(section.body, section.titleSpan);
        }
        if (MAY_STATE_NEED.test(text.slice(section.body.start, section.body.end))) visit(section, section.nodes(), needSection);
        return out;
      });
      for (const { start: at, end, message } of found) report({ span: { start: at, end }, message });
    }
  },
});
