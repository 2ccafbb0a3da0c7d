// What a finding offers as code actions, editor-neutral: its own fixes, then the
// "disable here" comments, with the edits the CLI's --fix would make. The
// language server and the VS Code provider both list them from here.
import { closeOpenBlocksBeforeInserts, disableFixesAt, openBlockAtEnd, type Finding, type Fix, type OpenBlock, type TextEdit } from '../engine';

/** Our Fix All kind: `source.fixAll` asks for it, and so does this exact kind. */
export const FIX_ALL_KIND = 'source.fixAll.outcomeLens';
export const QUICK_FIX_KIND = 'quickfix';

/** LSP kinds are dotted paths: `source.fixAll` contains `source.fixAll.outcomeLens`. */
function kindContains(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}.`);
}

/** A request limited to `only` kinds wants Fix All when a kind names ours or a parent of it. */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kindContains(kind, FIX_ALL_KIND) || kindContains(FIX_ALL_KIND, kind));
}

export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((kind) => kindContains(kind, QUICK_FIX_KIND));
}

export interface FindingAction {
  title: string;
  isPreferred: boolean;
  /** Offsets in the linted text; an inserted block closes an open fence or comment before it. */
  edits: TextEdit[];
  /** `disable` for the inline-comment fixes every finding gets. */
  kind: 'fix' | 'disable';
}

/**
 * "Disable here" fixes for one finding, built on demand from the lines around it only: they do
 * not travel with lint results (they are half the payload and derivable from the text).
 */
export function disableFixesOf(text: string, finding: Finding): Fix[] {
  return disableFixesAt(text, finding.ruleId, finding.start);
}

/** The quick fixes of one finding, in the order an editor should list them. */
export function findingActions(text: string, finding: Finding, disable: readonly Fix[]): FindingAction[] {
  const own = finding.fixes.filter((fix) => fix.kind !== 'disable');
  // Whether the text ends in an open block is a read of the whole text: once per finding, not per fix.
  let open: { block: OpenBlock | undefined } | undefined;
  const openAtEnd = () => (open ??= { block: openBlockAtEnd(text) }).block;
  return [
    ...own.map((fix) => ({ title: fix.title, isPreferred: fix.isPreferred === true, edits: closeOpenBlocksBeforeInserts(text, fix.edits, openAtEnd), kind: 'fix' as const })),
    ...disable.map((fix) => ({ title: fix.title, isPreferred: false, edits: fix.edits, kind: 'disable' as const })),
  ];
}
