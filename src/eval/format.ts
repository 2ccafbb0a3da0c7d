// How `npm run eval` prints a run: a table for people, score.mjs's JSON for machines.
import { CLASS_RULES, PART_RULES, VERDICT_RULE, type ClassRule, type Miss, type PartRule } from './score';
import type { EvalRun } from './run';

const TEXT_WIDTH = 100;

function describeMiss(miss: Miss): string {
  const where = miss.line === undefined ? miss.file : `${miss.file}:${miss.line}`;
  const text = miss.text.trim();
  const shown = text.length > TEXT_WIDTH ? `${text.slice(0, TEXT_WIDTH - 1)}…` : text;
  return `  ${miss.type.toUpperCase().padEnd(7)} ${miss.ruleId} ${where} (${miss.why})${shown ? `\n            ${shown}` : ''}`;
}

const figure = (n: number) => n.toFixed(2).padStart(9);
const count = (n: number | undefined) => (n === undefined ? '-' : String(n)).padStart(5);

export function formatText(run: EvalRun, options: { verbose: boolean; source: string }): string {
  const { summary } = run;
  const out: string[] = [];
  if (options.verbose) {
    out.push(`misses (${run.misses.length}):`, ...run.misses.map(describeMiss), '');
    out.push('statement coverage by document:', ...run.coverage.documents.map((d) => `  ${d.share.toFixed(2)} ${String(d.read).padStart(4)}/${String(d.labeled).padEnd(4)} ${d.file}`), '');
  }
  out.push(`${summary.documents} documents (${options.source})`, '');
  out.push(`${'rule'.padEnd(26)}precision   recall    tp    fp    fn`);
  for (const rule of Object.keys(CLASS_RULES) as ClassRule[]) {
    const s = summary[rule];
    out.push(`${rule.padEnd(26)}${figure(s.p)}${figure(s.r)} ${count(s.tp)} ${count(s.fp)} ${count(s.fn)}`);
  }
  for (const rule of Object.keys(PART_RULES) as PartRule[]) {
    const s = summary[rule];
    out.push(`${rule.padEnd(26)}${figure(s.p)}${'-'.padStart(9)} ${count(s.tp)} ${count(s.fp)} ${count(undefined)}`);
  }
  out.push(
    '',
    `${VERDICT_RULE}: ${summary.verdicts}/${summary.documents} document verdicts right`,
    `statement coverage: ${run.coverage.share.toFixed(2)} (${run.coverage.read} of ${run.coverage.labeled} labeled lines read as success statements)`,
    'metric-missing-*: precision of findings on labeled lines that are not outputs (a finding where the line states the part is an FP)',
  );
  return `${out.join('\n')}\n`;
}

/** score.mjs's `--json` object; `--verbose` adds the misses. */
export function formatJson(run: EvalRun, options: { verbose: boolean }): string {
  return `${JSON.stringify(options.verbose ? { ...run.summary, misses: run.misses } : run.summary)}\n`;
}
