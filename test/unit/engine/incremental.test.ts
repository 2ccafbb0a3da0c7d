// A Linter reused across edits (its parse cache and section memo kept) must find exactly
// what a fresh Linter finds on the same text, finding for finding. Random edits, from a
// seeded generator, on our own examples and rule fixtures, on generated PRD and OKR pages,
// and on the real corpus when it is there: keystrokes, pasted lines, a heading that gives
// a section another role, a section moved above another, deletions across sections.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Linter, resolveConfig, type LintOptions } from '../../../src/engine';
import { seededRandom } from '../../../src/eval/split';

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownUnder(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** A PRD or OKR page of our own, different for every seed. */
function generated(random: () => number, okr: boolean): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let text = okr ? '# Support team OKRs\n\n' : '---\ntype: prd\n---\n\n# PRD: Shared inbox\n\n';
  for (let i = 0; i < 8; i++) {
    text += pick([
      `## Problem\n\nAgents lose ${i} hours a week finding who owns a thread. As an agent, I want to see the owner.\n\n`,
      `## Goals\n\n- Improve the handoff experience\n- Launch the routing dashboard by Q${(i % 4) + 1}\n- Raise first-contact resolution from ${i + 20}% to ${i + 30}%\n\n`,
      `## Success Metrics\n\n| Metric | Type | Baseline | Target | Timeframe |\n| --- | --- | --- | --- | --- |\n| % of threads answered within 4 h | leading | ${i}% | ${i + 10}% | by Q3 |\n| Page views | | 10k | | |\n| Reopened threads | guardrail | | below 5% | monthly |\n\n`,
      `## Objective ${i}: Faster answers\n\n- KR1: Median first reply under ${i + 2} h by June\n- KR2: Ship the macro library\n- KR3: Total sign-ups reach 50k\n\n`,
      `### KR${i}: Release the mobile app\n\nNotes about the release.\n\n`,
      `## Notes\n\n**Goal:** make routing seamless for every team.\n\nOur primary goal is to grow weekly active teams.\n\n`,
      `## Need statement\n\nNeed: support leads need to see load per agent.\n\n`,
      `## Users\n\nNeed: agents want fewer handoffs because they lose context.\n\n- As an agent, I want a queue view\n\n## Cost of inaction\n\nQueues keep growing.\n\n`,
      `## Milestones\n\n- **100 teams** - a thank-you post\n- Week 2: pilot with three teams\n\nPeak position: ____\n\n`,
      `## Background\n\n${'Plain prose about the history of the inbox. '.repeat(3)}\n\n> quoted: improve everything\n\n\`\`\`\n## not a heading\n- Launch it\n\`\`\`\n\n`,
      `## Key results\n\n1. Activation rate from 30% to 45% within 90 days\n2. Deliver the onboarding checklist\n   - Target: 40%\n\n`,
      `## Risks\n\n<!-- outcome-lens-disable vague-goal -->\nImprove onboarding.\n\n`,
    ]);
  }
  return text;
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '## Goals\n',
  '## Success Metrics\n',
  '### Objective 2: Calmer queues\n',
  '- Launch the billing page\n',
  '- Improve onboarding\n',
  '| Metric | Target |\n| --- | --- |\n| Weekly active teams | 40% |\n',
  '**Target:** 25% by Q4\n',
  'KR1: Ship the SDK\n',
  '<!-- outcome-lens-disable-next-line -->\n',
  '```\n',
  '1. ',
  '> ',
];

// Headings that give the same body another role, or the same role under another title.
const TITLES = ['Goals', 'Success Metrics', 'Goals & Success Metrics', 'Key Results', 'Objective 1: Calmer queues', 'KR2: Faster replies', 'Milestones', 'Problem', 'Notes', 'Tasks', 'Users', 'If we do nothing'];

