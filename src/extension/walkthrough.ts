// The Getting Started walkthrough's commands: open the bundled example PRD as an
// untitled copy (so it can be edited and fixed without a workspace), and put the cursor
// on its first fixable finding with the quick fixes open.
import * as vscode from 'vscode';
import type { LintController } from './diagnostics';

/** Shipped in the VSIX (.vscodeignore keeps examples/*.md). */
const EXAMPLE_PRD = ['examples', 'checkout-redesign-prd.md'];

/** The example the walkthrough opened last: its next step shows a fix in this one. */
let example: vscode.TextDocument | undefined;

async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE_PRD));
  example = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(example);
}

const fixable = (lints: LintController, document: vscode.TextDocument) => lints.resultFor(document)?.findings.find((f) => f.fixes.some((fix) => fix.kind !== 'disable'));

/**
 * Puts the cursor on the first finding that has a fix, with the quick fixes open: in the
 * example the walkthrough opened, else the visible Markdown editor, else any open Markdown
 * document (the walkthrough's page may cover the example's tab), else a fresh copy of the example.
 */
async function showFirstFix(context: vscode.ExtensionContext, lints: LintController): Promise<boolean> {
  const opened = example && !example.isClosed && fixable(lints, example) ? example : undefined;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && fixable(lints, e.document));
  const open = opened ?? visible?.document ?? vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && fixable(lints, d));
  const editor = open ? await vscode.window.showTextDocument(open) : await openExample(context);
  const finding = fixable(lints, editor.document);
  if (!finding) {
    void vscode.window.showInformationMessage('Outcome Lens: no finding with a fix in this document yet; wait for the squiggles, then try again.');
    return false;
  }
  const start = new vscode.Position(finding.start.line - 1, finding.start.column - 1);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.quickFix');
  return true;
}

export function registerWalkthrough(context: vscode.ExtensionContext, lints: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('outcomeLens.openExample', () => openExample(context)),
    vscode.commands.registerCommand('outcomeLens.showFirstFix', () => showFirstFix(context, lints)),
  );
}
