// `lint --cache`: a re-run reads results from the cache, and wrong cache
// contents never give wrong findings. To see which results a run took from the
// cache, the tests plant a finding no rule makes (with a correct checksum) and
// look for it in the output: present means read from the cache, absent means
// linted again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_CACHE_FILE, LintCache, programFingerprint } from '../../../src/cli/cache';
import { runLint } from '../../../src/cli/lint-command';
import type { CliRun } from './harness';
import { run, workspace } from './harness';
import { rules } from '../../../src/engine';

const PLANTED = 'planted: this finding comes from the cache file';

interface CacheFile {
  program: string;
  entries: Record<string, { key: string; sum: string; result: string }>;
}

const readCache = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CacheFile;

/** Replaces every entry's findings with one planted finding, checksums made right, as if we had written it. */
function plant(path: string): void {
  const cache = readCache(path);
  for (const entry of Object.values(cache.entries)) {
    const result = JSON.parse(entry.result) as { findings: unknown[]; kind: string };
    const at = { line: 1, column: 1, offset: 0 };
    result.kind = 'prd';
    result.findings = [{ ruleId: 'vanity-metric', severity: 'warning', message: PLANTED, start: at, end: at, fixes: [], docsUrl: 'https://example.invalid' }];
    entry.result = JSON.stringify(result);
    entry.sum = createHash('sha1').update(entry.result).digest('hex');
  }
  writeFileSync(path, JSON.stringify(cache));
}

async function lintWithVersion(cwd: string, version: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runLint(['--cache', ...args, 'project'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {}, stdoutIsTTY: false }, version);
  return { code, stdout, stderr };
}

