// A rule is metadata next to a check. The check reads the document model and
// reports spans; the engine turns reports into findings with severity, docs
// link and positions, and applies inline control comments.
import type { z } from 'zod';
import type { DocumentModel, Fix, ProductKind, Severity, Span } from '../types';
import type { ResolvedConfig } from '../config/resolve';

export interface RuleMeta<S extends z.ZodType> {
  id: string;
  /** One line, shown in docs and SARIF: what the rule looks for. */
  description: string;
  defaultSeverity: Severity;
  /** Document kinds the rule applies to. */
  kinds: readonly ProductKind[];
  /** zod schema of the rule's options; `z.object({})` when it has none. */
  options: S;
}

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** The places a grouped report stands for, each with its own short message. */
  related?: { span: Span; message: string }[];
  /**
   * The report again for only the related places at these indices, when inline comments
   * silence the others (so the count and the names stay true); undefined to report nothing.
   */
  regroup?: (kept: readonly number[]) => Report | undefined;
}

export interface RuleContext<O> {
  model: DocumentModel;
  kind: ProductKind;
  options: O;
  config: ResolvedConfig;
  report(report: Report): void;
}

export interface Rule<S extends z.ZodType = z.ZodType> {
  meta: RuleMeta<S>;
  check(context: RuleContext<z.infer<S>>): void;
}

/** Identity function that keeps a rule's option type tied to its schema. */
export function defineRule<S extends z.ZodType>(rule: Rule<S>): Rule<S> {
  return rule;
}
