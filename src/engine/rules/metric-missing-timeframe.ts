// A target with no date never comes due. A timeframe may sit in the row, in a
// Timeframe column, or in the heading or lead-in over a group of metrics.
import * as z from 'zod';
import { missingAttributeRule, sourcesOption } from './util/metric-rules';

export default missingAttributeRule({
  attribute: 'timeframe',
  description: 'A success metric states no timeframe: by when the target should be reached.',
  options: z.object({ sources: sourcesOption }).strict(),
  wording: {
    noun: 'timeframe',
    tableAdvice: 'Add a Timeframe column saying by when each target should be met (e.g. "by end of Q3", "within 90 days of launch").',
    itemAdvice: 'Say by when, e.g. "by end of Q3 2025" or "within 90 days of launch", or put the period in the heading above a group of metrics.',
  },
});
