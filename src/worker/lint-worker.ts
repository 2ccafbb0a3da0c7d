// Runs the engine in a worker thread, so a 1 MB document never blocks the
// extension host. One Linter per worker: its section cache makes re-lints cheap.
import { parentPort } from 'node:worker_threads';
import { Linter } from '../engine';
import type { LintReply, LintRequest, LintStarted } from './protocol';

const linter = new Linter();

parentPort?.on('message', (request: LintRequest) => {
  parentPort!.postMessage({ started: request.id } satisfies LintStarted);
  let reply: LintReply;
  try {
    const { kind, kindReason, findings } = linter.lint(request.text, { ...request.options, disableFixes: false });
    reply = { id: request.id, kind, kindReason, findings };
  } catch (error) {
    reply = { id: request.id, kind: 'none', kindReason: 'lint failed', findings: [], error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
