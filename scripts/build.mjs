// Bundles the extension, the lint worker, the CLI and the chat webview with
// esbuild. TypeScript types are checked separately (`npm run typecheck`).
import { build } from 'esbuild';

const production = process.argv.includes('--production');
// jsonc-parser's UMD build (its `main`) breaks when bundled; its ESM build does not.
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'node20', mainFields: ['module', 'main'] };

const node = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/worker/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
const browser = [{ entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' }];

await Promise.all([
  ...node.map((o) => build({ ...common, ...o, platform: 'node', format: 'cjs' })),
  ...browser.map((o) => build({ ...common, ...o, platform: 'browser', format: 'iife', target: 'chrome120' })),
]);
