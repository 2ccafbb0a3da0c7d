// Runs the extension-host suites in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (from update.code.visualstudio.com, cached in
// .vscode-test/). Same suites, options, environment and exit codes as run.mjs:
//
//   node scripts/host/run-electron.mjs [--extension DIR] [--workspace DIR] [--grep REGEX] [--timeout SECS] [--keep] [--no-build]
//
// OUTCOME_LENS_VSCODE_VERSION picks the VS Code build (default: the one the code-server
// host uses; 'stable' and 'insiders' work too). On Linux without a display, wrap the
// command in `xvfb-run -a`. Desktop VS Code prints the extension host's output, mocha's
// report included, on its own stdout.
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { REPO_ROOT } from './build-tests.mjs';
import { VSCODE_VERSION } from './code-server.mjs';
import { stopOurChildren } from './processes.mjs';
import { parseOptions, prepareSession, report, runMain, SetupError, verdict } from './session.mjs';

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const version = process.env.OUTCOME_LENS_VSCODE_VERSION || VSCODE_VERSION;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('[host] no display: VS Code will not start; run this under `xvfb-run -a`');
  }
  let vscodeExecutablePath;
  try {
    // Downloaded before the clock starts: the timeout is for the tests.
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: `${REPO_ROOT}/.vscode-test` });
  } catch (err) {
    throw new SetupError(`could not download VS Code ${version}: ${err.message}`);
  }
  // A named version is checked by the harness suite; 'stable' or 'insiders' are not known here.
  const session = await prepareSession(options, { vscodeVersion: /^\d/.test(version) ? version : undefined });

  const run = runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: options.extension,
    extensionTestsPath: session.runnerModule,
    extensionTestsEnv: session.testEnv,
    launchArgs: [session.workspace, `--user-data-dir=${session.userDataDir}`, `--extensions-dir=${session.extensionsDir}`],
  }).then(
    (code) => code,
    (err) => {
      if (err instanceof TestRunFailedError) return err.code ?? `VS Code ended by ${err.signal}`;
      throw new SetupError(`VS Code did not run the tests: ${err.message}`);
    },
  );
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, options.timeoutSeconds * 1000, 'timeout')));
  let reported;
  try {
    reported = await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    // runTests keeps no handle we could stop; VS Code is our child process.
    await stopOurChildren();
  }
  return report(session, verdict(session, reported, options.timeoutSeconds), options.keep);
}

await runMain(main);
