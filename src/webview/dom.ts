// Tiny element builder. Text always goes in through textContent, never as
// markup; attributes are set by name, and `style` or `on*` are never used (the
// CSP blocks inline styles and handlers, and we do not need them).
type Child = Node | string;

interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string | boolean | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

export function button(label: string, className: string, attrs: Props['attrs'] = {}): HTMLButtonElement {
  return h('button', { className, text: label, attrs: { type: 'button', ...attrs } });
}

/** A random id for messages the view creates (works outside secure contexts too). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
