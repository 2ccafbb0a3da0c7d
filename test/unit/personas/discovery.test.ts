import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import {
  classifyPersonaPath,
  loadPersonas,
  locationGlob,
  PERSONA_LOCATIONS,
  type PersonaFile,
} from '../../../src/chat/personas/discovery';
import { parsePersona } from '../../../src/chat/personas/parse';
import { personaLabel } from '../../../src/chat/personas/persona';
import { repairEncoding } from '../../../src/chat/personas/repair-encoding';

const SEEDS = 'test/fixtures/personas/seeds';
const seed = (name: string) => readFileSync(`${SEEDS}/${name}.persona.md`, 'utf8');

describe('classifyPersonaPath', () => {
  const cases: Array<[string, string | undefined]> = [
    ['.claude/agents/reviewer.md', 'claude-agent'],
    ['/home/me/project/.claude/agents/reviewer.md', 'claude-agent'],
    ['C:\\work\\project\\.claude\\agents\\reviewer.md', 'claude-agent'],
    ['.github/agents/plan.agent.md', 'vscode-agent'],
    ['.github/agents/PLAN.AGENT.MD', 'vscode-agent'],
    ['.github/chatmodes/teacher.chatmode.md', 'vscode-chatmode'],
    ['.outcome-lens/personas/value-realization.persona.md', 'outcome-lens'],
    ['.outcome-lens/personas/coach.md', 'outcome-lens'],
    ['.github/agents/README.md', undefined],
    ['.github/chatmodes/teacher.md', undefined],
    ['.claude/agents/sub/reviewer.md', undefined],
    ['.claude/agents/.md', undefined],
    ['.claude/agents/notes.txt', undefined],
    ['.outcome-lens/personas.md', undefined],
    ['docs/personas.md', undefined],
    ['agents/reviewer.md', undefined],
  ];
  for (const [path, format] of cases) {
    it(`${path} -> ${format ?? 'not a persona file'}`, () => assert.equal(classifyPersonaPath(path), format));
  }

  it('agrees with the glob each location publishes for file watchers', () => {
    const samples = ['.claude/agents/a.md', '.github/agents/b.agent.md', '.github/chatmodes/c.chatmode.md', '.outcome-lens/personas/d.md', '.github/agents/e.md', '.claude/agents/x/f.md'];
    for (const location of PERSONA_LOCATIONS) {
      const matches = picomatch(locationGlob(location), { dot: true });
      for (const sample of samples) {
        assert.equal(matches(sample), classifyPersonaPath(sample) === location.format, `${locationGlob(location)} vs ${sample}`);
      }
    }
  });
});

