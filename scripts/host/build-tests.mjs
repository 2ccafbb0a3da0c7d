// Bundles the extension-host test runner and every test/host/**/*.test.ts into
// out/test/host/ (runner.js plus one .js per test file), ready to be loaded by a real
// extension host. Usage: node scripts/host/build-tests.mjs
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_DIR = join(REPO_ROOT, 'test/host');
export const OUT_DIR = join(REPO_ROOT, 'out/test/host');

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // The fixture workspace is data the tests open, never test code.
    if (entry.isDirectory()) return path === join(SOURCE_DIR, 'workspace') ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Builds into outDir from scratch (so deleted suites do not linger) and returns the test
 * files' paths relative to the repo. outDir must be inside the repo: the bundles load
 * mocha from its node_modules.
 */
export async function buildHostTests(outDir = OUT_DIR) {
  const tests = findTests(SOURCE_DIR).sort();
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: [join(SOURCE_DIR, 'runner.ts'), ...tests],
    outbase: SOURCE_DIR,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build (its `main`) breaks when bundled; its ESM build does not.
    mainFields: ['module', 'main'],
    // The extension host provides 'vscode'; mocha is resolved from the repo's
    // node_modules at run time so that the runner and the suites share one instance.
    external: ['vscode', 'mocha'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return tests.map((file) => relative(REPO_ROOT, file));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tests = await buildHostTests();
  console.log(`built ${relative(REPO_ROOT, OUT_DIR)}/runner.js and ${tests.length} suite(s): ${tests.join(', ')}`);
}
