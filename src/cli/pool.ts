// The CLI's worker pool: `outcome-lens lint` on many files lints them on every
// core. node:worker_threads measured as well as the pool libraries for this
// shape of work (a few hundred jobs of a few milliseconds each) and adds
// nothing to install. The worker runs this same module: in the bundle
// `__filename` is dist/cli-main.js, under tsx it is this file, and either way
// the code below sees that it is a pool worker and serves jobs. (A worker
// does not inherit tsx's hooks, so from source it registers them first.)
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Finding } from '../engine';
import { lintFile, type FileJob, type FileOutcome } from './lint-file';
import { countFindings } from './report';

const ROLE = 'outcome-lens-lint-pool';
/** Jobs handed to a worker before it answers: enough that it never waits for the next, even while the main thread lints a long file between reading its replies. */
const IN_FLIGHT = 8;
/**
 * Below this many files a pool costs more than it saves: each worker loads the
 * whole engine and compiles its patterns and hot code again (about half a
 * second of one core before its first result).
 */
export const POOL_MIN_FILES = 48;

interface JobMessage {
  id: number;
  job: FileJob;
}
interface OutcomeMessage {
  id: number;
  outcome: WireOutcome;
}

type Linted = Extract<FileOutcome, { ok: true }>;
/**
 * An outcome as it crosses from a worker: its findings as JSON text, which
 * crosses as one string where a structured clone rebuilt every finding as
 * objects on the main thread (where they then lived, and were traced by every
 * collection, until printed). They are parsed when printed, as a cached
 * file's are.
 */
type WireOutcome = Exclude<FileOutcome, Linted> | (Omit<Linted, 'findings'> & { counts: { errors: number; warnings: number }; findingsJson: string });

function toWire(outcome: FileOutcome): WireOutcome {
  if (!outcome.ok) return outcome;
  const { findings, ...rest } = outcome;
  return { ...rest, counts: countFindings(findings), findingsJson: JSON.stringify(findings) };
}

function fromWire(wire: WireOutcome): FileOutcome {
  if (!wire.ok) return wire;
  const { findingsJson, ...rest } = wire;
  return {
    ...rest,
    get findings() {
      return JSON.parse(findingsJson) as Finding[];
    },
  };
}

/**
 * How many workers `--concurrency auto` starts for `files` files: one per core
 * but the CLI's own thread, which lints too (see LintPool); none for a small
 * run or a single core.
 */
export function autoConcurrency(files: number): number {
  const cores = availableParallelism();
  if (cores < 2 || files < POOL_MIN_FILES) return 0;
  return Math.min(cores, Math.ceil(files / POOL_MIN_FILES)) - 1;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Workers start with the first job, not with the pool: a --cache run whose
 * files all hit pays for no worker. With `inThread`, the calling thread takes
 * jobs from the same queue between its other work: reading files and passing
 * messages alone leave it idle nine tenths of a run, and a worker in its place
 * would load and compile the engine once more.
 */
export class LintPool {
  private readonly slots: Slot[] = [];
  private readonly queue: JobMessage[] = [];
  private readonly waiting = new Map<number, { resolve: (outcome: FileOutcome) => void; slot?: Slot }>();
  private nextId = 1;
  private started = false;
  /** Whether this thread is linting a job (or has one scheduled). */
  private localBusy = false;

  constructor(
    private readonly size: number,
    private readonly inThread = false,
  ) {}

  /** Workers running now. */
  get workers(): number {
    return this.slots.length;
  }

  lint(job: FileJob): Promise<FileOutcome> {
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.slots.push(this.start());
    }
    return new Promise((resolve) => {
      const message = { id: this.nextId++, job };
      this.waiting.set(message.id, { resolve });
      this.queue.push(message);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const fromSource = __filename.endsWith('.ts') ? `require('tsx/cjs'); require(${JSON.stringify(__filename)});` : undefined;
    const worker = new Worker(fromSource ?? __filename, { eval: fromSource !== undefined, workerData: { role: ROLE } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', ({ id, outcome }: OutcomeMessage) => {
      slot.busy--;
      this.settle(id, fromWire(outcome));
      this.dispatch();
    });
    // A worker that dies takes only its own jobs with it: they become "could not be linted" lines.
    const fail = (why: string) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      for (const [id, entry] of this.waiting) if (entry.slot === slot) this.settle(id, { ok: false, error: why });
      // The jobs nobody took yet are linted by the workers left, or by this thread.
      if (this.slots.length === 0 && !this.inThread) for (const message of this.queue.splice(0)) this.settle(message.id, { ok: false, error: why });
      this.dispatch();
    };
    worker.on('error', (error) => fail(`lint worker crashed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`lint worker exited with code ${code}`);
    });
    return slot;
  }

  private settle(id: number, outcome: FileOutcome): void {
    this.waiting.get(id)?.resolve(outcome);
    this.waiting.delete(id);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.busy < IN_FLIGHT && this.queue.length) {
        const message = this.queue.shift()!;
        this.waiting.get(message.id)!.slot = slot;
        slot.busy++;
        slot.worker.postMessage(message);
      }
    }
    if (this.inThread && !this.localBusy && this.queue.length) {
      this.localBusy = true;
      // A macrotask, so the workers' replies are read (and the workers fed) between this thread's jobs.
      setImmediate(() => void this.lintHere());
    }
  }

  private async lintHere(): Promise<void> {
    const message = this.queue.shift();
    if (message) this.settle(message.id, await lintFile(message.job));
    this.localBusy = false;
    this.dispatch();
  }
}

function serve(): void {
  // Jobs run one after another: a worker is one core's worth of linting.
  let chain = Promise.resolve();
  parentPort!.on('message', (message: JobMessage) => {
    chain = chain.then(async () => {
      const outcome = await lintFile(message.job);
      parentPort!.postMessage({ id: message.id, outcome: toWire(outcome) } satisfies OutcomeMessage);
    });
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) serve();
