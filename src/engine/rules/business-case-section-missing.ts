// A business case missing one of the topics a decision needs: costs, benefits,
// ROI or payback, options (with doing nothing among them), risks, assumptions.
// One finding per missing topic on the title, each with a fix that inserts a
// skeleton section before any appendix.
import * as z from 'zod';
import { normalizeHeading } from '../model/roles';
import type { DocumentModel, Fix, Section, SectionRole, TextEdit } from '../types';
import { trailerStart } from '../text/trailer';
import { mainDepth, titleSpan } from './util/document';
import { insertBlock } from './util/insert-section';
import { defineRule } from './rule';
import { DO_NOTHING } from '../vocabulary/inaction';

const TOPIC_IDS = ['costs', 'benefits', 'roi', 'options', 'risks', 'assumptions'] as const;
type TopicId = (typeof TOPIC_IDS)[number];

interface Topic {
  role: SectionRole;
  /** Heading words that cover the topic even when the heading's role is another one ("Costs and benefits"). */
  heading: RegExp;
  message: string;
  title: string;
  skeleton: readonly string[];
}

const TOPICS: Readonly<Record<TopicId, Topic>> = {
  costs: {
    role: 'costs',
    heading: /\b(?:costs?|investment|budget|spend|expenses?|funding|tco)\b/,
    message: 'This business case has no costs section. Say what it will cost, one-off and running, so the benefits can be weighed against it.',
    title: 'Costs',
    skeleton: [
      '| Cost | One-off | Per year | How estimated |',
      '| --- | --- | --- | --- |',
      '| [People, tools, services, change effort] | [amount] | [amount] | [source of the estimate] |',
    ],
  },
  benefits: {
    role: 'benefits',
    heading: /\b(?:benefits?|value|savings|gains?|upside)\b/,
    message: 'This business case has no benefits section. Say what improves, for whom, by how much and by when, and how you will measure it.',
    title: 'Benefits',
    skeleton: [
      '| Benefit | Measure | Baseline | Expected | By when |',
      '| --- | --- | --- | --- | --- |',
      '| [What improves, for whom] | [how we will measure it] | [today] | [expected value] | [date] |',
    ],
  },
  roi: {
    role: 'roi',
    heading: /\b(?:roi|return on investment|payback|npv|irr|break[- ]?even|cost[- ]benefit|financial (?:summary|case|analysis|impact|projections?)|financials)\b/,
    message: 'This business case states no ROI or payback. Compare the benefits with the costs over a stated period: the return, and when the investment pays for itself.',
    title: 'ROI and payback',
    skeleton: [
      '- **Total cost over [period]:** [amount]',
      '- **Total benefit over [period]:** [amount]',
      '- **ROI:** [percentage: (benefit - cost) / cost]',
      '- **Payback period:** [months until the cumulative benefit exceeds the cost]',
    ],
  },
  options: {
    role: 'options',
    heading: /\b(?:options?|alternatives?|do[- ]nothing|approaches)\b/,
    message: 'This business case has no options section. List the options you considered, including doing nothing, so the recommendation can be judged against its alternatives.',
    title: 'Options considered',
    skeleton: [
      '1. **Do nothing (status quo):** [what happens if we take no action: cost, risk, what we give up]',
      '2. **[Option]:** [cost, benefit, risk]',
      '3. **[Recommended option]:** [cost, benefit, risk, and why we recommend it]',
    ],
  },
  risks: {
    role: 'risks',
    heading: /\b(?:risks?|threats?|mitigations?|downsides?)\b/,
    message: 'This business case has no risks section. Name what could stop the benefits arriving, how likely and how serious it is, and what you will do about it.',
    title: 'Risks',
    skeleton: [
      '| Risk | Likelihood | Impact | Mitigation |',
      '| --- | --- | --- | --- |',
      '| [What could go wrong] | [low / medium / high] | [low / medium / high] | [what we will do about it] |',
    ],
  },
  assumptions: {
    role: 'assumptions',
    heading: /\b(?:assumptions?|hypothes[ie]s|sensitivity)\b/,
    message: 'This business case has no assumptions section. State what must be true for the numbers to hold, so readers can challenge them and you can test them early.',
    title: 'Assumptions',
    skeleton: ['- [What must be true for the benefits to arrive, and how we will check it early]'],
  },
};

