// Shared by the benchmarks: medians and the printed table. Benchmarks report;
// they never fail a build (speed targets are read, not asserted).
export interface BenchResult {
  name: string;
  value: number;
  target: number;
  detail?: string;
  /** A bar that work still to come is meant to reach: a miss is printed as not yet held, naming that work. */
  notYet?: string;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function report(group: string, results: readonly BenchResult[]): void {
  console.log(`\n${group}:`);
  for (const r of results) {
    const verdict = r.value <= r.target ? 'meets' : r.notYet ? `NOT YET HELD, waits for ${r.notYet}` : 'MISSES';
    console.log(`  ${r.name.padEnd(62)} ${r.value.toFixed(r.value < 10 ? 3 : 1).padStart(8)}  (target <= ${r.target}, ${verdict})${r.detail ? `  ${r.detail}` : ''}`);
  }
}
