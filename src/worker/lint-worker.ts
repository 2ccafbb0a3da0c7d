// Runs the engine in a worker thread, so a 1 MB document never blocks the
// extension host. One Linter per worker: its section cache makes re-lints cheap.
// A re-lint of a document answers with a delta against the findings it sent last
// for it, when the client still holds those (finding-delta.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Linter } from '../engine';
import { planFindings, shiftBetween } from './finding-delta';
import type { LintReply, LintRequest, LintStarted, ReplyDelta, WorkerOptions, WorkerReady } from './protocol';
import { RecentFindings } from './recent-findings';
import { WARM_UP_DOCUMENT } from './warm-up';
import { toWire } from './wire';

const linter = new Linter();
const sent = new RecentFindings();
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
  parentPort!.postMessage(reply.error ? toWire(reply) : toDelta(request, reply));
});

/** The reply, as a delta when the client holds the base it names; remembered as the next base. */
function toDelta(request: LintRequest, reply: LintReply) {
  const document = request.options.fileName ?? '';
  const base = sent.get(document);
  const shift = shiftBetween({ length: base?.length ?? 0, lines: base?.lines ?? 0 }, request.text);
  sent.set(document, { id: request.id, findings: reply.findings, length: request.text.length, lines: shift.lines });
  if (!base || base.id !== request.base) return toWire(reply);
  const plan = planFindings(reply.findings, base.findings, shift);
  const delta: ReplyDelta = { base: base.id, refs: plan.refs, shift: plan.shift };
  return toWire({ ...reply, findings: plan.literals }, delta);
}
