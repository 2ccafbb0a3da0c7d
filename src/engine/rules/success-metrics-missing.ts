// A PRD or business case that never says how success will be measured cannot
// be judged after launch. Success is stated by a Success Metrics / KPIs / Key
// Results section, or by a metric table (or key results) under the goals.
import * as z from 'zod';
import type { ResolvedConfig } from '../config/resolve';
import { statementJudge, successStatements } from '../judgement/statements';
import type { DocumentModel, Fix, Section } from '../types';
import { CHANGE_WORDS, RESULT_WORDS } from '../vocabulary/measures';
import { defineRule } from './rule';
import { titleSpan } from './util/document';
import { insertBlock, placeAfter } from './util/insert-section';

const METRIC_ROLES: ReadonlySet<Section['role']> = new Set<Section['role']>(['success-metrics', 'key-results']);

/** A starter table; its bracketed placeholders are for placeholder-left to flag until filled in. */
const TABLE = [
  '| Metric | Type | Baseline | Target | Timeframe | Source | Owner |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| [Metric: % of {who} who {do what} within {N} days] | leading | [baseline, or 0 (new)] | [target] | [by when, e.g. end of Q3] | [data source] | [owner] |',
  '| [Guardrail: {what} that must not get worse] | guardrail | [baseline] | [limit] | [how often checked] | [data source] | [owner] |',
];

/** The text with HTML comments blanked: a scan with indexOf, since `<!--[\s\S]*?-->` is quadratic on many unclosed openers. */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return out + text.slice(from);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out + text.slice(from, open);
    out += `${text.slice(from, open)} `;
    from = close + 3;
  }
}

/** Everything in a section after its heading line, without comments: empty or only "TBD" means nothing was said. */
function saysNothing(model: DocumentModel, section: Section): boolean {
  const start = Math.min(section.body.start, section.span.end);
  const content = withoutComments(model.text.slice(start, section.span.end))
    .replace(/^[ \t]*#{1,6}[ \t].*$/gm, ' ')
    .replace(/[\s*_>:.-]+/g, ' ')
    .trim();
  return content === '' || /^(?:tbd|tbc|todo|to be (?:defined|decided|determined|confirmed)|coming soon|n\/?a)$/i.test(content);
}

// A business case states its success as quantified benefits or an ROI: "cut re-keying by 30%".
const QUANTIFIED = /\d/;
const BENEFIT_ROLES: ReadonlySet<Section['role']> = new Set<Section['role']>(['benefits', 'roi']);

/** Whether the document measures its success anywhere: a measured success statement, or quantified benefits. */
function measured(model: DocumentModel, config: ResolvedConfig): boolean {
  if (model.metrics().some((item) => item.section.effectiveRole === 'goals')) return true;
  const options = { vanityPhrases: config.vanityPhrases, outputVerbs: config.outputVerbs };
  const judged = statementJudge(options, model.memo.keep);
  if (successStatements(model).some((s) => judged(s).measure)) return true;
  return model.sections.some((s) => BENEFIT_ROLES.has(s.effectiveRole) && benefitMeasured(model, s));
}

function benefitMeasured(model: DocumentModel, section: Section): boolean {
  const body = model.text.slice(section.body.start, section.body.end);
  return body.split(/\n/).some((line) => QUANTIFIED.test(line) && (RESULT_WORDS.test(line.toLowerCase()) || CHANGE_WORDS.test(line.toLowerCase())));
}

export default defineRule({
  meta: {
    id: 'success-metrics-missing',
    description: 'The document never says how success will be measured: no Success Metrics, KPIs or Key Results that measure anything, no metric table under the goals.',
    defaultSeverity: 'error',
    kinds: ['prd', 'business-case', 'okr'],
    options: z.object({}).strict(),
  },
  check({ model, config, report }) {
    if (measured(model, config)) return;
    const sections = model.sections.filter((s) => METRIC_ROLES.has(s.role));
    if (sections.length === 0) {
      const place = placeAfter(model, ['goals', 'problem']);
      const fix: Fix = {
        title: 'Insert a Success Metrics section with a metrics table',
        edits: [insertBlock(model.text, place.offset, [`${'#'.repeat(place.depth)} Success Metrics`, '', ...TABLE])],
        isPreferred: true,
      };
      const goals = successStatements(model).length > 0;
      report({
        span: titleSpan(model),
        message: goals
          ? 'This document states its goals as things to deliver, but never says how success will be measured. Add a Success Metrics section: for each metric its baseline, target and timeframe, with at least one early usage signal and one guardrail.'
          : 'This document never says how success will be measured. Add a Success Metrics section: for each metric its baseline, target and timeframe, with at least one early usage signal and one guardrail.',
        fixes: [fix],
      });
      return;
    }
    const first = sections[0]!;
    const empty = sections.every((s) => saysNothing(model, s));
    report({
      span: first.titleSpan,
      message: empty
        ? `The "${first.title}" section is empty, so the document still does not say how success will be measured. Fill it with a metrics table: baseline, target and timeframe for each metric.`
        : `The "${first.title}" section lists deliveries, template prompts or blanks, but nothing it measures. Add the results that will show success: for each metric its baseline, target and timeframe.`,
      // Fix All fills only an empty section: next to deliveries or prompts the table is a
      // suggestion the author places, and inserting it again on every pass would never end.
      fixes: [{ title: 'Insert a metrics table', edits: [insertBlock(model.text, Math.min(first.body.start, first.span.end), TABLE)], isPreferred: empty }],
    });
  },
});
