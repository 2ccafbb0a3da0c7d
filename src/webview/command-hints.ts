// The list of slash commands under the input box: shown while the draft
// starts with `/`, walked with the arrow keys, completed with Tab, Enter or a
// click, closed with Escape. It owns its list element and the input's
// listbox attributes; the app tells it what the draft and templates are.
import { hintsFor, type CommandHint } from './commands';
import { h } from './dom';

export class CommandHints {
  readonly element = h('ul', {
    className: 'hints',
    attrs: { id: 'hints', role: 'listbox', 'aria-label': 'Commands', hidden: true },
  });
  private hints: CommandHint[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLTextAreaElement,
    /** A hint was chosen: `text` is the new draft. */
    private readonly complete: (text: string) => void,
  ) {
    this.element.addEventListener('mousedown', (event) => {
      const item = (event.target as Element).closest('li');
      if (!item) return;
      event.preventDefault();
      this.choose(Number(item.dataset['index']));
    });
  }

  /** Shows the commands that fit the draft (none unless it starts with `/`). */
  show(templates: readonly string[]): void {
    this.hints = hintsFor(this.input.value, [...templates]);
    this.active = -1;
    this.render();
  }

  hide(): void {
    this.hints = [];
    this.render();
  }

  /** Handles a key in the input while hints are shown; true when the key was theirs. */
  onKey(event: KeyboardEvent): boolean {
    if (this.hints.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hints.length) % this.hints.length;
      this.render();
    } else if (event.key === 'Tab' || event.key === 'Enter') {
      this.choose(Math.max(this.active, 0));
    } else if (event.key === 'Escape') {
      this.hide();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  private choose(index: number): void {
    const hint = this.hints[index];
    if (!hint) return;
    this.input.value = hint.insert;
    this.input.focus();
    this.complete(hint.insert);
  }

  private render(): void {
    this.element.hidden = this.hints.length === 0;
    this.input.setAttribute('aria-expanded', String(this.hints.length > 0));
    this.element.replaceChildren(
      ...this.hints.map((hint, index) => {
        const attrs = { id: `hint-${index}`, role: 'option', 'aria-selected': String(index === this.active), 'data-index': String(index) };
        return h('li', { attrs }, [h('code', { text: hint.label }), h('span', { className: 'muted', text: ` ${hint.description}` })]);
      }),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `hint-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }
}
