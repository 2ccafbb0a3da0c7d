// Where the eval tests find things: the project, our fixture set, and the shared labels,
// corpus and scorer beside the project (../shared), which CI always has. Without them the
// tests that need them fail, saying where they looked; they are never skipped.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultInputs, type EvalInputs } from '../../../src/eval/run';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const FIXTURE: EvalInputs = { labels: join(PROJECT_ROOT, 'test/fixtures/eval/labels.json'), docs: join(PROJECT_ROOT, 'test/fixtures/eval/docs') };

/** The shared labels and corpus, and score.mjs beside the labels; throws naming what is missing. */
export function sharedEval(projectRoot = PROJECT_ROOT): { inputs: EvalInputs; scorer: string } {
  const inputs = defaultInputs(projectRoot);
  const scorer = join(dirname(inputs.labels), 'score.mjs');
  const missing = [inputs.labels, inputs.docs, scorer].filter((path) => !existsSync(path));
  if (missing.length) {
    throw new Error(`the shared eval set is missing: looked for ${missing.join(', ')} (CI checks it out beside the project as ../shared)`);
  }
  return { inputs, scorer };
}
