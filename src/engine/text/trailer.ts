// Link definitions and comments that conventionally close a document. Found by
// walking the lines back from the end, in linear time: the regex this replaces
// (`^(?:(?:<!--...-->|\[...\]:...)\s*)+(?![\s\S])`) backtracked exponentially on
// link definitions with a trailing space followed by a line of prose.
import { LineIndex } from './lines';

const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/;

/** Offset where the trailing block of link definitions and HTML comments starts, or the text's length. */
export function trailerStart(text: string, lines: LineIndex = new LineIndex(text)): number {
  let start = text.length;
  let line = lines.lineCount - 1;
  while (line >= 0) {
    const content = lines.lineText(line);
    const trimmed = content.trim();
    if (trimmed === '') {
      line--;
      continue;
    }
    if (LINK_DEFINITION.test(content)) {
      start = lines.starts[line]!;
      line--;
      continue;
    }
    if (!trimmed.endsWith('-->')) break;
    // A comment, maybe over several lines: it must start a line of its own.
    const end = lines.starts[line]! + content.lastIndexOf('-->');
    const open = text.lastIndexOf('<!--', end);
    if (open < 0) break;
    const openLine = lines.lineOf(open);
    if (text.slice(lines.starts[openLine], open).trim() !== '' || text.slice(open + 4, end).includes('-->')) break;
    start = lines.starts[openLine]!;
    line = openLine - 1;
  }
  return start;
}
