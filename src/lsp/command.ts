// `outcome-lens lsp --stdio`: the language server on standard input and output.
// Loaded only for this subcommand (dist/lsp.js, a bundle of its own), so `lint`
// and `--version` never pay for the protocol libraries.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { UsageError, type CliIo } from '../cli/io';
import { parseCommandLine } from '../cli/args';
import { LintClient } from '../worker/lint-client';
import { DiagnosticsWriter } from './message-encoder';
import { startServer } from './server';

export const LSP_USAGE = `usage: outcome-lens lsp --stdio

Runs the Outcome Lens language server, speaking the Language Server Protocol on
standard input and output. Editors start it themselves; see docs/editors.md for
Neovim, Helix, Emacs, Sublime Text, Zed and JetBrains.

Options:
  --stdio      talk over standard input and output (the only transport)
  -h, --help   show this help
`;

export function runLsp(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv, { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (!parsed.values.help && parsed.values.stdio !== true) throw new UsageError('lsp: give --stdio (the server talks over standard input and output)');
    if (parsed.positionals.length) throw new UsageError(`lsp: unexpected argument "${parsed.positionals[0]}"`);
  } catch (error) {
    // This bundle has its own copy of UsageError, which main's `instanceof` does not know.
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`outcome-lens: ${error.message}\n`);
    return Promise.resolve(2);
  }
  if (parsed.values.help) {
    io.stdout(LSP_USAGE);
    return Promise.resolve(0);
  }
  // The bundled worker sits beside this bundle; run from sources there is none, and linting stays in-process.
  const worker = join(__dirname, 'lint-worker.js');
  const client = new LintClient(existsSync(worker) ? worker : undefined, (message) => process.stderr.write(`outcome-lens lsp: ${message}\n`));
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new DiagnosticsWriter(process.stdout));
  startServer(connection, { client, version });
  // The connection exits the process on `exit`; until then (or until the client goes away) the server runs.
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}
