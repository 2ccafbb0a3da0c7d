// A target means little without the starting point: "40%" is a leap from 5%
// and a rounding error from 39%. A new capability states its baseline as 0 or n/a.
import * as z from 'zod';
import { missingAttributeRule, sourcesOption } from './util/metric-rules';

export default missingAttributeRule({
  attribute: 'baseline',
  description: 'A success metric states no baseline: where the number is today.',
  options: z
    .object({
      sources: sourcesOption,
      allowUnstatedBaselineForNew: z
        .boolean()
        .default(false)
        .describe('Accept metrics that say they are new ("(new)", "new capability", "net-new") without a baseline value.'),
    })
    .strict(),
  wording: {
    noun: 'baseline',
    tableAdvice: 'Add a Baseline column with today\'s value for every metric; for something new write "0 (new)" or "n/a - new capability".',
    itemAdvice: 'Say where it is today, e.g. "from 18% to 35%", or "Baseline: 18%"; for something new write "Baseline: 0 (new)".',
  },
});
