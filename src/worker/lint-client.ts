// Sends lint requests to the worker thread and matches replies by id. If the
// worker cannot start (or dies), linting continues in-process, slower but never
// silently off. A lint that runs past its time budget (counted from when the
// worker starts it) is cancelled: the worker is terminated and restarted, the document gets one finding saying it was too
// slow to check, and the other documents' requests go on in the new worker.
// A document's latest findings are kept, so that the worker can answer a re-lint
// with only what changed (finding-delta.ts).
import { Worker } from 'node:worker_threads';
import { Linter, ruleDocsUrl, type LintOptions } from '../engine';
import { applyPlan } from './finding-delta';
import type { LintReply, LintRequest, LintStarted, WorkerOptions, WorkerReady } from './protocol';
import { RecentFindings, type SentFindings } from './recent-findings';
import { fromWire, type WireReply } from './wire';

type Pending = {
  resolve: (reply: LintReply) => void;
  request: LintRequest;
  budgetMs: number | undefined;
  timer?: NodeJS.Timeout;
  /** The findings the request named as its base, held here so that a newer reply cannot replace them before this one is rebuilt. */
  base?: SentFindings;
};

/** The reply for a lint cancelled after `budgetMs`: one finding on the first line. */
export function tooSlowReply(id: number, budgetMs: number): LintReply {
  const at = { line: 1, column: 1, offset: 0 };
  const seconds = budgetMs / 1000;
  return {
    id,
    kind: 'none',
    kindReason: `checking took longer than ${seconds} s and was stopped`,
    findings: [
      {
        ruleId: 'unchecked-section',
        severity: 'warning',
        message: `Outcome Lens stopped checking this document after ${seconds} s: it was too slow to check, so it has no other findings. Other documents are still checked. Raise outcomeLens.lintTimeoutSeconds, or split the document, to have it checked.`,
        start: at,
        end: at,
        fixes: [],
        docsUrl: ruleDocsUrl('unchecked-section'),
      },
    ],
    timedOut: true,
  };
}

/** Which document a request is for, as the worker keys its last findings. */
const documentOf = (request: LintRequest) => request.options.fileName ?? '';

export class LintClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private fallback: Linter | undefined;
  private workersStarted = 0;
  private readonly received = new RecentFindings();
  /** Replies that came as a delta, and the findings they took from their base (read by the tests). */
  readonly reuse = { replies: 0, findings: 0 };

  constructor(
    private workerPath: string | undefined,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Lint in the worker; with `budgetMs`, a lint still running after that long is cancelled (worker only). */
  lint(text: string, options: LintOptions, budgetMs?: number): Promise<LintReply> {
    const request: LintRequest = { id: this.nextId++, text, options };
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.lintInProcess(request));
    const base = this.received.get(documentOf(request));
    if (base) request.base = base.id;
    return new Promise((resolve) => {
      const pending: Pending = { resolve, request, budgetMs, ...(base ? { base } : {}) };
      this.pending.set(request.id, pending);
      this.post(worker, pending);
    });
  }

  /** Starts the worker now, so that it is loaded and warmed up (see warm-up.ts) before the first document comes. */
  start(): void {
    this.ensureWorker();
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.resolve(this.lintInProcess(pending.request));
    }
    this.pending.clear();
  }

  private post(worker: Worker, pending: Pending): void {
    // Referenced while a reply is owed, so a waiting caller keeps the process alive;
    // unreferenced when idle, so an idle worker never does.
    worker.ref();
    worker.postMessage(pending.request);
  }

  /** The worker started a request: its budget runs from now (a queued request is not charged for the one before it). */
  private started(id: number): void {
    const pending = this.pending.get(id);
    if (pending?.budgetMs !== undefined) pending.timer = setTimeout(() => this.cancel(pending), pending.budgetMs);
  }

  private cancel(slow: Pending): void {
    const worker = this.worker;
    if (!worker || !this.pending.has(slow.request.id)) return;
    this.log(`lint of ${slow.request.options.fileName ?? 'an untitled document'} (request ${slow.request.id}, ${slow.request.text.length} characters) took more than ${slow.budgetMs} ms; restarting the lint worker`);
    this.pending.delete(slow.request.id);
    slow.resolve(tooSlowReply(slow.request.id, slow.budgetMs!));
    this.worker = undefined; // before terminate, so its exit is not taken for a crash
    void worker.terminate();
    const next = this.ensureWorker();
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      if (next) this.post(next, pending);
      else {
        this.pending.delete(pending.request.id);
        pending.resolve(this.lintInProcess(pending.request));
      }
    }
  }

  private lintInProcess(request: LintRequest): LintReply {
    this.fallback ??= new Linter();
    const { kind, kindReason, findings } = this.fallback.lint(request.text, { ...request.options, disableFixes: false });
    return { id: request.id, kind, kindReason, findings };
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.workerPath) return this.worker;
    try {
      const startedAt = performance.now();
      const workerData: WorkerOptions = { warmUp: this.workersStarted++ === 0 };
      const worker = new Worker(this.workerPath, { workerData });
      worker.on('message', (message: WireReply | LintStarted | WorkerReady) => {
        if ('ready' in message) {
          // How long the first document waits at most: what a slow first squiggle comes down to.
          this.log(`lint worker ready after ${Math.round(performance.now() - startedAt)} ms (engine warm-up ${message.ready.warmUpMs} ms)`);
          return;
        }
        if ('started' in message) {
          if (this.worker === worker) this.started(message.started);
          return;
        }
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        clearTimeout(pending?.timer);
        if (this.pending.size === 0) worker.unref();
        if (message.error) this.log(`lint worker error: ${message.error}`);
        // A reply nobody waits for any more is not decoded.
        if (pending) void fromWire(message).then((reply) => pending.resolve(this.rebuilt(pending, message, reply)));
      });
      worker.on('error', (error) => {
        if (this.worker === worker) this.failWorker(`lint worker crashed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.failWorker(`lint worker exited with code ${code}`);
      });
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.log(`lint worker could not start, linting in-process: ${error instanceof Error ? error.message : String(error)}`);
      this.workerPath = undefined;
    }
    return this.worker;
  }

  /** The reply with every finding, its delta applied; kept as the document's next base. */
  private rebuilt(pending: Pending, message: WireReply, reply: LintReply): LintReply {
    const delta = message.delta;
    // The worker answers with a delta only against the base this request named.
    if (delta && pending.base) {
      const literals = reply.findings.length;
      reply.findings = applyPlan(delta.refs, reply.findings, pending.base.findings, delta.shift);
      this.reuse.replies++;
      this.reuse.findings += reply.findings.length - literals;
    }
    if (!reply.error) this.received.set(documentOf(pending.request), { id: reply.id, findings: reply.findings });
    return reply;
  }

  private failWorker(message: string): void {
    this.log(`${message}; linting in-process from now on`);
    this.workerPath = undefined;
    this.dispose();
  }
}
