// `/review` answers quote passages of the document; each quote found in the
// document becomes a diagnostic there, with the persona as its source, so the
// review can be read next to the text it is about.
import * as vscode from 'vscode';
import { findQuotes } from '../../chat/coach';
import { personaLabel, type Persona } from '../../chat/personas/persona';
import type { Finding } from '../../engine';

export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('outcome-lens-chat-review');

  dispose(): void {
    this.collection.dispose();
  }

  /**
   * Replaces this persona's earlier review notes on the document with the
   * quotes in `answer`; a quote whose words occur more than once is placed on
   * a `flagged` passage (the lint findings the review was grounded in) first.
   * Returns how many quotes were found in the document.
   */
  async show(uri: vscode.Uri, persona: Persona, answer: string, flagged: readonly Finding[] = []): Promise<number> {
    const document = await vscode.workspace.openTextDocument(uri);
    const source = personaLabel(persona);
    const others = (this.collection.get(uri) ?? []).filter((diagnostic) => diagnostic.source !== source);
    const preferred = flagged.map((finding) => ({ start: finding.start.offset, end: finding.end.offset }));
    const notes = findQuotes(answer, document.getText(), preferred).map((quote) => {
      const range = new vscode.Range(document.positionAt(quote.start), document.positionAt(quote.end));
      const note = quote.note.trim();
      const diagnostic = new vscode.Diagnostic(
        range,
        note || `${source} commented on this passage in the chat.`,
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = source;
      diagnostic.code = 'review';
      return diagnostic;
    });
    this.collection.set(uri, [...others, ...notes]);
    return notes.length;
  }

  clear(): void {
    this.collection.clear();
  }
}
