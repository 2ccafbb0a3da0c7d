// `npm test`: every check CI runs, in order, each step's output streamed.
// Steps keep going after a failure so one run shows everything that is wrong;
// the last line sums the test counts of all suites ("N passed, N failed").
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureDebianPackages } from './host/code-server.mjs';

const node = process.execPath;
const uiTests = readdirSync('test/ui').filter((f) => f.endsWith('.test.ts')).map((f) => `test/ui/${f}`);
const packageTests = readdirSync('test/package').filter((f) => f.endsWith('.test.ts')).map((f) => `test/package/${f}`);
const steps = [
  { name: 'generated files', cmd: [node, '--import', 'tsx', 'scripts/generate.ts', '--check'] },
  { name: 'generated templates', cmd: [node, '--import', 'tsx', 'scripts/generate-templates.ts', '--check'] },
  { name: 'typecheck', cmd: [node, 'node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'] },
  { name: 'typecheck webview', cmd: [node, 'node_modules/typescript/bin/tsc', '-p', 'src/webview', '--noEmit'] },
  { name: 'typecheck UI test page', cmd: [node, 'node_modules/typescript/bin/tsc', '-p', 'test/ui/page', '--noEmit'] },
  { name: 'build', cmd: [node, 'scripts/build.mjs'] },
  { name: 'unit tests', cmd: [node, 'scripts/test-unit.mjs'], counts: true },
  { name: 'chat UI tests (Chromium)', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', ...uiTests], counts: true },
  { name: 'extension host tests', cmd: [node, 'scripts/host/run.mjs'], counts: true },
  // Last: `npm pack` and the VSIX leave dist/ with the production build.
  { name: 'packages (npm pack, metadata)', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', ...packageTests], counts: true },
  { name: 'installed VSIX smoke (code-server)', cmd: [node, 'scripts/package/smoke.mjs'], counts: true },
];

function run(step) {
  return new Promise((resolve) => {
    console.log(`\n=== ${step.name}: ${step.cmd.slice(1).join(' ')}`);
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

// Chromium (UI tests), Neovim (the language server's real client) and code-server's
// native-module headers (host tests) come from Debian; install them once when missing,
// so a fresh machine needs only `npm test`.
try {
  ensureDebianPackages(['chromium', 'libkrb5-dev', 'ripgrep', 'neovim'], (m) => console.log(m));
} catch (error) {
  console.log(`could not install system packages: ${error instanceof Error ? error.message : String(error)}`);
}

let passed = 0;
let failed = 0;
const broken = [];
const started = Date.now();
for (const step of steps) {
  const t0 = Date.now();
  const { code, out } = await run(step);
  if (step.counts) {
    // node:test prints "ℹ pass N"; the host runner prints "host: N passed, N failed".
    const pass = [...out.matchAll(/^ℹ pass (\d+)$|(\d+) passed, (\d+) failed/gm)];
    for (const m of pass) passed += Number(m[1] ?? m[2]);
    for (const m of out.matchAll(/^ℹ fail (\d+)$|\d+ passed, (\d+) failed/gm)) failed += Number(m[1] ?? m[2]);
  }
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (code !== 0) broken.push(step.name);
}
console.log(`\n${broken.length ? `failed steps: ${broken.join(', ')}` : 'all steps passed'} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
if (broken.length && failed === 0) failed = broken.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken.length ? 1 : 0);
