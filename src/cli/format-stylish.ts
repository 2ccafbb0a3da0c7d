// Terminal output: findings grouped per file with aligned columns, a line for
// each skipped file saying why, and a summary.
import type { Severity } from '../engine';
import { countFindings, oneLine, plural, type RunReport } from './report';

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green' | 'underline';
const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  underline: [4, 24],
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

export function formatStylish(report: RunReport, options: { color: boolean; quiet: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? `\x1b[${ANSI[style][0]}m${text}\x1b[${ANSI[style][1]}m` : text);
  const out: string[] = [];
  let total = 0;
  let errors = 0;
  let infos = 0;
  for (const file of report.files) {
    const findings = file.findings;
    if (findings.length === 0) continue;
    total += findings.length;
    errors += countFindings(findings).errors;
    infos += findings.filter((f) => f.severity === 'info').length;
    // Pad before painting: escape codes would throw the widths off.
    const rows = findings.map((f) => [`${f.start.line}:${f.start.column}`, f.severity, oneLine(f.message), f.ruleId, f.related ?? []] as const);
    // A loop, not Math.max(...rows): spreading 100,000+ findings overflows the call stack.
    const widest = (i: 0 | 1) => rows.reduce((w, r) => Math.max(w, r[i].length), 0);
    const posWidth = widest(0);
    const sevWidth = widest(1);
    out.push(paint('underline', file.displayPath));
    for (const [pos, severity, message, ruleId, related] of rows) {
      out.push(`  ${paint('dim', pos.padEnd(posWidth))}  ${paint(SEVERITY_STYLE[severity], severity.padEnd(sevWidth))}  ${message}  ${paint('dim', ruleId)}`);
      // Each place a grouped finding stands for, indented under it, so none is lost in the terminal.
      for (const r of related) out.push(`  ${' '.repeat(posWidth + sevWidth + 4)}${paint('dim', `${r.start.line}:${r.start.column}`)} ${oneLine(r.message)}`);
    }
    out.push('');
  }
  const skippedFiles = report.files.filter((f) => f.skipped !== undefined);
  if (!options.quiet && skippedFiles.length) {
    for (const file of skippedFiles) out.push(paint('dim', `${file.displayPath} skipped: ${file.skipped}`));
    out.push('');
  }

  const warnings = total - errors - infos;
  const skipped = skippedFiles.length;
  const fixedFiles = report.files.filter((f) => f.fixed).length;
  const removed = report.files.reduce((sum, f) => sum + (f.fixed ?? 0), 0);
  const fixed = fixedFiles ? `; --fix removed ${plural(removed, 'problem')} in ${plural(fixedFiles, 'file')}` : '';
  const checked = `${plural(report.files.length - skipped, 'file')} checked${skipped ? `, ${skipped} skipped` : ''}${fixed}`;
  if (total === 0 && report.problems.length) {
    // The errors on stderr are the whole story: no "no problems" after them.
    if (report.files.length) out.push(paint('red', paint('bold', `✖ no findings, but the run had errors (above); ${checked}`)));
  } else if (total === 0) {
    out.push(paint('green', `✔ no problems; ${checked}`));
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [`${infos} info`] : [])];
    out.push(paint(errors ? 'red' : 'yellow', paint('bold', `✖ ${plural(total, 'problem')} (${parts.join(', ')}); ${checked}`)));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
