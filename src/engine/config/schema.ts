// The single source of truth for `.outcome-lens.json(c)`, the `outcomeLens.*`
// settings and the generated JSON Schema (scripts/generate.ts writes both).
import * as z from 'zod';
import { SECTION_ROLES } from '../types';

export const severitySettingSchema = z
  .enum(['off', 'info', 'warning', 'error'])
  .describe('How findings of this rule are reported; `off` disables the rule.');

export const ruleSettingSchema = z.union([
  severitySettingSchema,
  z
    .object({
      severity: severitySettingSchema.optional(),
      options: z.record(z.string(), z.unknown()).optional().describe("The rule's options (see its documentation page)."),
    })
    .strict(),
]);

export const kindSettingSchema = z
  .enum(['auto', 'prd', 'business-case', 'okr'])
  .describe('Document kind: `auto` detects it from front matter, file name, title and sections.');

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .optional()
      .describe('Per-rule severity (`off`, `info`, `warning`, `error`) or `{ "severity", "options" }`, keyed by rule id.'),
    vanityPhrases: z
      .array(z.string().min(1))
      .optional()
      .describe('Extra phrases counted as vanity metrics, on top of the built-in list.'),
    outputVerbs: z
      .array(z.string().min(1))
      .optional()
      .describe('Extra verbs that describe shipping rather than an outcome ("launch", "ship", ...).'),
    sectionAliases: z
      .partialRecord(z.enum(SECTION_ROLES), z.array(z.string().min(1)))
      .optional()
      .describe('Extra heading wordings for section roles, e.g. { "success-metrics": ["How we will know"] }.'),
    documents: z
      .object({
        include: z
          .array(z.string().min(1))
          .optional()
          .describe('Globs of files always treated as product documents (relative to the config file).'),
        exclude: z
          .array(z.string().min(1))
          .optional()
          .describe('Globs of files never linted (relative to the config file).'),
      })
      .strict()
      .optional(),
    kind: kindSettingSchema.optional(),
  })
  .strict();

export type OutcomeLensConfig = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type KindSetting = z.infer<typeof kindSettingSchema>;
