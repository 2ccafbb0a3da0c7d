// ESLint's JSON formatter shape, so tools that read ESLint results read ours.
import type { Finding } from '../engine';
import { countFindings, type RunReport } from './report';

/** What `--fix` would apply: a preferred safe fix; suggestions need a person, as in ESLint. */
function hasAutoFix(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.isPreferred && fix.kind === undefined);
}

export function formatJson(report: RunReport): string {
  const results = report.files.map((file) => {
    const findings = file.findings;
    const { errors, warnings } = countFindings(findings);
    const fixable = findings.filter(hasAutoFix);
    const fixableErrors = fixable.filter((f) => f.severity === 'error').length;
    return {
      filePath: file.path,
      messages: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity === 'error' ? 2 : 1,
        message: f.message,
        line: f.start.line,
        column: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
        // The places a grouped finding stands for, in the same shape (ESLint has no such field; readers ignore it).
        ...(f.related ? { related: f.related.map((r) => ({ message: r.message, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column })) } : {}),
      })),
      errorCount: errors,
      warningCount: warnings,
      fixableErrorCount: fixableErrors,
      fixableWarningCount: fixable.length - fixableErrors,
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
}
