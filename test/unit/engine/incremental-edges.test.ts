// The re-lint keeps each section's success statements, metric items and judgements by the
// section's own text and a context (its roles, its place in the tree, whether a task list
// above it takes it out, the line breaks on either side). These edits change exactly those
// things without touching the kept text, and a reused Linter must still agree with a fresh
// one: on findings and on every success statement, field by field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter, resolveConfig, successStatements, type LintOptions } from '../../../src/engine';

/** What a statement says, with its section by index (sections are rebuilt on every lint). */
function statementsOf(result: ReturnType<Linter['lint']>) {
  return successStatements(result.model!).map(({ section, judgements: _, ...rest }) => ({ ...rest, section: section.index }));
}

/** Lints every version with one Linter, in order, and each with a fresh one. */
function sameAsFresh(versions: readonly string[], options: LintOptions | ((i: number) => LintOptions) = {}): number {
  const linter = new Linter();
  let compared = 0;
  versions.forEach((text, i) => {
    const opts = typeof options === 'function' ? options(i) : options;
    const kept = linter.lint(text, opts);
    const fresh = new Linter().lint(text, opts);
    assert.deepStrictEqual(kept.findings, fresh.findings, `version ${i}: findings`);
    assert.deepStrictEqual(statementsOf(kept), statementsOf(fresh), `version ${i}: success statements`);
    compared += fresh.findings.length + statementsOf(fresh).length;
  });
  return compared;
}

const PRD = [
  '# PRD: Team calendar',
  '',
  '## Problem',
  '',
  'Coordinators lose an hour a day finding a free slot. Our primary goal is to grow weekly active teams.',
  '',
  '## Goals',
  '',
  '- Launch the shared calendar by Q3',
  '- Improve the scheduling experience',
  '- Raise the share of teams who book a slot within 2 days from 20% to 45% by Q4',
  '',
  '### Tasks',
  '',
  '- Ship the sync service',
  '- Grow page views',
  '',
  '## Success Metrics',
  '',
  '| Metric | Baseline | Target | Timeframe |',
  '| --- | --- | --- | --- |',
  '| Total sign-ups | 10k | 20k | |',
  '| % of invited members who accept within 7 days | 30% | 50% | by Q3 |',
  '| Release the mobile app | | | |',
  '',
  '## Notes',
  '',
  '**Goal:** make booking effortless for every coordinator.',
  '',
].join('\n');

const replaceLine = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `no "${from}" to replace`);
  return text.replace(from, to);
};

test('a section moved above another, then back, is found again wherever it stands', () => {
  const lines = PRD.split('\n');
  const metrics = lines.indexOf('## Success Metrics');
  const notes = lines.indexOf('## Notes');
  const block = lines.slice(metrics, notes);
  const moved = [...lines.slice(0, 2), ...block, ...lines.slice(2, metrics), ...lines.slice(notes)].join('\n');
  assert.ok(sameAsFresh([PRD, moved, PRD, moved]) > 20);
});

test('a section split in two by a new heading, then joined again', () => {
  const split = replaceLine(PRD, '- Improve the scheduling experience\n', '- Improve the scheduling experience\n\n## Milestones\n\n');
  const splitMetrics = replaceLine(PRD, '| Total sign-ups | 10k | 20k | |\n', '| Total sign-ups | 10k | 20k | |\n\n### Guardrails\n\n');
  sameAsFresh([PRD, split, PRD, splitMetrics, split]);
});

test("a heading's level changed: its body keeps its text, its parent and role change", () => {
  const deeper = replaceLine(PRD, '## Success Metrics', '### Success Metrics');
  const shallower = replaceLine(PRD, '### Tasks', '## Tasks');
  const retitled = replaceLine(PRD, '### Tasks', '### Outcomes');
  const underNotes = replaceLine(replaceLine(PRD, '## Goals', '## Background'), '### Tasks', '### Goals');
  sameAsFresh([PRD, deeper, shallower, PRD, retitled, underNotes, PRD]);
});

test('a task list above a section takes its statements out, and gives them back when retitled', () => {
  // "### Tasks" under Goals holds deliveries and a vanity count that are not success; below it a
  // deeper heading keeps its text while the title above it changes.
  const nested = replaceLine(PRD, '- Grow page views\n', '- Grow page views\n\n#### Rollout\n\n- Ship the importer\n- Grow page views to 1M\n');
  sameAsFresh([nested, replaceLine(nested, '### Tasks', '### Steps'), nested, replaceLine(nested, '### Tasks', '### Next steps')]);
});

