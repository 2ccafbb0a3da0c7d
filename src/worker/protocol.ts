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
  /** Without the "disable here" fixes (linted with `disableFixes: false`). */
  findings: Finding[];
  error?: string;
  /** Set when the lint ran past its time budget and was cancelled. */
  timedOut?: boolean;
}

/** Sent by the worker as it starts a request: its time budget runs from here (not from a cold start or a queue). */
export interface LintStarted {
  started: number;
}

