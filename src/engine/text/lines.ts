// Offsets <-> line/column, built once per text. Line breaks are \n, \r\n or \r
// (a lone \r is rare but real in documents pasted from old tools).
import type { Position } from '../types';
import { lowerBound } from './sorted';

/** How many line feeds `text` holds between `from` and `to`, found natively. */
export function lineFeeds(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The text's line break for inserted lines: CRLF when it uses CRLF, CR when it uses only lone CRs, else LF. */
export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(
    readonly text: string,
    known?: number[],
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      // Line feeds only (nearly every document): found natively, not character by character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The index of `text` made from `previous`, the index of a text whose first `sameUntil`
   * characters and whose characters from `sameFrom` on (counted in `text`) are `text`'s: the
   * line starts on either side are taken over, and only the changed stretch is read.
   */
  static edited(text: string, previous: LineIndex, sameUntil: number, sameFrom: number): LineIndex {
    const old = previous.starts;
    const shift = text.length - previous.text.length;
    const starts: number[] = [0];
    // A start is decided by the break before it and, after a CR, the character at it: both
    // lie in the unchanged start for starts before `sameUntil`, in the unchanged end for
    // starts after `sameFrom`.
    let k = 1;
    for (; k < old.length && old[k]! < sameUntil; k++) starts.push(old[k]!);
    for (let i = Math.max(0, sameUntil - 1); i < sameFrom && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 >= Math.max(1, sameUntil) && i + 1 <= sameFrom) starts.push(i + 1);
    }
    for (k = lowerBound(old, sameFrom - shift + 1); k < old.length; k++) starts.push(old[k]! + shift);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset`. */
  lineOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.starts[line]! + 1, offset: clamped };
  }
}
