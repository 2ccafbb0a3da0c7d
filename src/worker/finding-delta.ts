// A lint reply as a delta against the previous reply for the same document. After a
// keystroke in a 1 MB page most of its thousands of findings are the ones sent last
// time: those before the edit exactly, those after it moved by the length of the
// edit (offsets) and by the lines it added or removed. Sending a reference instead of
// the finding spares the worker's JSON, the copy across threads and the client's
// parse. Each reference is checked against the finding just computed, so a delta
// always rebuilds exactly the findings a full reply would carry.
import type { Finding, Fix, Position, RelatedPlace, TextEdit } from '../engine';
import { movedFix } from '../engine/fixes';
import { lineFeeds } from '../engine/text/lines';

/** How far the text after an edit moved: characters and lines. */
export interface Shift {
  offset: number;
  line: number;
}

/** How each finding of a reply is made: a reference to the base reply's finding, or the next literal one. */
export interface FindingPlan {
  /** Per finding: `k >= 0` the base's finding k as it is, `k <= -2` the base's finding `-k - 2` shifted, -1 the next literal. */
  refs: number[];
  literals: Finding[];
  shift: Shift;
}

const LITERAL = -1;
const shiftedRef = (k: number) => -k - 2;

/**
 * `T` when the comparison and the shift below handle every one of its fields, else never:
 * a field added to a finding fails the type check here until they handle it too, so a
 * delta can never drop a field, or keep a stale one.
 */
type Handled<T, Fields extends keyof T> = [Exclude<keyof T, Fields>] extends [never] ? T : never;
type ComparedPosition = Handled<Position, 'line' | 'column' | 'offset'>;
type ComparedEdit = Handled<TextEdit, 'start' | 'end' | 'text'>;
type ComparedFix = Handled<Fix, 'title' | 'edits' | 'isPreferred' | 'kind'>;
type ComparedRelated = Handled<RelatedPlace, 'message' | 'start' | 'end'>;
type ComparedFinding = Handled<Finding, 'ruleId' | 'severity' | 'message' | 'start' | 'end' | 'fixes' | 'docsUrl' | 'related'>;

const samePosition = (now: ComparedPosition, before: ComparedPosition, shift: Shift) =>
  now.offset === before.offset + shift.offset && now.line === before.line + shift.line && now.column === before.column;

const sameEdit = (now: ComparedEdit, before: ComparedEdit, shift: Shift) => now.start === before.start + shift.offset && now.end === before.end + shift.offset && now.text === before.text;

function sameList<T>(now: readonly T[] | undefined, before: readonly T[] | undefined, shift: Shift, same: (a: T, b: T, shift: Shift) => boolean): boolean {
  if (now === undefined || before === undefined) return now === before;
  if (now.length !== before.length) return false;
  for (let i = 0; i < now.length; i++) if (!same(now[i]!, before[i]!, shift)) return false;
  return true;
}

const sameFix = (now: ComparedFix, before: ComparedFix, shift: Shift) =>
  now.title === before.title && now.isPreferred === before.isPreferred && now.kind === before.kind && sameList(now.edits, before.edits, shift, sameEdit);

const sameRelated = (now: ComparedRelated, before: ComparedRelated, shift: Shift) =>
  now.message === before.message && samePosition(now.start, before.start, shift) && samePosition(now.end, before.end, shift);

/** Whether `now` is `before` moved by `shift` (equal, with a zero shift). */
export function equalShifted(now: ComparedFinding, before: ComparedFinding, shift: Shift): boolean {
  return (
    now.ruleId === before.ruleId &&
    now.severity === before.severity &&
    samePosition(now.start, before.start, shift) &&
    samePosition(now.end, before.end, shift) &&
    now.message === before.message &&
    now.docsUrl === before.docsUrl &&
    sameList(now.related, before.related, shift, sameRelated) &&
    sameList(now.fixes, before.fixes, shift, sameFix)
  );
}

const movedPosition = (p: ComparedPosition, shift: Shift): Position => ({ line: p.line + shift.line, column: p.column, offset: p.offset + shift.offset });
const movedRelated = (r: ComparedRelated, shift: Shift): RelatedPlace => ({ message: r.message, start: movedPosition(r.start, shift), end: movedPosition(r.end, shift) });

/**
 * `finding` moved by `shift`: its offsets by the characters, its lines by the lines. Fields
 * written out, not spread: a keystroke in a long page moves thousands of findings.
 */
export function shifted(finding: ComparedFinding, shift: Shift): Finding {
  const moved: Finding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    start: movedPosition(finding.start, shift),
    end: movedPosition(finding.end, shift),
    fixes: finding.fixes.map((fix) => movedFix(fix, shift.offset)),
    docsUrl: finding.docsUrl,
  };
  if (finding.related) moved.related = finding.related.map((r) => movedRelated(r, shift));
  return moved;
}

/** How the text after an edit moved between two versions of a document. */
export function shiftBetween(before: { length: number; lines: number }, text: string): Shift & { lines: number } {
  const lines = lineFeeds(text);
  return { offset: text.length - before.length, line: lines - before.lines, lines };
}

/**
 * The plan that rebuilds `findings` from `base`: the finding at the same index unchanged
 * (it lies before the edit), or the one as far from the end shifted (after the edit), else literal.
 */
export function planFindings(findings: readonly Finding[], base: readonly Finding[], shift: Shift): FindingPlan {
  const refs: number[] = [];
  const literals: Finding[] = [];
  const fromEnd = base.length - findings.length;
  const still = { offset: 0, line: 0 };
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const after = i + fromEnd;
    if (i < base.length && equalShifted(finding, base[i], still)) refs.push(i);
    else if (after >= 0 && after < base.length && equalShifted(finding, base[after], shift)) refs.push(shiftedRef(after));
    else {
      refs.push(LITERAL);
      literals.push(finding);
    }
  }
  return { refs, literals, shift };
}

/** The findings a plan stands for, given the base it was made against. */
export function applyPlan(refs: readonly number[], literals: readonly Finding[], base: readonly Finding[], shift: Shift): Finding[] {
  const out: Finding[] = [];
  let next = 0;
  for (const ref of refs) {
    if (ref >= 0) out.push(base[ref]!);
    else if (ref === LITERAL) out.push(literals[next++]!);
    else out.push(shifted(base[shiftedRef(ref)]!, shift));
  }
  return out;
}
