// Puts Markdown on the page: whole answers, and answers that are still streaming.
import { IncrementalMarkdown, markdownToHtml } from './markdown';
import { toSafeFragment } from './sanitize';
import { SpeakerLineFilter, withoutSpeakerLine } from '../chat/speaker-line';

/**
 * Sanitized answer HTML, laid out for a narrow view: each table goes in a box
 * that scrolls sideways, so its cells keep whole words instead of being
 * squeezed to the view's width.
 */
export function toAnswerFragment(html: string): DocumentFragment {
  const fragment = toSafeFragment(html);
  for (const table of fragment.querySelectorAll('table')) {
    const scroller = document.createElement('div');
    scroller.className = 'table-scroll';
    table.replaceWith(scroller);
    scroller.append(table);
  }
  return fragment;
}

/**
 * Renders a finished answer (history, restored state). With `speaker`, a first
 * line that only repeats the header's label is not shown (see speaker-line.ts).
 */
export function renderMarkdown(host: HTMLElement, text: string, speaker?: string): void {
  const shown = speaker ? withoutSpeakerLine(text, speaker) : text;
  host.replaceChildren(toAnswerFragment(markdownToHtml(shown)));
}

/**
 * Renders an answer as it arrives. Finished blocks are appended once to
 * `done`; only `live`, the trailing open block, is replaced per chunk. Both
 * wrappers are `display: contents`, so the blocks lay out as siblings.
 */
export class StreamingMarkdown {
  private readonly markdown = new IncrementalMarkdown();
  private readonly done: HTMLElement;
  private readonly live: HTMLElement;
  private readonly speakerLine: SpeakerLineFilter | undefined;

  constructor(host: HTMLElement, speaker?: string) {
    this.done = document.createElement('div');
    this.live = document.createElement('div');
    this.done.className = 'md-part';
    this.live.className = 'md-part';
    this.speakerLine = speaker ? new SpeakerLineFilter(speaker) : undefined;
    host.replaceChildren(this.done, this.live);
  }

  append(chunk: string): void {
    this.render(this.speakerLine ? this.speakerLine.push(chunk) : chunk);
  }

  /** The answer is over: shows any start that was held back as a possible label line. */
  end(): void {
    const rest = this.speakerLine?.end();
    if (rest) this.render(rest);
  }

  private render(chunk: string): void {
    if (!chunk) return;
    const update = this.markdown.append(chunk);
    if (update.reset) this.done.replaceChildren();
    for (const html of update.committed) this.done.append(toAnswerFragment(html));
    this.live.replaceChildren(toAnswerFragment(update.tail));
  }
}
