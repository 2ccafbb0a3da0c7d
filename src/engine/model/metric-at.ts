// The metric item whose row or list item holds an offset. Items come in document order
// and never overlap (a table's rows, and list items that are not nested in one another:
// an item read as a metric is not read into), so a binary search finds the one item a
// scan from the start would find, without a scan per question on a page of thousands.
import type { DocumentModel, MetricItem } from '../types';

/** The item containing `offset`, if any. */
export function metricAt(model: DocumentModel, offset: number): MetricItem | undefined {
  const items = model.metrics();
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { span } = items[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return items[mid];
  }
  return undefined;
}
