// The rule registry, in the order findings are reported for the same position.
import type { Rule } from './rule';
import vanityMetric from './vanity-metric';

export const rules: readonly Rule[] = [vanityMetric];

const byId = new Map(rules.map((r) => [r.meta.id, r]));
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
