// `npm run eval [-- --labels FILE --docs DIR --verbose --json]`: how well the rules judge
// hand-labeled documents (docs/eval.md). Exit 0 with the figures, 2 when the inputs cannot be used.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, stringOption } from '../src/cli/args';
import { UsageError } from '../src/cli/io';
import { formatJson, formatText } from '../src/eval/format';
import { defaultInputs, EvalInputError, runEval } from '../src/eval/run';
import { SPLITS, type Split } from '../src/eval/split';

const USAGE = `usage: npm run eval -- [--labels FILE] [--docs DIR] [--verbose] [--json]

Lints every document named in a labels file (the format of ../shared/eval/RUBRIC.md) and
prints precision and recall of vanity-metric and output-as-outcome, the document verdicts of
success-metrics-missing and the precision of metric-missing-target/baseline/timeframe on
labeled lines. The figures are those of ../shared/eval/score.mjs.

  --labels FILE   labels file (default: ../shared/eval/labels.json beside the project)
  --docs DIR      folder the labeled file names are relative to (default: ../shared/corpus)
  --auto          lint without a kind, as a user gets it (score.mjs --auto)
  --split S       all (default), dev or check: the seeded development and check splits
                  (docs/eval.md); read the check split's figures, never its misses
  --verbose       also list every miss: wrong verdicts, false positives, false negatives
  --json          print score.mjs's JSON summary (with --verbose, also "misses")
`;

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv, {
    labels: { type: 'string' },
    docs: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
    auto: { type: 'boolean' },
    split: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}" (see --help)`);
  const defaults = defaultInputs(join(dirname(fileURLToPath(import.meta.url)), '..'));
  const split = stringOption(args, 'split') ?? 'all';
  if (!(SPLITS as readonly string[]).includes(split)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')}, not "${split}"`);
  const inputs = {
    labels: stringOption(args, 'labels') ?? defaults.labels,
    docs: stringOption(args, 'docs') ?? defaults.docs,
    auto: args.values.auto === true,
    split: split as Split,
  };
  const verbose = args.values.verbose === true;
  const run = await runEval(inputs);
  for (const warning of run.warnings) process.stderr.write(`eval: ${warning}\n`);
  const source = `labels ${relative(process.cwd(), inputs.labels)}, documents in ${relative(process.cwd(), inputs.docs)}${split === 'all' ? '' : `, ${split} split`}${inputs.auto ? ', no --kind' : ''}`;
  process.stdout.write(args.values.json === true ? formatJson(run, { verbose }) : formatText(run, { verbose, source }));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (!(error instanceof UsageError || error instanceof EvalInputError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    process.exitCode = 2;
  },
);
