// Cumulative counts (sign-ups, page views, downloads...) stated as success.
// A phrase inside a rate, ratio, cohort or behaviour ("% of sign-ups who
// activate", "weekly active users who export") is a real metric and passes.
import * as z from 'zod';
import { phraseRegExp, QUALIFIER_PATTERNS, VANITY_PHRASES } from '../phrases';
import { OUTCOME_ROLES } from '../types';
import { defineRule } from './rule';
import { clausesIn } from './util/clauses';

export default defineRule({
  meta: {
    id: 'vanity-metric',
    description: 'Success is measured by a count that grows whether or not anyone gets value (sign-ups, page views, downloads, followers...).',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case'],
    options: z
      .object({
        allow: z.array(z.string()).default([]).describe('Phrases from the built-in list that are acceptable in your context.'),
      })
      .strict(),
  },
  check({ model, options, config, report }) {
    const allowed = new Set(options.allow.map((p) => p.toLowerCase()));
    const phrases = [...VANITY_PHRASES, ...config.vanityPhrases].filter((p) => !allowed.has(p.toLowerCase()));
    if (phrases.length === 0) return;
    const pattern = phraseRegExp(phrases);
    for (const clause of clausesIn(model, OUTCOME_ROLES)) {
      if (clause.origin === 'cell') continue;
      if (QUALIFIER_PATTERNS.some((q) => q.test(clause.text))) continue;
      // One finding per statement: "ratings above 4.5 stars" is one problem, not two.
      pattern.lastIndex = 0;
      const match = pattern.exec(clause.text);
      if (match) {
        const start = clause.start + match.index;
        report({
          span: { start, end: start + match[0].length },
          message: `"${match[0]}" is a vanity metric: it can rise while nobody gets value. Measure the behaviour behind it instead: the share of people who reach the result they came for, within a set time (for a checkout, "% of started checkouts that end in a paid order").`,
        });
      }
    }
  },
});
