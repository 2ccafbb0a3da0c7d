// `lint --cache`: a re-run reads results from the cache, and wrong cache
// contents never give wrong findings. To see which results a run took from the
// cache, the tests plant a finding no rule makes (with a correct checksum) and
// look for it in the output: present means read from the cache, absent means
// linted again.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { describe, test } from 'node:test';
import { cacheFileBytes, DEFAULT_CACHE_FILE, LintCache, programFingerprint, type CacheEntry } from '../../../src/cli/cache';
import { runLint } from '../../../src/cli/lint-command';
import type { CliRun } from './harness';
import { run, workspace } from './harness';
import { rules } from '../../../src/engine';

const PLANTED = 'planted: this finding comes from the cache file';

interface CacheFile {
  program: string;
  entries: Record<string, CacheEntry>;
}

/** The program on the first line, then an entry a line: path, key, summary and findings, tab-separated, each JSON but the key. */
function readCache(path: string): CacheFile {
  const [header, ...lines] = readFileSync(path, 'latin1').split('\n');
  const entries: CacheFile['entries'] = {};
  for (const line of lines.filter(Boolean)) {
    const [file, key, summary, findings] = line.split('\t') as [string, string, string, string];
    const { kind, kindReason, modelled } = JSON.parse(summary) as CacheEntry['result'];
    entries[JSON.parse(file) as string] = { key, result: { ok: true, kind, kindReason, modelled, fixed: 0, findings: JSON.parse(findings) as CacheEntry['result']['findings'] } };
  }
  return { program: (JSON.parse(header!) as { program: string }).program, entries };
}

/** Every entry's findings replaced with one planted finding. */
function planted(entries: CacheFile['entries'], message = PLANTED, severity: 'warning' | 'error' = 'warning'): CacheFile['entries'] {
  const at = { line: 1, column: 1, offset: 0 };
  const finding = { ruleId: 'vanity-metric', severity, message, start: at, end: at, fixes: [], docsUrl: 'https://example.invalid' };
  return Object.fromEntries(Object.entries(entries).map(([path, { key, result }]) => [path, { key, result: { ...result, kind: 'prd' as const, findings: [finding] } }]));
}

