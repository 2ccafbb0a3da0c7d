// Takes the README's pictures in a real VS Code 1.100.3 workbench (code-server from npm,
// headless Chromium), driving it the way a person would: quick open, the command palette,
// Ctrl+., clicks, typing in the chat. Each picture is checked for what it must show before
// it is written, so a changed UI fails the run instead of producing a wrong picture.
//
//   npm run build && node scripts/screenshots.mjs [--out DIR] [--timeout SECS] [--keep]
//
// Writes lint-diagnostics.png, quick-fix.png, template-picker.png, template-snippet.png and
// persona-chat.png (1400x900) into docs/images/. Exit: 0 done, 1 a picture did not show what
// it should (the message says which and why), 2 setup failed, 124 timed out.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './host/build-tests.mjs';
import { stopOurChildren } from './host/processes.mjs';
import { SetupError } from './host/session.mjs';
import { SHOTS, ShotError, VIEWPORT, workbenchReady } from './screenshots/shots.mjs';
import { openWorkbench, prepareRunFolder } from './screenshots/workbench.mjs';

const log = (message) => console.error(`[screenshots] ${message}`);

function options() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(REPO_ROOT, 'docs/images') },
      timeout: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
    },
  });
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new SetupError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  return { out: resolve(values.out), timeoutSeconds, keep: values.keep };
}

async function main() {
  const { out, timeoutSeconds, keep } = options();
  if (!existsSync(join(REPO_ROOT, 'dist/extension.js'))) throw new SetupError('dist/extension.js is missing: run npm run build first');
  const deadline = Date.now() + timeoutSeconds * 1000;
  const run = prepareRunFolder('outcome-lens-shots-', { examples: join(REPO_ROOT, 'examples') }, {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
  });
  let workbench;
  let step = 'starting the workbench';
  let finishing;
  // Once only: a timeout or a signal may arrive while a failure is being handled.
  const finish = (code, message) => (finishing ??= end(code, message));
  const end = async (code, message) => {
    clearTimeout(watchdog);
    // What the workbench showed when it went wrong, for whoever reads the failure.
    if (code !== 0) await workbench?.page.screenshot({ path: join(run.dir, 'failure.png') }).catch(() => {});
    // Before openWorkbench returns, what it started is only known as our children.
    await (workbench ? workbench.stop() : stopOurChildren());
    if (message) console.error(message);
    if (code !== 0) console.error(`code-server's log and failure.png (the workbench at the end) are in ${run.dir}`);
    if (code === 0 && !keep) rmSync(run.dir, { recursive: true, force: true });
    else log(`run folder kept: ${run.dir}`);
    process.exit(code);
  };
  const watchdog = setTimeout(() => void finish(124, `screenshots: timed out after ${timeoutSeconds} s while ${step}`), timeoutSeconds * 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void finish(signal === 'SIGINT' ? 130 : 143, `screenshots: interrupted by ${signal}`));

  try {
    workbench = await openWorkbench({ repoRoot: REPO_ROOT, extension: REPO_ROOT, run, viewport: VIEWPORT, log, deadline });
    const { page } = workbench;
    page.setDefaultTimeout(20_000);
    await workbenchReady(page);
    mkdirSync(out, { recursive: true });
    for (const [file, take] of SHOTS) {
      step = `taking ${file}`;
      await take(page, out);
    }
  } catch (err) {
    if (err instanceof ShotError) await finish(1, `screenshots: while ${step}: ${err.message}`);
    if (err instanceof SetupError) await finish(2, `screenshots: setup failed: ${err.message}`);
    await finish(2, `screenshots: while ${step}: ${err?.stack ?? err}`);
  }
  await finish(0, `screenshots: ${SHOTS.length} pictures in ${relative(process.cwd(), out) || '.'}`);
}

await main().catch((err) => {
  console.error(`screenshots: setup failed: ${err.message}`);
  process.exit(2);
});
