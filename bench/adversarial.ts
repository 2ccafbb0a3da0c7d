// Issue 11's adversarial cases, each as a ratio to linting a plain PRD in the
// same run (target: at most 5x):
//   - each recipe document (test/support/adversarial.ts) against a plain PRD of
//     the same length, capped at the size the engine checks (past it, both are
//     refused; the cap keeps the baseline a real lint);
//   - each engine regex searching its 100,000-character attack line
//     (test/support/regex-attacks.ts) against linting a 100,000-character PRD.
// A search still running after 30 s is stopped and reported as such.
import { Linter } from '../src/engine';
import { MAX_DOCUMENT_CHARS } from '../src/engine/text/limits';
import { adversarialDocuments, type AdversarialName } from '../test/support/adversarial';
import { engineRegexes } from '../test/support/engine-regexes';
import { ATTACK_LENGTH, attackFor } from '../test/support/regex-attacks';
import { RegexSearcher } from '../test/support/regex-search';
import { syntheticPrd } from './lint';
import { median, type BenchResult } from './report';

const TARGET = 5;
const STOP_MS = 30_000;

function lintMs(text: string, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    new Linter().lint(text, { kind: 'prd' });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const plainPrd = (length: number) => syntheticPrd(Math.min(length, MAX_DOCUMENT_CHARS - 10_000));

export async function adversarialBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const docs = adversarialDocuments();
  lintMs(plainPrd(100_000), 3); // warm-up (JIT)
  for (const name of Object.keys(docs) as AdversarialName[]) {
    const { title, text } = docs[name];
    const runs = text.length > 200_000 ? 3 : 7;
    const baseline = plainPrd(text.length);
    const plain = lintMs(baseline, runs);
    const adversarial = lintMs(text, runs);
    results.push({ name: `recipe: ${title}`, value: adversarial / plain, target: TARGET, detail: `${adversarial.toFixed(1)} ms vs plain PRD of ${(baseline.length / 1024).toFixed(0)} KB ${plain.toFixed(1)} ms` });
  }

  const plain = lintMs(plainPrd(ATTACK_LENGTH), 7);
  const searcher = new RegexSearcher(STOP_MS);
  try {
    for (const regex of engineRegexes()) {
      const attack = await attackFor(regex);
      const found = await searcher.search(regex.source, regex.flags, attack.line);
      const ms = found === 'hung' ? STOP_MS : found.ms;
      results.push({
        name: `regex ${regex.where} /${regex.source.slice(0, 40)}${regex.source.length > 40 ? '…' : ''}/`,
        value: ms / plain,
        target: TARGET,
        detail: `${found === 'hung' ? `stopped after ${STOP_MS} ms` : `${ms.toFixed(1)} ms`} vs plain 100 KB PRD ${plain.toFixed(1)} ms (${attack.verdict})`,
      });
    }
  } finally {
    await searcher.close();
  }
  return results;
}
