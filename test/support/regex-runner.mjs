// Runs one regex over one line in a worker thread, so a regex that backtracks
// for minutes can be stopped (a regex running in the test's own thread cannot).
// Every match is found, as a search from each position would (`matchAll`), and
// the count, the first match's index and the time taken are posted back.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ source, flags, line }) => {
  const regex = new RegExp(source, `${flags.replace(/[gy]/g, '')}g`);
  let matches = 0;
  let first = -1;
  const started = performance.now();
  for (const m of line.matchAll(regex)) if (matches++ === 0) first = m.index;
  parentPort.postMessage({ matches, first, ms: performance.now() - started });
});
