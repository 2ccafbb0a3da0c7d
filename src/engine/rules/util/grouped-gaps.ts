// One finding for what repeats. When many metrics of one table column or one
// run of list items lack the same thing, the author fixes them in one go, so
// they get one finding with the count; each place stays reachable as related
// information (the Problems panel, the CLI's json and stylish output).
import type { Span } from '../../types';
import type { Report } from '../rule';

/** One metric that lacks something: where to point and what to say about it alone. */
export interface Gap {
  span: Span;
  /** The metric's short name, for the grouped message. */
  label: string;
  /** The message the gap gets when it stands alone. */
  message: string;
  /** What it says as one of a group's places, without the advice the group gives once. */
  place: string;
}

/** "3 of the 7 metrics in this table have no baseline", or "None of the 4 ... has a baseline". */
export function countOf(count: number, total: number, where: string, noun: string): string {
  return count === total ? `None of the ${total} metrics in ${where} has a ${noun}` : `${count} of the ${total} metrics in ${where} have no ${noun}`;
}

/** "A", "B", "C" and 4 more. */
export function nameSome(gaps: readonly { label: string }[], shown = 3): string {
  const names = gaps.slice(0, shown).map((g) => `"${g.label}"`);
  const rest = gaps.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} more`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How a group of gaps is worded: where it points (default: the first gap) and its message. */
export interface GapGroup {
  span?: Span;
  summary(count: number, names: string): string;
}

/**
 * `gaps` as one report when there are several (at the group's span, or the first gap's place),
 * each gap listed as related information; a lone gap keeps its own message.
 */
function gapsReport(gaps: readonly Gap[], group: GapGroup): Report | undefined {
  if (gaps.length === 0) return undefined;
  if (gaps.length === 1) return { span: gaps[0]!.span, message: gaps[0]!.message };
  return {
    span: group.span ?? gaps[0]!.span,
    message: group.summary(gaps.length, nameSome(gaps)),
    related: gaps.map((g) => ({ span: g.span, message: g.place })),
    regroup: (kept) => gapsReport(kept.map((i) => gaps[i]!), group),
  };
}

/** Report `gaps`: one finding for several, with each place under it. */
export function reportGaps(report: (r: Report) => void, gaps: readonly Gap[], group: GapGroup): void {
  const grouped = gapsReport(gaps, group);
  if (grouped) report(grouped);
}

/**
 * Split items into runs: neighbours with nothing but white space between them (one list,
 * read in document order). Anything else between two items, a heading, a paragraph or an
 * item that is not a metric, starts a new run.
 */
export function runsOf<T extends { span: Span }>(text: string, items: readonly T[]): T[][] {
  const runs: T[][] = [];
  let previous: T | undefined;
  for (const item of items) {
    const adjacent = previous !== undefined && previous.span.end <= item.span.start && text.slice(previous.span.end, item.span.start).trim() === '';
    if (adjacent) runs[runs.length - 1]!.push(item);
    else runs.push([item]);
    previous = item;
  }
  return runs;
}
