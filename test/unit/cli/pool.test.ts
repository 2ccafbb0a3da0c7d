// `lint` on the worker pool: the same report, byte for byte and in file order,
// as linting in one thread, in-process (workers run the TypeScript sources)
// and as the built program (workers run dist/cli-main.js).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { defaultConfig } from '../../../src/engine';
import { lintFile, type FileJob, type FileOutcome } from '../../../src/cli/lint-file';
import { autoConcurrency, LintPool, POOL_MIN_FILES } from '../../../src/cli/pool';
import { decodeDocument } from '../../../src/node/files';
import { run, workspace } from './harness';

const HANG_GUARD = { timeout: 180_000 };

/** Our templates and examples, each in several wordings of its own, a binary file and a folder of configs: 60+ files. */
function manyDocuments(t: TestContext): string {
  const cwd = workspace(t);
  const docs = join(cwd, 'docs');
  for (const from of ['templates', 'examples']) cpSync(resolve(from), join(docs, from), { recursive: true });
  const sources = [...readdirSync(resolve('templates')).map((n) => `templates/${n}`), ...readdirSync(resolve('examples')).map((n) => `examples/${n}`)];
  mkdirSync(join(docs, 'variants'));
  sources.forEach((source, i) => {
    const text = readFileSync(resolve(source), 'utf8');
    // Other numbers and wordings, so the copies are linted, not remembered.
    writeFileSync(join(docs, 'variants', `v${i}-a.md`), text.replace(/\d+/g, (n) => String(Number(n) + i)));
    writeFileSync(join(docs, 'variants', `v${i}-b.md`), text.replace(/\b(Q[1-4])\b/g, 'next quarter').replace(/%/g, ' percent'));
  });
  writeFileSync(join(docs, 'variants', 'zz-binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  // The fixture project (its own configs, an excluded draft) rides along.
  cpSync(join(cwd, 'project'), join(docs, 'project'), { recursive: true });
  return cwd;
}

describe('lint on the worker pool', () => {
  test('in-process: the same stylish, json and sarif output and exit code as one thread', HANG_GUARD, async (t) => {
    const cwd = manyDocuments(t);
    for (const format of ['stylish', 'json', 'sarif']) {
      const one = await run(['lint', '--format', format, '--concurrency', 'off', 'docs', 'docs/missing.md'], { cwd });
      const pool = await run(['lint', '--format', format, '--concurrency', '3', 'docs', 'docs/missing.md'], { cwd });
      assert.ok(one.stdout.length > 1000, 'the run found something to compare');
      assert.equal(pool.stdout, one.stdout, format);
      assert.equal(pool.stderr, one.stderr);
      assert.equal(pool.code, one.code);
    }
  });

  test('--concurrency N starts N workers, with the output of one thread', HANG_GUARD, async (t) => {
    const cwd = manyDocuments(t);
    let started = 0;
    const count = () => started++;
    diagnostics.subscribe('worker_threads', count);
    t.after(() => diagnostics.unsubscribe('worker_threads', count));
    const one = await run(['lint', '--format', 'json', '--concurrency', 'off', 'docs'], { cwd });
    assert.equal(started, 0);
    for (const threads of [1, 2]) {
      started = 0;
      assert.deepEqual(await run(['lint', '--format', 'json', '--concurrency', String(threads), 'docs'], { cwd }), one, `${threads} threads`);
      assert.equal(started, threads, `${threads} threads`);
    }
  });

  test('--fix on the pool writes the same files as --fix in one thread', HANG_GUARD, async (t) => {
    const one = manyDocuments(t);
    const pool = manyDocuments(t);
    const a = await run(['lint', '--fix', '--concurrency', 'off', 'docs'], { cwd: one });
    const b = await run(['lint', '--fix', '--concurrency', '2', 'docs'], { cwd: pool });
    assert.match(a.stdout, /\d+ problems? \(/);
    assert.equal(b.stdout, a.stdout);
    const variants = readdirSync(join(one, 'docs/variants'));
    for (const name of variants) assert.equal(readFileSync(join(pool, 'docs/variants', name), 'utf8'), readFileSync(join(one, 'docs/variants', name), 'utf8'), name);
  });

  test('the built program: every core by default gives what one thread gives', HANG_GUARD, async (t) => {
    const cli = resolve('dist/cli.js');
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run npm run build (npm test builds first)');
    const cwd = manyDocuments(t);
    const runCli = async (...args: string[]) => {
      try {
        return (await promisify(execFile)(process.execPath, [cli, 'lint', '--format', 'json', ...args, 'docs'], { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
      } catch (error) {
        return (error as { stdout: string }).stdout; // exit code 1: errors found
      }
    };
    const one = await runCli('--concurrency', 'off');
    assert.ok(JSON.parse(one).length >= POOL_MIN_FILES, 'enough files that auto uses a pool on a multi-core machine');
    assert.equal(await runCli('--concurrency', '2'), one);
    assert.equal(await runCli(), one);
  });

  test('auto: no pool for a small run; --concurrency takes auto, off or a count', async (t) => {
    assert.equal(autoConcurrency(POOL_MIN_FILES - 1), 0);
    // A worker for every core but this thread's, which lints too.
    assert.equal(autoConcurrency(10 * POOL_MIN_FILES), availableParallelism() < 2 ? 0 : Math.min(availableParallelism(), 10) - 1);
    const cwd = workspace(t);
    const bad = await run(['lint', '--concurrency', 'many', 'project'], { cwd });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'outcome-lens: --concurrency: expected auto, off or a number of threads from 1 to 999, not "many"\n');
  });
});

/** Our templates as pool jobs, each in two wordings (so a worker's share and this thread's share both hold real findings). */
function templateJobs(): FileJob[] {
  return readdirSync(resolve('templates')).flatMap((name) =>
    ['', '\n## Success metrics\n\n- Grow weekly active teams\n'].map((tail, i) => {
      const read = decodeDocument(Buffer.from(readFileSync(resolve('templates', name), 'utf8') + tail));
      assert.equal(read.kind, 'text');
      return { path: resolve('templates', `${i}-${name}`), read, relativePath: `${i}-${name}`, config: defaultConfig(), kind: undefined, fix: false };
    }),
  );
}

/** Findings as printed: an outcome from a worker parses them when read. */
const printed = (outcome: FileOutcome) => (outcome.ok ? { kind: outcome.kind, findings: outcome.findings } : outcome);

describe('LintPool: a worker that dies, and what crosses from a worker', () => {
  /** Starts a pool, hands it every job, and ends its worker before the worker answers. */
  async function killedEarly(t: TestContext, inThread: boolean): Promise<{ jobs: FileJob[]; outcomes: FileOutcome[] }> {
    const started: Worker[] = [];
    const keep = (message: unknown) => started.push((message as { worker: Worker }).worker);
    diagnostics.subscribe('worker_threads', keep);
    t.after(() => diagnostics.unsubscribe('worker_threads', keep));
    const pool = new LintPool(1, inThread);
    t.after(() => pool.close());
    const jobs = templateJobs();
    const pending = jobs.map((job) => pool.lint(job));
    assert.equal(started.length, 1);
    await started[0]!.terminate();
    return { jobs, outcomes: await Promise.all(pending) };
  }

  test('with this thread linting too: the jobs the worker held fail, every other job is linted here', HANG_GUARD, async (t) => {
    const { jobs, outcomes } = await killedEarly(t, true);
    const failed = outcomes.filter((o) => !o.ok);
    assert.ok(failed.length > 0 && failed.length < jobs.length, `${failed.length} of ${jobs.length} failed`);
    for (const outcome of failed) assert.match(outcome.error, /^lint worker exited with code \d+$/);
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.ok) assert.deepEqual(printed(outcome), printed(await lintFile(jobs[i]!)), jobs[i]!.relativePath);
    }
  });

  test('with workers only: every job still settles, as a failure', HANG_GUARD, async (t) => {
    const { outcomes } = await killedEarly(t, false);
    for (const outcome of outcomes) assert.equal(outcome.ok, false);
  });

  test("a worker's results are those of this thread, findings and all", HANG_GUARD, async (t) => {
    const pool = new LintPool(2);
    t.after(() => pool.close());
    const jobs = templateJobs();
    const outcomes = await Promise.all(jobs.map((job) => pool.lint(job)));
    assert.ok(outcomes.some((o) => o.ok && o.findings.length > 0), 'some job has findings to compare');
    for (const [i, outcome] of outcomes.entries()) assert.deepEqual(printed(outcome), printed(await lintFile(jobs[i]!)), jobs[i]!.relativePath);
  });
});
