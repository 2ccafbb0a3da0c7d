// Scores findings against labeled lines exactly as ../shared/eval/score.mjs scores the CLI's
// output, so `npm run eval` and that scorer print the same figures (a unit test holds them
// together). Pure: labels, findings and document lines in, figures and misses out.
//
// - vanity-metric, output-as-outcome: per line. A line flagged several times counts once;
//   'ambiguous' lines are not scored; a flagged line without a label (not a success line) is a
//   false positive; a labeled line of the rule's class that is not flagged is a false negative.
// - success-metrics-missing: one verdict per document, right when it fires exactly on the
//   documents labeled success_metrics_missing.
// - metric-missing-target/baseline/timeframe: precision only, and only from findings on labeled
//   lines that are not outputs (ambiguous ones included). Every finding counts, and one on a
//   line whose label says the line states that part is a false positive.
import type { LabeledDocument, LabeledLine, LineClass } from './labels';

export const CLASS_RULES = { 'vanity-metric': 'vanity', 'output-as-outcome': 'output' } as const satisfies Record<string, LineClass>;
export const PART_RULES = {
  'metric-missing-target': 'has_target',
  'metric-missing-baseline': 'has_baseline',
  'metric-missing-timeframe': 'has_timeframe',
} as const satisfies Record<string, keyof LabeledLine>;
export const VERDICT_RULE = 'success-metrics-missing';

export type ClassRule = keyof typeof CLASS_RULES;
export type PartRule = keyof typeof PART_RULES;

/** What the scorer needs of a finding: its rule and 1-based line. */
export interface ScoredFinding {
  ruleId: string;
  line: number;
}

export interface LintedDocument {
  label: LabeledDocument;
  findings: readonly ScoredFinding[];
  /** The document's text, one entry per line, to show what a miss looks like. */
  lines: readonly string[];
  /** 1-based lines that the engine read as success statements (statement coverage). */
  statementLines?: ReadonlySet<number>;
}

/** Of the labeled lines (every class), how many the engine read as success statements. */
export interface Coverage {
  read: number;
  labeled: number;
  share: number;
  /** Per document, in the labels' order. */
  documents: Array<{ file: string; read: number; labeled: number; share: number }>;
}

/** p and r are 0 when undefined (nothing flagged, nothing to find), as score.mjs has them. */
export interface ClassScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
}

export interface PartScore {
  tp: number;
  fp: number;
  p: number;
}

/** The shape of `score.mjs --json`, key for key. */
export type EvalSummary = { documents: number; verdicts: number } & Record<ClassRule, ClassScore> & Record<PartRule, PartScore>;

export interface Miss {
  /** `verdict`: the document-level call was wrong; `fp`/`fn`: a line was flagged wrongly / missed. */
  type: 'verdict' | 'fp' | 'fn';
  ruleId: string;
  file: string;
  /** 1-based; absent for verdicts. */
  line?: number;
  /** Why it is a miss, e.g. "labeled outcome" or "fired, expected silent". */
  why: string;
  /** The document's line (empty for verdicts). */
  text: string;
}

export interface EvalScore {
  summary: EvalSummary;
  coverage: Coverage;
  /** In score.mjs's order: per document, the verdict, metric-missing-* FPs, then each rule's FPs and FNs. */
  misses: Miss[];
}

const ratio = (part: number, whole: number) => (whole ? part / whole : 0);

export function scoreDocuments(documents: readonly LintedDocument[]): EvalScore {
  const classes = Object.fromEntries(Object.keys(CLASS_RULES).map((rule) => [rule, { tp: 0, fp: 0, fn: 0 }])) as Record<ClassRule, Omit<ClassScore, 'p' | 'r'>>;
  const parts = Object.fromEntries(Object.keys(PART_RULES).map((rule) => [rule, { tp: 0, fp: 0 }])) as Record<PartRule, Omit<PartScore, 'p'>>;
  const misses: Miss[] = [];
  let verdicts = 0;

  for (const { label, findings, lines } of documents) {
    const file = label.file;
    const textOf = (line: number) => lines[line - 1] ?? '';
    const fired = findings.some((f) => f.ruleId === VERDICT_RULE);
    if (fired === label.success_metrics_missing) verdicts++;
    else misses.push({ type: 'verdict', ruleId: VERDICT_RULE, file, why: `${fired ? 'fired' : 'silent'}, expected ${label.success_metrics_missing ? 'fired' : 'silent'}`, text: '' });

    // Like score.mjs's Map: when a line is labeled twice, the last label is the one consulted.
    const byLine = new Map(label.lines.map((l) => [l.line, l]));
    for (const [rule, field] of Object.entries(PART_RULES) as Array<[PartRule, (typeof PART_RULES)[PartRule]]>) {
      for (const finding of findings) {
        if (finding.ruleId !== rule) continue;
        const labeled = byLine.get(finding.line);
        if (!labeled || labeled.class === 'output') continue;
        if (labeled[field]) {
          parts[rule].fp++;
          misses.push({ type: 'fp', ruleId: rule, file, line: finding.line, why: `the line states its ${field.slice('has_'.length)}`, text: textOf(finding.line) });
        } else parts[rule].tp++;
      }
    }

    for (const [rule, cls] of Object.entries(CLASS_RULES) as Array<[ClassRule, LineClass]>) {
      const flagged = new Set(findings.filter((f) => f.ruleId === rule).map((f) => f.line));
      for (const line of flagged) {
        const labeled = byLine.get(line);
        if (labeled?.class === 'ambiguous') continue;
        if (labeled?.class === cls) classes[rule].tp++;
        else {
          classes[rule].fp++;
          misses.push({ type: 'fp', ruleId: rule, file, line, why: `labeled ${labeled?.class ?? 'not a success line'}`, text: textOf(line) });
        }
      }
      for (const labeled of label.lines) {
        if (labeled.class !== cls || flagged.has(labeled.line)) continue;
        classes[rule].fn++;
        misses.push({ type: 'fn', ruleId: rule, file, line: labeled.line, why: `labeled ${cls}, not flagged`, text: textOf(labeled.line) });
      }
    }
  }

  const summary = { documents: documents.length, verdicts } as EvalSummary;
  const coverage = coverageOf(documents);
  for (const [rule, s] of Object.entries(classes) as Array<[ClassRule, Omit<ClassScore, 'p' | 'r'>]>) {
    summary[rule] = { ...s, p: ratio(s.tp, s.tp + s.fp), r: ratio(s.tp, s.tp + s.fn) };
  }
  for (const [rule, s] of Object.entries(parts) as Array<[PartRule, Omit<PartScore, 'p'>]>) {
    summary[rule] = { ...s, p: ratio(s.tp, s.tp + s.fp) };
  }
  return { summary, coverage, misses };
}

function coverageOf(documents: readonly LintedDocument[]): Coverage {
  const perDocument = documents.map(({ label, statementLines }) => {
    const lines = new Set(label.lines.map((l) => l.line));
    const read = [...lines].filter((line) => statementLines?.has(line)).length;
    return { file: label.file, read, labeled: lines.size, share: ratio(read, lines.size) };
  });
  const read = perDocument.reduce((n, d) => n + d.read, 0);
  const labeled = perDocument.reduce((n, d) => n + d.labeled, 0);
  return { read, labeled, share: ratio(read, labeled), documents: perDocument };
}
