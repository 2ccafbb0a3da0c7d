// `npm run eval` must print the figures of ../shared/eval/score.mjs, the scorer the issue's
// targets are measured with. Both run here, score.mjs against the built CLI (dist/cli.js, one
// process per document) and our script in-process through the engine, on the shared corpus
// and on our fixture set; figures and misses must be identical.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { EvalInputs } from '../../../src/eval/run';
import type { EvalSummary, Miss } from '../../../src/eval/score';
import { FIXTURE, PROJECT_ROOT, sharedEval } from './shared';

const run = promisify(execFile);
const CLI = join(PROJECT_ROOT, 'dist/cli.js');
const TSX = pathToFileURL(require.resolve('tsx')).href;
/** The CLI's sources; dist/cli.js older than any of them would score yesterday's rules. */
const CLI_SOURCES = ['src/engine', 'src/cli', 'src/node'].map((dir) => join(PROJECT_ROOT, dir));

function newestSource(dir: string): { path: string; mtime: number } {
  let newest = { path: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newestSource(path) : { path, mtime: statSync(path).mtimeMs };
    if (found.mtime > newest.mtime) newest = found;
  }
  return newest;
}

function assertCliBuilt(): void {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first (npm test builds before the unit tests)`);
  const built = statSync(CLI).mtimeMs;
  for (const dir of CLI_SOURCES) {
    const newest = newestSource(dir);
    assert.ok(newest.mtime <= built, `${CLI} is older than ${newest.path}: run npm run build first`);
  }
}

/** score.mjs's verbose lines, reduced to what both scorers say: kind, rule, file and line. */
function scoreMjsMisses(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const miss = /^ {2}(FP|FN) (\S+) (.+):(\d+) /.exec(line);
    if (miss) return [`${miss[1]!.toLowerCase()} ${miss[2]} ${miss[3]}:${miss[4]}`];
    const verdict = /^ {2}verdict (.+): (success-metrics-missing) /.exec(line);
    return verdict ? [`verdict ${verdict[2]} ${verdict[1]}`] : [];
  });
}

const ourMiss = (m: Miss) => `${m.type} ${m.ruleId} ${m.file}${m.line === undefined ? '' : `:${m.line}`}`;

async function bothScorers(scorer: string, inputs: EvalInputs) {
  const paths = ['--labels', inputs.labels, '--docs', inputs.docs, '--verbose', '--json'];
  const options = { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 };
  const [theirs, ours] = await Promise.all([
    run(process.execPath, [scorer, '--cli', CLI, ...paths], options),
    run(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'scripts/eval.ts'), ...paths], options),
  ]);
  const theirLines = theirs.stdout.trimEnd().split('\n');
  const theirSummary = JSON.parse(theirLines[theirLines.length - 1]!) as EvalSummary;
  const { misses, ...ourSummary } = JSON.parse(ours.stdout) as EvalSummary & { misses: Miss[] };
  return { theirSummary, ourSummary, theirMisses: scoreMjsMisses(theirs.stdout), ourMisses: misses.map(ourMiss) };
}

describe('npm run eval and score.mjs agree', () => {
  test('on the shared corpus', async () => {
    const { inputs, scorer } = sharedEval();
    assertCliBuilt();
    const both = await bothScorers(scorer, inputs);
    assert.deepEqual(both.ourSummary, both.theirSummary);
    assert.deepEqual(both.ourMisses, both.theirMisses);
    assert.ok(both.ourMisses.length > 0, 'the comparison saw the misses of both');
  });

  test('on our fixture set', async () => {
    const { scorer } = sharedEval();
    assertCliBuilt();
    const both = await bothScorers(scorer, FIXTURE);
    assert.deepEqual(both.ourSummary, both.theirSummary);
    assert.deepEqual(both.ourMisses, both.theirMisses);
    assert.equal(both.ourMisses.length, 3);
  });
});
