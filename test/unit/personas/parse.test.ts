import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_PERSONA_FILE_SIZE, parsePersona, splitLeadingEmoji } from '../../../src/chat/personas/parse';
import type { Persona, PersonaFormat, PersonaMessage } from '../../../src/chat/personas/persona';

const FIXTURES = 'test/fixtures/personas';

function ok(path: string, text: string, format: PersonaFormat = 'outcome-lens'): Persona {
  const result = parsePersona(path, text, format);
  if (!result.ok) assert.fail(`expected ${path} to parse, got: ${result.error.message}`);
  return result.persona;
}

function error(path: string, text: string, format: PersonaFormat = 'outcome-lens'): PersonaMessage {
  const result = parsePersona(path, text, format);
  if (result.ok) assert.fail(`expected ${path} to be refused`);
  return result.error;
}

function fixture(path: string): string {
  return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}

describe('parsePersona: the seed files as given', () => {
  it('reads the double-encoded Value Realization seed and repairs it', () => {
    const p = ok('value-realization.persona.md', fixture('seeds/value-realization.persona.md'), 'claude-agent');
    assert.equal(p.id, 'value-realization');
    assert.equal(p.name, 'Value Realization');
    assert.equal(p.emoji, '💰');
    assert.equal(p.model, 'sonnet');
    assert.deepEqual(p.tools, ['Read', 'Write', 'Edit', 'Glob', 'Grep', 'Bash', 'WebSearch', 'Task']);
    assert.equal(p.skills?.length, 55);
    assert.ok(p.skills?.includes('value-realization-report'));
    assert.match(p.description, /^Value Realization - assign success metrics/);
    assert.match(p.instructions, /^# 💰 Value Realization\n/);
    assert.ok(p.instructions.includes('**Outcome measurement—distinguishing what we shipped'));
    assert.doesNotMatch(p.instructions, /ðŸ|â€|â†/);
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0], /repaired 14 double-encoded .*"ðŸ’°" -> "💰"/);
  });

  it('reads the Product Owner seed, which has no front matter', () => {
    const p = ok('.outcome-lens/personas/product-owner.persona.md', fixture('seeds/product-owner.persona.md'));
    assert.equal(p.id, 'product-owner');
    assert.equal(p.name, 'Product Owner');
    assert.equal(p.emoji, '');
    assert.equal(p.description, 'Value Delivery Focus');
    assert.match(p.instructions, /^# Product Owner - Value Delivery Focus/);
    assert.deepEqual(p.problems, []);
    assert.equal(p.tools, undefined);
  });
});

