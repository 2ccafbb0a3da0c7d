// Fixes are data recorded at lint time; applying them is plain string surgery.
import type { Finding, TextEdit } from './types';

/** Apply non-overlapping edits (any order). Overlapping edits after the first are skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/**
 * Apply the preferred fix of each finding (or the first fix when `all` is set),
 * skipping fixes that overlap one already taken, like ESLint's --fix pass.
 */
export function applyFixes(text: string, findings: readonly Finding[], options: { all?: boolean } = {}): string {
  const edits: TextEdit[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred) ?? (options.all ? finding.fixes[0] : undefined);
    if (!fix || fix.edits.length === 0) continue;
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start)));
    if (overlaps) continue;
    edits.push(...fix.edits);
    taken.push(...fix.edits);
  }
  return applyEdits(text, edits);
}