/** Plants a finding in every entry, checksum made right, as if we had written it. */
function plant(path: string, severity: 'warning' | 'error' = 'warning'): void {
  const cache = readCache(path);
  writeFileSync(path, cacheFileBytes(cache.program, planted(cache.entries, PLANTED, severity)));
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

  test('every format, with and without --quiet, prints from the cache what a run without cache prints', async (t) => {
    const cwd = workspace(t);
    for (const options of [['--format', 'json'], ['--format', 'sarif'], ['--format', 'stylish', '--quiet'], ['--format', 'json', '--quiet']]) {
      const plain = await run(['lint', ...options, 'project'], { cwd });
      await run(['lint', '--cache', ...options, 'project'], { cwd });
      plant(join(cwd, DEFAULT_CACHE_FILE), 'error');
      const planted = await run(['lint', '--cache', ...options, 'project'], { cwd });
      assert.match(planted.stdout, new RegExp(PLANTED), `${options.join(' ')}: read from the cache`);
      assert.equal(planted.code, 1, `${options.join(' ')}: the exit code comes from the cached counts`);
      // Linted again (the planted entries describe nothing real), then read back unplanted.
      rmSync(join(cwd, DEFAULT_CACHE_FILE));
      await run(['lint', '--cache', ...options, 'project'], { cwd });
      assert.deepEqual(await run(['lint', '--cache', ...options, 'project'], { cwd }), plain, options.join(' '));
    }
  });

  test('a file edited to the same size, its modification time put back, is linted again (keys hash the bytes)', async (t) => {
    const cwd = workspace(t);
    const prd = join(cwd, 'project/checkout-prd.md');
    const then = new Date('2024-05-01T12:00:00Z');
    utimesSync(prd, then, then);
    await lintWithVersion(cwd, '1.0.0');
    plant(join(cwd, DEFAULT_CACHE_FILE));
    const before = statSync(prd);
    const text = readFileSync(prd, 'utf8');
    const edited = text.replace('Checkout', 'Checkin!');
    assert.notEqual(edited, text);
    assert.equal(Buffer.byteLength(edited), before.size);
    writeFileSync(prd, edited);
    utimesSync(prd, then, then);
    assert.deepEqual([statSync(prd).mtimeMs, statSync(prd).size], [before.mtimeMs, before.size]);
    const out = await lintWithVersion(cwd, '1.0.0');
    const block = (name: string) => out.stdout.split('\n\n').find((b) => b.startsWith(`project/${name}`)) ?? '';
    assert.doesNotMatch(block('checkout-prd.md'), new RegExp(PLANTED));
    assert.match(block('clean-prd.md'), new RegExp(PLANTED));
  });

  test('a run over some of the files keeps the entries of the others as they were, and they still hit', async (t) => {
    const cwd = workspace(t);
    const cacheFile = join(cwd, DEFAULT_CACHE_FILE);
    await run(['lint', '--cache', 'project'], { cwd });
    plant(cacheFile);
    const others = Object.entries(readCache(cacheFile).entries).filter(([path]) => !path.endsWith('checkout-prd.md'));
    writeFileSync(join(cwd, 'project/checkout-prd.md'), `${readFileSync(join(cwd, 'project/checkout-prd.md'), 'utf8')}\nOne more line.\n`);
    const one = await run(['lint', '--cache', 'project/checkout-prd.md'], { cwd });
    assert.doesNotMatch(one.stdout, new RegExp(PLANTED));
    const after = readCache(cacheFile).entries;
    for (const [path, entry] of others) assert.deepEqual(after[path], entry, path);
    assert.match((await run(['lint', '--cache', 'project/clean-prd.md'], { cwd })).stdout, new RegExp(PLANTED));
  });

  test('an entry whose findings are not a JSON array, checksum made right, is linted again', async (t) => {
    const cwd = workspace(t);
    const cacheFile = join(cwd, DEFAULT_CACHE_FILE);
    const plain = await run(['lint', '--format', 'json', 'project'], { cwd });
    await run(['lint', '--cache', 'project'], { cwd });
    const [header, ...lines] = readFileSync(cacheFile, 'latin1').split('\n');
    const body = `${lines
      .filter(Boolean)
      .map((line) => line.replace(/\t\[.*\]$/, '\t{"findings":[]}'))
      .join('\n')}\n`;
    const sum = createHash('sha1').update(Buffer.from(body, 'latin1')).digest('hex');
    writeFileSync(cacheFile, `${JSON.stringify({ ...(JSON.parse(header!) as object), sum })}\n${body}`, 'latin1');
    assert.deepEqual(await run(['lint', '--cache', '--format', 'json', 'project'], { cwd }), plain);
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
    const [header] = readFileSync(cacheFile, 'latin1').split('\n');
    const edited = JSON.stringify(planted(cache.entries, `${PLANTED} “quoted”`));
    writeFileSync(cacheFile, `${header}\n${edited}`);
    assert.deepEqual(await run(['lint', '--cache', 'project'], { cwd }), plain);

    // Our checksum over bytes that are not ASCII: not a file we wrote (we escape everything else), so not read as Latin-1.
    const utf8 = Buffer.from(edited, 'utf8');
    assert.ok(!utf8.equals(Buffer.from(edited, 'latin1')), 'the entries hold characters outside ASCII');
    const sum = createHash('sha1').update(utf8).digest('hex');
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${JSON.stringify({ ...(JSON.parse(header!) as object), sum })}\n`), utf8]));
    assert.deepEqual(await run(['lint', '--cache', 'project'], { cwd }), plain);

    for (const broken of ['', '{', 'null', '[]', '{"format":1,"program":1,"entries":"x"}', `{"format":2,"program":"${cache.program}","sum":"0"}\n{}`]) {
      writeFileSync(cacheFile, broken);
      assert.deepEqual(await run(['lint', '--cache', 'project'], { cwd }), plain, JSON.stringify(broken));
      assert.ok(Object.keys(readCache(cacheFile).entries).length > 0, 'rewritten');
    }
  });

  test('a run whose every file hits starts no lint worker and leaves the cache file as it was; a changed file writes it again', async (t) => {
    const cwd = workspace(t);
    const cacheFile = join(cwd, DEFAULT_CACHE_FILE);
    let started = 0;
    const count = () => started++;
    diagnostics.subscribe('worker_threads', count);
    t.after(() => diagnostics.unsubscribe('worker_threads', count));
    const lint = () => run(['lint', '--cache', '--concurrency', '2', 'project'], { cwd });

    const first = await lint();
    assert.equal(started, 2, 'the first run lints on two workers');
    const bytes = readFileSync(cacheFile);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(cacheFile, longAgo, longAgo);

    started = 0;
    assert.deepEqual(await lint(), first);
    assert.equal(started, 0, 'no worker for a run with nothing to lint');
    assert.equal(statSync(cacheFile).mtime.getTime(), longAgo.getTime(), 'not written again');
    assert.deepEqual(readFileSync(cacheFile), bytes);

    writeFileSync(join(cwd, 'project/checkout-prd.md'), `${readFileSync(join(cwd, 'project/checkout-prd.md'), 'utf8')}\nOne more line.\n`);
    await lint();
    assert.equal(started, 2, 'a changed file is linted on the pool');
    assert.ok(statSync(cacheFile).mtime.getTime() > longAgo.getTime(), 'its new result is written');
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
