// Every piece of model output passes through here before it reaches the page.
// micromark already escapes raw HTML, so this is the second wall: an allowlist
// of the elements Markdown produces, no event handlers or style attributes
// (the CSP would block them, but we do not rely on it), links kept only for
// http(s), and no images loaded on their own (a prompt-injected answer could
// otherwise leak document text through an image URL the moment it renders).
import DOMPurify from 'dompurify';
import { isHttpUrl } from '../chat/protocol';

const purify = DOMPurify(window);

const config = {
  ALLOWED_TAGS: [
    'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img',
    'input', 'li', 'ol', 'p', 'pre', 'section', 'span', 'strong', 'sup', 'table', 'tbody', 'td',
    'th', 'thead', 'tr', 'ul',
  ],
  ALLOWED_ATTR: ['align', 'alt', 'checked', 'class', 'disabled', 'href', 'src', 'start', 'title', 'type'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true as const,
};

/** Sanitizes HTML produced from model output into a fragment that is safe to insert. */
export function toSafeFragment(html: string): DocumentFragment {
  const fragment = purify.sanitize(html, config);
  // Only micromark's `language-*` classes survive, so an answer cannot borrow the UI's own classes.
  for (const element of fragment.querySelectorAll('[class]')) {
    const kept = [...element.classList].filter((name) => name.startsWith('language-'));
    if (kept.length > 0) element.className = kept.join(' ');
    else element.removeAttribute('class');
  }
  for (const link of fragment.querySelectorAll('a')) {
    const href = link.getAttribute('href') ?? '';
    if (isHttpUrl(href)) {
      link.title = href;
    } else {
      // Inert: no href means no navigation and nothing for the click handler to open.
      link.removeAttribute('href');
    }
  }
  for (const image of fragment.querySelectorAll('img')) image.replaceWith(imagePlaceholder(image));
  for (const input of fragment.querySelectorAll('input')) {
    if (input.type === 'checkbox') input.disabled = true;
    else input.remove();
  }
  return fragment;
}

// An image becomes a link the user may choose to open; nothing is fetched.
function imagePlaceholder(image: HTMLImageElement): Node {
  const src = image.getAttribute('src') ?? '';
  const label = `Image: ${image.alt || 'no description'}`;
  if (!isHttpUrl(src)) return document.createTextNode(`[${label}]`);
  const link = document.createElement('a');
  link.href = src;
  link.title = src;
  link.className = 'image-link';
  link.textContent = label;
  return link;
}
