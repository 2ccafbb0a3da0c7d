// Lint results for the documents a client has open. Lints run in the lint worker
// (the VS Code extension's: its per-worker parse cache re-parses only the changed
// sections, and a lint past the time budget is cancelled by restarting the worker),
// one at a time per document; a result is kept only for the version it was made
// for, so a slow lint never overwrites a newer one.
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocumentKind, Finding } from '../engine';
import { posixRelative } from '../cli/report';
import { findingDiagnostic, sameDiagnostic } from '../editor/diagnostics';
import type { LintClient } from '../worker/lint-client';
import { filePathOf, type ServerConfigs } from './configs';
import type { ServerSettings } from './settings';

export interface DocumentLint {
  version: number;
  kind: DocumentKind;
  kindReason: string;
  findings: Finding[];
  timedOut?: boolean;
}

/** Markdown, whatever case the client spells it in (Zed and some others capitalise). */
export const isLintable = (document: Pick<TextDocument, 'languageId'>) => document.languageId.toLowerCase() === 'markdown';

export class DocumentLints {
  private readonly results = new Map<string, DocumentLint>();
  private readonly running = new Map<string, { version: number; generation: number; done: Promise<DocumentLint | undefined> }>();
  private settingsGeneration = 0;
  /** By document: the findings last turned into diagnostics, and those diagnostics, index by index. */
  private readonly diagnosticsMade = new Map<string, { findings: readonly Finding[]; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly client: LintClient,
    private readonly configs: ServerConfigs,
    private readonly settings: ServerSettings,
    /** The current version of an open document, to drop results that are stale on arrival. */
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

  /** Settings or config files changed: every result is stale. */
  invalidate(): void {
    this.settingsGeneration++;
    this.results.clear();
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.running.delete(uri);
    this.diagnosticsMade.delete(uri);
  }

  /**
   * The result's findings as diagnostics. After a keystroke in a long page nearly every
   * finding is one the last result had: the same object before the edit, one moved only in
   * offsets after it (as far from the end). Those keep the diagnostic made for it then, the
   * same object, which the message encoder then finds at once.
   */
  diagnostics(uri: string, result: DocumentLint): Diagnostic[] {
    const before = this.diagnosticsMade.get(uri);
    const fromEnd = before ? before.findings.length - result.findings.length : 0;
    const reused = (finding: Finding, at: number) => {
      const old = before?.findings[at];
      return old && sameDiagnostic(finding, old) ? before!.diagnostics[at] : undefined;
    };
    const diagnostics = result.findings.map((finding, i) => reused(finding, i) ?? reused(finding, i + fromEnd) ?? findingDiagnostic(finding, uri));
    this.diagnosticsMade.set(uri, { findings: result.findings, diagnostics });
    return diagnostics;
  }

  /** The result for this version, if there is one already. */
  known(document: TextDocument): DocumentLint | undefined {
    const result = this.results.get(document.uri);
    return result?.version === document.version ? result : undefined;
  }

  /**
   * The result for the document as it is now, linting it when needed; undefined when it is
   * not Markdown, linting is off, or it changed before the lint finished.
   */
  lint(document: TextDocument): Promise<DocumentLint | undefined> {
    if (!isLintable(document) || !this.settings.get('enable')) return Promise.resolve(undefined);
    const known = this.known(document);
    if (known) return Promise.resolve(known);
    const generation = this.generation();
    const running = this.running.get(document.uri);
    if (running?.version === document.version && running.generation === generation) return running.done;
    const done = this.run(document, generation);
    this.running.set(document.uri, { version: document.version, generation, done });
    return done;
  }

  /** Findings for another text of this document (Fix All's later passes), kept nowhere. */
  async findingsFor(document: TextDocument, text: string): Promise<Finding[]> {
    return (await this.request(document.uri, text)).findings;
  }

  private generation(): number {
    return this.settingsGeneration * 1_000_000 + this.configs.generation;
  }

  private async run(document: TextDocument, generation: number): Promise<DocumentLint | undefined> {
    const { uri, version } = document;
    const reply = await this.request(uri, document.getText());
    if (this.running.get(uri)?.version === version) this.running.delete(uri);
    // Stale: typed into, closed, or the config changed while we linted.
    if (this.current(uri)?.version !== version || this.generation() !== generation) return undefined;
    const result: DocumentLint = { version, kind: reply.kind, kindReason: reply.kindReason, findings: reply.findings, ...(reply.timedOut ? { timedOut: true } : {}) };
    this.results.set(uri, result);
    return result;
  }

  private async request(uri: string, text: string) {
    const { config, root } = await this.configs.forDocument(uri, this.settings.lintConfig());
    const path = filePathOf(uri);
    return this.client.lint(
      text,
      // The full path, as the CLI passes it, so both detect the same kind.
      { fileName: path ?? basename(uri), relativePath: path && root ? posixRelative(root, path) : undefined, config },
      // A pathological document must not hold the worker every other document needs.
      this.settings.get('lintTimeoutSeconds') * 1000,
    );
  }
}