// A return or payback stated with a quantity in the same sentence counts as ROI even without its own heading.
const ROI_WORD = /\b(?:roi|payback|pays? (?:itself )?back|pays for itself|break[- ]?even|npv|irr|return on (?:the )?investment)\b/i;
const QUANTITY = /\d|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+(?:years?|months?|quarters?)\b/i;
const APPENDIX = /^appendi(?:x|ces)\b/;

/** Where new sections go: before the first appendix, else before trailing comments and link definitions. */
function endOfBody(model: DocumentModel, depth: number): number {
  const appendix = model.sections.find((s) => s.depth > 0 && s.depth <= depth && (s.role === 'appendix' || APPENDIX.test(normalizeHeading(s.title))));
  if (appendix) return appendix.span.start;
  return trailerStart(model.text);
}

const sectionLines = (depth: number, topic: Topic) => [`${'#'.repeat(depth)} ${topic.title}`, '', ...topic.skeleton];

/** Whether a sentence outside code states a return or payback with a quantity. */
function statesReturn(model: DocumentModel): boolean {
  if (!ROI_WORD.test(model.text)) return false;
  let from = 0;
  const parts: string[] = [];
  for (const code of model.codeSpans) {
    parts.push(model.text.slice(from, code.start));
    from = Math.max(from, code.end);
  }
  parts.push(model.text.slice(from));
  return parts.some((part) => part.split(/[.!?](?=\s)|\n\s*\n/).some((sentence) => ROI_WORD.test(sentence) && QUANTITY.test(sentence)));
}

/** A "do nothing" entry at the end of the options section, as a sub-heading when the options are sub-headings. */
function doNothingEdit(model: DocumentModel, options: Section): TextEdit {
  const child = options.children[0];
  const lines = child
    ? [`${'#'.repeat(child.depth)} Do nothing (status quo)`, '', '[What happens if we take no action: what it costs, what we risk, what we give up.]']
    : ['**Do nothing (status quo):** [What happens if we take no action: what it costs, what we risk, what we give up.]'];
  return insertBlock(model.text, options.span.end, lines);
}

export default defineRule({
  meta: {
    id: 'business-case-section-missing',
    description: 'A business case lacks costs, benefits, ROI or payback, options (including doing nothing), risks or assumptions.',
    defaultSeverity: 'warning',
    kinds: ['business-case'],
    options: z
      .object({
        topics: z
          .array(z.enum(TOPIC_IDS))
          .default([...TOPIC_IDS])
          .describe('Topics every business case must cover: costs, benefits, roi, options, risks, assumptions.'),
      })
      .strict(),
  },
  check({ model, options, report }) {
    // The single H1 is the document's title: "Business case: cutting support costs" is not a costs section.
    const h1s = model.sections.filter((s) => s.depth === 1);
    const sections = model.sections.filter((s) => s.depth > 0 && !(h1s.length === 1 && s === h1s[0]));
    const headings = sections.map((s) => normalizeHeading(s.title));
    const covered = (topic: Topic) => sections.some((s, i) => s.role === topic.role || topic.heading.test(headings[i]!));

    const span = titleSpan(model);
    const depth = mainDepth(model);
    const at = endOfBody(model, depth);
    const missing = options.topics.filter((id) => {
      const topic = TOPICS[id];
      if (covered(topic)) return false;
      return id !== 'roi' || !statesReturn(model);
    });
    const all: Fix | undefined =
      missing.length > 1
        ? {
            title: `Insert all ${missing.length} missing sections`,
            edits: [insertBlock(model.text, at, missing.flatMap((id, i) => [...(i ? [''] : []), ...sectionLines(depth, TOPICS[id])]))],
          }
        : undefined;
    missing.forEach((id) => {
      const edit = insertBlock(model.text, at, sectionLines(depth, TOPICS[id]));
      const fixes: Fix[] = [{ title: `Add a section: ${TOPICS[id].title}`, edits: [edit], isPreferred: true }];
      if (all) fixes.push(all);
      report({ span, message: TOPICS[id].message, fixes });
    });

    if (!options.topics.includes('options')) return;
    const optionSections = sections.filter((s) => s.role === 'options');
    if (optionSections.length === 0) return;
    if (optionSections.some((s) => DO_NOTHING.test(s.title) || DO_NOTHING.test(model.text.slice(s.body.start, s.span.end)))) return;
    const first = optionSections[0]!;
    report({
      span: first.titleSpan,
      message: 'The options never consider doing nothing. Add the status quo as an option: what it costs and risks to take no action is the baseline every other option must beat.',
      fixes: [{ title: 'Add a "do nothing" option', edits: [doNothingEdit(model, first)], isPreferred: true }],
    });
  },
});
