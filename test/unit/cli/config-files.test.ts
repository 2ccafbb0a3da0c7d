// Config discovery (pure over an injected `exists`) and config loading with
// located problems: the parts the extension reuses.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigFinder, configFromText, findConfigFile, loadConfigFile } from '../../../src/node/config-files';
import { workspace } from './harness';

/** A file system with only these files, counting the questions asked. */
function fakeTree(files: string[]) {
  const present = new Set(files.map((f) => resolve(f)));
  const asked: string[] = [];
  return {
    asked,
    exists: (path: string) => {
      asked.push(path);
      return present.has(path);
    },
  };
}

describe('findConfigFile', () => {
  test('the nearest folder wins, walking up to the root', async () => {
    const tree = fakeTree(['/repo/.outcome-lens.json', '/repo/docs/team/.outcome-lens.jsonc']);
    assert.equal(await findConfigFile('/repo/docs/team/q3', tree), resolve('/repo/docs/team/.outcome-lens.jsonc'));
    assert.equal(await findConfigFile('/repo/docs', tree), resolve('/repo/.outcome-lens.json'));
    assert.equal(await findConfigFile('/elsewhere/deep/down', tree), undefined);
  });

  test('.outcome-lens.json is preferred over .outcome-lens.jsonc in the same folder', async () => {
    const tree = fakeTree(['/repo/.outcome-lens.jsonc', '/repo/.outcome-lens.json']);
    assert.equal(await findConfigFile('/repo', tree), resolve('/repo/.outcome-lens.json'));
  });

  test('stopAt ends the walk at a workspace folder', async () => {
    const tree = fakeTree(['/home/.outcome-lens.json']);
    assert.equal(await findConfigFile('/home/me/project/docs', tree, { stopAt: '/home/me/project' }), undefined);
    assert.equal(await findConfigFile('/home/me/project/docs', tree), resolve('/home/.outcome-lens.json'));
  });

  test('an async exists works too (the extension asks its file system API)', async () => {
    const tree = fakeTree(['/repo/.outcome-lens.json']);
    assert.equal(await findConfigFile('/repo/a', { exists: async (p) => tree.exists(p) }), resolve('/repo/.outcome-lens.json'));
  });

  test('a finder remembers every folder it walked through', async () => {
    const tree = fakeTree(['/repo/.outcome-lens.json']);
    const finder = new ConfigFinder(tree);
    await finder.find('/repo/docs/a');
    const first = tree.asked.length;
    assert.equal(await finder.find('/repo/docs/b'), resolve('/repo/.outcome-lens.json'));
    // Only docs/b itself is new: docs and the repo root are already known.
    assert.deepEqual(tree.asked.slice(first), [resolve('/repo/docs/b/.outcome-lens.json'), resolve('/repo/docs/b/.outcome-lens.jsonc')]);
    await finder.find('/repo/docs/a');
    assert.equal(tree.asked.length, first + 2);
  });
});

describe('configFromText / loadConfigFile', () => {
  test('problems carry the line and column of the offending key, in file order', () => {
    const loaded = configFromText('/x/.outcome-lens.json', '{\n  "kind": "spec",\n  "rules": {\n    "vanity-metric": "loud"\n  }\n}\n');
    assert.deepEqual(
      loaded.problems.map((p) => [p.line, p.column, p.path.join('.')]),
      [
        [2, 3, 'kind'],
        [4, 5, 'rules.vanity-metric'],
      ],
    );
    assert.equal(loaded.unusable, false);
    assert.equal(loaded.config.kind, 'auto', 'the bad kind falls back to the default');
    assert.equal(loaded.config.rules['vanity-metric']!.severity, 'warning');
  });

  test('a BOM does not shift columns and does not make the file invalid', () => {
    const loaded = configFromText('/x/.outcome-lens.json', '\uFEFF{ "colour": true, "rules": { "vanity-metric": "error" } }');
    assert.deepEqual(loaded.problems.map((p) => [p.line, p.column, p.message]), [[1, 3, 'colour: unknown setting']]);
    assert.equal(loaded.config.rules['vanity-metric']!.severity, 'error');
  });

  test('text that is not a JSON object is unusable; an empty file is just defaults', () => {
    assert.equal(configFromText('a', 'not json').unusable, true);
    assert.equal(configFromText('a', '["rules"]').unusable, true);
    const empty = configFromText('a', '  \n');
    assert.equal(empty.unusable, false);
    assert.deepEqual(empty.problems, []);
  });

  test('loadConfigFile reads JSONC from disk and rejects with the file system error when it cannot', async (t) => {
    const dir = workspace(t);
    const path = join(dir, '.outcome-lens.jsonc');
    writeFileSync(path, '// team settings\n{ "rules": { "vanity-metric": "off", }, }\n');
    const loaded = await loadConfigFile(path);
    assert.equal(loaded.path, path);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.config.rules['vanity-metric']!.severity, 'off');
    await assert.rejects(loadConfigFile(join(dir, 'missing.json')), { code: 'ENOENT' });
  });
});
