// The production bundles keep only the zod they use. `import { z } from 'zod'` pulls in
// the whole library, locales included (about 450 KB of each bundle), because the `z`
// object escapes tree-shaking; `import * as z from 'zod'` lets esbuild drop what is unused.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error: a plain ES module without types
import { buildBundles } from '../../scripts/build.mjs';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('zod in the bundles', () => {
  test('no source imports zod as `{ z }`', () => {
    const offenders = sources(join(ROOT, 'src')).filter((file) => /^import \{ z \} from 'zod';$/m.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => f.slice(ROOT.length + 1)), []);
  });

  test("the production extension bundle carries no zod locale but English", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-lens-bundle-'));
    try {
      await buildBundles({ production: true, outdir: dir });
      const bundle = readFileSync(join(dir, 'extension.js'), 'utf8');
      // A message from zod's Indonesian locale (ASCII, so it survives esbuild's escaping).
      assert.ok(!bundle.includes('Input tidak valid'), 'the locales are tree-shaken');
      assert.ok(bundle.includes('Invalid input'), 'the English messages stay');
      assert.ok(statSync(join(dir, 'extension.js')).size < 800 * 1024, `extension.js is ${statSync(join(dir, 'extension.js')).size} bytes`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
