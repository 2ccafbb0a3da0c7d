// The language server while typing in a 1 MB document: the median time from a
// didChange notification to the diagnostics published for that version, over
// the time of a full lint of the same text in-process (target <= 0.2). The server
// runs as users run it (dist/cli.js lsp --stdio), with debounceMs 0 so the figure
// is the server's own work (the default 300 ms debounce is reported beside it), and
// the longest time budget, so a loaded machine measures lints, not cancellations.
// The full lints are interleaved with the keystrokes (one after every few, while the
// server is idle), so that both sides of the ratio are timed under the same load.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { Linter } from '../src/engine';
import { syntheticPrd } from './lint';
import { median, type BenchResult } from './report';

const URI = 'file:///tmp/outcome-lens-bench/synthetic-prd.md';

/** Keystrokes between two full lints. */
const EDITS_PER_FULL_LINT = 4;

function fullLint(text: string): number {
  const t0 = performance.now();
  new Linter().lint(text, { fileName: 'synthetic-prd.md' });
  return performance.now() - t0;
}

async function typingThroughServer(text: string, debounceMs: number, edits: number, between?: (edit: number) => void): Promise<number[]> {
  const cli = resolve('dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri === URI && p.version !== undefined) waiting.get(p.version)?.();
  });
  connection.listen();
  const published = (version: number) => new Promise<void>((done) => waiting.set(version, done));
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { outcomeLens: { debounceMs, lintTimeoutSeconds: 120 } } });
    await connection.sendNotification('initialized', {});
    const first = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
    await first;
    const lines = text.split('\n');
    const samples: number[] = [];
    for (let version = 2; version < edits + 2; version++) {
      between?.(version - 2);
      // A keystroke somewhere in the middle of a prose line, a different place each time.
      const line = Math.floor((lines.length * (version - 1)) / (edits + 2));
      const at = { line, character: Math.min(3, lines[line]!.length) };
      const done = published(version);
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      await done;
      samples.push(performance.now() - t0);
      lines[line] = `${lines[line]!.slice(0, at.character)}x${lines[line]!.slice(at.character)}`;
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return samples;
  } finally {
    connection.dispose();
    server.kill();
  }
}

export async function lspBench(): Promise<BenchResult[]> {
  const text = syntheticPrd();
  fullLint(text); // compiles the engine's patterns, which the server's worker has done at start
  const full: number[] = [];
  const typed = await typingThroughServer(text, 0, 16, (edit) => {
    if (edit % EDITS_PER_FULL_LINT === 0) full.push(fullLint(text));
  });
  full.push(fullLint(text));
  const withDebounce = median(await typingThroughServer(text, 300, 5));
  const server = median(typed);
  const fullLintMs = median(full);
  return [
    {
      name: 'change -> published diagnostics / full lint (1 MB, debounce 0)',
      value: server / fullLintMs,
      target: 0.2,
      detail: `median ${server.toFixed(0)} ms vs full lint ${fullLintMs.toFixed(0)} ms (best ${Math.min(...typed).toFixed(0)} vs ${Math.min(...full).toFixed(0)}: ${(Math.min(...typed) / Math.min(...full)).toFixed(3)}); with the default 300 ms debounce ${withDebounce.toFixed(0)} ms`,
    },
  ];
}