describe('lint --cache', () => {
  test('a second run gives the output of a run without cache, byte for byte, read from the cache', async (t) => {
    const cwd = workspace(t);
    const plain = await run(['lint', 'project'], { cwd });
    const first = await run(['lint', '--cache', 'project'], { cwd });
    const second = await run(['lint', '--cache', 'project'], { cwd });
    assert.ok(existsSync(join(cwd, DEFAULT_CACHE_FILE)));
    for (const r of [first, second]) assert.deepEqual([r.code, r.stdout, r.stderr], [plain.code, plain.stdout, plain.stderr]);
    plant(join(cwd, DEFAULT_CACHE_FILE));
    assert.match((await run(['lint', '--cache', 'project'], { cwd })).stdout, new RegExp(PLANTED), 'the unchanged files were read from the cache');
  });

  test('a changed file, config, kind, tool version or program is linted again', async (t) => {
    const cwd = workspace(t);
    const cacheFile = join(cwd, DEFAULT_CACHE_FILE);
    const primed = async () => {
      await lintWithVersion(cwd, '1.0.0');
      plant(cacheFile);
    };
    await primed();
    assert.match((await lintWithVersion(cwd, '1.0.0')).stdout, new RegExp(PLANTED));

    // Another version: nothing planted survives.
    const other = await lintWithVersion(cwd, '1.0.1');
    assert.doesNotMatch(other.stdout, new RegExp(PLANTED));
    assert.match(other.stdout, /vanity-metric/);

    // Another kind.
    await primed();
    assert.doesNotMatch((await lintWithVersion(cwd, '1.0.0', '--kind', 'prd')).stdout, new RegExp(PLANTED));

    // A changed file: only that one is linted again.
    await primed();
    writeFileSync(join(cwd, 'project/checkout-prd.md'), `${readFileSync(join(cwd, 'project/checkout-prd.md'), 'utf8')}\nOne more line.\n`);
    const edited = await lintWithVersion(cwd, '1.0.0');
    const block = (name: string) => edited.stdout.split('\n\n').find((b) => b.startsWith(`project/${name}`)) ?? '';
    assert.doesNotMatch(block('checkout-prd.md'), new RegExp(PLANTED));
    assert.match(block('clean-prd.md'), new RegExp(PLANTED));

    // A changed config: its files are linted again with the new settings; strict/ has a config of its own.
    await primed();
    const configPath = join(cwd, 'project/strict/.outcome-lens.jsonc');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace(/"vanity-metric": "\w+"/, '"vanity-metric": "info"'));
    const reconfigured = await lintWithVersion(cwd, '1.0.0');
    const strict = reconfigured.stdout.split('\n\n').find((b) => b.startsWith('project/strict/growth-prd.md')) ?? '';
    assert.doesNotMatch(strict, new RegExp(PLANTED));
    assert.match(strict, /info {2}.*vanity-metric/);
    assert.match(reconfigured.stdout, new RegExp(`checkout-prd.md\n.*${PLANTED}`), 'a file under an unchanged config is still read from the cache');
  });

  test('the program fingerprint covers the version, the rule set and the running code', () => {
    const base = programFingerprint('1.0.0', Buffer.from('code'));
    assert.equal(programFingerprint('1.0.0', Buffer.from('code')), base);
    assert.notEqual(programFingerprint('1.0.1', Buffer.from('code')), base);
    assert.notEqual(programFingerprint('1.0.0', Buffer.from('other code')), base);
    const meta = rules[0]!.meta as { defaultSeverity: string };
    const saved = meta.defaultSeverity;
    meta.defaultSeverity = saved === 'error' ? 'warning' : 'error';
    try {
      assert.notEqual(programFingerprint('1.0.0', Buffer.from('code')), base, 'a rule that changed its default severity');
    } finally {
      meta.defaultSeverity = saved;
    }
  });

  test('another program\'s cache, a hand-edited entry or a broken file is not trusted, and is rewritten', async (t) => {
    const cwd = workspace(t);
    const cacheFile = join(cwd, DEFAULT_CACHE_FILE);
    const plain = await run(['lint', 'project'], { cwd });
    await run(['lint', '--cache', 'project'], { cwd });

    const cache = readCache(cacheFile);
    const other = await LintCache.open(cacheFile, 'another program');
    const [path, entry] = Object.entries(cache.entries)[0]!;
    assert.equal(other.get(path, entry.key), undefined);

    // Findings edited without a matching checksum.
    for (const e of Object.values(cache.entries)) e.result = e.result.replace(/"findings":\[/, `"findings":[{"ruleId":"x","message":"${PLANTED}"},`);
    writeFileSync(cacheFile, JSON.stringify(cache));
    assert.deepEqual(await run(['lint', '--cache', 'project'], { cwd }), plain);

    for (const broken of ['', '{', 'null', '[]', '{"format":1,"program":1,"entries":"x"}']) {
      writeFileSync(cacheFile, broken);
      assert.deepEqual(await run(['lint', '--cache', 'project'], { cwd }), plain, JSON.stringify(broken));
      assert.ok(Object.keys(readCache(cacheFile).entries).length > 0, 'rewritten');
    }
  });

  test('--cache-location: a file, or a folder to keep .outcome-lens-cache in; a cache that cannot be written is one line on stderr', async (t) => {
    const cwd = workspace(t);
    await run(['lint', '--cache-location', 'ci/lint.cache', 'project'], { cwd });
    assert.ok(existsSync(join(cwd, 'ci/lint.cache')));
    mkdirSync(join(cwd, 'store'));
    await run(['lint', '--cache', '--cache-location', 'store', 'project'], { cwd });
    assert.ok(existsSync(join(cwd, 'store', DEFAULT_CACHE_FILE)));

    const plain = await run(['lint', 'project'], { cwd });
    const unwritable = await run(['lint', '--cache-location', 'project/checkout-prd.md/cache', 'project'], { cwd });
    assert.equal(unwritable.code, plain.code);
    assert.equal(unwritable.stdout, plain.stdout);
    assert.match(unwritable.stderr, /^outcome-lens: project\/checkout-prd\.md\/cache: cache not written: /);
  });

  test('--fix with a cache reports what --fix without one reports, and writes the same text', async (t) => {
    const cwd = workspace(t);
    const prd = join(cwd, 'inbox-prd.md');
    const text = '# PRD: Shared inbox\n\n## Problem\n\nSupport leads lose track of who owns a conversation.\n\n## Goals\n\n- Launch the shared inbox by Q3\n';
    writeFileSync(prd, text);
    const plain = await run(['lint', '--fix', 'inbox-prd.md'], { cwd });
    const afterPlain = readFileSync(prd, 'utf8');
    writeFileSync(prd, text);
    await run(['lint', '--cache', 'inbox-prd.md'], { cwd });
    const cached = await run(['lint', '--cache', '--fix', 'inbox-prd.md'], { cwd });
    assert.equal(cached.stdout, plain.stdout);
    assert.equal(readFileSync(prd, 'utf8'), afterPlain);
    // Its findings are suggestions (they write placeholders), so neither run changes the file.
    assert.equal(afterPlain, text);
    assert.match(cached.stdout, /2 problems/);
  });
});
