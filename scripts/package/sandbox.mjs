// `npm run sandbox`: try Outcome Lens without VS Code. Builds the VSIX, installs it into a
// fresh code-server (browser-based VS Code) profile, opens a copy of examples/ and serves
// it on 127.0.0.1 until Ctrl+C. PORT=8080 npm run sandbox picks the port.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFolder, ensureCodeServer } from '../host/code-server.mjs';
import { freePort, stopTree, waitForHttp } from '../host/processes.mjs';
import { codeServerArgs, installVsix, serverEnv } from '../host/server.mjs';
import { packageVsix, ROOT } from './vsix.mjs';

const log = (message) => console.error(`[sandbox] ${message}`);

const vsix = packageVsix();
const entry = await ensureCodeServer(cacheFolder(ROOT), log);
const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-sandbox-'));
const session = { dir, userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions'), home: join(dir, 'home'), codeServerLog: join(dir, 'code-server.log') };
for (const sub of [session.userDataDir, session.extensionsDir, session.home]) mkdirSync(sub, { recursive: true });
// A copy, so trying the quick fixes does not edit the repository's examples.
const workspace = join(dir, 'examples');
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
installVsix(entry, session, vsix, log);

const port = Number(process.env.PORT) || (await freePort());
const server = spawn(process.execPath, [...codeServerArgs(entry, session), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, workspace], {
  env: serverEnv(session),
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exited;
server.on('exit', (code, signal) => {
  exited = `code-server stopped (${signal ?? `exit ${code}`})`;
});
const stop = async () => {
  await stopTree(server.pid);
  rmSync(dir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

await waitForHttp(`http://127.0.0.1:${port}/healthz`, { deadline: Date.now() + 60_000, giveUp: () => exited });
console.log(`\nOutcome Lens sandbox: http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
console.log('Help > Welcome lists the Outcome Lens walkthrough. Ctrl+C stops the server and removes the sandbox folder.');
server.on('exit', () => {
  log(exited);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
