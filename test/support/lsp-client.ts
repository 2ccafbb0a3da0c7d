// A language client for tests: `outcome-lens lsp --stdio` from dist/ in a child
// process, driven over vscode-jsonrpc as an editor drives it. Published
// diagnostics are kept per URI, and a test can wait for the next ones.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';

export const ROOT = resolve(__dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli.js');

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly publishes = new Map<string, number>();
  readonly exited: Promise<number | null>;
  stderr = '';
  private waiters: Waiter[] = [];

  constructor(cwd = ROOT) {
    this.child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.publishes.set(params.uri, this.publishCount(params.uri) + 1);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
    // Requests the server makes of an editor: watcher registration, messages.
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.listen();
  }

  /** initialize + initialized, as an editor without pull diagnostics (Neovim, Helix) sends them. */
  async start(options: { rootUri?: string | null; initializationOptions?: unknown; capabilities?: object } = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo: { name: string; version: string } };
  }

  /** How many times diagnostics were published for `uri`. */
  publishCount(uri: string): number {
    return this.publishes.get(uri) ?? 0;
  }

  /** The next diagnostics published for `uri` that `accept` takes (default: any). */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    return report.items;
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return this.exited;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

/** A finding as both the CLI's json and a diagnostic can say it: 1-based places, ESLint severities (2 error, 1 other). */
export interface Seen {
  ruleId: string;
  severity: number;
  message: string;
  at: [number, number, number, number];
  related?: Array<{ message: string; at: [number, number, number, number] }>;
}

type CliPlace = Record<'line' | 'column' | 'endLine' | 'endColumn', number> & { message: string };
type CliMessage = CliPlace & { ruleId: string; severity: number; related?: CliPlace[] };

/** `outcome-lens lint --format json` on these files, as the user would run it. */
export function cliFindings(files: readonly string[], cwd = ROOT): Map<string, Seen[]> {
  const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...files], { cwd, encoding: 'utf8' });
  // Exit 2 with a report on stdout is a config with errors: the files were still linted, with
  // defaults for the broken part. Exit 2 with nothing on stdout is a run that could lint nothing.
  if (run.status === 2 && !run.stdout.trim().startsWith('[')) throw new Error(`outcome-lens lint failed: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: CliMessage[] }>;
  const at = (m: CliPlace): Seen['at'] => [m.line, m.column, m.endLine, m.endColumn];
  return new Map(
    results.map((r) => [
      r.filePath,
      r.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, at: at(m), ...(m.related ? { related: m.related.map((x) => ({ message: x.message, at: at(x) })) } : {}) })),
    ]),
  );
}

export function seenInDiagnostics(diagnostics: readonly Diagnostic[]): Seen[] {
  const at = (r: Diagnostic['range']): Seen['at'] => [r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1];
  return diagnostics.map((d) => ({
    ruleId: String(d.code),
    severity: d.severity === 1 ? 2 : 1,
    message: d.message,
    at: at(d.range),
    ...(d.relatedInformation ? { related: d.relatedInformation.map((x) => ({ message: x.message, at: at(x.location.range) })) } : {}),
  }));
}
