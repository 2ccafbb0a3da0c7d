// Linter commands: lint the whole workspace, mark a file's kind, open rule docs.
import * as vscode from 'vscode';
import { lineBreakOf, ruleById, rules, type DocumentKind } from '../engine';
import type { LintController } from './diagnostics';

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const SKIP_GLOB = '**/{node_modules,.git,dist,out}/**';

async function lintWorkspace(lints: LintController): Promise<void> {
  const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, SKIP_GLOB);
  let documents = 0;
  let findings = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Outcome Lens: linting workspace', cancellable: true },
    async (progress, token) => {
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        try {
          const result = await lints.lintFile(uri);
          if (result && result.kind !== 'none') {
            documents++;
            findings += result.findings.length;
          }
        } catch (error) {
          lints.diagnostics.set(uri, [
            new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Outcome Lens could not read this file: ${error instanceof Error ? error.message : String(error)}`, vscode.DiagnosticSeverity.Warning),
          ]);
        }
      }
    },
  );
  void vscode.window.showInformationMessage(
    `Outcome Lens: ${documents} product document${documents === 1 ? '' : 's'} of ${files.length} Markdown file${files.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'} (see the Problems panel).`,
  );
}

/** The kinds a user can mark a file as (`none` is what detection is for). */
export type MarkedKind = Exclude<DocumentKind, 'none'>;

/** Records the kind in front matter (`type: prd`), so the CLI and teammates see it too. */
export function setKindEdit(text: string, kind: MarkedKind): { start: number; end: number; text: string } {
  const nl = lineBreakOf(text);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(bom));
  if (!fm) return { start: bom, end: bom, text: `---${nl}type: ${kind}${nl}---${nl}` };
  const body = fm[1]!;
  const typeLine = /^(type|doc_type)[ \t]*:.*$/m.exec(body);
  const bodyStart = bom + fm[0].indexOf(body);
  if (typeLine) return { start: bodyStart + typeLine.index, end: bodyStart + typeLine.index + typeLine[0].length, text: `${typeLine[1]}: ${kind}` };
  return { start: bodyStart, end: bodyStart, text: `type: ${kind}${nl}` };
}

async function setKind(lints: LintController, kind: MarkedKind): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Outcome Lens: open a Markdown file first.');
    return;
  }
  const { document } = editor;
  const e = setKindEdit(document.getText(), kind);
  await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text));
  await lints.lint(document);
}

async function showRuleDocs(context: vscode.ExtensionContext, ruleId: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    id = (await vscode.window.showQuickPick(rules.map((r) => ({ label: r.meta.id, detail: r.meta.description }))))?.label;
  }
  if (!id || !ruleById(id)) return;
  // The docs ship inside the extension, so they open offline, as a rendered preview.
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  // Locked, so going back to the document does not turn the preview into a preview of it.
  await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', page);
}

export function registerLintCommands(context: vscode.ExtensionContext, lints: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('outcomeLens.lintWorkspace', () => lintWorkspace(lints)),
    vscode.commands.registerCommand('outcomeLens.treatAsPrd', () => setKind(lints, 'prd')),
    vscode.commands.registerCommand('outcomeLens.treatAsBusinessCase', () => setKind(lints, 'business-case')),
    vscode.commands.registerCommand('outcomeLens.treatAsOkr', () => setKind(lints, 'okr')),
    vscode.commands.registerCommand('outcomeLens.showRuleDocs', (ruleId: unknown) => showRuleDocs(context, ruleId)),
  );
}
