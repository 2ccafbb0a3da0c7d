// Says which sections the other rules could not check, and why, instead of
// passing over them in silence. It runs last: a section is only known to be
// unparsable once a rule has asked for its content.
import * as z from 'zod';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'unchecked-section',
    description: 'A section Outcome Lens could not check (for example, lists or quotes nested deeper than it parses).',
    defaultSeverity: 'info',
    kinds: ['prd', 'business-case', 'okr'],
    options: z.object({}).strict(),
  },
  check({ model, report }) {
    for (const section of model.sections) {
      if (!section.unparsed) continue;
      const span = section.depth > 0 ? section.titleSpan : { start: section.body.start, end: section.body.start };
      report({
        span,
        message: `Outcome Lens did not check ${section.title ? `"${section.title}"` : 'the text before the first heading'}: ${section.unparsed}. Flatten the nesting to have it checked.`,
      });
    }
  },
});
