// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that
// our output uses, written down by hand as zod schemas so the test needs no
// network. Like the real schema, objects reject properties it does not define.
import { z } from 'zod';

const level = z.enum(['none', 'note', 'warning', 'error']);
const message = z.strictObject({ text: z.string().min(1) });
const multiformatMessageString = z.strictObject({ text: z.string().min(1), markdown: z.string().optional() });

const artifactLocation = z.strictObject({
  uri: z.string().min(1),
  uriBaseId: z.string().optional(),
});

const region = z.strictObject({
  startLine: z.int().min(1),
  startColumn: z.int().min(1).optional(),
  endLine: z.int().min(1).optional(),
  endColumn: z.int().min(1).optional(),
});

const location = z.strictObject({
  physicalLocation: z.strictObject({ artifactLocation, region: region.optional() }),
});

const reportingDescriptor = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  shortDescription: multiformatMessageString.optional(),
  fullDescription: multiformatMessageString.optional(),
  helpUri: z.url().optional(),
  help: multiformatMessageString.optional(),
  defaultConfiguration: z.strictObject({ level: level.optional(), enabled: z.boolean().optional() }).optional(),
});

const result = z.strictObject({
  ruleId: z.string().optional(),
  ruleIndex: z.int().min(-1).optional(),
  level: level.optional(),
  message,
  locations: z.array(location).optional(),
  // SARIF 2.1.0 §3.27.22: other places the result concerns, each a location with an id and a message.
  relatedLocations: z
    .array(z.strictObject({ id: z.int().min(-1).optional(), physicalLocation: location.shape.physicalLocation, message: message.optional() }))
    .optional(),
});

const notification = z.strictObject({
  level: level.optional(),
  message,
  locations: z.array(location).optional(),
});

const run = z.strictObject({
  tool: z.strictObject({
    driver: z.strictObject({
      name: z.string().min(1),
      version: z.string().optional(),
      informationUri: z.url().optional(),
      rules: z.array(reportingDescriptor).optional(),
    }),
  }),
  originalUriBaseIds: z.record(z.string(), z.strictObject({ uri: z.string().regex(/\/$/, 'a base URI ends with "/"') })).optional(),
  columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']).optional(),
  invocations: z
    .array(z.strictObject({ executionSuccessful: z.boolean(), toolExecutionNotifications: z.array(notification).optional() }))
    .optional(),
  results: z.array(result).optional(),
});

export const sarifLog = z.strictObject({
  $schema: z.url().optional(),
  version: z.literal('2.1.0'),
  runs: z.array(run).min(1),
});

export type SarifLog = z.infer<typeof sarifLog>;
