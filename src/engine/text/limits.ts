// How much text the engine checks. Parsing and judging cost grows with the
// text (a long GFM table costs far more per byte than prose), and a linter must
// never stall the editor or CI: a document past this size is refused with one
// finding that says so (rule `unchecked-section`), in well under a second,
// instead of being checked for minutes. Real PRDs and business cases are tens
// of kilobytes; this is ten times the largest we have seen.
export const MAX_DOCUMENT_CHARS = 1_250_000;

const megabytes = (chars: number) => `${(chars / 1_000_000).toFixed(1)} million characters`;

/** The refusal's message for a text of `length` characters. */
export function tooLargeMessage(length: number): string {
  return `Outcome Lens did not check this document: it is ${megabytes(length)} long, and documents are checked up to ${megabytes(MAX_DOCUMENT_CHARS)}. Split it into smaller documents (for example one per product area) to have them checked.`;
}
