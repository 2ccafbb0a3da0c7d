// Runs the engine in a worker thread, so a 1 MB document never blocks the
// extension host. One Linter per worker: its section cache makes re-lints cheap.
import { parentPort, workerData } from 'node:worker_threads';
import { Linter } from '../engine';
import type { LintReply, LintRequest, LintStarted, WorkerOptions, WorkerReady } from './protocol';
import { WARM_UP_DOCUMENT } from './warm-up';
import { toWire } from './wire';

const linter = new Linter();
// Requests that arrive meanwhile wait in the port's queue; their time budget starts when they are picked up.
// A worker restarted after a lint ran out of time skips it: documents are already waiting for it.
const warmUpStart = performance.now();
if ((workerData as WorkerOptions | undefined)?.warmUp !== false) {
  try {
    linter.lint(WARM_UP_DOCUMENT, { disableFixes: false });
  } catch {
    // A warm-up that fails only leaves the first real lint slower.
  }
}
parentPort?.postMessage({ ready: { warmUpMs: Math.round(performance.now() - warmUpStart) } } satisfies WorkerReady);

parentPort?.on('message', (request: LintRequest) => {
  parentPort!.postMessage({ started: request.id } satisfies LintStarted);
  let reply: LintReply;
  try {
    const { kind, kindReason, findings } = linter.lint(request.text, { ...request.options, disableFixes: false });
    reply = { id: request.id, kind, kindReason, findings };
  } catch (error) {
    reply = { id: request.id, kind: 'none', kindReason: 'lint failed', findings: [], error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort!.postMessage(toWire(reply));
});
