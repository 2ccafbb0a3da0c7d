// The labels file that `npm run eval` scores against (format in ../shared/eval/RUBRIC.md).
// Checked on read, so a slip in a hand-edited file is named instead of quietly scoring nothing.
import * as z from 'zod';
import { formatPath } from '../engine';

export const LINE_CLASSES = ['vanity', 'output', 'outcome', 'ambiguous'] as const;
export type LineClass = (typeof LINE_CLASSES)[number];

const labeledLineSchema = z.object({
  /** 1-based, as an editor counts lines. */
  line: z.number().int().positive(),
  text: z.string(),
  class: z.enum(LINE_CLASSES),
  has_target: z.boolean(),
  has_baseline: z.boolean(),
  has_timeframe: z.boolean(),
});

const labeledDocumentSchema = z.object({
  /** Relative to the docs folder. */
  file: z.string().min(1),
  /** The rubric's kind (prd, spec, okr, business-case, other); only business-case changes how it is linted. */
  kind: z.string(),
  success_metrics_missing: z.boolean(),
  lines: z.array(labeledLineSchema),
});

export const labelsSchema = z.object({ documents: z.array(labeledDocumentSchema).min(1) });

export type LabeledLine = z.infer<typeof labeledLineSchema>;
export type LabeledDocument = z.infer<typeof labeledDocumentSchema>;
export type Labels = z.infer<typeof labelsSchema>;

/** The labels in `text`, or an Error whose message names the first bad field by its path. */
export function parseLabels(text: string): Labels | Error {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = labelsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return new Error(`${formatPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol'))}: ${issue.message}`);
}

/**
 * The kind a labeled document is linted as. score.mjs passes `--kind business-case` and
 * `--kind okr` for those kinds and `--kind prd` for every other, so the figures stay comparable.
 */
export function lintKindOf(document: LabeledDocument): 'prd' | 'business-case' | 'okr' {
  return document.kind === 'business-case' || document.kind === 'okr' ? document.kind : 'prd';
}
