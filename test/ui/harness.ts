// Serves the chat webview the way VS Code would (same HTML shell, same CSP,
// bundled the same way) from 127.0.0.1, and drives it in Debian's headless
// Chromium. The page gets a stand-in for the VS Code host (page/vscode-double.ts)
// so a test can play the extension: read what the view posts, send it messages.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FromWebview, ToWebview } from '../../src/chat/protocol';
import CHROMIUM_ARGS from '../../scripts/chromium-args.json';
import { buildChatHtml } from '../../src/chat/webview-html';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// The same flags the extension-host runner uses.
const chromiumArgs: string[] = CHROMIUM_ARGS;

const entries = {
  chat: join(repoRoot, 'src/webview/main.ts'),
  lab: join(repoRoot, 'test/ui/page/render-lab.ts'),
};

/** Bundles the pages like the extension build does: one IIFE per page, for the browser. */
async function bundle(outdir: string): Promise<string> {
  await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  const double = await build({
    entryPoints: [join(repoRoot, 'test/ui/page/vscode-double.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return double.outputFiles[0]!.text;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export interface Ui {
  origin: string;
  browser: Browser;
  /** Paths the page asked for that the server does not serve (e.g. images an answer tried to load). */
  strayRequests: string[];
  openChat(options?: { seedState?: unknown }): Promise<ChatPage>;
  /** The renderer lab page; `withoutCsp` serves it without its Content Security Policy. */
  openLab(options?: { withoutCsp?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export async function startUi(): Promise<Ui> {
  const outdir = mkdtempSync(join(tmpdir(), 'outcome-lens-ui-'));
  const doubleScript = await bundle(outdir);
  const strayRequests: string[] = [];
  let origin = '';
  const files: Record<string, [string, string]> = {
    '/chat.js': [join(outdir, 'chat.js'), 'text/javascript'],
    '/lab.js': [join(outdir, 'lab.js'), 'text/javascript'],
    '/chat.css': [join(repoRoot, 'media/chat.css'), 'text/css'],
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    // `/lab-no-csp.html` is the same page without its policy, to test the sanitizer with nothing behind it.
    const page = /^\/(chat|lab)(-no-csp)?\.html$/.exec(path);
    if (page) {
      const html = buildChatHtml({
        cspSource: origin,
        nonce: randomBytes(16).toString('base64'),
        scriptUri: `${origin}/${page[1]}.js`,
        styleUri: `${origin}/chat.css`,
      });
      const served = page[2] ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '') : html;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(served);
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = files[path];
    if (file) {
      response.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
      return;
    }
    strayRequests.push(path);
    response.writeHead(404).end();
  });
  origin = `http://127.0.0.1:${await listen(server)}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 420, height: 760 } });
    return context.newPage();
  }

  return {
    origin,
    browser,
    strayRequests,
    async openChat(options = {}) {
      const page = await newPage();
      const chat = new ChatPage(page);
      await page.addInitScript({
        content: `window.__seedState = ${JSON.stringify(options.seedState ?? null)};\n${doubleScript}`,
      });
      await page.goto(`${origin}/chat.html`);
      await chat.waitForPosted('ready');
      return chat;
    },
    async openLab(options = {}) {
      const page = await newPage();
      await page.addInitScript({ content: doubleScript });
      await page.goto(`${origin}/${options.withoutCsp ? 'lab-no-csp' : 'lab'}.html`);
      await page.waitForFunction(() => 'renderLab' in globalThis);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/**
 * One chat page and the test's side of the host: messages in, messages out.
 * Callbacks that run in the page say `globalThis` (the page's window), since
 * this file is type-checked without the DOM library.
 */
export class ChatPage {
  readonly consoleMessages: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => this.consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
  }

  /**
   * Delivers a message as the extension would (`webview.postMessage` arrives as
   * a window `message` event). Dispatched synchronously, so the view has
   * handled it when this resolves.
   */
  async send(message: ToWebview | unknown): Promise<void> {
    await this.page.evaluate((data) => {
      const page = globalThis as any;
      page.dispatchEvent(new page.MessageEvent('message', { data }));
    }, message);
  }

  async posted(): Promise<FromWebview[]> {
    return this.page.evaluate(() => (globalThis as any).__test.posted);
  }

  async postedOfType<T extends FromWebview['type']>(type: T): Promise<Extract<FromWebview, { type: T }>[]> {
    return (await this.posted()).filter((message): message is Extract<FromWebview, { type: T }> => message.type === type);
  }

  /** Waits until the view has posted `count` messages of `type` and returns the last. */
  async waitForPosted<T extends FromWebview['type']>(type: T, count = 1): Promise<Extract<FromWebview, { type: T }>> {
    await this.page.waitForFunction(
      ([wanted, n]) => (globalThis as any).__test.posted.filter((m: { type: string }) => m.type === wanted).length >= n,
      [type, count] as const,
      { timeout: 15_000 },
    );
    const all = await this.postedOfType(type);
    return all[all.length - 1]!;
  }

  async savedState(): Promise<any> {
    return this.page.evaluate(() => (globalThis as any).__test.state);
  }

  async violations(): Promise<unknown[]> {
    return this.page.evaluate(() => (globalThis as any).__test.violations);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
