// Bundles the extension, the lint worker, the CLI and the chat webview with
// esbuild. TypeScript types are checked separately (`npm run typecheck`).
//   node scripts/build.mjs [--production]
// --production (vscode:prepublish, prepack): minified, no source maps.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The bundles, by output file name under the output folder. */
export const BUNDLES = ['extension.js', 'lint-worker.js', 'cli.js', 'cli-main.js', 'lsp.js', 'webview.js'];

/** The CLI's `import('../lsp/command')` loads the language server's own bundle, beside cli.js, at run time. */
const lspApart = {
  name: 'lsp-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/lsp\/command$/ }, () => ({ path: './lsp.js', external: true }));
  },
};

export async function buildBundles({ production = false, outdir = 'dist' } = {}) {
  // jsonc-parser's UMD build (its `main`) breaks when bundled; its ESM build does not.
  const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'node20', mainFields: ['module', 'main'] };
  const node = [
    { entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
    { entryPoints: ['src/worker/lint-worker.ts'], outfile: `${outdir}/lint-worker.js` },
    // The program is a tiny entry that answers --version alone and loads the rest (cli-main.js) for anything else.
    { entryPoints: ['src/cli/bin.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' }, external: ['./cli-main.js'] },
    { entryPoints: ['src/cli/main.ts'], outfile: `${outdir}/cli-main.js`, plugins: [lspApart] },
    { entryPoints: ['src/lsp/command.ts'], outfile: `${outdir}/lsp.js` },
  ];
  const browser = [{ entryPoints: ['src/webview/main.ts'], outfile: `${outdir}/webview.js` }];
  // A development build's maps would sit beside minified bundles they do not describe.
  if (production) for (const bundle of BUNDLES) rmSync(`${outdir}/${bundle}.map`, { force: true });
  await Promise.all([
    ...node.map((o) => build({ ...common, ...o, platform: 'node', format: 'cjs' })),
    ...browser.map((o) => build({ ...common, ...o, platform: 'browser', format: 'iife', target: 'chrome120' })),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Not a top-level await: the bench loads this module through require().
  buildBundles({ production: process.argv.includes('--production') }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
