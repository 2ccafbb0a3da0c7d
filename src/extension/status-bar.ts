// The status bar item for Markdown files: the kind Outcome Lens decided on and the
// number of findings. Clicking it offers to change the kind or open the Problems panel.
import * as vscode from 'vscode';
import type { DocumentKind } from '../engine';
import { setting } from './config';
import { isLintable, type LintController, type LintedDocument } from './diagnostics';

export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  prd: 'PRD',
  'business-case': 'Business case',
  okr: 'OKR page',
  none: 'Not a product document',
};

const MENU_COMMAND = 'outcomeLens.statusBarMenu';

/** The item's text for a lint result: the kind, and the findings when it is a product document. */
export function statusText(result: Pick<LintedDocument, 'kind' | 'findings'>): string {
  const label = KIND_LABELS[result.kind];
  if (result.kind === 'none') return `$(book) ${label}`;
  const count = result.findings.length;
  return `$(book) ${label}: ${count} finding${count === 1 ? '' : 's'}`;
}

export interface MenuItem extends vscode.QuickPickItem {
  command: string;
}

/** The menu for a document of `kind`: each kind it can be marked as (the current one says so), then the Problems panel. */
export function menuItems(kind: DocumentKind | undefined): MenuItem[] {
  const current = (k: DocumentKind) => (kind === k ? 'current' : undefined);
  return [
    { label: '$(file-text) Treat as a PRD', command: 'outcomeLens.treatAsPrd', description: current('prd') },
    { label: '$(briefcase) Treat as a business case', command: 'outcomeLens.treatAsBusinessCase', description: current('business-case') },
    { label: '$(target) Treat as an OKR page', command: 'outcomeLens.treatAsOkr', description: current('okr') },
    { label: '$(warning) Open the Problems panel', command: 'workbench.actions.view.problems' },
  ];
}

async function showMenu(lints: LintController): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const items = menuItems(document && lints.resultFor(document)?.kind);
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Outcome Lens: change the document kind or see the findings' });
  if (picked) await vscode.commands.executeCommand(picked.command);
}

/** Shows the item for the active Markdown editor; logs each document's kind when it is decided or changes. */
export function registerStatusBar(context: vscode.ExtensionContext, lints: LintController, log: (message: string) => void): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('outcomeLens.kind', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Outcome Lens document kind';
  item.command = MENU_COMMAND;
  const loggedKinds = new Map<string, DocumentKind>();

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    // With linting off for the file no result will come, so there is nothing to show.
    if (!document || !isLintable(document) || !setting('enable', document.uri)) {
      item.hide();
      return;
    }
    const result = lints.resultFor(document);
    // Between an edit and its lint the last text would be wrong; say it is being checked.
    item.text = result ? statusText(result) : '$(sync~spin) Outcome Lens';
    item.tooltip = result ? `Outcome Lens: ${KIND_LABELS[result.kind]} (${result.kindReason}). Click to change the kind or open the Problems panel.` : 'Outcome Lens is checking this document';
    item.show();
  };

  const logKind = (uri: vscode.Uri) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const result = document && lints.resultFor(document);
    if (!result || loggedKinds.get(uri.toString()) === result.kind) return;
    loggedKinds.set(uri.toString(), result.kind);
    log(`kind of ${vscode.workspace.asRelativePath(uri)}: ${KIND_LABELS[result.kind]} (${result.kindReason})`);
  };

  context.subscriptions.push(
    item,
    vscode.commands.registerCommand(MENU_COMMAND, () => showMenu(lints)),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('outcomeLens.enable')) update();
    }),
    lints.onDidLint((uri) => {
      logKind(uri);
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => loggedKinds.delete(d.uri.toString())),
  );
  update();
  return item;
}
