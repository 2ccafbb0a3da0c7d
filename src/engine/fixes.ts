// Fixes are data recorded at lint time; applying them is plain string surgery.
// `fixAll` is the one engine function behind the editor's Fix All and the CLI's
// --fix, so both change a document the same way.
import { isTemplateText, PLACEHOLDER } from './rules/util/placeholders';
import { closeOpenBlocksBeforeInserts } from './text/open-fence';
import type { Finding, Fix, TextEdit } from './types';

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

const isInsert = (e: TextEdit) => e.start === e.end;

/** Whether two edits cannot both apply: ranges overlap, or an insertion falls strictly inside a replaced range. */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (isInsert(a) && isInsert(b)) return false; // same offset or not: both go in, in the order taken
  if (isInsert(a)) return b.start < a.start && a.start < b.end;
  if (isInsert(b)) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

const sameEdits = (a: readonly TextEdit[], b: readonly TextEdit[]) =>
  a.length === b.length && a.every((e, i) => e.start === b[i]!.start && e.end === b[i]!.end && e.text === b[i]!.text);

/**
 * The edits of every finding's preferred safe fix (with `all`, its preferred or first
 * fix or suggestion, for tests that apply what a person would), as
 * one list of non-overlapping edits, sorted, with insertions at the same offset
 * joined into one edit in the order their findings came. A fix repeated by
 * several findings counts once; a fix that overlaps one already taken is left
 * for the user (ESLint's rule for --fix).
 */