describe('parsePersona: supported formats', () => {
  it('Claude Code agent: comma-separated tools, kebab name, emoji with a variation selector', () => {
    const path = `${FIXTURES}/workspace/.claude/agents/security-reviewer.md`;
    const p = ok(path, fixture('workspace/.claude/agents/security-reviewer.md'), 'claude-agent');
    assert.deepEqual(
      { id: p.id, name: p.name, emoji: p.emoji, tools: p.tools, model: p.model, source: p.source, format: p.format },
      {
        id: 'security-reviewer',
        name: 'Security Reviewer',
        emoji: '🛡️',
        tools: ['Read', 'Grep', 'Glob'],
        model: 'sonnet',
        source: path,
        format: 'claude-agent',
      },
    );
    assert.equal(p.description, 'Reviews plans for privacy and abuse risks before they ship');
    assert.deepEqual(p.problems, []);
  });

  it('VS Code custom agent: tool list, preferred model first, emoji key, unknown keys tolerated', () => {
    const p = ok('.github/agents/launch-coach.agent.md', fixture('workspace/.github/agents/launch-coach.agent.md'), 'vscode-agent');
    assert.equal(p.id, 'launch-coach');
    assert.equal(p.name, 'Launch Coach'); // no name or heading: from the file name
    assert.equal(p.emoji, '🚀');
    assert.deepEqual(p.tools, ['search', 'fetch']);
    assert.equal(p.model, 'GPT-5');
    assert.deepEqual(p.problems, []);
  });

  it('VS Code chat mode: a title in front matter wins over the first heading', () => {
    const p = ok(
      '.github/chatmodes/metrics-helper.chatmode.md',
      fixture('workspace/.github/chatmodes/metrics-helper.chatmode.md'),
      'vscode-chatmode',
    );
    assert.equal(p.id, 'metrics-helper');
    assert.equal(p.name, 'Metrics Helper');
    assert.equal(p.emoji, '📏');
    assert.deepEqual(p.tools, []);
    assert.match(p.instructions, /^# Instructions/);
  });

  it('Outcome Lens persona with our own double-encoding damage, next to correct text', () => {
    const p = ok('finance-partner.md', fixture('workspace/.outcome-lens/personas/finance-partner.md'));
    assert.equal(p.name, 'Finance Partner');
    assert.equal(p.emoji, '📊');
    assert.equal(p.description, 'Checks that the business case adds up — costs, benefits, payback');
    assert.ok(p.instructions.includes('the “ROI” only counts'));
    assert.ok(p.instructions.includes('payback period → in that order'));
    assert.ok(p.instructions.includes('Our café analogy stays naïve.'));
    assert.match(p.problems[0], /^repaired \d+ double-encoded/);
  });
});

describe('parsePersona: names, emoji and descriptions', () => {
  it('turns a kebab-case name into a display name when there is no heading', () => {
    const p = ok('x.md', '---\nname: customer-success_lead\n---\nPlain instructions.');
    assert.equal(p.id, 'customer-success-lead');
    assert.equal(p.name, 'Customer Success Lead');
    assert.equal(p.description, 'Plain instructions.');
  });

  it('prefers the heading over a kebab-case name, and a display name over the heading', () => {
    assert.equal(ok('x.md', '---\nname: po\n---\n# 🎯 Product Owner\nText').name, 'Product Owner');
    const p = ok('x.md', '---\nname: 💡 Idea Coach\n---\n# Instructions\nText');
    assert.deepEqual([p.id, p.name, p.emoji], ['idea-coach', 'Idea Coach', '💡']);
  });

  it('takes the emoji from the heading when the display name has none', () => {
    const p = ok('x.md', '---\nname: Growth Analyst\n---\n# 📈 Growth Analyst\nText');
    assert.deepEqual([p.name, p.emoji], ['Growth Analyst', '📈']);
  });

  it('ignores headings inside fenced code and skips thematic breaks', () => {
    const p = ok('reviewer.md', '```md\n# 🐛 Not This\n```\n\n---\n\n## Real Name\n\nFirst paragraph\ncontinues here.');
    assert.deepEqual([p.name, p.emoji, p.description], ['Real Name', '', 'First paragraph continues here.']);
  });

  it('shortens a long first paragraph into the description', () => {
    const p = ok('x.md', `# Long\n\n${'**word** '.repeat(60)}`);
    assert.ok(p.description.endsWith('…'));
    assert.ok(p.description.length <= 201);
    assert.doesNotMatch(p.description, /\*/);
  });

  it('treats empty front-matter values as absent', () => {
    const p = ok('empty-values.md', '---\nname:\ndescription:\ntools:\n---\n# Helper\nText');
    assert.deepEqual([p.id, p.name, p.description, p.tools], ['empty-values', 'Helper', 'Text', undefined]);
  });

  it('accepts a byte order mark and Windows line endings', () => {
    const p = ok('crlf.md', '\uFEFF---\r\nname: crlf-persona\r\ndescription: d\r\n---\r\n# 🪟 Windows Persona\r\nBody\r\n');
    assert.deepEqual([p.id, p.name, p.emoji, p.instructions], ['crlf-persona', 'Windows Persona', '🪟', '# 🪟 Windows Persona\nBody']);
  });

  it('splits a leading emoji, including ZWJ sequences, flags and keycaps', () => {
    assert.deepEqual(splitLeadingEmoji('👩‍💻 Dev Buddy'), { emoji: '👩‍💻', rest: 'Dev Buddy' });
    assert.deepEqual(splitLeadingEmoji('🇫🇷 French Desk'), { emoji: '🇫🇷', rest: 'French Desk' });
    assert.deepEqual(splitLeadingEmoji('1️⃣ First'), { emoji: '1️⃣', rest: 'First' });
    assert.deepEqual(splitLeadingEmoji('© Legal'), { emoji: '', rest: '© Legal' });
    assert.deepEqual(splitLeadingEmoji('Élan'), { emoji: '', rest: 'Élan' });
  });
});

describe('parsePersona: warnings that do not stop loading', () => {
  it('ignores an emoji key that is not one emoji', () => {
    const p = ok('x.md', '---\nemoji: PO\n---\n# 🎯 Owner\nText');
    assert.equal(p.emoji, '🎯');
    assert.deepEqual(p.problems, [`front matter key 'emoji' should be a single emoji, but it is "PO"; ignored`]);
  });

  it("tells Claude agent authors what Claude Code itself requires", () => {
    const p = ok('.claude/agents/helper.md', '---\nname: My Helper\n---\nText', 'claude-agent');
    assert.deepEqual(p.problems, [
      "Claude Code needs 'description' in the front matter",
      'Claude Code expects \'name\' in lowercase letters and hyphens, not "My Helper"',
    ]);
    assert.deepEqual(ok('.claude/agents/bare.md', 'Text only', 'claude-agent').problems, [
      "Claude Code needs 'name' and 'description' in the front matter",
    ]);
  });

  it('flags replacement characters from a file that was not UTF-8', () => {
    const p = ok('x.md', '# Caf\uFFFD\nText \uFFFD');
    assert.deepEqual(p.problems, ['contains 2 replacement character(s) (�); the file may not be saved as UTF-8']);
  });
});

describe('parsePersona: malformed files are refused with the file and the problem', () => {
  const cases: Array<{ name: string; text: string; line?: number; message: RegExp }> = [
    { name: 'invalid YAML', text: '---\nname: a\ntools: [Read\n---\nBody', line: 3, message: /^front matter is not valid YAML: / },
    { name: 'duplicate keys', text: '---\nname: a\nname: b\n---\nBody', line: 3, message: /not valid YAML: .*unique/ },
    { name: 'a list as front matter', text: '---\n- a\n- b\n---\nBody', line: 2, message: /should be "key: value" lines, but it is a list/ },
    { name: 'a scalar as front matter', text: '---\njust words\n---\nBody', line: 2, message: /but it is text/ },
    { name: 'a number as name', text: '---\ndescription: d\nname: 42\n---\nBody', line: 3, message: /^front matter key 'name' should be text, but it is the number 42$/ },
    { name: 'a mapping as tools', text: '---\ntools:\n  search: true\n---\nBody', line: 2, message: /key 'tools' should be a list of names .* but it is a set of keys/ },
    { name: 'a list item that is not text', text: '---\nskills: [prd, 3]\n---\nBody', line: 2, message: /key 'skills' should be a list of names/ },
    { name: 'a boolean model', text: '---\nmodel: true\n---\nBody', line: 2, message: /key 'model' should be a model name .* the value true/ },
    { name: 'an empty body', text: '---\nname: a\n---\n\n  \n', line: 4, message: /has no instructions/ },
    { name: 'an empty file', text: '', line: 1, message: /has no instructions/ },
    { name: 'unclosed front matter', text: '---\nname: a\n# Title\nBody', line: 1, message: /no closing '---'/ },
    {
      name: 'an alias bomb',
      text: `---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nBody`,
      line: 2,
      message: /^front matter cannot be read: /,
    },
    { name: 'binary content', text: 'PK\u0003\u0004\u0000\u0000binary', message: /looks like a binary file/ },
    { name: 'a huge file', text: `# Big\n${'x'.repeat(MAX_PERSONA_FILE_SIZE)}`, message: /is too large \(257 KB\); a persona file may be at most 256 KB/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = error('.claude/agents/broken.md', c.text, 'claude-agent');
      assert.equal(e.path, '.claude/agents/broken.md');
      assert.equal(e.line, c.line);
      assert.match(e.message, c.message);
    });
  }
});
