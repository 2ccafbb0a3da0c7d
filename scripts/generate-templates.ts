// Writes the snippets file, docs/templates.md and the bundled template data
// from templates/*.md. `--check` writes nothing and exits 1 listing what drifted;
// `--root DIR` works on another checkout (the tests use a scratch copy).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOutputs } from '../src/templates/outputs';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? resolve(args[rootArg + 1] ?? '.') : join(dirname(fileURLToPath(import.meta.url)), '..');
const check = args.includes('--check');

const sources = readdirSync(join(root, 'templates'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ fileName: `templates/${name}`, text: readFileSync(join(root, 'templates', name), 'utf8') }));

const { files, errors } = buildOutputs(sources);
if (errors.length) {
  for (const error of errors) console.error(error);
  process.exit(1);
}

const drifted: string[] = [];
for (const [path, content] of files) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === content) continue;
  drifted.push(path);
  if (!check) writeFileSync(full, content);
}
if (check && drifted.length) {
  console.error(`out of date (run: node --import tsx scripts/generate-templates.ts):\n${drifted.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(check ? `${files.size} generated files are up to date` : `${drifted.length} of ${files.size} generated files written`);
