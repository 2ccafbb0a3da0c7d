// A VS Code workbench left open for driving: code-server (installed by the host harness,
// scripts/host/code-server.mjs) serving a throw-away copy of a workspace, with this repo as
// the extension under development and no test runner, and headless Chromium showing it.
// run.mjs starts the same pieces for the extension-host tests, with a test runner instead.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { cacheFolder, CODE_SERVER_VERSION, ensureCodeServer, ensureDebianPackages, findChromium } from '../host/code-server.mjs';
import { freePort, stopOurChildren, stopTree, waitForHttp } from '../host/processes.mjs';
import { SetupError } from '../host/session.mjs';

// No GPU, no sandbox and little /dev/shm in a container; nothing to fetch or report.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-crash-reporter', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A run folder under $TMPDIR: `workspace/` holds a copy of each of `folders` (by its base
 * name), beside empty user data, extensions and home folders and the given user settings.
 */
export function prepareRunFolder(prefix, folders, settings) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const paths = {
    dir,
    workspace: join(dir, 'workspace'),
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    home: join(dir, 'home'),
    serverLog: join(dir, 'code-server.log'),
  };
  for (const [name, source] of Object.entries(folders)) cpSync(source, join(paths.workspace, name), { recursive: true });
  for (const sub of [join(paths.userDataDir, 'User'), paths.extensionsDir, paths.home]) mkdirSync(sub, { recursive: true });
  writeFileSync(join(paths.userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
  return paths;
}

/**
 * Starts code-server for `run` (from prepareRunFolder) and opens its workbench in headless
 * Chromium at the given viewport, with `extension` under development. Returns the page and
 * stop(), which ends the browser, code-server and anything else this process started.
 */
export async function openWorkbench({ repoRoot, extension, run, viewport, log, deadline }) {
  // An emoji font too: without one the persona labels (💰, 🧭) render as empty boxes, in the
  // workbench and in the README's pictures of it.
  ensureDebianPackages([...(process.env.CHROMIUM ? [] : ['chromium']), 'fonts-noto-color-emoji'], log);
  const executablePath = findChromium();
  const entry = await ensureCodeServer(cacheFolder(repoRoot), log);
  const port = await freePort();
  // A VS Code terminal's variables would point the server at that other instance.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
  const logFd = openSync(run.serverLog, 'a');
  const server = spawn(
    process.execPath,
    [
      entry,
      ...['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', join(run.dir, 'code-server.yaml')],
      ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
      ...['--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir],
    ],
    { env: { ...env, HOME: run.home }, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  let serverExit;
  server.on('exit', (code, signal) => (serverExit = `code-server stopped (${signal ?? `exit ${code}`}); see ${run.serverLog}`));

  let browser;
  const stop = async () => {
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await stopTree(server.pid);
    await stopOurChildren();
  };
  try {
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, { deadline, giveUp: () => serverExit });
    } catch (err) {
      throw new SetupError(`code-server ${CODE_SERVER_VERSION} did not start: ${err.message}`);
    }
    // Signals are the caller's: Playwright's own handlers would exit before code-server stops.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      env: { ...process.env, HOME: run.home },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    // extensionDevelopmentPath goes in the `payload` query parameter (code-server does not
    // take it on its command line), as a vscode-remote URI on this server.
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extension}`]]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(payload)}`);
    log(`workbench of code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}; run folder ${run.dir}`);
    return { page, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
