// Lagging outcomes (revenue, retention, NPS) move months after launch. Without
// an early usage signal the team learns too late whether the work is landing.
import { isLeading, noneOfKindRule } from './util/metric-rules';

export default noneOfKindRule({
  id: 'no-leading-indicator',
  description: 'The success metrics include no leading indicator (adoption, activation, early usage).',
  is: isLeading,
  message:
    'None of these success metrics is a leading indicator, so the first sign of success or failure comes months after launch. Add an early usage signal, e.g. "% of target users who complete <the key action> within 14 days of release": adoption is the leading indicator that value is arriving.',
});
