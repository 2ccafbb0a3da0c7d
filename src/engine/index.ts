// The engine's public surface: text and configuration in, findings out.
export type * from './types';
export { SECTION_ROLES, OUTCOME_ROLES } from './types';
export { lint, Linter } from './lint';
export type { LintOptions, LintResult } from './lint';
export { applyEdits, applyFixes } from './fixes';
export { rules, ruleById } from './rules';
export { configSchema } from './config/schema';
export type { OutcomeLensConfig, RuleSetting, KindSetting } from './config/schema';
export { resolveConfig, parseConfigText, validateConfig, mergeConfigs, defaultConfig, formatPath } from './config/resolve';
export type { ResolvedConfig, ResolvedRule, ConfigProblem, ParsedConfig } from './config/resolve';
export { ruleDocsUrl, REPOSITORY_URL } from './meta';
export { buildModel } from './model/build';
export { detectKind } from './kind';
export type { KindDecision } from './kind';
export { documentsMatch } from './config/documents';
export { LineIndex, lineBreakOf } from './text/lines';
export { disableFixesFor } from './text/disable-fix';
