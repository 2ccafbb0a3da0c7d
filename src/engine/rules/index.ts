// The rule registry, in catalogue order (also the order of findings at one position).
import type { Rule } from './rule';
import successMetricsMissing from './success-metrics-missing';
import vanityMetric from './vanity-metric';
import outputAsOutcome from './output-as-outcome';
import metricMissingTarget from './metric-missing-target';
import metricMissingBaseline from './metric-missing-baseline';
import metricMissingTimeframe from './metric-missing-timeframe';
import vagueGoal from './vague-goal';
import noLeadingIndicator from './no-leading-indicator';
import noGuardrailMetric from './no-guardrail-metric';
import problemStatementMissing from './problem-statement-missing';
import needStatementIncomplete from './need-statement-incomplete';
import businessCaseSectionMissing from './business-case-section-missing';
import placeholderLeft from './placeholder-left';
import uncheckedSection from './unchecked-section';

export const rules: readonly Rule[] = [
  successMetricsMissing,
  vanityMetric,
  outputAsOutcome,
  metricMissingTarget,
  metricMissingBaseline,
  metricMissingTimeframe,
  vagueGoal,
  noLeadingIndicator,
  noGuardrailMetric,
  problemStatementMissing,
  needStatementIncomplete,
  businessCaseSectionMissing,
  placeholderLeft,
  // Last: it reports sections the rules above could not parse.
  uncheckedSection,
];

const byId = new Map(rules.map((r) => [r.meta.id, r]));
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
