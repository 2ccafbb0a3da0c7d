// Inline control comments, in the style of markdownlint:
//   <!-- outcome-lens-disable [RULE...] -->       until a matching -enable
//   <!-- outcome-lens-enable [RULE...] -->
//   <!-- outcome-lens-disable-next-line [RULE...] -->
//   <!-- outcome-lens-disable-line [RULE...] -->
//   <!-- outcome-lens-disable-file [RULE...] -->
// No rule ids means every rule. Text after " -- " is a reason and is ignored.
import type { Span } from '../types';

type Directive = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface ControlComment {
  directive: Directive;
  /** Empty = all rules. */
  rules: string[];
  span: Span;
  line: number;
}

// The body stops at the next `<!--` as well as at `-->`, so unclosed comments are each
// scanned up to the next one instead of to the end of the text (quadratic).
const COMMENT = /<!--\s*outcome-lens-(disable-next-line|disable-line|disable-file|disable|enable)\b((?:(?!<!--|-->)[\s\S])*)-->/g;

function inside(offset: number, spans: readonly Span[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

export function findControlComments(text: string, codeSpans: readonly Span[], lineOf: (offset: number) => number): ControlComment[] {
  const comments: ControlComment[] = [];
  if (!text.includes('outcome-lens-')) return comments;
  for (const match of text.matchAll(COMMENT)) {
    const start = match.index;
    if (inside(start, codeSpans)) continue;
    const list = match[2]!.split(/\s--\s|\s--$/)[0]!;
    comments.push({
      directive: match[1] as Directive,
      rules: list.split(/[\s,]+/).filter(Boolean),
      span: { start, end: start + match[0].length },
      line: lineOf(start),
    });
  }
  return comments;
}

/** Decides, for a rule and the line a finding starts on, whether a comment silences it. */
export class Suppressions {
  constructor(private readonly comments: readonly ControlComment[]) {}

  isSuppressed(ruleId: string, offset: number, line: number): boolean {
    if (this.comments.length === 0) return false;
    let disabled = false;
    for (const c of this.comments) {
      const applies = c.rules.length === 0 || c.rules.includes(ruleId);
      if (!applies) continue;
      switch (c.directive) {
        case 'disable-file':
          return true;
        case 'disable-line':
          if (c.line === line) return true;
          break;
        case 'disable-next-line':
          if (c.line + 1 === line) return true;
          break;
        case 'disable':
          if (c.span.start <= offset) disabled = true;
          break;
        case 'enable':
          if (c.span.start <= offset) disabled = false;
          break;
        default: {
          const never: never = c.directive;
          throw new Error(`unknown directive ${String(never)}`);
        }
      }
    }
    return disabled;
  }
}
