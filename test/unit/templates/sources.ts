// The built-in template sources as the generator reads them.
import { readFileSync, readdirSync } from 'node:fs';
import type { TemplateSource } from '../../../src/templates/outputs';

export function loadBuiltinSources(): TemplateSource[] {
  return readdirSync('templates')
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ fileName: `templates/${name}`, text: readFileSync(`templates/${name}`, 'utf8') }));
}
