// Writes the artefacts derived from our zod schemas:
//   schemas/outcome-lens.schema.json        (validates .outcome-lens.json in the editor)
//   package.json contributes.configuration   (the outcomeLens.* settings)
//   package.json capabilities.untrustedWorkspaces.restrictedConfigurations
// `--check` writes nothing and exits 1 naming what is out of date (CI and tests use it).
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../src/engine/config/schema';
import { rules } from '../src/engine/rules';
import { RESTRICTED_SETTINGS, SETTINGS, type SettingSpec } from '../src/settings/schema';

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function configJsonSchema(): Record<string, unknown> {
  const schema = jsonSchemaOf(configSchema);
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  // Name every rule, so the editor completes rule ids and shows each rule's description.
  const ruleSetting = properties.rules!.additionalProperties;
  properties.rules!.properties = Object.fromEntries(rules.map((r) => [r.meta.id, { ...(ruleSetting as object), description: `${r.meta.description} (default: ${r.meta.defaultSeverity})` }]));
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Outcome Lens configuration', ...schema };
}

export function settingsContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  Object.entries(SETTINGS as Record<string, SettingSpec>).forEach(([key, spec], order) => {
    const schema = jsonSchemaOf(spec.schema);
    const { description, ...rest } = schema;
    properties[`outcomeLens.${key}`] = { ...rest, default: spec.default, markdownDescription: description, scope: spec.scope, order };
  });
  return { title: 'Outcome Lens', properties };
}

function stable(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function generate(check: boolean): string[] {
  const drift: string[] = [];
  const write = (path: string, text: string) => {
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (old === text) return;
    drift.push(path);
    if (!check) writeFileSync(path, text);
  };
  write('schemas/outcome-lens.schema.json', stable(configJsonSchema()));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  pkg.contributes.configuration = settingsContribution();
  pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = RESTRICTED_SETTINGS;
  write('package.json', stable(pkg));
  return drift;
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const check = process.argv.includes('--check');
  const drift = generate(check);
  if (check && drift.length) {
    console.error(`out of date (run npm run generate): ${drift.join(', ')}`);
    process.exit(1);
  }
  console.log(drift.length ? `${check ? 'out of date' : 'wrote'}: ${drift.join(', ')}` : 'generated files are up to date');
}
