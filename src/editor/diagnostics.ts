// Findings and config problems as Language Server Protocol diagnostics: the one
// conversion behind the language server and the VS Code extension (which wraps
// the result in vscode classes). Plain data, no 'vscode', no Node.
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { ConfigProblem, Finding, LineIndex, Severity } from '../engine';

export const SOURCE = 'outcome-lens';

// LSP's numbers (vscode.DiagnosticSeverity counts from 0, the protocol from 1).
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** A finding's (or a related place's) range: the engine counts from 1, the protocol from 0. */
export function rangeOf(place: Pick<Finding, 'start' | 'end'>): Range {
  return {
    start: { line: place.start.line - 1, character: place.start.column - 1 },
    end: { line: place.end.line - 1, character: place.end.column - 1 },
  };
}

/** The diagnostic for a finding of the document at `uri`: rule id as code, its docs page as link. */
export function findingDiagnostic(finding: Finding, uri: string): Diagnostic {
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    message: finding.message,
    // A grouped finding ("7 metrics have no baseline") lists each place under it.
    ...(finding.related ? { relatedInformation: finding.related.map((r) => ({ location: { uri, range: rangeOf(r) }, message: r.message })) } : {}),
  };
}

const samePlace = (a: Pick<Finding, 'start' | 'end'>, b: Pick<Finding, 'start' | 'end'>) =>
  a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;

/**
 * Whether two findings of one document make the same diagnostic: everything it shows is
 * equal, offsets aside (a finding moved along a line by an edit before it, on the same
 * line and column, shows the same).
 */
export function sameDiagnostic(a: Finding, b: Finding): boolean {
  if (a === b) return true;
  if (a.ruleId !== b.ruleId || a.severity !== b.severity || a.message !== b.message || a.docsUrl !== b.docsUrl || !samePlace(a, b)) return false;
  if (!a.related || !b.related) return a.related === b.related;
  return a.related.length === b.related.length && a.related.every((r, i) => r.message === b.related![i]!.message && samePlace(r, b.related![i]!));
}

/** A problem in a config file, as an error on the offending value; `lines` indexes the file's text. */
export function configProblemDiagnostic(problem: ConfigProblem, lines: LineIndex): Diagnostic {
  const span = problem.span ?? { start: 0, end: 1 };
  const at = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line - 1, character: p.column - 1 };
  };
  return { range: { start: at(span.start), end: at(span.end) }, severity: SEVERITY.error, source: SOURCE, message: `${problem.message}. The default applies instead.` };
}

/** The part of a diagnostic a client sends back with a code action request. */
export interface DiagnosticKey {
  range: Range;
  message: string;
  source?: string;
  code?: string | number | { value: string | number };
}

/** Whether a diagnostic a client sends back stands for this finding. */
export function isDiagnosticOf(diagnostic: DiagnosticKey, finding: Finding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  // Asked of every finding of a document on each cursor move: the cheap tests first, no allocation.
  const { start, end } = diagnostic.range;
  return (
    code === finding.ruleId &&
    start.line === finding.start.line - 1 &&
    start.character === finding.start.column - 1 &&
    end.line === finding.end.line - 1 &&
    end.character === finding.end.column - 1 &&
    diagnostic.source === SOURCE &&
    diagnostic.message === finding.message
  );
}
