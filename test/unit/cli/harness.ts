// Runs the CLI two ways: `main()` in-process with captured streams, and the
// real program in a child process. Every test gets its own copy of the
// fixture trees in a temporary folder, so nothing above it (such as a config
// in the repository) is discovered and tests may add or lock files freely.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh copy of test/fixtures/cli, removed when the test ends. */
export function workspace(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-cli-'));
  // Readable by others: one test runs the CLI as an unprivileged user.
  chmodSync(dir, 0o755);
  cpSync(resolve('test/fixtures/cli'), dir, { recursive: true });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function run(argv: string[], options: { cwd: string; tty?: boolean; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: options.cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
  });
  return { code, stdout, stderr };
}

const MAIN = resolve('src/cli/main.ts');
// Absolute, so the child finds tsx whatever folder it runs in.
const TSX = pathToFileURL(require.resolve('tsx')).href;

/** `node --import tsx src/cli/main.ts ...argv` in `cwd`, optionally as another user. */
export function spawnCli(argv: string[], options: { cwd: string; uid?: number }): Promise<CliRun> {
  return new Promise((done, fail) => {
    const ids = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
      ...ids,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** stderr as lines, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
