// What both host runners share: command-line options, the throw-away run folder
// (workspace copy, user data, settings), the environment the test runner reads, and
// turning the runner's result file into an exit code and a summary line.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHostTests, OUT_DIR, REPO_ROOT } from './build-tests.mjs';

export const EXIT = { passed: 0, failed: 1, setup: 2, timeout: 124 };

/** A problem with the machine or the inputs, not with the code under test. */
export class SetupError extends Error {}

const USAGE = `options:
  --extension DIR   extension under development (default: the repo root)
  --vsix FILE       install this packaged extension and test the installed copy instead
  --workspace DIR   folder to copy and open (default: test/host/workspace)
  --grep REGEX      run only tests whose full title matches
  --timeout SECS    give up after this long (default: $OUTCOME_LENS_HOST_TIMEOUT or 480)
  --keep            keep the run folder (logs, workspace copy) even when tests pass
  --no-build        run the suites already built in out/test/host`;

export function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        extension: { type: 'string', default: REPO_ROOT },
        vsix: { type: 'string' },
        workspace: { type: 'string', default: join(REPO_ROOT, 'test/host/workspace') },
        grep: { type: 'string' },
        // The whole run, not one test: on a machine shared with other runs the suites have taken over 300 s.
        timeout: { type: 'string', default: process.env.OUTCOME_LENS_HOST_TIMEOUT ?? '480' },
        keep: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new SetupError(`${err.message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(EXIT.passed);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new SetupError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  return {
    extension: resolve(values.extension),
    vsix: values.vsix ? resolve(values.vsix) : undefined,
    workspace: resolve(values.workspace),
    grep: values.grep,
    timeoutSeconds,
    keep: values.keep,
    build: !values['no-build'],
  };
}

function checkExtension(dir) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) throw new SetupError(`no extension at ${dir}: package.json is missing`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.main && !existsSync(resolve(dir, manifest.main)) && !existsSync(resolve(dir, `${manifest.main}.js`))) {
    throw new SetupError(`the extension's main ${manifest.main} does not exist in ${dir}: build it first (npm run build)`);
  }
}

/**
 * Creates a fresh run folder holding a copy of the workspace and user data with our
 * settings, and builds the suites for this run. Each run gets its own build, because
 * several people (or CI jobs) may run host tests from one checkout at the same time.
 */
export async function prepareSession(options, { vscodeVersion }) {
  if (options.vsix) {
    if (!existsSync(options.vsix)) throw new SetupError(`--vsix ${options.vsix} does not exist: build it first (npm run package)`);
  } else {
    checkExtension(options.extension);
  }
  if (!existsSync(options.workspace)) throw new SetupError(`workspace folder ${options.workspace} does not exist`);

  const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-host-'));
  const testsDir = options.build ? join(REPO_ROOT, 'out/test/host-runs', basename(dir)) : OUT_DIR;
  const session = {
    dir,
    testsDir,
    // What the extension host loads as extensionTestsPath (a module exporting run()).
    runnerModule: join(testsDir, 'runner'),
    workspace: join(dir, 'workspace'),
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    home: join(dir, 'home'),
    resultFile: join(dir, 'result.json'),
    logFile: join(dir, 'mocha.log'),
  };
  try {
    if (options.build) await buildHostTests(testsDir);
  } catch (err) {
    removeBuild(session);
    rmSync(dir, { recursive: true, force: true });
    throw new SetupError(`the host suites do not build (see esbuild's messages above): ${err.message.split('\n')[0]}`);
  }
  if (!existsSync(`${session.runnerModule}.js`)) throw new SetupError(`${session.runnerModule}.js is missing: run node scripts/host/build-tests.mjs`);
  cpSync(options.workspace, session.workspace, { recursive: true });
  for (const sub of [join(session.userDataDir, 'User'), session.extensionsDir, session.home]) mkdirSync(sub, { recursive: true });
  // files.autoSave: the browser workbench saves after a delay by default; tests expect
  // the desktop behaviour, where an edit stays unsaved until something saves it.
  const settings = {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
  };
  writeFileSync(join(session.userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));

  session.testEnv = {
    OUTCOME_LENS_HOST_RESULT: session.resultFile,
    OUTCOME_LENS_HOST_LOG: session.logFile,
    OUTCOME_LENS_HOST_WORKSPACE: session.workspace,
    // An installed copy lives in the extensions folder, not at --extension.
    ...(options.vsix ? { OUTCOME_LENS_HOST_VSIX: options.vsix, OUTCOME_LENS_HOST_EXTENSIONS_DIR: session.extensionsDir } : { OUTCOME_LENS_HOST_EXTENSION: options.extension }),
    ...(vscodeVersion ? { OUTCOME_LENS_HOST_VSCODE_VERSION: vscodeVersion } : {}),
    ...(options.grep ? { OUTCOME_LENS_HOST_GREP: options.grep } : {}),
  };
  return session;
}

function readResult(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Decides the exit code from what the host reported (the test run's exit code, 'timeout',
 * or a sentence saying what ended it) and the result file the runner wrote, which wins
 * whenever it shows a failure. The failures themselves are in the mocha log, which the
 * runners print.
 */
export function verdict(session, reported, timeoutSeconds) {
  const result = readResult(session.resultFile);
  const counts = result ? `${result.passed} passed, ${result.failed} failed` : '';
  if (reported === 'timeout') {
    const where = result?.running ? ` while running "${result.running}"` : '';
    return { code: EXIT.timeout, summary: `host: timed out after ${timeoutSeconds} s${where}${counts ? ` (${counts} so far)` : ''}` };
  }
  if (!result?.done) {
    const state = result ? 'its result is incomplete' : 'it wrote no result';
    const ended = typeof reported === 'number' ? `the host reported exit ${reported}` : reported;
    return { code: EXIT.setup, showLogs: true, summary: `host: setup failed: the test runner did not finish (${state}; ${ended})` };
  }
  if (result.passed + result.failed === 0) {
    return { code: EXIT.setup, summary: 'host: setup failed: no tests ran (check --grep and test/host/**/*.test.ts)' };
  }
  const summary = `host: ${counts}`;
  if (result.failed > 0) return { code: EXIT.failed, summary };
  if (reported !== 0) {
    const ended = typeof reported === 'number' ? `the host reported exit ${reported}` : reported;
    return { code: EXIT.failed, note: `${ended} although every test passed`, summary };
  }
  return { code: EXIT.passed, summary };
}

/** Removes this run's build of the suites (a prebuilt out/test/host stays). */
export function removeBuild(session) {
  if (session.testsDir !== OUT_DIR) rmSync(session.testsDir, { recursive: true, force: true });
}

/** Prints the verdict (summary last), removes the run folder after a pass unless kept, and returns the exit code. */
export function report(session, outcome, keep) {
  removeBuild(session);
  if (outcome.note) console.log(outcome.note);
  if (outcome.code === EXIT.passed && !keep) rmSync(session.dir, { recursive: true, force: true });
  else console.error(`[host] logs and workspace copy kept in ${session.dir}`);
  console.log(outcome.summary);
  return outcome.code;
}

/**
 * Runs a runner's main, turning SetupErrors (and anything unexpected) into exit 2. Exits
 * explicitly: idle keep-alive sockets would otherwise hold the process for seconds.
 */
export async function runMain(main) {
  let code;
  try {
    code = await main();
  } catch (err) {
    const message = err instanceof SetupError ? err.message : (err?.stack ?? String(err));
    console.log(`host: setup failed: ${message}`);
    code = EXIT.setup;
  }
  process.exit(code);
}
