// A rule's call on one success statement, kept with the statement. The section memo moves
// a statement from lint to lint while its section's text stays the same (SectionCodec.move),
// so the same object is a statement whose words, judgement and surroundings in its section
// are unchanged: what a rule made of it then is made again only by moving its offsets. On a
// long page the messages, rewrites and fixes of every called statement were rebuilt on every
// keystroke, strings and all.
import type { SuccessStatement } from '../../judgement/statements';
import { classifyFix, movedFix } from '../../fixes';
import type { DocumentModel } from '../../types';
import type { Report } from '../rule';
import type { CalledStatement } from './objective-groups';

interface Kept {
  /** The rule's options the call was made under. */
  options: string;
  /** Where the statement started when it was made. */
  at: number;
  called: CalledStatement | undefined;
}

/** A single statement's report, `by` characters further on; new objects, since a finding may hold the fixes of the old one. */
function movedReport(report: Report, by: number): Report {
  const moved: Report = { span: { start: report.span.start + by, end: report.span.end + by }, message: report.message };
  if (report.fixes) moved.fixes = report.fixes.map((fix) => movedFix(fix, by));
  return moved;
}

/**
 * `make`'s call on a statement (undefined: not called), or the one made for the same statement
 * object under the same options, moved to where the statement now starts. Only for calls whose
 * report is the statement's own (no related places), read from its section alone. `make` takes
 * the statement rather than closing over it: a closure per statement per lint was a megabyte of
 * garbage per keystroke on a long page.
 */
export function keptCalls(): (model: DocumentModel, statement: SuccessStatement, options: string, make: (statement: SuccessStatement) => CalledStatement | undefined) => CalledStatement | undefined {
  const kept = new WeakMap<SuccessStatement, Kept>();
  return (model, statement, options, make) => {
    // A Linter's first lint has no next one to keep its calls for.
    if (!model.memo.again) return make(statement);
    const known = kept.get(statement);
    if (known && known.options === options) {
      const by = statement.start - known.at;
      if (by !== 0 && known.called) {
        const { label, place, report } = known.called;
        known.called = { statement, label, place, report: movedReport(report, by) };
      }
      known.at = statement.start;
      return known.called;
    }
    const called = make(statement);
    // Classified once here (as the lint would on every report), so its moved copies keep their kind.
    if (called?.report.fixes) called.report.fixes = called.report.fixes.map(classifyFix);
    kept.set(statement, { options, at: statement.start, called });
    return called;
  };
}
