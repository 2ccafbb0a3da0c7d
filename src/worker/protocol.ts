// Messages between the lint client and the lint worker thread. Findings are
// plain data; the model (which holds functions) stays in the worker.
import type { DocumentKind, Finding, LintOptions } from '../engine';

export interface LintRequest {
  id: number;
  text: string;
  options: Omit<LintOptions, 'config'> & { config?: LintOptions['config'] };
}

export interface LintReply {
  id: number;
  kind: DocumentKind;
  kindReason: string;
  /** Without the "disable here" fixes (see `withoutDisableFixes`). */
  findings: Finding[];
  error?: string;
}

/**
 * The "disable here" fixes are about half of a reply's size and are derivable
 * from the text (engine `disableFixesFor`), so they are not sent: decoding a
 * big reply is time the receiving (editor) thread cannot spend on typing.
 */
export function withoutDisableFixes(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, fixes: f.fixes.filter((x) => x.kind !== 'disable') }));
}
