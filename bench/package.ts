// Packaging figures for `npm run bench package`:
//   1. each bundle's size in the default (development) and the production build, and
//      their ratio (the production build is what the VSIX and `npm pack` ship);
//   2. in the code-server host, with the VSIX installed: activation, and activation to
//      first diagnostics on the walkthrough's example PRD, against a baseline measured in
//      the same host (opening and showing a plain-text document).
// Reports only; never fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types
import { buildBundles, BUNDLES } from '../scripts/build.mjs';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function bundleSizes(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-bundles-'));
  try {
    await buildBundles({ outdir: join(dir, 'default') });
    await buildBundles({ production: true, outdir: join(dir, 'production') });
    console.log('\nbundles (default build -> production build, ratio):');
    for (const bundle of BUNDLES as string[]) {
      const before = statSync(join(dir, 'default', bundle)).size;
      const after = statSync(join(dir, 'production', bundle)).size;
      console.log(`  ${bundle.padEnd(16)} ${kb(before).padStart(9)} -> ${kb(after).padStart(9)}  ${(after / before).toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface HostTimings {
  activateMs?: number;
  exampleToDiagnosticsMs?: number;
  openPlainTextMs?: number;
  wasActive?: boolean;
}

function activation(): void {
  // An empty folder: nothing in it activates the extension before the smoke suite does.
  const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-activation-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const file = join(dir, 'timings.json');
  try {
    const run = spawnSync(process.execPath, ['scripts/package/smoke.mjs', '--workspace', workspace], {
      env: { ...process.env, OUTCOME_LENS_HOST_TIMINGS: file },
      encoding: 'utf8',
    });
    console.log('\nactivation (installed VSIX in the code-server host):');
    if (run.status !== 0 || !existsSync(file)) {
      console.log(`  not measured: the smoke run failed (exit ${run.status}); run node scripts/package/smoke.mjs to see why`);
      return;
    }
    const t = JSON.parse(readFileSync(file, 'utf8')) as HostTimings;
    const base = t.openPlainTextMs ?? NaN;
    const line = (name: string, ms: number | undefined) =>
      console.log(`  ${name.padEnd(52)} ${ms === undefined ? 'n/a' : `${ms.toFixed(0)} ms`.padStart(8)}  ${ms === undefined ? '' : `${(ms / base).toFixed(1)}x baseline`}`);
    line(`activate()${t.wasActive ? ' (already active: not a cold start)' : ''}`, t.activateMs);
    line('open example PRD -> first diagnostics', t.exampleToDiagnosticsMs);
    line('activate -> first diagnostics', t.activateMs !== undefined && t.exampleToDiagnosticsMs !== undefined ? t.activateMs + t.exampleToDiagnosticsMs : undefined);
    console.log(`  baseline: open and show a plain-text document        ${base.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function packageBench(): Promise<void> {
  await bundleSizes();
  activation();
}
