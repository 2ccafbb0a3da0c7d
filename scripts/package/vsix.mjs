// Builds the VSIX with `npm run package` (vsce, after the production build of
// vscode:prepublish) into out/package/ and returns its path; shared by the smoke test and
// the sandbox.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function packageVsix() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const outDir = join(ROOT, 'out/package');
  const vsix = join(outDir, `outcome-lens-${version}.vsix`);
  rmSync(vsix, { force: true });
  mkdirSync(outDir, { recursive: true });
  const pack = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (pack.status !== 0) throw new Error(`npm run package exited ${pack.status}`);
  return vsix;
}
