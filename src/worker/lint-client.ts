// Sends lint requests to the worker thread and matches replies by id. If the
// worker cannot start (or dies), linting continues in-process, slower but never
// silently off.
import { Worker } from 'node:worker_threads';
import { Linter, type LintOptions } from '../engine';
import type { LintReply, LintRequest } from './protocol';

type Pending = { resolve: (reply: LintReply) => void; request: LintRequest };

export class LintClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private fallback: Linter | undefined;

  constructor(
    private workerPath: string | undefined,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  lint(text: string, options: LintOptions): Promise<LintReply> {
    const request: LintRequest = { id: this.nextId++, text, options };
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.lintInProcess(request));
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve, request });
      // Referenced while a reply is owed, so a waiting caller keeps the process alive;
      // unreferenced when idle, so an idle worker never does.
      worker.ref();
      worker.postMessage(request);
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const { resolve, request } of this.pending.values()) resolve(this.lintInProcess(request));
    this.pending.clear();
  }

  private lintInProcess(request: LintRequest): LintReply {
    this.fallback ??= new Linter();
    const { kind, kindReason, findings } = this.fallback.lint(request.text, { ...request.options, disableFixes: false });
    return { id: request.id, kind, kindReason, findings };
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.workerPath) return this.worker;
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', (reply: LintReply) => {
        const pending = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (this.pending.size === 0) worker.unref();
        if (reply.error) this.log(`lint worker error: ${reply.error}`);
        pending?.resolve(reply);
      });
      worker.on('error', (error) => this.failWorker(`lint worker crashed: ${error.message}`));
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

  private failWorker(message: string): void {
    this.log(`${message}; linting in-process from now on`);
    this.workerPath = undefined;
    this.dispose();
  }
}
