// Puts Markdown on the page: whole answers, and answers that are still streaming.
import { IncrementalMarkdown, markdownToHtml } from './markdown';
import { toSafeFragment } from './sanitize';

/** Renders a finished answer (history, restored state). */
export function renderMarkdown(host: HTMLElement, text: string): void {
  host.replaceChildren(toSafeFragment(markdownToHtml(text)));
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

  constructor(host: HTMLElement) {
    this.done = document.createElement('div');
    this.live = document.createElement('div');
    this.done.className = 'md-part';
    this.live.className = 'md-part';
    host.replaceChildren(this.done, this.live);
  }

  append(chunk: string): void {
    const update = this.markdown.append(chunk);
    if (update.reset) this.done.replaceChildren();
    for (const html of update.committed) this.done.append(toSafeFragment(html));
    this.live.replaceChildren(toSafeFragment(update.tail));
  }
}