test('the line before a setext heading and the line after a section decide continuations and lead-ins', () => {
  // A lower-case setext title that names a key result goes on the sentence of the list item
  // above it when that item does not end with a full stop; the heading's own text is the same
  // either way.
  const okr = (itemEnd: string) => `# Key results\n\n## Objective 1: Calmer queues\n\n- KR1: Median first reply under 4 h by June${itemEnd}\nraise csat from 80 to 90\n---\n\n- Ship the macro library\n`;
  // A section's last item introduces a list when the next section's first line starts like an
  // item (a tab-indented "- " line is a setext heading's text, not an item, to the scanner).
  const leadIn = (next: string) => `# Key results\n\n## Cohorts\n\n- Activation split by plan\n${next}\n---\n\n- Trial starts up 10% by Q3\n`;
  sameAsFresh([okr(''), okr('.'), okr(''), leadIn('\t- tabbed item'), leadIn('Plain line'), leadIn('\t- tabbed item')], { fileName: 'okrs.md' });
});

test('documents with lone CR line breaks: sections that do not end their last line are read afresh', () => {
  const cr = PRD.replace(/\n/g, '\r');
  const mixed = `${PRD.slice(0, PRD.indexOf('## Success Metrics'))}Grow page views\r## Success Metrics${PRD.slice(PRD.indexOf('## Success Metrics') + 18)}`;
  sameAsFresh([cr, cr.replace('Total sign-ups', 'Total sign-ups.'), mixed, mixed.replace('Grow page views', 'Grow page views quickly'), PRD]);
});

test("an OKR page's bold title line, edited: the page title states nothing, its items still do", () => {
  const page = '**Q3 2026 OKRs**\n\n- Grow weekly active teams from 120 to 200\n- Ship the calendar sync\n\n## Objective 2: Happier coordinators\n\n- KR1: CSAT from 70 to 85 by September\n';
  sameAsFresh([page, page.replace('**Q3 2026 OKRs**', '**Q3 2026 OKRs and a longer name**'), page.replace('**Q3 2026 OKRs**', 'Q3 2026 OKRs'), page], { fileName: 'okrs.md' });
});

test('config changed between lints on the same text: judgements and roles follow it, then come back', () => {
  const configs = [
    resolveConfig({}).config,
    resolveConfig({ rules: { 'vanity-metric': { severity: 'warning', options: { allow: ['sign-ups', 'page views'] } } } }).config,
    resolveConfig({ vanityPhrases: ['booking'], outputVerbs: ['improve'], rules: { 'output-as-outcome': { severity: 'warning', options: { allow: ['launch'] } } } }).config,
    resolveConfig({ sectionAliases: { goals: ['Notes'], 'success-metrics': ['Problem'] } }).config,
    resolveConfig({ sectionAliases: { goals: ['Tasks'] } }).config,
  ];
  const order = [0, 1, 0, 2, 3, 0, 4, 1, 0];
  const found = sameAsFresh(order.map(() => PRD), (i) => ({ config: configs[order[i]!]! }));
  assert.ok(found > 20);
  // The extra verbs and phrases do change what is judged: the comparison above is not between equals.
  const linter = new Linter();
  const judged = (config: (typeof configs)[number]) => linter.lint(PRD, { config }).findings.filter((f) => f.ruleId === 'vanity-metric' || f.ruleId === 'output-as-outcome').length;
  assert.ok(judged(configs[2]!) > judged(configs[0]!));
});

test('typing above kept sections moves their statements, metrics and findings, fixes included, as a fresh lint places them', () => {
  // From the third lint on, what a section restored is moved in place rather than restored
  // again, and the rules' calls on its statements (messages, rewrites, fixes) move with it.
  // Typing one character at a time above and between the sections, then deleting them again.
  const lines = PRD.split('\n');
  const versions: string[] = [];
  let typed = '';
  for (const ch of 'Context: ') {
    typed += ch;
    versions.push([lines[0], typed, ...lines.slice(1)].join('\n'));
  }
  const notes = lines.indexOf('## Notes');
  for (let n = 1; n <= 4; n++) versions.push([...lines.slice(0, notes), 'x'.repeat(n), ...lines.slice(notes)].join('\n'));
  for (let n = typed.length; n >= 0; n--) versions.push([lines[0], typed.slice(0, n), ...lines.slice(1)].join('\n'));
  const compared = sameAsFresh(versions);
  // Vanity and output findings with rewrites are among those compared.
  const fresh = new Linter().lint(versions[4]!);
  assert.ok(fresh.findings.some((f) => f.ruleId === 'vanity-metric' && f.fixes.some((fix) => fix.kind === 'suggestion')));
  assert.ok(fresh.findings.some((f) => f.ruleId === 'output-as-outcome'));
  assert.ok(compared > 100);
});
