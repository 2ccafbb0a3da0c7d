// The chat's webview view: the HTML shell from src/chat/webview-html.ts with a
// fresh nonce, scripts allowed, and local resources limited to the bundle
// (dist/) and the stylesheet and icons (media/). Messages go to the controller.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildChatHtml } from '../../chat/webview-html';
import type { ChatController, ChatViewHandle } from './controller';

export const VIEW_ID = 'outcomeLens.chat';

export class ChatViewProvider implements vscode.WebviewViewProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: ChatController,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const { webview } = view;
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = buildChatHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.css')).toString(),
    });
    const handle: ChatViewHandle = { post: (message) => void webview.postMessage(message) };
    const subscriptions = [
      webview.onDidReceiveMessage((data: unknown) => void this.controller.receive(data)),
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.controller.hidden();
      }),
    ];
    view.onDidDispose(() => {
      vscode.Disposable.from(...subscriptions).dispose();
      this.controller.detach(handle);
    });
    this.controller.attach(handle);
  }
}
