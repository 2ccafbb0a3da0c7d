// Searches a line with a regex in a worker thread (regex-runner.mjs), so a
// regex that backtracks for minutes can be stopped: a regex running in the
// caller's own thread cannot be. Shared by the adversarial test (as a hang
// guard) and the bench (which times each search).
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SearchResult {
  matches: number;
  first: number;
  /** Wall time of the search in the worker, ms. */
  ms: number;
}

export class RegexSearcher {
  private worker = this.start();

  constructor(private readonly limitMs: number) {}

  private start(): Worker {
    return new Worker(resolve('test/support/regex-runner.mjs'));
  }

  /** The search's result, or 'hung' when the limit ran out first (the worker is then replaced). */
  search(source: string, flags: string, line: string): Promise<SearchResult | 'hung'> {
    return new Promise((done) => {
      const worker = this.worker;
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        this.worker = this.start();
        done('hung');
      }, this.limitMs);
      worker.once('message', (result: SearchResult) => {
        clearTimeout(timer);
        done(result);
      });
      worker.postMessage({ source, flags, line });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
