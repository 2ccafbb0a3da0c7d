// A PRD or business case that never says how success will be measured cannot
// be judged after launch. Success is stated by a Success Metrics / KPIs / Key
// Results section, or by a metric table (or key results) under the goals.
import * as z from 'zod';
import type { DocumentModel, Fix, Section } from '../types';
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

/** Everything in a section after its heading line, without comments: empty or only "TBD" means nothing was said. */
function saysNothing(model: DocumentModel, section: Section): boolean {
  const start = Math.min(section.body.start, section.span.end);
  const content = model.text
    .slice(start, section.span.end)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^[ \t]*#{1,6}[ \t].*$/gm, ' ')
    .replace(/[\s*_>:.-]+/g, ' ')
    .trim();
  return content === '' || /^(?:tbd|tbc|todo|to be (?:defined|decided|determined|confirmed)|coming soon|n\/?a)$/i.test(content);
}

export default defineRule({
  meta: {
    id: 'success-metrics-missing',
    description: 'The document never says how success will be measured: no Success Metrics, KPIs or Key Results section, no metric table under the goals.',
    defaultSeverity: 'error',
    kinds: ['prd', 'business-case'],
    options: z.object({}).strict(),
  },
  check({ model, report }) {
    // Metrics from the goals (a metric table, key results) count as a statement of success.
    if (model.metrics().some((item) => item.section.effectiveRole === 'goals')) return;
    const sections = model.sections.filter((s) => METRIC_ROLES.has(s.role));
    if (sections.length === 0) {
      const place = placeAfter(model, ['goals', 'problem']);
      const fix: Fix = {
        title: 'Insert a Success Metrics section with a metrics table',
        edits: [insertBlock(model.text, place.offset, [`${'#'.repeat(place.depth)} Success Metrics`, '', ...TABLE])],
        isPreferred: true,
      };
      report({
        span: titleSpan(model),
        message:
          'This document never says how success will be measured. Add a Success Metrics section: for each metric its baseline, target and timeframe, with at least one early usage signal and one guardrail.',
        fixes: [fix],
      });
      return;
    }
    if (!sections.every((s) => saysNothing(model, s))) return;
    const first = sections[0]!;
    report({
      span: first.titleSpan,
      message: `The "${first.title}" section is empty, so the document still does not say how success will be measured. Fill it with a metrics table: baseline, target and timeframe for each metric.`,
      fixes: [{ title: 'Insert a metrics table', edits: [insertBlock(model.text, Math.min(first.body.start, first.span.end), TABLE)], isPreferred: true }],
    });
  },
});
