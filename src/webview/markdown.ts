// Markdown to HTML for chat answers, including answers that are still arriving.
//
// Re-rendering a whole answer on every streamed chunk costs O(n) per chunk and
// O(n^2) per answer. Instead we split the text into top-level blocks as
// micromark sees them: a block followed by another block that starts on a
// finished line can no longer change (CommonMark never reopens a closed block),
// so its HTML is produced once and kept; only the trailing open block is
// rendered again as text arrives. Link reference and footnote definitions are
// the exception (they change blocks anywhere in the document), so an answer
// that contains one falls back to whole-document rendering.
//
// This module is pure (no DOM): it returns HTML strings, which the caller must
// sanitize before they touch the page. micromark escapes raw HTML by default;
// we never turn `allowDangerousHtml` on.
import { compile, micromark, parse, postprocess, preprocess, type Options } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

type Event = ReturnType<typeof postprocess>[number];

const options: Options = { extensions: [gfm()], htmlExtensions: [gfmHtml()] };

/** Renders a complete Markdown text to (unsanitized) HTML. */
export function markdownToHtml(text: string): string {
  return micromark(text, options);
}

function parseEvents(text: string): Event[] {
  return postprocess(parse(options).document().write(preprocess()(text, undefined, true)));
}

// Tokens between top-level blocks; everything else at depth 0 starts a block.
const separators = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace']);
// Definitions affect other blocks, wherever they appear.
const definitions = new Set(['definition', 'gfmFootnoteDefinition']);

interface Blocks {
  /** Offsets where top-level blocks start, at the start of their line; the first is 0. */
  starts: number[];
  hasDefinition: boolean;
}

function findBlocks(text: string, events: Event[]): Blocks {
  const starts = [0];
  let hasDefinition = false;
  let depth = 0;
  for (const [kind, token] of events) {
    if (kind === 'exit') {
      depth--;
      continue;
    }
    if (definitions.has(token.type)) hasDefinition = true;
    if (depth === 0 && !separators.has(token.type)) {
      const lineStart = text.lastIndexOf('\n', token.start.offset - 1) + 1;
      if (lineStart > starts[starts.length - 1]!) starts.push(lineStart);
    }
    depth++;
  }
  return { starts, hasDefinition };
}

/** What changed after an append: HTML to add for newly finished blocks, and the open tail. */
export interface RenderUpdate {
  /** When true, discard everything rendered so far (committed and tail) first. */
  reset: boolean;
  /** HTML of blocks that are now final, in order; append once and keep. */
  committed: string[];
  /** HTML of the still-open trailing part; replaces the previous tail. */
  tail: string;
}

/** Turns a growing Markdown text into stable block HTML plus a small re-rendered tail. */
export class IncrementalMarkdown {
  private source = '';
  /** Offset in `source` where the open (uncommitted) part begins. */
  private open = 0;
  private whole = false;

  get text(): string {
    return this.source;
  }

  append(chunk: string): RenderUpdate {
    this.source += chunk;
    if (this.whole) return { reset: true, committed: [], tail: markdownToHtml(this.source) };

    const region = this.source.slice(this.open);
    const events = parseEvents(region);
    const { starts, hasDefinition } = findBlocks(region, events);
    if (hasDefinition) {
      this.whole = true;
      return { reset: true, committed: [], tail: markdownToHtml(this.source) };
    }

    // Block i is final once a later block starts on a line that has ended:
    // only a finished line tells for sure which block it starts.
    const lastNewline = region.lastIndexOf('\n');
    let keep = 0;
    for (let i = 1; i < starts.length; i++) if (starts[i]! <= lastNewline) keep = i;
    if (keep === 0) return { reset: false, committed: [], tail: compile(options)(events) };

    const committed: string[] = [];
    for (let i = 0; i < keep; i++) committed.push(markdownToHtml(region.slice(starts[i], starts[i + 1])));
    this.open += starts[keep]!;
    return { reset: false, committed, tail: markdownToHtml(region.slice(starts[keep])) };
  }
}
