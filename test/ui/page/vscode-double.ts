// Runs in the page before the chat bundle: the test's stand-in for the VS Code
// webview host. It records what the view posts and what it saves, hands back
// the state a test seeds (as VS Code does when a view is reopened), and notes
// every CSP violation so a test can prove none was needed.
import type { HostApi } from '../../../src/webview/host';

interface TestHost {
  posted: unknown[];
  state: unknown;
  violations: { directive: string; blocked: string; sample: string; source: string }[];
}

declare global {
  interface Window {
    __test: TestHost;
    __seedState?: unknown;
  }
}

const host: TestHost = { posted: [], state: window.__seedState, violations: [] };
window.__test = host;

let acquired = false;
window.acquireVsCodeApi = () => {
  // VS Code allows one call per page; a second one throws there too.
  if (acquired) throw new Error('acquireVsCodeApi may only be called once');
  acquired = true;
  const api: HostApi = {
    // The host serializes messages and state; JSON shows what would not survive.
    postMessage: (message: unknown) => void host.posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => host.state,
    setState: (state: unknown) => void (host.state = JSON.parse(JSON.stringify(state))),
  };
  return api;
};

document.addEventListener('securitypolicyviolation', (event) => {
  host.violations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
  });
});
