// Chasing a target can quietly break something else (support load, errors,
// churn). A guardrail names what must not get worse, and by how much.
import { isGuardrail, noneOfKindRule } from './util/metric-rules';

export default noneOfKindRule({
  id: 'no-guardrail-metric',
  description: 'The success metrics include no guardrail: nothing says what must not get worse.',
  is: isGuardrail,
  message:
    'No success metric is a guardrail, so nothing says what must not get worse while you chase the targets. Add one with a limit, e.g. "support tickets per 1,000 accounts stay below 4" or "checkout error rate does not rise above 0.5%".',
});
