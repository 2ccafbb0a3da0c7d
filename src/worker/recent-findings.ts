// The last findings of the documents linted most recently, by document, on each side
// of the worker thread: what the next reply for a document can be a delta against.
// Only a few documents are typed in at once; the rest would only hold memory.
import type { Finding } from '../engine';

/** Documents remembered on each side. */
const DOCUMENTS = 8;

export interface SentFindings {
  /** The reply they were sent in. */
  id: number;
  findings: readonly Finding[];
  /** The text's length and line breaks, for the shift of the next version (kept by the worker). */
  length?: number;
  lines?: number;
}

export class RecentFindings {
  private readonly byDocument = new Map<string, SentFindings>();

  get(document: string): SentFindings | undefined {
    return this.byDocument.get(document);
  }

  set(document: string, sent: SentFindings): void {
    this.byDocument.delete(document);
    this.byDocument.set(document, sent);
    for (const [oldest] of this.byDocument) {
      if (this.byDocument.size <= DOCUMENTS) break;
      this.byDocument.delete(oldest);
    }
  }
}