export function planFixes(findings: readonly Finding[], options: { all?: boolean } = {}): TextEdit[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const finding of findings) {
    const offered = options.all ? finding.fixes.filter((f) => f.kind !== 'disable') : finding.fixes.filter((f) => f.kind === undefined);
    const fix = offered.find((f) => f.isPreferred) ?? (options.all ? offered[0] : undefined);
    if (!fix || fix.edits.length === 0) continue;
    if (chosen.some((c) => sameEdits(c.edits, fix.edits))) continue;
    if (fix.edits.some((e) => taken.some((t) => conflicts(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  // Stable sort: insertions at one offset keep the order of their findings, and
  // come before a replacement that starts there.
  const sorted = taken
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || Number(isInsert(b.edit)) - Number(isInsert(a.edit)) || a.order - b.order)
    .map((x) => x.edit);
  const joined: TextEdit[] = [];
  for (const edit of sorted) {
    const last = joined[joined.length - 1];
    if (last && isInsert(last) && isInsert(edit) && last.start === edit.start) joined[joined.length - 1] = { ...last, text: joinBlocks(last.text, edit.text) };
    else joined.push({ start: edit.start, end: edit.end, text: edit.text });
  }
  return joined;
}

const BREAK_AT_END = /(?:\r\n|\r|\n)$/;

/** Two inserted blocks one after the other, with a blank line between them when neither brings one. */
function joinBlocks(first: string, second: string): string {
  const eol = BREAK_AT_END.exec(first)?.[0];
  if (eol === undefined || /^(?:\r\n|\r|\n)/.test(second) || BREAK_AT_END.test(first.slice(0, -eol.length))) return first + second;
  return first + eol + second;
}

/** Apply the preferred safe fix of each finding (suggestions too when `all` is set); see `planFixes`. */
export function applyFixes(text: string, findings: readonly Finding[], options: { all?: boolean } = {}): string {
  return applyEdits(text, closeOpenBlocksBeforeInserts(text, planFixes(findings, options)));
}

export interface FixAllResult {
  /** The text with every preferred fix applied. */
  text: string;
  /** The edits that make it, in offsets of the original text: only the ranges that change. */
  edits: TextEdit[];
}

/** Editor Fix All and CLI --fix: every preferred safe fix in one pass. */
export function fixAll(text: string, findings: readonly Finding[]): FixAllResult {
  const edits = closeOpenBlocksBeforeInserts(text, planFixes(findings));
  return { text: applyEdits(text, edits), edits };
}

/** Lints a text and returns its findings: the editor's worker, or the CLI's linter. */
export type LintFindings = (text: string) => readonly Finding[] | Promise<readonly Finding[]>;

/** Passes before fixing gives up, as in ESLint: fixes that keep making new fixable findings stop here. */
export const MAX_FIX_PASSES = 10;

export interface FixPassesResult extends FixAllResult {
  /** The findings of the fixed text (those given, when nothing was fixed). */
  findings: readonly Finding[];
}

/**
 * Editor Fix All and CLI --fix: every preferred safe fix, then again on the result
 * while a fix makes another one possible, so running it a second time changes
 * nothing. Each pass is linted, and a pass that does not leave fewer findings
 * than it started with is dropped: a fix never makes a document worse, and
 * every pass kept removes at least one finding. The edits are
 * composed into edits of the original text that cover only the ranges that change.
 */
export async function fixAllPasses(text: string, findings: readonly Finding[], lintAgain: LintFindings): Promise<FixPassesResult> {
  let current: FixPassesResult = { text, edits: [], findings };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = fixAll(current.text, current.findings);
    if (next.edits.length === 0) break;
    const after = await lintAgain(next.text);
    if (after.length >= current.findings.length) break;
    current = { text: next.text, edits: pass === 0 ? next.edits : composeEdits(text, current.edits, next.edits), findings: after };
  }
  return current;
}

/** Whether a text writes something a person must fill in: "[target]", "TBD", "{{name}}". */
function writesPlaceholder(text: string): boolean {
  for (const match of text.matchAll(PLACEHOLDER)) if (match[5] === undefined || isTemplateText(match[5])) return true;
  return false;
}

/** `fix` with its edits `by` characters further on (a new fix: one a finding holds is never changed). */
export function movedFix(fix: Fix, by: number): Fix {
  const moved: Fix = { title: fix.title, edits: fix.edits.map((edit) => ({ start: edit.start + by, end: edit.end + by, text: edit.text })) };
  if (fix.isPreferred !== undefined) moved.isPreferred = fix.isPreferred;
  if (fix.kind !== undefined) moved.kind = fix.kind;
  return moved;
}

/** A fix that writes a placeholder needs a person to fill it in: a suggestion, whatever its rule called it. */
export function classifyFix(fix: Fix): Fix {
  return fix.kind === undefined && fix.edits.some((e) => writesPlaceholder(e.text)) ? { ...fix, kind: 'suggestion' } : fix;
}

interface Piece {
  /** Range in the intermediate text. */
  start: number;
  end: number;
  /** Range in the original text. */
  origin: { start: number; end: number };
  edit: TextEdit | undefined;
}

/**
 * Edits of `original` equal to applying `first` (sorted, non-overlapping, as
 * `planFixes` returns them) and then `next` (in offsets of that result). A
 * `next` edit inside unchanged text stays an edit of its own; one that touches
 * text a `first` edit wrote is merged with that edit.
 */
export function composeEdits(original: string, first: readonly TextEdit[], next: readonly TextEdit[]): TextEdit[] {
  const middle = applyEdits(original, first);
  // The intermediate text as unchanged gaps (possibly empty) and the output of each first edit.
  const pieces: Piece[] = [];
  let at = 0;
  let from = 0;
  for (const edit of first) {
    pieces.push({ start: at, end: at + edit.start - from, origin: { start: from, end: edit.start }, edit: undefined });
    at += edit.start - from;
    pieces.push({ start: at, end: at + edit.text.length, origin: { start: edit.start, end: edit.end }, edit });
    at += edit.text.length;
    from = edit.end;
  }
  pieces.push({ start: at, end: at + original.length - from, origin: { start: from, end: original.length }, edit: undefined });
  const toOriginal = (offset: number): number => {
    const gap = pieces.find((p) => !p.edit && p.start <= offset && offset <= p.end)!;
    return gap.origin.start + (offset - gap.start);
  };

  // Clusters of touching items in intermediate offsets: first edits' outputs and next edits.
  const items = [
    ...pieces.filter((p) => p.edit).map((p) => ({ start: p.start, end: p.end, first: p })),
    ...next.map((e) => ({ start: e.start, end: e.end, next: e })),
  ].sort((a, b) => a.start - b.start || ('first' in a ? -1 : 1));
  const out: TextEdit[] = [];
  let cluster: typeof items = [];
  const flush = () => {
    if (cluster.length === 0) return;
    const nexts = cluster.flatMap((i) => ('next' in i && i.next ? [i.next] : []));
    const firsts = cluster.flatMap((i) => ('first' in i && i.first ? [i.first] : []));
    if (nexts.length === 0) out.push(...firsts.map((p) => p.edit!));
    else {
      const start = Math.min(...cluster.map((i) => i.start));
      const end = Math.max(...cluster.map((i) => i.end));
      const origin = {
        start: firsts[0] && firsts[0].start === start ? firsts[0].origin.start : toOriginal(start),
        end: firsts.at(-1) && firsts.at(-1)!.end === end ? firsts.at(-1)!.origin.end : toOriginal(end),
      };
      const text = applyEdits(middle.slice(start, end), nexts.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
      out.push({ ...origin, text });
    }
    cluster = [];
  };
  let clusterEnd = -1;
  for (const item of items) {
    if (cluster.length && item.start > clusterEnd) flush();
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  flush();
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const escapeSnippet = (text: string) => text.replace(/[\\$}]/g, '\\$&');

/**
 * The inserted text as a snippet: each bracketed template placeholder ("[baseline]")
 * becomes a tab stop whose default is the placeholder itself, so the editor selects
 * the first one and Tab moves on; the plain text is what a non-interactive fix
 * (the CLI's --fix) writes. Undefined when the text has no placeholder.
 */
export function snippetOf(text: string): string | undefined {
  let out = '';
  let from = 0;
  let stop = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = match[5];
    if (inner === undefined || !isTemplateText(inner)) continue;
    out += `${escapeSnippet(text.slice(from, match.index))}\${${++stop}:${escapeSnippet(match[0])}}`;
    from = match.index + match[0].length;
  }
  return stop === 0 ? undefined : `${out}${escapeSnippet(text.slice(from))}$0`;
}
