// One file's share of `outcome-lens lint`: lint a text that was read, apply
// --fix, and say what came of it as plain data. The same function runs in the
// CLI's own thread and in the worker pool (src/cli/pool.ts), so both give the
// same results; what goes to stderr is returned, and the caller prints it in
// file order.
import { Linter, type DocumentKind, type Finding, type ResolvedConfig } from '../engine';
import type { DocumentRead } from '../node/files';
import { fixFile } from './fix-file';

type TextRead = Extract<DocumentRead, { kind: 'text' }>;

/** Everything needed to lint one file: structured-clonable, so it can cross to a worker. */
export interface FileJob {
  path: string;
  read: TextRead;
  /** Path relative to the config's folder, for documents.include/exclude. */
  relativePath: string;
  config: ResolvedConfig;
  kind: 'auto' | 'prd' | 'business-case' | 'okr' | undefined;
  fix: boolean;
}

/** What linting a file gave: findings (before --quiet), or the message of a crash. */
export type FileOutcome =
  | {
      ok: true;
      kind: DocumentKind;
      kindReason: string;
      /** Whether the engine built a model (it does not for a file excluded by config). */
      modelled: boolean;
      findings: Finding[];
      /** How many findings are errors and how many are not, when known without reading the findings (a cached result). */
      counts?: { errors: number; warnings: number };
      /** Edits --fix wrote. */
      fixed: number;
      /** A --fix that was not written, and why (one line for stderr). */
      fixProblem?: string;
    }
  | { ok: false; error: string };

/**
 * A Linter of its own for each file: its parse cache and section memo serve
 * the editor, which lints one document again and again; in a run over distinct
 * files they never hit across files, and keeping them only made every
 * garbage collection copy them (about 7% of the CPU time of a run over 600
 * documents). Within the file they still serve --fix, which lints it again.
 */
export async function lintFile(job: FileJob): Promise<FileOutcome> {
  const linter = new Linter();
  // The CLI prints no "disable here" fixes; leaving them out halves what crosses threads and what the cache holds.
  const options = { fileName: job.path, relativePath: job.relativePath, config: job.config, kind: job.kind, disableFixes: false };
  try {
    let result = linter.lint(job.read.text, options);
    let fixed = 0;
    let fixProblem: string | undefined;
    if (job.fix && result.kind !== 'none') {
      const outcome = await fixFile(job.path, job.read, result.findings, (text) => linter.lint(text, options).findings);
      fixProblem = outcome.problem;
      if (outcome.text !== undefined) {
        fixed = outcome.fixed;
        result = linter.lint(outcome.text, options);
      }
    }
    return { ok: true, kind: result.kind, kindReason: result.kindReason, modelled: result.model !== undefined, findings: result.findings, fixed, ...(fixProblem ? { fixProblem } : {}) };
  } catch (error) {
    // A bug, not the user's fault; the other files are still worth linting.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether --fix would change a file with these findings (a cached result without such fixes needs no lint). */
export function wantsFix(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.fixes.some((fix) => fix.isPreferred && fix.kind !== 'disable' && fix.edits.length > 0));
}