describe('loadPersonas', () => {
  it('offers the built-in personas when the workspace has none', () => {
    const { personas, errors, info } = loadPersonas([]);
    assert.deepEqual(personas.map(personaLabel), ['💰 Value Realization', '🧭 Product Owner']);
    assert.deepEqual([errors, info], [[], []]);
  });

  it('loads the seed files as they are: both replace the built-ins they are based on', () => {
    const files: PersonaFile[] = [
      { path: '.claude/agents/value-realization.md', text: seed('value-realization') },
      { path: '.outcome-lens/personas/product-owner.persona.md', text: seed('product-owner') },
    ];
    const { personas, errors, info } = loadPersonas(files);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      personas.map((p) => [p.id, personaLabel(p), p.source, p.format]),
      [
        ['value-realization', '💰 Value Realization', '.claude/agents/value-realization.md', 'claude-agent'],
        ['product-owner', 'Product Owner', '.outcome-lens/personas/product-owner.persona.md', 'outcome-lens'],
      ],
    );
    assert.deepEqual(info, [
      { path: '.outcome-lens/personas/product-owner.persona.md', message: "replaces the built-in persona 'product-owner'" },
      { path: '.claude/agents/value-realization.md', message: "replaces the built-in persona 'value-realization'" },
    ]);
  });

  it('skips malformed files, names them, and still loads the rest', () => {
    const { personas, errors } = loadPersonas([
      { path: '.claude/agents/broken.md', text: '---\nname: [oops\n---\nBody' },
      { path: '.github/agents/fine.agent.md', text: '---\ndescription: fine\n---\n# 🌱 Fine\nBody' },
      { path: '.github/chatmodes/empty.chatmode.md', text: '---\ndescription: nothing\n---\n' },
    ]);
    assert.deepEqual(personas.map((p) => p.id), ['value-realization', 'product-owner', 'fine']);
    assert.deepEqual(
      errors.map((e) => [e.path, e.line]),
      [
        ['.claude/agents/broken.md', 2],
        ['.github/chatmodes/empty.chatmode.md', 4],
      ],
    );
  });

  it('refuses a second file for the same id in one convention', () => {
    const { personas, errors } = loadPersonas([
      { path: '.claude/agents/b.md', text: '---\nname: reviewer\ndescription: second\n---\nB' },
      { path: '.claude/agents/a.md', text: '---\nname: reviewer\ndescription: first\n---\nA' },
    ]);
    assert.equal(personas.find((p) => p.id === 'reviewer')?.source, '.claude/agents/a.md');
    assert.deepEqual(errors, [
      {
        path: '.claude/agents/b.md',
        message: "persona id 'reviewer' is already defined by .claude/agents/a.md; this file is skipped (give it a different 'name')",
      },
    ]);
  });

  it('lets an Outcome Lens persona shadow the same persona mirrored for another tool', () => {
    const { personas, errors, info } = loadPersonas([
      { path: '.github/agents/coach.agent.md', text: 'Copilot copy' },
      { path: '.outcome-lens/personas/coach.md', text: 'Our copy' },
    ]);
    assert.deepEqual(errors, []);
    assert.equal(personas.find((p) => p.id === 'coach')?.instructions, 'Our copy');
    assert.match(info[0].message, /also defined by \.outcome-lens\/personas\/coach\.md, which takes precedence/);
  });

  it('uses the format given by the caller, or outcome-lens outside the known folders', () => {
    const { personas } = loadPersonas([
      { path: 'anywhere/x.md', text: 'X' },
      { path: 'anywhere/y.md', text: 'Y', format: 'vscode-chatmode' },
    ]);
    assert.deepEqual(personas.slice(2).map((p) => p.format), ['outcome-lens', 'vscode-chatmode']);
  });

  it('hands out copies, so callers cannot change the built-ins', () => {
    loadPersonas([]).personas[0].problems.push('changed by a caller');
    assert.deepEqual(loadPersonas([]).personas[0].problems, []);
  });
});

describe('built-in personas', () => {
  it('have unique kebab-case ids, an emoji and a description', () => {
    assert.equal(new Set(BUILTIN_PERSONAS.map((p) => p.id)).size, BUILTIN_PERSONAS.length);
    for (const p of BUILTIN_PERSONAS) {
      assert.match(p.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(p.emoji && p.description, p.id);
    }
  });

  it('read back from their own instructions as the same persona', () => {
    // The prompt is a persona file body: its heading must give the same face as the fields.
    for (const p of BUILTIN_PERSONAS) {
      const parsed = parsePersona(`${p.id}.md`, p.instructions, 'outcome-lens');
      assert.ok(parsed.ok);
      assert.deepEqual([parsed.persona.id, parsed.persona.name, parsed.persona.emoji, parsed.persona.problems], [p.id, p.name, p.emoji, []]);
    }
  });

  it('tell the model to open each answer with the persona label in bold', () => {
    for (const p of BUILTIN_PERSONAS) {
      assert.ok(p.instructions.includes(`Begin every answer with **${personaLabel(p)}:**`), p.id);
    }
  });

  it('are written in our own words: no run of eight words is taken from the seeds', () => {
    const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const shingles = (s: string) => {
      const w = words(s);
      return new Set(w.slice(0, Math.max(0, w.length - 7)).map((_, i) => w.slice(i, i + 8).join(' ')));
    };
    const seedShingles = shingles(repairEncoding(seed('value-realization') + seed('product-owner')).text);
    for (const p of BUILTIN_PERSONAS) {
      const copied = [...shingles(p.instructions)].filter((s) => seedShingles.has(s));
      assert.deepEqual(copied, [], p.id);
    }
  });
});
