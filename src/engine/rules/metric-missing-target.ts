// PLACEHOLDER until the rule is written: registered so the catalogue is complete.
import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'metric-missing-target',
    description: 'Not written yet.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case'],
    options: z.object({}).strict(),
  },
  check() {},
});
