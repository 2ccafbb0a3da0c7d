// Expanding the paths a user typed, and reading documents.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { describeFsError, expandPaths, readDocument, readDocumentBytes } from '../../../src/node/files';
import { workspace } from './harness';

const rel = (cwd: string, files: string[]) => files.map((f) => f.slice(cwd.length + 1));

describe('expandPaths', () => {
  test('files as given, folders searched for Markdown in sorted order, globs matched', async (t) => {
    const cwd = workspace(t);
    const { files, problems } = await expandPaths(['project/no-markdown/notes.txt', 'project/strict', 'bad-config/*.md'], cwd);
    assert.deepEqual(problems, []);
    assert.deepEqual(rel(cwd, files), ['project/no-markdown/notes.txt', 'project/strict/growth-prd.md', 'bad-config/newsletter-prd.md']);
  });

  test('a literal file name with glob characters is taken as itself', async (t) => {
    const cwd = workspace(t);
    writeFileSync(join(cwd, 'notes [draft].md'), '# Notes\n');
    const { files, problems } = await expandPaths(['notes [draft].md'], cwd);
    assert.deepEqual(problems, []);
    assert.deepEqual(rel(cwd, files), ['notes [draft].md']);
  });

  test('symbolic links to files are followed, links to folders are not (no cycles)', async (t) => {
    const cwd = workspace(t);
    mkdirSync(join(cwd, 'links'));
    symlinkSync(join(cwd, 'project/clean-prd.md'), join(cwd, 'links/clean-prd.md'));
    symlinkSync(cwd, join(cwd, 'links/loop'));
    const { files, problems } = await expandPaths(['links'], cwd);
    assert.deepEqual(problems, []);
    assert.deepEqual(rel(cwd, files), ['links/clean-prd.md']);
  });

  test('problems name the path and the cause', async (t) => {
    const cwd = workspace(t);
    const { files, problems } = await expandPaths(['nope.md', 'project/no-markdown', 'nowhere/**/*.md', 'project/clean-prd.md/x.md'], cwd);
    assert.deepEqual(rel(cwd, files), []);
    assert.deepEqual(problems, [
      { path: 'nope.md', cause: 'no such file or folder' },
      { path: 'project/no-markdown', cause: 'folder contains no Markdown files (*.md, *.markdown)' },
      { path: 'nowhere/**/*.md', cause: 'no files match this pattern' },
      { path: 'project/clean-prd.md/x.md', cause: 'a part of the path is not a folder' },
    ]);
  });
});

describe('readDocument', () => {
  test('strips a BOM, keeps everything else, decodes UTF-16 with a BOM and reports other NUL bytes as binary', async (t) => {
    const cwd = workspace(t);
    writeFileSync(join(cwd, 'bom.md'), '\uFEFF# Title\r\nText');
    writeFileSync(join(cwd, 'utf16le.md'), Buffer.from('\uFEFF# Title', 'utf16le'));
    writeFileSync(join(cwd, 'utf16be.md'), Buffer.from('\uFEFF# Title', 'utf16le').swap16());
    writeFileSync(join(cwd, 'utf16-no-bom.md'), Buffer.from('# Title', 'utf16le'));
    writeFileSync(join(cwd, 'latin1.md'), Buffer.from('# Caf\xe9', 'latin1'));
    assert.deepEqual(await readDocument(join(cwd, 'bom.md')), { kind: 'text', text: '# Title\r\nText', encoding: { charset: 'utf-8', bom: true }, exact: true });
    assert.deepEqual(await readDocument(join(cwd, 'utf16le.md')), { kind: 'text', text: '# Title', encoding: { charset: 'utf-16le', bom: true }, exact: true });
    assert.deepEqual(await readDocument(join(cwd, 'utf16be.md')), { kind: 'text', text: '# Title', encoding: { charset: 'utf-16be', bom: true }, exact: true });
    assert.deepEqual(await readDocument(join(cwd, 'utf16-no-bom.md')), { kind: 'binary' });
    assert.deepEqual(await readDocument(join(cwd, 'latin1.md')), { kind: 'text', text: '# Caf\uFFFD', encoding: { charset: 'utf-8', bom: false }, exact: false });
  });

  test('readDocumentBytes reads files larger than its buffer whole, one after another, with their own metadata', (t) => {
    const cwd = workspace(t);
    const sizes = [3, 700_000, 10, 2_100_000, 5];
    sizes.forEach((size, i) => writeFileSync(join(cwd, `f${i}.md`), Buffer.alloc(size, 97 + i)));
    sizes.forEach((size, i) => {
      const read = readDocumentBytes(join(cwd, `f${i}.md`));
      assert.equal(read.kind, 'bytes');
      if (read.kind !== 'bytes') return;
      assert.equal(read.bytes.length, size);
      assert.equal(read.info.size, size);
      assert.ok(read.bytes.every((b) => b === 97 + i), `f${i}.md`);
    });
  });

  test('fs errors get short causes', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    assert.equal(describeFsError(error('EACCES')), 'permission denied (EACCES)');
    assert.equal(describeFsError(error('EISDIR')), 'is a folder, not a file');
    assert.equal(describeFsError(error('EIO')), 'EIO: raw');
  });
});
