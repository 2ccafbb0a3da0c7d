// A small argv parser: long options with `--name value` or `--name=value`,
// boolean flags, `--` to end options. Anything unexpected is a UsageError.
import { UsageError } from './io';

/** Option name (with dashes) -> whether it takes a value. */
export type OptionSpec = Readonly<Record<string, 'flag' | 'value'>>;

export interface ParsedArgs {
  /** Last value given for each option; `true` for flags. */
  options: Map<string, string | true>;
  positionals: string[];
}

const ALIASES: Readonly<Record<string, string>> = { '-h': '--help' };

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[written] ?? written;
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option ${written} (see --help)`);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      options.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    if (eq < 0) i++;
    options.set(name, value);
  }
  return { options, positionals };
}

/** The option's value when it is one of `allowed`, else a UsageError naming them. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.options.get(name);
  if (value === undefined || value === true) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new UsageError(`${name}: expected ${list}, not "${value}"`);
}
