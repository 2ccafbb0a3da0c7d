// The chat webview's HTML shell and its Content Security Policy. Pure (no
// 'vscode'), so the extension and the browser tests serve the very same page.
//
// The policy allows nothing by default; the one script and the stylesheet load
// from the extension (cspSource) and must carry the per-load nonce. There is no
// inline script, handler or style anywhere in the page, and no 'unsafe-eval'.

export interface ChatHtmlOptions {
  /** `webview.cspSource`: the origin the webview loads local resources from. */
  cspSource: string;
  /** Fresh for every page load, e.g. 16 random bytes in base64. */
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview/chat.js. */
  scriptUri: string;
  /** `webview.asWebviewUri` of media/chat.css. */
  styleUri: string;
}

export function chatCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    // The chat shows no images (the sanitizer drops remote ones); local icons only.
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function buildChatHtml(options: ChatHtmlOptions): string {
  // A nonce is spliced into the policy itself, so it must not be able to end it.
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('the CSP nonce must be 16+ base64 characters');
  // VS Code on the web (code-server) gives a list such as "'self' https://*.vscode-cdn.net":
  // spaces separate sources; a ';' or ',' would start another directive or policy.
  if (/[;,\r\n]/.test(options.cspSource)) throw new Error('cspSource must be a list of source expressions');
  const nonce = escapeAttribute(options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(chatCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${nonce}">
<title>Outcome Lens chat</title>
</head>
<body>
<div id="app" class="chat"><p class="empty">Loading the chat…</p></div>
<noscript>The Outcome Lens chat needs scripts enabled in webviews.</noscript>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
