// `lint --fix` for one file: every automatic fix (the engine's fixAllPasses,
// which the editor's Fix All runs too), written once and atomically: a
// temporary file beside it, then a rename, so a crash or a full disk never
// leaves half a document. The file keeps its encoding, byte-order mark, line
// endings (the fixes use the document's own) and permissions.
import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fixAllPasses, type Finding, type LintFindings } from '../engine';
import { describeFsError, encodeDocument, type DocumentRead } from '../node/files';

export interface FixOutcome {
  /** The fixed text, when the file was written. */
  text?: string;
  /** How many findings the fixes removed (findings before less findings after). */
  fixed: number;
  /** Why a fixable file was left alone. */
  problem?: string;
}

export async function fixFile(path: string, read: Extract<DocumentRead, { kind: 'text' }>, findings: readonly Finding[], lintAgain: LintFindings): Promise<FixOutcome> {
  const { text, edits, findings: left } = await fixAllPasses(read.text, findings, lintAgain);
  if (edits.length === 0) return { fixed: 0 };
  // Writing would replace bytes we could not read with U+FFFD.
  if (!read.exact) return { fixed: 0, problem: `not fixed: the file is not valid ${read.encoding.charset}, and writing it back would change bytes the fixes do not touch` };
  // Write through a symbolic link to its target, not over the link.
  const target = await realpath(path);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.outcome-lens-fix`);
  try {
    await writeFile(temporary, encodeDocument(text, read.encoding), { flag: 'wx' });
    await chmod(temporary, (await stat(target)).mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    return { fixed: 0, problem: `not fixed: ${describeFsError(error)}` };
  }
  return { text, fixed: findings.length - left.length };
}
