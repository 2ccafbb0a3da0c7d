// How a model server's address is shown and compared. A base URL may carry
// credentials (`user:password@`) or a token in its query; neither may reach a
// message, a label or the log, so everything shown goes through here.

/** The base URL without credentials, query or fragment: for messages, labels and the log. */
export function describeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Not a URL: show its start, cut before anything that could be a credential.
    return baseUrl.trim().slice(0, 100).replace(/[@?#].*$/s, '…');
  }
}

/** `scheme://host:port` of a URL, the unit a key belongs to; undefined when it is not an http(s) URL. */
export function originOf(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
