// Builds the VSIX (scripts/package/vsix.mjs), then runs the host smoke suite against the
// copy code-server installs from it (scripts/host/run.mjs --vsix). Output and exit code
// are the host runner's.
//   node scripts/package/smoke.mjs [--workspace DIR] [--timeout SECS] [--keep]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageVsix, ROOT } from './vsix.mjs';

let vsix;
try {
  vsix = packageVsix();
} catch (error) {
  console.log(`host: setup failed: ${error.message}`);
  process.exit(2);
}
const host = spawnSync(process.execPath, [join(ROOT, 'scripts/host/run.mjs'), '--vsix', vsix, '--grep', '^smoke ', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(host.status ?? 2);
