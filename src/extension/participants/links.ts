// After an answer: anchors to the passages it quotes, buttons that apply the document's
// quick fixes (through the code-action provider, so the edit is the one the light bulb
// offers) or open the template it drafted.
import * as vscode from 'vscode';
import { findQuotes } from '../../chat/coach';
import type { Finding } from '../../engine/types';

export const APPLY_FIX_COMMAND = 'outcomeLens.applyFindingFix';
/** Buttons after one answer: enough to act on, few enough to read. */
const MAX_FIX_BUTTONS = 3;

export interface FixTarget {
  uri: string;
  /** 1-based, as findings count lines. */
  line: number;
  column: number;
  title: string;
}

/** One anchor per passage of the document the answer quotes, in the answer's order. */
export function anchorQuotes(stream: vscode.ChatResponseStream, document: vscode.TextDocument, answer: string): number {
  const quotes = findQuotes(answer, document.getText());
  if (quotes.length === 0) return 0;
  stream.markdown('\n\n**Passages discussed:** ');
  for (const quote of quotes) {
    const range = new vscode.Range(document.positionAt(quote.start), document.positionAt(quote.end));
    stream.anchor(new vscode.Location(document.uri, range), `line ${range.start.line + 1}`);
    stream.markdown(' ');
  }
  return quotes.length;
}

/** Buttons for the first findings that have a fix of their own (not just "disable here"). */
export function fixButtons(stream: vscode.ChatResponseStream, uri: vscode.Uri, findings: readonly Finding[]): number {
  const fixable = findings.filter((f) => f.fixes.some((fix) => fix.kind !== 'disable')).slice(0, MAX_FIX_BUTTONS);
  for (const finding of fixable) {
    const fix = finding.fixes.find((candidate) => candidate.kind !== 'disable')!;
    const target: FixTarget = { uri: uri.toString(), line: finding.start.line, column: finding.start.column, title: fix.title };
    stream.button({ command: APPLY_FIX_COMMAND, title: `${fix.title} (line ${finding.start.line})`, arguments: [target] });
  }
  return fixable.length;
}

/** Applies the quick fix titled `title` at the finding's position, if the light bulb still offers it there. */
export async function applyFindingFix(target: FixTarget): Promise<boolean> {
  const uri = vscode.Uri.parse(target.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const at = new vscode.Position(target.line - 1, target.column - 1);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
  const action = actions.find((candidate) => candidate.title === target.title && candidate.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(`Outcome Lens: "${target.title}" no longer applies to line ${target.line}; the document has changed.`);
    return false;
  }
  await vscode.window.showTextDocument(document);
  return vscode.workspace.applyEdit(action.edit);
}
