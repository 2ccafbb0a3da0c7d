// How we start code-server, shared by the test runner (run.mjs) and `npm run sandbox`:
// its flags for a throw-away run folder, the environment it gets, and installing a VSIX
// into that folder's extensions the way a user would.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from './session.mjs';

/** `session`: { dir, userDataDir, extensionsDir }; the config file need not exist. */
export function codeServerArgs(entry, session) {
  return [
    entry,
    '--config', join(session.dir, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', session.userDataDir,
    '--extensions-dir', session.extensionsDir,
  ];
}

/** Our environment without what a VS Code terminal sets (it would point the server at the wrong instance). */
export function serverEnv(session) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
  return { ...inherited, HOME: session.home, ...session.testEnv };
}

/** code-server --install-extension FILE into the session's extensions folder; its output goes to `session.codeServerLog`. */
export function installVsix(entry, session, vsix, log) {
  const install = spawnSync(process.execPath, [...codeServerArgs(entry, session), '--install-extension', vsix], { env: serverEnv(session), encoding: 'utf8', timeout: 120_000 });
  appendFileSync(session.codeServerLog, `$ --install-extension ${vsix}\n${install.stdout}${install.stderr}`);
  if (install.status !== 0) throw new SetupError(`code-server --install-extension ${vsix} failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
  log(`installed ${vsix}: ${install.stdout.trim().split('\n').pop()}`);
}
