// A metric with no target cannot fail: nobody agreed beforehand what number
// counts as success. Table rows, list items and key results are checked.
import * as z from 'zod';
import { missingAttributeRule, sourcesOption } from './util/metric-rules';

export default missingAttributeRule({
  attribute: 'target',
  description: 'A success metric states no target: the number that counts as success.',
  options: z.object({ sources: sourcesOption }).strict(),
  wording: {
    noun: 'target',
    tableAdvice: 'Add a Target column and write, for every metric, the number you expect it to reach (e.g. "35%", "under 2 s").',
    itemAdvice: 'Write the number that counts as success, e.g. "from 18% to 35% by end of Q3", or "Target: 35%".',
  },
});
