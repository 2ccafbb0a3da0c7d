// How much text the engine checks. Parsing and judging cost grows with the
// text (a long GFM table costs far more per byte than prose), and a linter must
// never stall the editor or CI: a document past this size is refused with one
// finding that says so (rule `unchecked-section`), in well under a second,
// instead of being checked for minutes. Real PRDs and business cases are tens
// of kilobytes; this is ten times the largest we have seen.
export const MAX_DOCUMENT_CHARS = 1_250_000;

/** "1,250,000 characters": digits grouped by hand, so the message does not depend on locale data. */
function characters(count: number): string {
  const digits = String(count);
  let grouped = '';
  for (let i = 0; i < digits.length; i++) grouped += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return `${grouped} characters`;
}

/** The refusal's message for a text of `length` characters. */
export function tooLargeMessage(length: number): string {
  return `Outcome Lens did not check this document: it is ${characters(length)} long, and documents are checked up to ${characters(MAX_DOCUMENT_CHARS)}. Split it into smaller documents (for example one per product area) to have them checked.`;
}
