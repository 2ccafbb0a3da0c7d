// The development and check splits of a labeled set. A third of the documents, picked by a
// seeded shuffle of their names, is held back as the check split: judgement work is developed
// against the rest, and the check split is read only as aggregate figures, so it predicts how
// the rules do on documents nobody here has studied.
import type { LabeledDocument } from './labels';

export const SPLITS = ['all', 'dev', 'check'] as const;
export type Split = (typeof SPLITS)[number];

/** Fixed so the split never moves under a developer; change it only to draw a fresh split. */
export const SPLIT_SEED = 14;

/** mulberry32: a small, well-mixed 32-bit generator, enough for a reproducible shuffle (the UI tests share it). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The names of the check split: a third (rounded up) of the files, sorted then shuffled with the seed. */
export function checkFiles(files: readonly string[], seed = SPLIT_SEED): Set<string> {
  const order = [...new Set(files)].sort();
  const next = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Set(order.slice(0, Math.ceil(order.length / 3)));
}

export function selectSplit(documents: readonly LabeledDocument[], split: Split, seed = SPLIT_SEED): LabeledDocument[] {
  if (split === 'all') return [...documents];
  const check = checkFiles(documents.map((d) => d.file), seed);
  return documents.filter((d) => check.has(d.file) === (split === 'check'));
}
