// `outcome-lens rules`: the catalogue with default severities, so users can
// find ids for their config without opening the docs.
import { rules } from '../engine';
import { parseCommandLine } from './args';
import { UsageError, type CliIo } from './io';

export const RULES_USAGE = `usage: outcome-lens rules

Lists every rule: its id, default severity, the document kinds it checks and what it looks for.
`;

export function runRules(argv: readonly string[], io: CliIo): number {
  const parsed = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } });
  if (parsed.values.help) {
    io.stdout(RULES_USAGE);
    return 0;
  }
  if (parsed.positionals.length) throw new UsageError(`rules takes no arguments, got "${parsed.positionals[0]}"`);
  const rows = rules.map(({ meta }) => [meta.id, meta.defaultSeverity, meta.kinds.join(','), meta.description] as const);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  io.stdout(rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n');
  return 0;
}
