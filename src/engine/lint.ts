// Lint orchestration: model -> kind -> rules -> suppressions -> findings.
// A rule that throws becomes a finding that says so; it never takes the lint
// down (remark-lint's habit).
import { documentsMatch } from './config/documents';
import { classifyFix } from './fixes';
import { defaultConfig, type ResolvedConfig } from './config/resolve';
import { detectKind } from './kind';
import { ruleDocsUrl } from './meta';
import { buildModel } from './model/build';
import { SectionMemo } from './memo/section-memo';
import { ParseCache } from './parse';
import { rules } from './rules';
import type { Report } from './rules/rule';
import { findControlComments, Suppressions } from './text/controls';
import { disablers } from './text/disable-fix';
import { MAX_DOCUMENT_CHARS, tooLargeMessage } from './text/limits';
import type { DocumentKind, DocumentModel, Finding, Fix, Severity } from './types';

export interface LintOptions {
  /** File name or path, used for kind detection and shown nowhere else. */
  fileName?: string;
  /** Path relative to the config file's folder, for `documents.include/exclude` globs. */
  relativePath?: string;
  config?: ResolvedConfig;
  /** Overrides the config's kind; `auto` detects. */
  kind?: 'auto' | 'prd' | 'business-case' | 'okr';
  /**
   * Add the "disable this rule here" fixes to every finding (default true). Callers that
   * send findings across a thread leave them out, they are half the payload and derivable
   * from the text later (`disableFixesAt`).
   */
  disableFixes?: boolean;
}

export interface LintResult {
  kind: DocumentKind;
  /** Why the kind was chosen, or why the file was skipped. */
  kindReason: string;
  findings: Finding[];
  /**
   * The document as the rules read it. Read it before its Linter lints again: the next lint
   * moves what this one derived for the sections it did not touch, in place, to where they stand in its text.
   */
  model: DocumentModel | undefined;
}

/** Holds the parse cache and the section memo, so linting the same document again re-parses and re-derives only changed sections. */
export class Linter {
  private readonly cache: ParseCache;
  private readonly memo: SectionMemo;

  constructor(options: { cacheChars?: number } = {}) {
    this.cache = new ParseCache(options.cacheChars);
    this.memo = new SectionMemo(options.cacheChars);
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    const config = options.config ?? defaultConfig();
    const listed = options.relativePath ? documentsMatch(options.relativePath, config.documents) : undefined;
    if (listed === 'exclude') return { kind: 'none', kindReason: 'excluded by documents.exclude', findings: [], model: undefined };

    const model = buildModel(text, { fileName: options.fileName, sectionAliases: config.sectionAliases, cache: this.cache, memo: this.memo });
    const decision = detectKind(model, { setting: options.kind ?? config.kind, included: listed === 'include' });
    if (decision.kind === 'none') return { kind: 'none', kindReason: decision.reason, findings: [], model };
    const kind = decision.kind;
    if (text.length > MAX_DOCUMENT_CHARS) return { kind, kindReason: decision.reason, findings: refusal(text, config), model };

    const suppressions = new Suppressions(findControlComments(text, model.codeSpans, model.lineOf));
    const findings: Finding[] = [];
    const disable = options.disableFixes === false ? undefined : disablers(model);
    const silenced = (ruleId: string, offset: number) => suppressions.isSuppressed(ruleId, offset, model.lineOf(offset));
    const push = (ruleId: string, severity: Severity, grouped: Report) => {
      let report: Report | undefined = grouped;
      // A grouped report whose places are partly silenced is made again from the places left.
      if (grouped.related && grouped.regroup) {
        const kept = grouped.related.flatMap((place, i) => (silenced(ruleId, place.span.start) ? [] : [i]));
        if (kept.length < grouped.related.length) report = kept.length ? grouped.regroup(kept) : undefined;
      }
      if (!report) return;
      const start = model.position(report.span.start);
      if (suppressions.isSuppressed(ruleId, report.span.start, start.line - 1)) return;
      // Written out, not spread: a long page makes thousands of findings on every lint.
      const fixes: Fix[] = [];
      if (report.fixes) for (const fix of report.fixes) fixes.push(classifyFix(fix));
      if (disable) fixes.push(disable.line(ruleId, start.line - 1), disable.file(ruleId));
      const finding: Finding = {
        ruleId,
        severity,
        message: report.message,
        start,
        end: model.position(Math.max(report.span.end, report.span.start)),
        fixes,
        docsUrl: ruleDocsUrl(ruleId),
      };
      if (report.related?.length) {
        finding.related = report.related.map((r) => ({ message: r.message, start: model.position(r.span.start), end: model.position(Math.max(r.span.end, r.span.start)) }));
      }
      findings.push(finding);
    };

    for (const rule of rules) {
      const setting = config.rules[rule.meta.id] ?? { severity: rule.meta.defaultSeverity, options: {} };
      if (setting.severity === 'off' || !rule.meta.kinds.includes(kind)) continue;
      const severity = setting.severity;
      try {
        rule.check({ model, kind, options: setting.options, config, report: (r) => push(rule.meta.id, severity, r) });
      } catch (error) {
        push(rule.meta.id, 'warning', {
          span: { start: 0, end: 0 },
          message: `Outcome Lens could not finish rule ${rule.meta.id} on this document (${error instanceof Error ? error.message : String(error)}). Other rules still ran; please report this.`,
        });
      }
    }
    findings.sort((a, b) => a.start.offset - b.start.offset || a.ruleId.localeCompare(b.ruleId));
    return { kind, kindReason: decision.reason, findings, model };
  }
}

/** The one finding for a document too large to check (none when `unchecked-section` is off). */
function refusal(text: string, config: ResolvedConfig): Finding[] {
  const severity = config.rules['unchecked-section']?.severity ?? 'info';
  if (severity === 'off') return [];
  const at = { line: 1, column: 1, offset: 0 };
  return [{ ruleId: 'unchecked-section', severity, message: tooLargeMessage(text.length), start: at, end: at, fixes: [], docsUrl: ruleDocsUrl('unchecked-section') }];
}

/** Lint once, without keeping a cache. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return new Linter().lint(text, options);
}
