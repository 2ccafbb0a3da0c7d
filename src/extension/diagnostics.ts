// Lints Markdown documents on open, edit (debounced) and save, and publishes
// diagnostics. A result is published only if the document has not changed
// since the lint started, so a slow lint never overwrites a newer one.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentKind, Finding } from '../engine';
import { LintClient } from '../worker/lint-client';
import { setting, type ConfigService } from './config';

export const SOURCE = 'outcome-lens';

export interface LintedDocument {
  version: number;
  kind: DocumentKind;
  kindReason: string;
  findings: Finding[];
  /** The lint ran past the time budget; `findings` is the one finding that says so. */
  timedOut?: boolean;
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(finding: Pick<Finding, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(finding.start.line - 1, finding.start.column - 1, finding.end.line - 1, finding.end.column - 1);
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  // A grouped finding ("7 metrics have no baseline") lists each place under it in the Problems panel.
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r)), r.message));
  }
  return diagnostic;
}

export function isLintable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled' || document.uri.scheme === 'vscode-remote');
}

export class LintController implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly results = new Map<string, LintedDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after diagnostics for a document were published (tests and the chat listen). */
  readonly onDidLint = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  private readonly client: LintClient;

  constructor(
    context: vscode.ExtensionContext,
    private readonly configs: ConfigService,
    log: (message: string) => void,
  ) {
    this.client = new LintClient(path.join(context.extensionPath, 'dist', 'lint-worker.js'), log);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || setting('run', e.document.uri) !== 'onType') return;
        this.schedule(e.document, setting('debounceMs', e.document.uri));
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      configs.onDidChange(() => this.lintOpenDocuments()),
      { dispose: () => this.client.dispose() },
    );
    this.lintOpenDocuments();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** The findings behind the current diagnostics, if they match the document's version. */
  resultFor(document: vscode.TextDocument): LintedDocument | undefined {
    const result = this.results.get(document.uri.toString());
    return result && result.version === document.version ? result : undefined;
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isLintable(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, delay),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.diagnostics.delete(uri);
  }

  /** Lint now and publish; resolves with the result (undefined if the document changed meanwhile). */
  async lint(document: vscode.TextDocument, options: { kind?: 'prd' | 'business-case' } = {}): Promise<LintedDocument | undefined> {
    if (!isLintable(document) || document.isClosed) return undefined;
    const version = document.version;
    // A text that ran past the time budget is not tried again until it changes: every config
    // change would otherwise hold the worker for the whole budget, ahead of every other document.
    const known = this.results.get(document.uri.toString());
    if (known?.timedOut && known.version === version && !options.kind) return known;
    const reply = await this.request(document.uri, document.getText(), options.kind);
    // Stale: the user typed (or closed the file) while we were linting.
    if (!reply || document.isClosed || document.version !== version) return undefined;
    const result: LintedDocument = { version, kind: reply.kind, kindReason: reply.kindReason, findings: reply.findings, ...(reply.timedOut ? { timedOut: true } : {}) };
    this.results.set(document.uri.toString(), result);
    this.publish(document.uri, reply.findings);
    return result;
  }

  /** Findings for another text of this document (Fix All's later passes), without publishing them. */
  async findingsFor(document: vscode.TextDocument, text: string): Promise<Finding[]> {
    return (await this.request(document.uri, text))?.findings ?? [];
  }

  /**
   * Lint a file as it is on disk, or its buffer when it is open. Lint Workspace must not
   * open documents just to lint them: VS Code releases those (the oldest once an extension
   * holds 60, the others after 3 minutes), and their close would clear the findings.
   */
  async lintFile(uri: vscode.Uri): Promise<Pick<LintedDocument, 'kind' | 'findings'> | undefined> {
    const openDocument = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const open = openDocument();
    if (open) return this.lint(open);
    const reply = await this.request(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    // Opened meanwhile: the document's own lint publishes for it.
    if (!reply || openDocument()) return undefined;
    this.publish(uri, reply.findings);
    return reply;
  }

  /** The worker's reply, or undefined when linting is off for this file (its diagnostics go). */
  private async request(uri: vscode.Uri, text: string, kind?: 'prd' | 'business-case') {
    if (!setting('enable', uri)) {
      this.diagnostics.delete(uri);
      return undefined;
    }
    const untitled = uri.scheme === 'untitled';
    // A config that changes while we lint makes the result stale: lint again with the new
    // one (a few times at most; a config rewritten continuously gets the last result).
    for (let attempt = 0; ; attempt++) {
      const generation = this.configs.generation;
      const { config, root } = await this.configs.forDocument(uri);
      const reply = await this.client.lint(
        text,
        {
          fileName: untitled ? undefined : path.posix.basename(uri.path),
          relativePath: root && !untitled ? path.posix.relative(root.path, uri.path) : undefined,
          config,
          ...(kind ? { kind } : {}),
        },
        // A pathological document must not hold the worker that every other document needs.
        setting('lintTimeoutSeconds', uri) * 1000,
      );
      if (generation === this.configs.generation || attempt === 2) return reply;
    }
  }

  private publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.diagnostics.set(uri, findings.map((f) => toDiagnostic(f, uri)));
    this.changed.fire(uri);
  }
}
