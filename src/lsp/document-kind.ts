// The document kind decision and its reason, for editors to show: the custom
// request `outcomeLens/documentKind`, and a hover on the document's title.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { LineIndex, type DocumentKind } from '../engine';
import { scan } from '../engine/text/scan';
import type { DocumentLint } from './document-lints';

export const DOCUMENT_KIND_REQUEST = 'outcomeLens/documentKind';

export interface DocumentKindParams {
  textDocument: { uri: string };
}

export interface DocumentKindResult {
  kind: DocumentKind;
  reason: string;
}

const KIND_NAMES: Record<DocumentKind, string> = { prd: 'a PRD', 'business-case': 'a business case', okr: 'an OKR or KPI page', none: 'not a product document' };

/** The line a title hover answers on: the first level-1 heading, else the first line (front matter or text). */
function titleLine(text: string): number {
  const found = scan(text, new LineIndex(text)).headings.find((h) => h.depth === 1);
  return found?.firstLine ?? 0;
}

export function kindHover(document: TextDocument, position: Position, result: DocumentLint): Hover | null {
  if (position.line !== titleLine(document.getText())) return null;
  return { contents: { kind: 'markdown', value: `**Outcome Lens**: ${KIND_NAMES[result.kind]} (${result.kindReason})` } };
}
