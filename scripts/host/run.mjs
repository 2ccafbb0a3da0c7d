// Runs the extension-host suites (test/host/**/*.test.ts) inside the real Node extension
// host of VS Code 1.100.3, served by code-server from npm and driven by headless Chromium
// through playwright-core. For machines that cannot download VS Code. docs/testing.md
// explains the moving parts.
//
//   node scripts/host/run.mjs [--extension DIR | --vsix FILE] [--workspace DIR] [--grep REGEX] [--timeout SECS] [--keep] [--no-build]
//
// Exit: 0 all passed, 1 a test failed, 2 setup failed, 124 timed out. The last line of
// output is `host: N passed, N failed` (or says what went wrong instead).
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './build-tests.mjs';
import { cacheFolder, CODE_SERVER_VERSION, ensureCodeServer, ensureDebianPackages, findChromium, VSCODE_VERSION } from './code-server.mjs';
import { freePort, stopOurChildren, stopTree, waitForHttp } from './processes.mjs';
import { codeServerArgs, installVsix, serverEnv } from './server.mjs';
import { parseOptions, prepareSession, removeBuild, report, runMain, SetupError, verdict } from './session.mjs';

const log = (message) => console.error(`[host] ${message}`);

// Chromium flags for a container without a GPU, a sandbox, or much /dev/shm, and with
// nothing to fetch from the network or report on a crash (shared with the UI tests).
const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL('../chromium-args.json', import.meta.url), 'utf8'));

/** Prints what the test runner appends to its log file, as it arrives. */
function follow(file) {
  let offset = 0;
  const flush = () => {
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, offset)) > 0; offset += n) process.stdout.write(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  };
  const timer = setInterval(flush, 200);
  return () => {
    clearInterval(timer);
    flush();
  };
}

function tailOf(file, lines = 30) {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(empty)';
}

function startCodeServer(entry, session, port) {
  const logFd = openSync(session.codeServerLog, 'a');
  const args = [...codeServerArgs(entry, session), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`];
  // The extension host inherits this environment, which is how the test runner learns
  // where to write its result and log.
  const child = spawn(process.execPath, args, { env: serverEnv(session), stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  return child;
}

// The web workbench reads extensionDevelopmentPath and extensionTestsPath from the
// `payload` query parameter (code-server refuses them on its command line); paths on
// the server are vscode-remote:// URIs with the server's authority.
function workbenchUrl(port, extension, testsModule, folder) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(testsModule)],
  ]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
}

async function main() {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const cache = cacheFolder(REPO_ROOT);
  if (!process.env.CHROMIUM) ensureDebianPackages(['chromium'], log);
  const executablePath = findChromium();
  const entry = await ensureCodeServer(cache, log);
  const session = await prepareSession(options, { vscodeVersion: VSCODE_VERSION });
  session.codeServerLog = join(session.dir, 'code-server.log');
  session.browserLog = join(session.dir, 'browser-console.log');

  let server;
  let browser;
  let stopFollowing = () => {};
  const cleanUp = async () => {
    stopFollowing();
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await stopTree(server?.pid);
    // Whatever else we started (a Chromium that did not close) goes too.
    await stopOurChildren();
  };
  const onSignal = (signal) => {
    log(`${signal}: stopping`);
    cleanUp().finally(() => {
      removeBuild(session);
      console.log(`host: interrupted by ${signal}; logs in ${session.dir}`);
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let outcome;
  try {
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    if (options.vsix) {
      installVsix(entry, session, options.vsix, log);
      // The workbench runs extensionTestsPath only in an extension development session;
      // an empty development folder adds no extension, so the installed copy is what runs.
      session.emptyExtensionDir = join(session.dir, 'no-development-extension');
      mkdirSync(session.emptyExtensionDir);
    }
    const port = await freePort();
    server = startCodeServer(entry, session, port);
    let serverExit;
    server.on('exit', (code, signal) => (serverExit = `code-server stopped (${signal ?? `exit ${code}`})`));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, { deadline, giveUp: () => serverExit });
    } catch (err) {
      throw new SetupError(`code-server ${CODE_SERVER_VERSION} did not start: ${err.message}\n${tailOf(session.codeServerLog)}`);
    }
    log(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) on 127.0.0.1:${port}; run folder ${session.dir}`);

    // HOME: Chromium keeps state under ~/.config even with a throw-away profile. Signals
    // are ours to handle: Playwright's handlers would exit before code-server is stopped.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: session.home },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = await browser.newPage();
    page.on('console', (message) => appendFileSync(session.browserLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(session.browserLog, `[pageerror] ${error.stack ?? error}\n`));
    // The workbench calls window.codeAutomationExit(code) when the test run is over; the
    // extension host process itself exits 0 whatever happened.
    let automationExit;
    const reported = new Promise((resolve) => {
      automationExit = resolve;
      setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())).unref();
      server.on('exit', () => resolve(serverExit));
    });
    await page.exposeFunction('codeAutomationExit', (code) => automationExit(code));
    stopFollowing = follow(session.logFile);
    await page.goto(workbenchUrl(port, options.vsix ? session.emptyExtensionDir : options.extension, session.runnerModule, session.workspace), { waitUntil: 'commit' });
    outcome = verdict(session, await reported, options.timeoutSeconds);
  } finally {
    // Stop everything before the run folder may be removed: code-server writes there.
    await cleanUp();
  }
  if (outcome.showLogs) {
    console.log(`--- code-server log (last lines) ---\n${tailOf(session.codeServerLog)}\n--- browser console (last lines) ---\n${tailOf(session.browserLog)}`);
  }
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return report(session, outcome, options.keep);
}

await runMain(main);
