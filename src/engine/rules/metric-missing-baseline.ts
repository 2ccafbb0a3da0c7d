// A target means little without the starting point: "40%" is a leap from 5%
// and a rounding error from 39%. Something new starts at zero: a metric that says
// it is new, or any metric of a product that is not live yet (MVP, pre-launch),
// needs no baseline written out.
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
        .default(true)
        .describe(
          'Accept a missing baseline where it can only be zero: the metric says it is new ("(new)", "new capability", "net-new") or the document says the product is not live yet ("MVP", "pre-launch", "no users yet"). Set to false to require a written baseline everywhere.',
        ),
    })
    .strict(),
  wording: {
    noun: 'baseline',
    tableAdvice: 'Add a Baseline column with today\'s value for every metric; for something new write "0 (new)" or "n/a - new capability".',
    itemAdvice: 'Say where it is today, e.g. "from 18% to 35%", or "Baseline: 18%"; for something new write "Baseline: 0 (new)".',
  },
});
