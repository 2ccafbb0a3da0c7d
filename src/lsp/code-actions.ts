// textDocument/codeAction for the server: each finding's quick fixes and disable
// comments (listed by src/editor/code-actions.ts, as in VS Code), and Fix All
// through the engine's fixAllPasses, the function behind the CLI's --fix.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams } from 'vscode-languageserver';
import type { CodeAction, Range, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { disableFixesOf, findingActions, FIX_ALL_KIND, QUICK_FIX_KIND, wantsFixAll, wantsQuickFixes } from '../editor/code-actions';
import { findingDiagnostic, isDiagnosticOf, rangeOf } from '../editor/diagnostics';
import { fixAllPasses, type Finding, type TextEdit } from '../engine';
import type { DocumentLint, DocumentLints } from './document-lints';

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);

function lspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
}

export class ServerCodeActions {

  constructor(private readonly lints: DocumentLints) {}

  async provide(document: TextDocument, params: CodeActionParams, result: DocumentLint): Promise<CodeAction[]> {
    const only = params.context.only;
    if (wantsFixAll(only)) return this.fixAll(document, result.findings);
    if (!wantsQuickFixes(only)) return [];
    // The client's diagnostics name the findings; a client that sends none (or stale ones) gets those under the cursor.
    const named = result.findings.filter((f) => params.context.diagnostics.some((d) => isDiagnosticOf(d, f)));
    const findings = named.length ? named : result.findings.filter((f) => overlaps(rangeOf(f), params.range));
    const actions = findings.flatMap((finding) => this.quickFixes(document, finding));
    // A plain "what can I do here" request lists Fix All too, as vale-ls users expect a source action in the menu.
    return only === undefined && actions.length ? [...actions, ...(await this.fixAll(document, result.findings))] : actions;
  }

  private quickFixes(document: TextDocument, finding: Finding): CodeAction[] {
    const text = document.getText();
    const diagnostic = findingDiagnostic(finding, document.uri);
    return findingActions(text, finding, disableFixesOf(text, finding)).map((action) => ({
      title: action.title,
      kind: QUICK_FIX_KIND,
      diagnostics: [diagnostic],
      isPreferred: action.isPreferred,
      edit: { changes: { [document.uri]: lspEdits(document, action.edits) } },
    }));
  }

  private async fixAll(document: TextDocument, findings: readonly Finding[]): Promise<CodeAction[]> {
    const version = document.version;
    const { edits } = await fixAllPasses(document.getText(), findings, (text) => this.lints.findingsFor(document, text));
    // Offsets of an older text would land in the wrong places.
    if (edits.length === 0 || document.version !== version) return [];
    return [{ title: 'Fix all Outcome Lens problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: lspEdits(document, edits) } } }];
  }
}
