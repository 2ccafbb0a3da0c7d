// The outcome-lens program as a whole process, each figure a ratio against a
// baseline run in the same rounds (interleaved, medians):
//   1. lint 600 distinct documents on every core / the same run pinned to one core  target <= 0.6
//   2. a second --cache run over 2,000 unchanged documents / the first run        target <= 0.1
//   3. `outcome-lens --version` / `node -e 0`                                     target <= 1.3
// The documents are the real corpus (../shared/corpus), each copy made distinct
// in every section (a line of its own under each heading), so no copy is linted
// from the engine's section cache of another. Needs the built CLI (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusDocuments } from './corpus';
import { median, type BenchResult } from './report';

const CLI = resolve('dist/cli.js');

/** A letters-only tag for copy `n` (digits could read as targets or baselines). */
function tag(n: number): string {
  let out = '';
  do {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

/** Copy `n` of a document: a line of its own under every heading outside code. */
function distinctCopy(text: string, n: number): string {
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
      return !fence && /^#{1,6}\s/.test(line) ? `${line}\n\nEdition ${tag(n)}.\n` : line;
    })
    .join('\n');
}

export function writeDocuments(dir: string, count: number): void {
  const docs = corpusDocuments();
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = docs[i % docs.length]!;
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${doc.name}`), distinctCopy(doc.text, i));
  }
}

function wallMs(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { stdio: 'ignore' });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`);
  return performance.now() - started;
}

/**
 * The same ratio for work that is parallel by construction (a busy loop on each
 * core): what this machine allows right now. On a shared machine it drifts far
 * above 0.5, and the pool figure is read against it.
 */
function parallelCeiling(): number {
  const loop = `${process.execPath} -e 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7'`;
  const both = `${loop} & ${loop}; wait`;
  const all: number[] = [];
  const one: number[] = [];
  for (let round = 0; round < 3; round++) {
    all.push(wallMs('sh', ['-c', both]));
    one.push(wallMs('taskset', ['-c', '0', 'sh', '-c', both]));
  }
  return median(all) / median(one);
}

const hasTaskset = () => spawnSync('taskset', ['-c', '0', process.execPath, '-e', '0']).status === 0;

export function cliBench(): BenchResult[] {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build');
  const node = process.execPath;
  const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-bench-cli-'));
  const results: BenchResult[] = [];
  try {
    const version: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 15; round++) {
      version.push(wallMs(node, [CLI, '--version']));
      bare.push(wallMs(node, ['-e', '0']));
    }
    results.push({ name: 'outcome-lens --version / node -e 0', value: median(version) / median(bare), target: 1.3, detail: `median ${median(version).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms` });

    const six = join(dir, 'six-hundred');
    writeDocuments(six, 600);
    const lintArgs = [CLI, 'lint', '--format', 'json', six];
    if (hasTaskset()) {
      const all: number[] = [];
      const one: number[] = [];
      for (let round = 0; round < 3; round++) {
        all.push(wallMs(node, lintArgs));
        one.push(wallMs('taskset', ['-c', '0', node, ...lintArgs]));
      }
      const ceiling = parallelCeiling().toFixed(2);
      results.push({ name: 'CLI, 600 documents: every core / pinned to one core', value: median(all) / median(one), target: 0.6, detail: `median ${(median(all) / 1000).toFixed(1)} s vs ${(median(one) / 1000).toFixed(1)} s, ${availableParallelism()} cores; a busy loop per core gets ${ceiling} now` });
    } else {
      console.log('  CLI pool speed-up not measured: taskset (util-linux) is not installed');
    }

    const many = join(dir, 'two-thousand');
    writeDocuments(many, 2000);
    const cacheFile = join(dir, 'cache.json');
    const first: number[] = [];
    const again: number[] = [];
    for (let round = 0; round < 2; round++) {
      rmSync(cacheFile, { force: true });
      const args = [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', cacheFile, many];
      first.push(wallMs(node, args));
      again.push(wallMs(node, args));
    }
    results.push({ name: 'CLI --cache, 2,000 unchanged documents: second run / first', value: median(again) / median(first), target: 0.1, detail: `median ${(median(again) / 1000).toFixed(2)} s vs ${(median(first) / 1000).toFixed(1)} s` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
