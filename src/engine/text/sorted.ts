// Binary searches over ascending offsets. The engine asks where an offset falls once per
// statement or objective, so a scan per question would be quadratic on a long page.

/** Index of the first value not below `value` (the length when every value is below it). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether some value lies in [from, to). */
export function someWithin(sorted: readonly number[], from: number, to: number): boolean {
  const i = lowerBound(sorted, from);
  return i < sorted.length && sorted[i]! < to;
}
