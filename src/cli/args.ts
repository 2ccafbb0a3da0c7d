// Command lines are read by node:util's parseArgs; this module only words its
// problems our way. parseArgs runs non-strict so that we see every token and can
// name the problem (an unknown option, a missing value, a value given to a flag)
// in the one-line messages the CLI's exit code 2 comes with.
import { parseArgs } from 'node:util';
import { UsageError } from './io';

/** Option name (without dashes) -> its type, and `-h` style short name. */
export type OptionSpec = Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>;

export interface ParsedArgs {
  /** Last value given for each option; `true` for flags. */
  values: Readonly<Record<string, string | boolean | undefined>>;
  positionals: string[];
}

/** What was wrong with a command line; commands word it their way. */
export class ArgsProblem extends UsageError {
  constructor(
    readonly problem: 'unknown' | 'needs-value' | 'takes-no-value',
    /** The option as written (`--fixx`, `-x`), or its long form for a known option. */
    readonly option: string,
  ) {
    super(problem === 'unknown' ? `unknown option ${option} (see --help)` : problem === 'needs-value' ? `${option} needs a value` : `${option} takes no value`);
  }
}

export function parseCommandLine(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: spec, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = spec[token.name];
    if (!known) throw new ArgsProblem('unknown', token.rawName);
    const long = `--${token.name}`;
    if (known.type === 'boolean' && token.value !== undefined) throw new ArgsProblem('takes-no-value', long);
    // `--format --quiet`: parseArgs would take the next option as the value; that is a slip.
    if (known.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      throw new ArgsProblem('needs-value', long);
    }
  }
  return { values, positionals };
}

/** The option's value, when it was given one. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The option's value when it is one of `allowed`, else a UsageError naming them. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.values[name];
  if (typeof value !== 'string') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new UsageError(`--${name}: expected ${list}, not "${value}"`);
}
