// Installs code-server (the VS Code server with a browser workbench) from npm into a
// cache folder outside the repo, so a machine that cannot download VS Code itself can
// still run a real extension host. Also finds Chromium and the Debian packages both need.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { SetupError } from './session.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
// The VS Code release that code-server version is built from; the last line that runs on Node 20.
export const VSCODE_VERSION = '1.100.3';

// Packages whose install scripts must run. code-server's postinstall installs the VS Code
// server's own dependencies in its lib/vscode folder, a separate npm project, where native
// modules are built from source: node-pty (terminals), spdlog (logging), kerberos (proxy
// auth), native-watchdog, deviceid; @parcel/watcher builds only when no prebuilt fits; and
// @vscode/ripgrep fetches rg (we seed its cache, below). argon2 (password auth) tries a
// prebuilt binary from GitHub, then builds. The Windows-only packages stay unapproved: on
// Linux they build nothing. Names only: npm matches pinned name@version entries through
// the lockfile's resolved URLs, which omit-lockfile-registry-resolved (set on our machines)
// leaves out; the versions are fixed by code-server's shrinkwraps anyway.
const ROOT_SCRIPTS = ['code-server', 'argon2'];
const VSCODE_SCRIPTS = ['@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'];

// Files that exist only if those install scripts really ran.
const INSTALL_PRODUCTS = [
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
  'node_modules/code-server/lib/vscode/node_modules.asar',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'node_modules/code-server/lib/vscode/extensions/node_modules/typescript/package.json',
];

// libkrb5-dev: headers for kerberos; g++/make/python3: node-gyp; ripgrep: seeds the rg download.
const INSTALL_PACKAGES = ['libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'];
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function cacheFolder(repoRoot) {
  const dir = resolve(process.env.OUTCOME_LENS_HOST_CACHE || join(homedir(), '.cache/outcome-lens-host'));
  const inside = relative(repoRoot, dir);
  if (!inside.startsWith('..') && !inside.startsWith('/')) {
    throw new SetupError(`OUTCOME_LENS_HOST_CACHE (${dir}) must be outside the repository`);
  }
  return dir;
}

function missingDebianPackages(names) {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) return []; // not Debian: trust the machine
  return names.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !query.stdout?.includes('ok installed');
  });
}

/** Installs missing Debian packages when we are root; otherwise says what to install. */
export function ensureDebianPackages(names, log) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new SetupError(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const apt = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (apt.status !== 0) throw new SetupError(`apt-get ${args[0]} failed:\n${apt.stderr || apt.stdout}`);
  }
}

export function findChromium() {
  const candidates = process.env.CHROMIUM ? [process.env.CHROMIUM] : CHROMIUM_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new SetupError(`Chromium not found (looked at ${candidates.join(', ')}); install Debian's chromium or set CHROMIUM`);
  return found;
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless the release archive is
// already in its cache folder under TMPDIR; an archive of Debian's rg stands in for it.
function seedRipgrepCache(tmpDir) {
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = targets[arch()];
  if (process.platform !== 'linux' || !target) throw new SetupError(`the code-server host supports Linux x64 and arm64, not ${process.platform} ${arch()}`);
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((path) => existsSync(path));
  if (!rg) throw new SetupError('ripgrep (rg) is not installed; install Debian package ripgrep');
  const cache = join(tmpDir, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  const archive = join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  const tar = spawnSync('tar', ['czf', archive, '-C', resolve(rg, '..'), 'rg']);
  if (tar.status !== 0) throw new SetupError(`could not write ${archive}: ${tar.stderr}`);
}

function runLogged(command, args, { cwd, env, logFile }) {
  return new Promise((resolveRun) => {
    appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => appendFileSync(logFile, chunk));
    child.stderr.on('data', (chunk) => appendFileSync(logFile, chunk));
    child.on('error', (err) => {
      appendFileSync(logFile, `${err.stack}\n`);
      resolveRun(1);
    });
    child.on('close', (code) => resolveRun(code ?? 1));
  });
}

function tail(file, lines) {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function install(installDir, cache, log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} installs only with Node 20 (this is Node ${process.versions.node})`);
  ensureDebianPackages(INSTALL_PACKAGES, log);

  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  const tmpDir = join(cache, 'tmp');
  seedRipgrepCache(tmpDir);
  // Approvals live where npm 11 reads them for a project install: our package.json's
  // allowScripts, and an .npmrc in lib/vscode for the install code-server's postinstall
  // starts there. They cannot go in a user npmrc or the environment: npm exports such
  // config to install scripts, and the nested install then rejects it as a command-line
  // flag (EALLOWSCRIPTS). So: fetch everything without scripts, add the lib/vscode
  // approvals, then let `npm rebuild` run the approved scripts.
  const manifest = {
    private: true,
    description: 'code-server for the Outcome Lens extension-host tests',
    allowScripts: Object.fromEntries(ROOT_SCRIPTS.map((spec) => [spec, true])),
  };
  writeFileSync(join(installDir, 'package.json'), JSON.stringify(manifest, null, 2));
  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // code-server's postinstall refuses to run as root without this.
    npm_config_unsafe_perm: 'true',
    // node-pty's install script runs `npx node-gyp`, which must not stop to ask.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp would download Node's headers; Debian's nodejs ships them in /usr/include/node.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

  const logFile = join(installDir, 'install.log');
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (a minute or two; log: ${logFile})`);
  const npm = async (args) => {
    const code = await runLogged('npm', args, { cwd: installDir, env, logFile });
    if (code !== 0) throw new SetupError(`npm ${args.join(' ')} failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile, 40)}`);
  };
  await npm(['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`]);
  writeFileSync(join(installDir, 'node_modules/code-server/lib/vscode/.npmrc'), `allow-scripts=${VSCODE_SCRIPTS.join(',')}\n`);
  await npm(['rebuild']);
  const missing = INSTALL_PRODUCTS.filter((file) => !existsSync(join(installDir, file)));
  if (missing.length > 0) {
    throw new SetupError(`code-server installed but its install scripts did not all run; missing:\n  ${missing.join('\n  ')}\nsee ${logFile}`);
  }
}

function lockHolder(lockDir) {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

// Several runs may start at once on one machine; one installs, the others wait for it.
async function withInstallLock(lockDir, log, work) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (!lockHolder(lockDir)) {
        // Left behind by a run that died (or is just taking the lock): wait a moment, then clear it.
        await new Promise((r) => setTimeout(r, 1000));
        if (!lockHolder(lockDir)) rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new SetupError(`gave up waiting for the install lock ${lockDir}`);
      log(`waiting for another run to finish installing code-server (${lockDir})`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  writeFileSync(join(lockDir, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Returns the path of code-server's entry script, installing it first if needed. */
export async function ensureCodeServer(cache, log) {
  const installDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(installDir, 'node_modules/code-server/out/node/entry.js');
  const stamp = join(installDir, '.installed');
  if (existsSync(stamp)) return entry;
  mkdirSync(cache, { recursive: true });
  await withInstallLock(`${installDir}.lock`, log, async () => {
    if (existsSync(stamp)) return; // another run installed it while we waited
    const started = Date.now();
    await install(installDir, cache, log);
    writeFileSync(stamp, new Date().toISOString());
    log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  return entry;
}
