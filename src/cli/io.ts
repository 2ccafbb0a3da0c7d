// What a CLI command may touch besides the file system: its streams, working
// folder and environment. Tests pass their own to run commands in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths are resolved against and shown relative to. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colors are only used there). */
  stdoutIsTTY: boolean;
}

/** A problem the user can fix (bad option, missing file): one line on stderr, exit code 2. */
export class UsageError extends Error {}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}
