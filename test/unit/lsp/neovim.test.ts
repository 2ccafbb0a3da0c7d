// Neovim as a real client: Debian's nvim, headless, its built-in LSP client
// started on `outcome-lens lsp --stdio` (see neovim-client.lua). On every document
// in examples/ its diagnostics must equal `outcome-lens lint --format json`; the
// preferred quick fix and Fix All, chosen from Neovim's code action menu, must
// write the text the engine's fix and the CLI's --fix write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findingActions } from '../../../src/editor/code-actions';
import { applyEdits, lint } from '../../../src/engine';
import { CLI, cliFindings, ROOT, type Seen } from '../../support/lsp-client';

interface VimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  code?: string;
  user_data?: { lsp?: { relatedInformation?: Array<{ message: string }> } };
}

interface Run {
  error?: string;
  log: string[];
  files: Record<string, VimDiagnostic[]>;
  quick_fix?: string;
  after_quick_fix?: VimDiagnostic[];
  fix_all?: string;
  fix_all_offered?: boolean;
}

/** Neovim counts columns in bytes; the CLI in UTF-16 code units, from 1. */
function inBytes(text: string, seen: Seen) {
  const lines = text.split('\n');
  const byte = (line: number, column: number) => Buffer.byteLength((lines[line - 1] ?? '').slice(0, column - 1));
  return { ruleId: seen.ruleId, severity: seen.severity, message: seen.message, at: [seen.at[0] - 1, byte(seen.at[0], seen.at[1]), seen.at[2] - 1, byte(seen.at[2], seen.at[3])], related: seen.related?.map((r) => r.message) };
}

function fromVim(d: VimDiagnostic) {
  const related = d.user_data?.lsp?.relatedInformation?.map((r) => r.message);
  return { ruleId: d.code, severity: d.severity === 1 ? 2 : 1, message: d.message, at: [d.lnum, d.col, d.end_lnum, d.end_col], related };
}

const sorted = <T extends { at: number[]; ruleId?: string }>(list: T[]) => [...list].sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || String(a.ruleId).localeCompare(String(b.ruleId)));

describe('Neovim (Debian, headless) with its built-in LSP client', () => {
  let dir = '';
  let run: Run;
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).sort();
  const fixFile = () => join(dir, 'checkout-redesign-prd.md');
  const fixAllFile = () => join(dir, 'analytics-platform-business-case.md');

  before(() => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'nvim is installed (scripts/test.mjs and .ci/run install Debian\'s neovim)');
    dir = mkdtempSync(join(tmpdir(), 'outcome-lens-nvim-'));
    for (const name of examples) copyFileSync(join(ROOT, 'examples', name), join(dir, name));
    const out = join(dir, 'run.json');
    const nvim = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'neovim-client.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        ...process.env,
        OL_CLI: CLI,
        OL_FILES: examples.map((name) => join(dir, name)).join('\n'),
        OL_OUT: out,
        OL_FIX_FILE: fixFile(),
        OL_FIX_RULE: 'metric-missing-timeframe',
        OL_FIX_ALL_FILE: fixAllFile(),
      },
    });
    assert.equal(nvim.status, 0, `nvim exited ${nvim.status} ${nvim.signal ?? ''}: ${nvim.stderr}`);
    run = JSON.parse(readFileSync(out, 'utf8')) as Run;
    assert.equal(run.error, undefined, `${run.error}\n${run.log.join('\n')}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('on every document in examples/, the diagnostics equal `outcome-lens lint --format json`', () => {
    const cli = cliFindings(examples.map((name) => join(dir, name)), dir);
    let total = 0;
    for (const name of examples) {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const expected = sorted(cli.get(path)!.map((s) => inBytes(text, s)));
      assert.deepEqual(sorted(run.files[path]!.map(fromVim)), expected, name);
      total += expected.length;
    }
    assert.ok(total >= 10, `the examples have findings to compare (${total})`);
    assert.ok(Object.values(run.files).flat().some((d) => d.user_data?.lsp?.relatedInformation?.length), 'grouped findings carry their places to Neovim');
  });

  test("the preferred quick fix, taken from Neovim's menu, writes the engine's fix and clears the finding", () => {
    const text = readFileSync(fixFile(), 'utf8');
    const finding = lint(text, { fileName: fixFile() }).findings.find((f) => f.ruleId === 'metric-missing-timeframe')!;
    const preferred = findingActions(text, finding, []).find((a) => a.isPreferred)!;
    assert.equal(run.quick_fix, applyEdits(text, preferred.edits));
    assert.ok(!run.after_quick_fix!.some((d) => d.code === 'metric-missing-timeframe'), 'Neovim shows the finding no more');
  });

  test("Fix All (source.fixAll) in Neovim writes what the CLI's --fix writes", () => {
    // The same file name: the kind is partly decided by it.
    mkdirSync(join(dir, 'cli'));
    const copy = join(dir, 'cli', 'analytics-platform-business-case.md');
    copyFileSync(join(ROOT, 'examples', 'analytics-platform-business-case.md'), copy);
    spawnSync(process.execPath, [CLI, 'lint', '--fix', copy], { cwd: dir });
    const viaCli = readFileSync(copy, 'utf8');
    // Fix All is on offer exactly when --fix changes something (changes that write placeholders
    // are suggestions, left to a person), and then it writes the same text.
    const changed = viaCli !== readFileSync(join(ROOT, 'examples', 'analytics-platform-business-case.md'), 'utf8');
    assert.equal(run.fix_all_offered, changed);
    if (changed) assert.equal(run.fix_all, viaCli);
  });
});
