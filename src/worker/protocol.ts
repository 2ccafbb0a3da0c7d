// Messages between the lint client and the lint worker thread. Findings are
// plain data; the model (which holds functions) stays in the worker.
import type { DocumentKind, Finding, LintOptions } from '../engine';
import type { Shift } from './finding-delta';

export interface LintRequest {
  id: number;
  text: string;
  options: Omit<LintOptions, 'config'> & { config?: LintOptions['config'] };
  /** The id of the client's latest reply for this document (by file name): the reply may be a delta against it. */
  base?: number;
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

/** How a reply's findings are rebuilt from the base reply's (see finding-delta.ts); its `findings` are then the literal ones. */
export interface ReplyDelta {
  base: number;
  refs: number[];
  shift: Shift;
}

/** What the client tells a worker as it starts it (its workerData). */
export interface WorkerOptions {
  /** Lint the warm-up document before taking requests (the first worker only). */
  warmUp: boolean;
}

/** Sent once by the worker when it has loaded the engine and linted the warm-up document. */
export interface WorkerReady {
  ready: { warmUpMs: number };
}

/** Sent by the worker as it starts a request: its time budget runs from here (not from a cold start or a queue). */
export interface LintStarted {
  started: number;
}

