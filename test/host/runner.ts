// The extensionTestsPath module: a VS Code extension host calls run() once the extension
// under development is loaded. It runs every *.test.js bundled beside it with mocha's TDD
// UI (suite/test). The host's own exit code does not reliably carry the outcome, so the
// outcome is also written to files named by environment variables:
//   OUTCOME_LENS_HOST_RESULT  JSON (HostResult below), rewritten after every test, so a
//                             run that hangs still shows what passed and what was running
//   OUTCOME_LENS_HOST_LOG     the spec reporter's output as plain text
//   OUTCOME_LENS_HOST_GREP    optional: only run tests whose full title matches this regex
import { appendFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface HostTestRecord {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export interface HostResult {
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  /** Full title of the test (or hook) that is running, while one is. */
  running?: string;
  tests: HostTestRecord[];
}

function findSuites(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return findSuites(path);
      return entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

// The extension host installs its own Error.prepareStackTrace, which bypasses Node's
// source-map support, so positions in the bundles are mapped back to the TypeScript here.
// Mocha has already shortened the paths relative to the working directory.
function mapStack(stack: string): string {
  return stack.replace(/([^\s()]+\.js):(\d+):(\d+)/g, (frame, file: string, line: string, column: string) => {
    const origin = findSourceMap(resolve(file))?.findOrigin(Number(line), Number(column));
    if (!origin || !('fileName' in origin)) return frame;
    const source = origin.fileName.startsWith('file:') ? fileURLToPath(origin.fileName) : origin.fileName;
    return `${relative(process.cwd(), source)}:${origin.lineNumber}:${origin.columnNumber}`;
  });
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ? mapStack(err.stack) : `${err.name}: ${err.message}`;
  return String(err);
}

function resultWriter(file: string | undefined): (result: HostResult) => void {
  if (!file) return () => {};
  // Write then rename, so a reader never sees half a file.
  return (result) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2));
    renameSync(`${file}.tmp`, file);
  };
}

function teeReporterOutput(file: string | undefined): void {
  if (!file) return;
  // Reporters print through Base.consoleLog; the extension host only forwards console
  // output to the workbench, so keep a copy the caller can print.
  const print = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    appendFileSync(file, `${format(...data)}\n`);
    print(...data);
  };
}

export function run(): Promise<void> {
  // Stack traces from the bundled suites then point into the TypeScript sources.
  process.setSourceMapsEnabled(true);
  const writeResult = resultWriter(process.env.OUTCOME_LENS_HOST_RESULT);
  teeReporterOutput(process.env.OUTCOME_LENS_HOST_LOG);

  const result: HostResult = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  const finish = (resolve: () => void, reject: (err: Error) => void): void => {
    result.done = true;
    delete result.running;
    writeResult(result);
    if (result.failed > 0) reject(new Error(`${result.failed} extension-host test(s) failed`));
    else resolve();
  };

  const grep = process.env.OUTCOME_LENS_HOST_GREP;
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20_000, ...(grep ? { grep } : {}) });
  const suites = findSuites(__dirname);
  for (const file of suites) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    const loadFailure = (error: string): void => {
      result.failed += 1;
      result.tests.push({ title: 'load suites', state: 'failed', error });
      Mocha.reporters.Base.consoleLog(`could not load the suites: ${error}`);
      finish(resolve, reject);
    };
    if (suites.length === 0) {
      loadFailure(`no *.test.js files in ${__dirname}`);
      return;
    }
    writeResult(result);
    try {
      const runner = mocha.run(() => finish(resolve, reject));
      runner.on('test', (test) => {
        result.running = test.fullTitle();
        writeResult(result);
      });
      runner.on('hook', (hook) => {
        result.running = hook.fullTitle();
      });
      runner.on('pass', (test) => {
        result.passed += 1;
        result.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        writeResult(result);
      });
      runner.on('fail', (test, err) => {
        // Reporters print failures when the run ends, so this rewrite reaches them too.
        if (err instanceof Error && err.stack) err.stack = mapStack(err.stack);
        result.failed += 1;
        result.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: describeError(err) });
        writeResult(result);
      });
      runner.on('pending', () => {
        result.pending += 1;
      });
    } catch (err) {
      // A suite that throws while it is loaded stops mocha before any test runs.
      loadFailure(describeError(err));
    }
  });
}
