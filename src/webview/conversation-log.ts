// The conversation log: one article per message, answers rendered from
// Markdown (streamed ones chunk by chunk), their Copy/Insert/Retry actions with
// the Retry countdown, and following new output while the user is at the bottom.
import type { AssistantEntry, ConversationEntry, UserEntry } from '../chat/protocol';
import { errorBlock, statusBadge } from './answer-status';
import { messageForDisplay } from './commands';
import { button, h } from './dom';
import type { Post } from './host-messages';
import { renderMarkdown, StreamingMarkdown } from './markdown-view';
import { personaLabel, type ViewStore } from './view-store';

export interface LogActions {
  post: Post;
  /** A line in the status bar under the input box. */
  say(text: string): void;
  retry(entry: AssistantEntry): void;
  /** Whether a turn is still being answered (Retry waits for it). */
  busy(): boolean;
}

export class ConversationLog {
  readonly element = h('section', {
    className: 'log',
    attrs: { id: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' },
  });
  private readonly articles = new Map<string, HTMLElement>();
  private readonly bodies = new Map<string, HTMLElement>();
  private readonly streams = new Map<string, StreamingMarkdown>();
  private readonly retryButtons = new Map<string, HTMLButtonElement>();
  /** Follow new output while the user is at the bottom (kept by the scroll handler, set on send). */
  private pinned = false;
  private ticker: number | undefined;
  private scrollFrame: number | undefined;

  constructor(
    private readonly store: ViewStore,
    private readonly actions: LogActions,
  ) {
    this.element.addEventListener('click', (event) => this.onClick(event));
    // Middle-click would otherwise try to open the link in a new window.
    this.element.addEventListener('auxclick', (event) => {
      if ((event.target as Element).closest('a')) event.preventDefault();
    });
    this.element.addEventListener('scroll', () => {
      this.pinned = this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight < 40;
      this.store.state.scrollTop = this.element.scrollTop;
      this.store.save();
    });
  }

  /** Shows the conversation in the view state, reusing the articles already built. */
  render(): void {
    const { state } = this.store;
    if (state.entries.length === 0) {
      const persona = this.store.currentPersona();
      const text =
        state.personas.length === 0
          ? 'Loading personas…'
          : `Ask ${persona ? personaLabel(persona) : 'a persona'} about the document you are writing, or type /review.`;
      this.element.replaceChildren(h('p', { className: 'empty', text }));
      return;
    }
    this.element.replaceChildren(...state.entries.map((entry) => this.articles.get(entry.id) ?? this.buildEntry(entry)));
    this.followOutput();
  }

  /** Builds the entry's article again (its status changed); its body is kept. */
  refresh(entry: ConversationEntry): void {
    const old = this.articles.get(entry.id);
    const fresh = this.buildEntry(entry);
    old?.replaceWith(fresh);
  }

  /** From now on, follow new output (the user just sent a message). */
  pin(): void {
    this.pinned = true;
  }

  isStreaming(id: string): boolean {
    return this.streams.has(id);
  }

  appendToStream(id: string, text: string): void {
    this.streams.get(id)?.append(text);
    this.followOutput();
  }

  endStream(id: string): void {
    this.streams.get(id)?.end();
    this.streams.delete(id);
  }

  /** Drops what was built for one entry. */
  forget(id: string): void {
    this.articles.delete(id);
    this.bodies.delete(id);
    this.streams.delete(id);
    this.retryButtons.delete(id);
  }

  /** Drops everything built (the history was replaced). */
  forgetAll(): void {
    this.articles.clear();
    this.bodies.clear();
    this.streams.clear();
    this.retryButtons.clear();
  }

  /** Enables or disables every Retry button (they wait for a busy turn and for their countdown). */
  updateRetryButtons(): void {
    for (const [id, retry] of this.retryButtons) {
      const entry = this.store.assistant(id);
      if (entry) this.updateRetryButton(entry, retry);
    }
  }

  private buildEntry(entry: ConversationEntry): HTMLElement {
    const article = entry.role === 'user' ? this.buildUser(entry) : this.buildAssistant(entry);
    article.dataset['id'] = entry.id;
    this.articles.set(entry.id, article);
    return article;
  }

  private buildUser(entry: UserEntry): HTMLElement {
    const to = entry.personaIds.map((id) => this.store.personaName(id)).join(', ');
    const header = h('header', {}, [h('strong', { text: 'You' }), h('span', { className: 'muted', text: ` to ${to}` })]);
    const shown = messageForDisplay(entry.text, entry.command);
    if (shown.badge) header.append(h('span', { className: 'badge', text: shown.badge }));
    const parts: Node[] = [header];
    if (shown.text) parts.push(h('p', { className: 'user-text', text: shown.text }));
    if (entry.finding) {
      parts.push(h('p', { className: 'muted', text: `About ${entry.finding.ruleId}: ${entry.finding.message}` }));
    }
    return h('article', { className: 'msg user', attrs: { 'aria-label': 'Your message' } }, parts);
  }

  private buildAssistant(entry: AssistantEntry): HTMLElement {
    const name = entry.personaId ? this.store.personaName(entry.personaId) : 'Outcome Lens';
    const header = h('header', {}, [h('strong', { text: name })]);
    if (entry.offlineCoach) {
      header.append(
        h('span', {
          className: 'badge coach',
          text: 'Offline coach · not an AI model',
          attrs: { title: 'Rule-based answer built from your document and its findings; no AI model was used.' },
        }),
      );
    }
    const badge = statusBadge(entry);
    if (badge) header.append(h('span', { className: `badge ${entry.status}`, text: badge }));

    const article = h('article', {
      className: `msg assistant ${entry.status}`,
      attrs: { 'aria-label': `Answer from ${name}`, 'aria-busy': entry.status === 'streaming' ? 'true' : 'false' },
    });
    article.append(header);
    if (entry.text || entry.status === 'streaming') article.append(this.bodyFor(entry));
    if (entry.error) article.append(errorBlock(entry.error, entry.status));

    const actions = h('div', { className: 'row actions' });
    if (entry.text && entry.status !== 'streaming') {
      actions.append(
        button('Copy', 'link', { 'data-action': 'copy', title: 'Copy the answer as Markdown' }),
        button('Insert', 'link', { 'data-action': 'insert', title: 'Insert the answer into the editor' }),
      );
    }
    if (badge) {
      const retry = button('Retry', 'link', { 'data-action': 'retry' });
      this.retryButtons.set(entry.id, retry);
      this.updateRetryButton(entry, retry);
      actions.append(retry);
      this.startTicker();
    }
    if (actions.childElementCount > 0) article.append(actions);
    return article;
  }

  // The body is kept across re-renders of its article, so an answer is not
  // rendered again (and a selection in it not lost) when only its status changes.
  private bodyFor(entry: AssistantEntry): HTMLElement {
    let body = this.bodies.get(entry.id);
    if (!body) {
      body = h('div', { className: 'markdown' });
      this.bodies.set(entry.id, body);
      // The header names the persona, so the body need not open with the same name.
      const speaker = entry.personaId ? this.store.personaName(entry.personaId) : undefined;
      if (entry.status === 'streaming') {
        const stream = new StreamingMarkdown(body, speaker);
        this.streams.set(entry.id, stream);
        if (entry.text) stream.append(entry.text);
      } else {
        renderMarkdown(body, entry.text, speaker);
      }
    }
    return body;
  }

  private updateRetryButton(entry: AssistantEntry, retry: HTMLButtonElement): boolean {
    const wait = Math.ceil(((entry.retryAt ?? 0) - Date.now()) / 1000);
    retry.textContent = wait > 0 ? `Retry in ${wait}s` : 'Retry';
    retry.disabled = wait > 0 || this.actions.busy();
    return wait > 0;
  }

  // One timer serves every countdown; it stops when none is left.
  private startTicker(): void {
    if (this.ticker !== undefined) return;
    this.ticker = window.setInterval(() => {
      let waiting = false;
      for (const [id, retry] of this.retryButtons) {
        const entry = this.store.assistant(id);
        if (!entry || !retry.isConnected) this.retryButtons.delete(id);
        else waiting = this.updateRetryButton(entry, retry) || waiting;
      }
      if (!waiting) {
        window.clearInterval(this.ticker);
        this.ticker = undefined;
      }
    }, 1000);
  }

  // Once per frame at most: reading scrollHeight forces a layout.
  private followOutput(): void {
    if (!this.pinned || this.scrollFrame !== undefined) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = undefined;
      this.element.scrollTop = this.element.scrollHeight;
    });
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const link = target.closest('a');
    if (link) {
      // The webview never navigates; the extension opens http(s) links in the browser.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href) this.actions.post({ type: 'openLink', url: href });
      return;
    }
    const action = target.closest<HTMLButtonElement>('button[data-action]');
    const article = action?.closest<HTMLElement>('article[data-id]');
    const entry = article ? this.store.assistant(article.dataset['id']!) : undefined;
    if (!action || !entry) return;
    switch (action.dataset['action']) {
      case 'copy':
        this.actions.post({ type: 'copyAnswer', messageId: entry.id, text: entry.text });
        this.actions.say('Answer copied.');
        break;
      case 'insert':
        this.actions.post({ type: 'insertAnswer', messageId: entry.id, text: entry.text });
        break;
      case 'retry':
        this.actions.retry(entry);
        break;
    }
  }
}
