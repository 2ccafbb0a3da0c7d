// The outcome-lens command: dispatches to a subcommand and turns expected
// failures into one line on stderr with exit code 2. esbuild bundles this file
// to dist/cli-main.js, which dist/cli.js (src/cli/bin.ts) loads for any command
// but --version; importing it (as the tests do) runs nothing.
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { UsageError, processIo, type CliIo } from './io';
import { runLint } from './lint-command';
import { runPersonasCommand } from './personas-command';
import { runRules } from './rules-command';

export const USAGE = `usage: outcome-lens <command> [options]

Commands:
  lint [PATH...]   check PRDs and business cases (outcome-lens lint --help)
  rules            list the rules with their default severity
  personas [PATH]  list the chat personas found in a workspace (outcome-lens personas --help)
  lsp --stdio      run the language server for editors (outcome-lens lsp --help)

Options:
  -h, --help       show this help
  -v, --version    print the version
`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await runLint(rest, io, version);
      case 'rules':
        return runRules(rest, io);
      case 'personas':
        return await runPersonasCommand([...rest], io);
      case 'lsp':
        // A bundle of its own (dist/lsp.js): lint and --version never load the protocol libraries.
        return await (await import('../lsp/command')).runLsp(rest, io, version);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return 0;
      case '-v':
      case '--version':
        io.stdout(`${version}\n`);
        return 0;
      case undefined:
        throw new UsageError('no command given; try outcome-lens lint docs/ (see --help)');
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command} (see --help)` : `unknown command "${command}" (see --help)`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`outcome-lens: ${error.message}\n`);
    return 2;
  }
}

/** Runs the command line as the process: exit code, broken pipes and internal errors. */
export function runProgram(argv: readonly string[]): void {
  // `outcome-lens lint | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`outcome-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

// Run only as the program itself (tsx src/cli/main.ts), not when imported, nor in a lint pool worker (which loads this bundle too).
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module && isMainThread) runProgram(process.argv.slice(2));
