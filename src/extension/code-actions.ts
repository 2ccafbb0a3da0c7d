// Quick fixes come from the findings recorded at lint time (vscode-eslint's
// habit): the provider only maps them to edits for the same document version.
import * as vscode from 'vscode';
import { BUILTIN_PERSONAS } from '../chat/personas/builtin';
import { personaLabel } from '../chat/personas/persona';
import { disableFixesOf, findingActions, FIX_ALL_KIND as FIX_ALL_KIND_ID, wantsFixAll, wantsQuickFixes, type FindingAction } from '../editor/code-actions';
import { isDiagnosticOf } from '../editor/diagnostics';
import { fixAllPasses, snippetOf, type Finding, type TextEdit } from '../engine';
import type { LintController } from './diagnostics';
import { FIX_APPLIED_COMMAND } from './progress';

export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND_ID);

function rangeOf(document: vscode.TextDocument, e: TextEdit): vscode.Range {
  return new vscode.Range(document.positionAt(e.start), document.positionAt(e.end));
}

/** Plain edits of only the ranges that change, so the cursor and the rest of the document stay put. */
function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, rangeOf(document, e), e.text);
  return edit;
}

/**
 * One quick fix's or suggestion's edits. An inserted block with placeholders ("[baseline]") goes
 * in as a snippet: each placeholder a tab stop, the first one selected, so filling it in is typing.
 */
function quickFixEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const snippets = edits.map((e) => (e.start === e.end ? snippetOf(e.text) : undefined));
  // VS Code runs one snippet session at a time: a fix with several placeholder blocks stays plain text.
  if (snippets.filter(Boolean).length !== 1) return workspaceEdit(document, edits);
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map((e, i) => {
      const snippet = snippets[i];
      return snippet ? new vscode.SnippetTextEdit(rangeOf(document, e), new vscode.SnippetString(snippet)) : new vscode.TextEdit(rangeOf(document, e), e.text);
    }),
  );
  return edit;
}

export class OutcomeLensCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** The document's text for its current version: getText() copies a 1 MB document each time it is asked. */
  private text: { uri: string; version: number; text: string } | undefined;

  constructor(private readonly lints: LintController) {}

  private actionsOf(document: vscode.TextDocument, finding: Finding): FindingAction[] {
    const uri = document.uri.toString();
    if (this.text?.uri !== uri || this.text.version !== document.version) this.text = { uri, version: document.version, text: document.getText() };
    return findingActions(this.text.text, finding, disableFixesOf(this.text.text, finding));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const result = this.lints.resultFor(document);
    if (!result) return [];
    // "Fix All" asks for source.fixAll, which contains our kind; a request for exactly our kind counts too.
    const only = context.only ? [context.only.value] : undefined;
    if (wantsFixAll(only)) return this.fixAll(document, result.findings);
    if (!wantsQuickFixes(only)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const finding = result.findings.find((f) => isDiagnosticOf({ range: diagnostic.range, message: diagnostic.message, source: diagnostic.source, code }, f));
      if (!finding) continue;
      for (const fix of this.actionsOf(document, finding)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        action.edit = fix.kind === 'disable' ? workspaceEdit(document, fix.edits) : quickFixEdit(document, fix.edits);
        if (fix.kind !== 'disable') action.command = { title: fix.title, command: FIX_APPLIED_COMMAND };
        actions.push(action);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: 'outcomeLens.showRuleDocs', arguments: [finding.ruleId] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);
      for (const persona of BUILTIN_PERSONAS) {
        const ask = new vscode.CodeAction(`Ask ${personaLabel(persona)} about this`, vscode.CodeActionKind.QuickFix);
        ask.command = { title: ask.title, command: 'outcomeLens.askAboutFinding', arguments: [{ uri: document.uri.toString(), ruleId: finding.ruleId, message: finding.message, line: finding.start.line, personaId: persona.id }] };
        ask.diagnostics = [diagnostic];
        actions.push(ask);
      }
    }
    return actions;
  }

  private async fixAll(document: vscode.TextDocument, findings: readonly Finding[]): Promise<vscode.CodeAction[]> {
    // The CLI's --fix runs the same engine function, so both change a document alike: safe
    // fixes only, never a suggestion, and no pass that leaves more findings. Later passes (a fix
    // that makes another possible) are linted in the worker like any text.
    const version = document.version;
    const { edits } = await fixAllPasses(document.getText(), findings, (text) => this.lints.findingsFor(document, text));
    if (edits.length === 0 || document.version !== version) return [];
    const action = new vscode.CodeAction('Fix all Outcome Lens problems', FIX_ALL_KIND);
    action.edit = workspaceEdit(document, edits);
    action.command = { title: action.title, command: FIX_APPLIED_COMMAND };
    return [action];
  }
}
