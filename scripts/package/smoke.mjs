// Builds the VSIX (npm run package: the production build of vscode:prepublish) into
// out/package/, then runs the host smoke suite against the copy code-server installs from
// it (scripts/host/run.mjs --vsix). Output and exit code are the host runner's.
//   node scripts/package/smoke.mjs [--timeout SECS] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, 'out/package');
const vsix = join(outDir, `outcome-lens-${version}.vsix`);
rmSync(vsix, { force: true });
mkdirSync(outDir, { recursive: true });

const pack = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (pack.status !== 0) {
  console.log(`host: setup failed: npm run package exited ${pack.status}`);
  process.exit(2);
}
const host = spawnSync(process.execPath, [join(root, 'scripts/host/run.mjs'), '--vsix', vsix, '--grep', '^smoke ', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(host.status ?? 2);
