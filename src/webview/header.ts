// The view's header: the persona, model and Include controls under a one-line
// summary that folds them away, so the conversation gets the height of a
// side bar. Folded, the summary still says what the next question goes to.
import { h } from './dom';

export class CollapsibleHeader {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly summary = h('span', { className: 'header-summary' });
  private readonly fields: HTMLElement;

  constructor(controls: HTMLElement[], onToggle: () => void) {
    this.fields = h('div', { className: 'header-fields', attrs: { id: 'header-fields' } }, controls);
    this.toggle = h(
      'button',
      {
        className: 'header-toggle',
        attrs: { type: 'button', id: 'header-toggle', 'aria-controls': 'header-fields', title: 'Show or hide the persona, model and Include choices' },
      },
      [this.summary],
    );
    this.toggle.addEventListener('click', onToggle);
    // The toolbar class keeps the container query that lays the fields out by the view's width.
    this.element = h('header', { className: 'toolbar' }, [this.toggle, this.fields]);
  }

  /** Shows the choices as one line (`summary`) and, unless `collapsed`, the controls below it. */
  render(collapsed: boolean, summary: string): void {
    this.fields.hidden = collapsed;
    this.toggle.setAttribute('aria-expanded', String(!collapsed));
    this.summary.textContent = summary;
  }
}
