// The slice of the VS Code webview API the chat uses. VS Code defines
// `acquireVsCodeApi` in the page; the browser tests define a stand-in.
export interface HostApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  function acquireVsCodeApi(): HostApi;
}
