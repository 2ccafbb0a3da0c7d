import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadPersonas } from '../../../src/chat/personas/discovery';
import { readPersonaFile, readPersonaFiles } from '../../../src/chat/personas/node-files';
import { MAX_PERSONA_FILE_SIZE } from '../../../src/chat/personas/parse';

const WORKSPACE = 'test/fixtures/personas/workspace';

describe('readPersonaFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'outcome-lens-personas-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads every persona location and nothing else', async () => {
    const { files, errors } = await readPersonaFiles(WORKSPACE);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      files.map((f) => f.path),
      [
        '.outcome-lens/personas/finance-partner.md',
        '.outcome-lens/personas/product-owner.md',
        '.claude/agents/security-reviewer.md',
        '.github/agents/launch-coach.agent.md',
        '.github/chatmodes/metrics-helper.chatmode.md',
      ].map((p) => join(WORKSPACE, p)),
    );
  });

  it('finds nothing, without errors, in a folder with no persona locations', async () => {
    assert.deepEqual(await readPersonaFiles(root), { files: [], errors: [] });
  });

  it('refuses oversized files before reading them, and reports binary and UTF-16 content', async () => {
    const dir = join(root, '.claude', 'agents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'huge.md'), `# Huge\n${'x'.repeat(MAX_PERSONA_FILE_SIZE)}`);
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const utf16 = '---\nname: windows-helper\ndescription: saved by PowerShell\n---\n# 🪟 Windows Helper\nBody';
    writeFileSync(join(dir, 'windows-helper.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));

    const read = await readPersonaFiles(root);
    assert.deepEqual(read.errors, [
      { path: join(dir, 'huge.md'), message: 'is too large (257 KB); a persona file may be at most 256 KB' },
    ]);
    const { personas, errors } = loadPersonas(read.files);
    assert.deepEqual(
      errors.map((e) => [e.path, e.message]),
      [[join(dir, 'image.md'), 'looks like a binary file (it contains NUL bytes), not Markdown text']],
    );
    assert.deepEqual(
      personas.slice(2).map((p) => [p.id, p.name, p.emoji]),
      [['windows-helper', 'Windows Helper', '🪟']],
    );
  });

  it('skips folders named like persona files', async () => {
    const dir = join(root, '.outcome-lens', 'personas', 'drafts.md');
    mkdirSync(dir, { recursive: true });
    const { files, errors } = await readPersonaFiles(root);
    assert.deepEqual([...files, ...errors].filter((f) => f.path.includes('drafts')), []);
  });

  it('reports a single file that cannot be read', async () => {
    const missing = join(root, 'missing.md');
    assert.deepEqual(await readPersonaFile(missing), { files: [], errors: [{ path: missing, message: 'cannot be read (ENOENT)' }] });
  });
});