/** One random edit: insert a snippet, delete a range, retitle a heading, or move a block of lines elsewhere. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll > 0.9) {
    const headings = [...text.matchAll(/^(#{1,4}) [^\n]*/gm)];
    const heading = headings[Math.floor(random() * headings.length)];
    if (heading) return `${text.slice(0, heading.index)}${heading[1]} ${TITLES[Math.floor(random() * TITLES.length)]}${text.slice(heading.index + heading[0].length)}`;
  }
  if (roll < 0.5) return text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + text.slice(at);
  if (roll < 0.8) {
    const length = Math.floor(random() * (roll < 0.65 ? 3 : 200));
    return text.slice(0, at) + text.slice(at + length);
  }
  const lines = text.split('\n');
  // Moves a block of lines (a section's start, a table's rows) elsewhere.
  const from = Math.floor(random() * lines.length);
  const block = lines.splice(from, 1 + Math.floor(random() * 8));
  lines.splice(Math.floor(random() * (lines.length + 1)), 0, ...block);
  return lines.join('\n');
}

function checkEdits(name: string, start: string, seed: number, edits: number, options: LintOptions = {}): number {
  const random = seededRandom(seed);
  const linter = new Linter();
  let text = start;
  let compared = 0;
  for (let i = 0; i <= edits; i++) {
    const kept = linter.lint(text, options);
    const fresh = new Linter().lint(text, options);
    assert.equal(kept.kind, fresh.kind, `${name}, edit ${i}: kind`);
    assert.deepStrictEqual(kept.findings, fresh.findings, `${name}, edit ${i} (seed ${seed}): a reused Linter found something else than a fresh one`);
    compared += fresh.findings.length;
    text = edit(text, random);
  }
  return compared;
}

test('a reused Linter finds what a fresh one finds, after random edits of our examples and fixtures', () => {
  const files = [...markdownUnder('examples'), ...markdownUnder('test/fixtures/rules')];
  assert.ok(files.length > 10);
  let findings = 0;
  files.forEach((file, i) => {
    findings += checkEdits(file, readFileSync(file, 'utf8'), 1000 + i, 3, { fileName: file, kind: 'prd' });
  });
  assert.ok(findings > 100, `only ${findings} findings compared`);
});

test('a reused Linter finds what a fresh one finds, after random edits of generated PRDs and OKR pages', () => {
  let findings = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const text = generated(seededRandom(seed), seed % 3 === 0);
    findings += checkEdits(`generated ${seed}`, text, seed, 12, { fileName: seed % 3 === 0 ? 'okrs.md' : 'prd.md' });
  }
  assert.ok(findings > 500, `only ${findings} findings compared`);
});

test('a reused Linter follows changed options: what a rule derived under one config is not reused under another', () => {
  const random = seededRandom(7);
  const text = generated(random, false);
  const linter = new Linter();
  const configs = [
    resolveConfig({}).config,
    resolveConfig({ rules: { 'vague-goal': { severity: 'warning', options: { phrases: ['routing'], allow: ['improve'] } } }, vanityPhrases: ['macro library'], outputVerbs: ['grow'] }).config,
    resolveConfig({ sectionAliases: { goals: ['Notes'], 'success-metrics': ['Milestones'] } }).config,
  ];
  for (let round = 0; round < 3; round++) {
    for (const config of configs) {
      assert.deepStrictEqual(linter.lint(text, { config }).findings, new Linter().lint(text, { config }).findings, `round ${round}`);
    }
  }
});

test('a reused Linter finds what a fresh one finds on the real corpus, edited', () => {
  // The corpus is not ours to ship; where it is missing the generated documents above still run.
  const files = markdownUnder('../shared/corpus');
  let findings = 0;
  files.forEach((file, i) => {
    findings += checkEdits(file, readFileSync(file, 'utf8'), 500 + i, 2, { fileName: file });
  });
  assert.ok(files.length === 0 || findings > 100, `only ${findings} findings compared`);
});
