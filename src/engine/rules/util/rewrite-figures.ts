// A rewrite of what a metric measures ("Total sign-ups" -> "Total sign-ups who [do
// what the product is for] within [N] days") makes the figures stated for the old
// measure wrong: 48,000 sign-ups a month is not 48,000 activated ones. The suggestion
// therefore turns the metric's baseline and target into placeholders and names the
// old figures in its title; when the statement carries figures the model cannot place
// (no baseline or target field holds them), no rewrite is offered at all.
import { metricAt } from '../../model/metric-at';
import { TIMEFRAME } from '../../vocabulary/timeframes';
import type { DocumentModel, Fix, MetricField, Span, TextEdit } from '../../types';

const TIMEFRAMES = new RegExp(TIMEFRAME.source, `${TIMEFRAME.flags.replace('g', '')}g`);
const DIGIT = /\d/;
/**
 * How far past the measured words a figure still counts as this metric's. A paragraph's
 * sentences share it as their unit, and reading to the unit's end from each of them made a
 * 100 KB paragraph of vanity sentences take seconds; a figure this far on is another one's.
 */
const FIGURE_REACH = 2000;

// The figure inside a field: "from 12,000" -> "12,000", "48,000 / month" -> "48,000", "10k", "3 million", "35%".
const FIGURE = /\d(?:[\d,.]{0,30}\d)?(?:[ \t]?(?:%|[kKmMbB]\b|million\b|thousand\b|billion\b))?/;

/** The figure of a baseline or target field, as a span of the text, if it has one. */
function figureOf(field: MetricField | undefined, text: string): (Span & { text: string }) | undefined {
  if (!field) return undefined;
  const m = FIGURE.exec(text.slice(field.span.start, field.span.end));
  return m ? { start: field.span.start + m.index, end: field.span.start + m.index + m[0].length, text: m[0] } : undefined;
}

/**
 * The suggestion that inserts `text` at `at` (just after the measured words) in the
 * statement that `unit` spans, with the figures of its metric kept out; undefined when
 * figures would be left that no longer fit.
 */
export function rewriteKeepingFiguresOut(model: DocumentModel, unit: Span, at: number, insert: { title: string; text: string }): Fix | undefined {
  const item = metricAt(model, at - 1);
  const figures: { placeholder: string; figure: Span & { text: string } }[] = [];
  for (const [placeholder, field] of [['[baseline]', item?.baseline], ['[target]', item?.target]] as const) {
    const figure = figureOf(field, model.text);
    if (figure) figures.push({ placeholder, figure });
  }
  // What is left of the statement after the words, once its figures and timeframes are set aside.
  let rest = model.text.slice(at, Math.min(unit.end, at + FIGURE_REACH));
  for (const span of [...figures.map((f) => f.figure), ...(item?.timeframe ? [item.timeframe.span] : [])]) {
    const from = Math.min(Math.max(span.start - at, 0), rest.length);
    const to = Math.min(Math.max(span.end - at, 0), rest.length);
    rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
  }
  if (DIGIT.test(rest.replace(TIMEFRAMES, (m) => ' '.repeat(m.length)))) return undefined;
  const edits: TextEdit[] = [{ start: at, end: at, text: insert.text }, ...figures.map(({ placeholder, figure }) => ({ start: figure.start, end: figure.end, text: placeholder }))];
  if (figures.length === 0) return { title: insert.title, edits };
  const title = `${insert.title}; its figures (${figures.map((f) => f.figure.text).join(', ')}) become ${figures.map((f) => f.placeholder).join(' and ')}`;
  return { title, edits };
}
