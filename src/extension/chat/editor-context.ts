// The Markdown editor the chat talks about. Focus moves to the chat while the
// user types, so the last Markdown editor they used is remembered rather than
// read from activeTextEditor at send time.
import * as vscode from 'vscode';
import type { AvailableContext } from '../../chat/prompt';
import type { LintController } from '../diagnostics';

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly lints: LintController) {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** The active Markdown editor, else the last one used while it is still open. */
  current(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isMarkdown(active.document)) return active;
    const last = this.last;
    if (!last || last.document.isClosed) return undefined;
    // The editor object is replaced when its tab is reopened; prefer the visible one.
    return vscode.window.visibleTextEditors.find((editor) => editor.document === last.document) ?? last;
  }

  /** The document, selection and findings the chat may send with a question. */
  async available(): Promise<(AvailableContext & { uri: vscode.Uri }) | undefined> {
    const editor = this.current();
    if (!editor) return undefined;
    const { document } = editor;
    const findings = this.lints.resultFor(document)?.findings ?? (await this.lints.lint(document))?.findings;
    const selection = editor.selection.isEmpty ? undefined : document.getText(editor.selection);
    return {
      uri: document.uri,
      text: document.getText(),
      fileName: document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri),
      ...(selection ? { selection } : {}),
      ...(findings ? { findings } : {}),
    };
  }

  /** Puts text at the cursor (replacing a selection) of the chat's editor, or into a new Markdown document. */
  async insert(text: string): Promise<vscode.Uri> {
    const editor = this.current();
    if (!editor) {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(document);
      return document.uri;
    }
    const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const selection = shown.selection;
    await shown.edit((edit) => edit.replace(selection, text));
    shown.revealRange(new vscode.Range(selection.start, selection.start));
    return shown.document.uri;
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isMarkdown(editor.document)) this.last = editor;
  }
}

function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}
