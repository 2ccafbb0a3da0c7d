// Random and pathological Markdown never throws, every position is inside the
// text, and fix-all is one pass: its result lints cleanly and a second fix-all
// changes nothing. The recipes of issue 11 (shapes fuzzing rarely reaches) are
// cases here, each asserting positions and messages; hang guards are generous
// limits, speed itself is measured by `npm run bench` (bench/adversarial.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, applyFixes, fixAll, fixAllPasses, lint, parseConfigText, planFixes, type LintResult } from '../../../src/engine';
import { adversarialDocuments } from '../../support/adversarial';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '# ', '## Goals\n', '## Success Metrics\n', '## Problem ##  \n', '# Costs #\n', '## Options\n', '## Appendix\n',
  '| Metric | Target |\n', '| --- | --- |\n', '| a | b |', '| Page views | |\n', '- ', '1. ', '> ', '- [ ] ',
  '```', '~~~', '```\n', '\n', '\r\n', '\r', '\n\n', '\r\r',
  '<!-- outcome-lens-disable -->', '<!-- outcome-lens-disable-next-line vanity-metric -->', '<!--', '-->',
  '[x]', '[', ']', '(', ')', '|', '*', '_', '`', '---', '===', '#', ' #', ' ## ',
  '[ref1]: https://example.com/1 \n', '[baseline]', '[Metric name]',
  ' '.repeat(2000), '\t'.repeat(300),
  'TBD ', 'launch ', 'Launch the dashboard by Q3. ', 'page views ', 'Total sign-ups: 10k ', 'Target: 40% by Q3 ',
  'As a user I want ', 'so that ', 'Need: ',
  '\uFEFF', '\u0000', '\uD83D', '\u2028', '💰', 'é', '\t', '    ', 'text ',
];

function assertPositions(name: string, text: string, result: LintResult): void {
  for (const f of result.findings) {
    assert.ok(f.start.offset >= 0 && f.start.offset <= f.end.offset && f.end.offset <= text.length, `${name}: ${f.ruleId} outside the text`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${name}: ${f.ruleId} fix outside the text`);
  }
}

describe('robustness', () => {
  test('3,000 random documents: no exception, positions inside the text, a second fix-all changes nothing', async () => {
    const random = rng(42);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const n = Math.floor(random() * 120);
      for (let j = 0; j < n; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      const kind = i % 3 === 0 ? 'business-case' : 'prd';
      const name = `random #${i}`;
      const first = lint(text, { kind });
      assertPositions(name, text, first);
      const lintAgain = (t: string) => lint(t, { kind }).findings;
      const fixed = await fixAllPasses(text, first.findings, lintAgain);
      assert.equal(applyEdits(text, fixed.edits), fixed.text, `${name}: the edits make the fixed text`);
      const second = lint(fixed.text, { kind });
      assertPositions(`${name} (fixed)`, fixed.text, second);
      // Every suggestion accepted, as a person clicking through the light bulb would.
      const accepted = applyFixes(text, first.findings, { all: true });
      assertPositions(`${name} (suggestions accepted)`, accepted, lint(accepted, { kind }));
      const again = await fixAllPasses(fixed.text, second.findings, lintAgain);
      assert.deepEqual(
        again.edits,
        [],
        `${name}: a second fix-all changed ${JSON.stringify(again.edits).slice(0, 300)} (rules: ${second.findings.filter((f) => f.fixes.some((x) => x.isPreferred)).map((f) => f.ruleId).join(', ')})\n${JSON.stringify(text)}`,
      );
    }
  });

  test('pathological shapes', () => {
    const row = '| Page views | | | |\n';
    const shapes: Array<[string, string]> = [
      ['huge table', `# PRD\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n${row.repeat(20000)}`],
      ['5,000-deep blockquotes', `# PRD\n\n## Goals\n\n${'>'.repeat(5000)} launch it\n`],
      ['5,000-deep lists', `# PRD\n\n## Goals\n\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- launch ${i}`).join('\n')}\n`],
      ['5,000 headings deep and wide', Array.from({ length: 5000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Goals ${i}\n\nShip it.\n`).join('\n')],
      ['binary bytes', `# PRD\n\n${Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)).toString('latin1')}`],
      ['one 1 MB line', `# PRD\n\n## Goals\n\n${'launch '.repeat(150000)}`],
      ['lone surrogates', '# PRD\n\n## Goals\n\n- \uD800 launch \uDFFF it\n'],
    ];
    for (const [name, text] of shapes) assertPositions(name, text, lint(text, { kind: 'prd' }));
  });

  test('CRLF, BOM, CR-only, CR mixed with LF and missing trailing newline give the same findings as LF', () => {
    const lf = '# PRD\n\n## Success Metrics\n\n| Metric | Target |\n| --- | --- |\n| Page views | 10k |\n\n- Downloads: from 1k to 2k by Q3\n\n## Goals\n\n- Launch the thing by Q3';
    const key = (r: LintResult) => r.findings.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column}`).sort();
    const expected = key(lint(lf, { kind: 'prd' }));
    assert.ok(expected.length >= 3);
    // A lone CR before an empty line that ends in LF would be one CRLF: lone CRs follow text only.
    const lines = lf.split('\n');
    const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : lines[i + 1] === '' ? '\n' : ['\r', '\n', '\r\n'][i % 3])).join('');
    assert.match(mixed, /\r(?!\n)/);
    for (const [name, text] of [
      ['CRLF', lf.replace(/\n/g, '\r\n')],
      ['trailing newline', `${lf}\n`],
      ['CR only', lf.replace(/\n/g, '\r')],
      ['CR, LF and CRLF mixed', mixed],
    ]) {
      assert.deepEqual(key(lint(text!, { kind: 'prd' })), expected, name);
    }
    assert.equal(key(lint(`\uFEFF${lf}`, { kind: 'prd' })).length, expected.length);
  });

  test('inserted lines use the document\'s own line break, CR-only included', () => {
    const cr = '# PRD: Inbox\r\r## Goals\r\r- Launch the inbox by Q3\r';
    const text = applyFixes(cr, lint(cr, { kind: 'prd' }).findings, { all: true });
    assert.notEqual(text, cr);
    assert.ok(!text.includes('\n'), JSON.stringify(text));
  });
});

describe('issue 11 recipes (engine)', () => {
  const docs = adversarialDocuments();

  test('1. a business case ending in 40 link definitions with trailing spaces and a line of prose finishes, fixes go above the definitions', () => {
    const text = docs.trailer.text;
    const result = lint(text, { kind: 'business-case' });
    const missing = result.findings.filter((f) => f.ruleId === 'business-case-section-missing');
    assert.ok(missing.length >= 5, missing.map((f) => f.message).join('\n'));
    // The prose line after the definitions ends the trailer: sections go at the very end.
    const edit = missing[0]!.fixes[0]!.edits[0]!;
    assert.equal(edit.start, text.length);
    // Without the prose line, the definitions are a trailer and the sections go above them.
    const trailer = text.slice(0, text.lastIndexOf('And a line of prose.'));
    const above = lint(trailer, { kind: 'business-case' }).findings.find((f) => f.ruleId === 'business-case-section-missing')!;
    assert.equal(above.fixes[0]!.edits[0]!.start, trailer.indexOf('[ref0]:'));
  });

  test('3. a heading padded with 100,000 spaces keeps its title and position', () => {
    const text = `# PRD: Padded\n\n## Problem${' '.repeat(100_000)}x\n\nUsers wait.\n\n## Goals${' '.repeat(100_000)}##   \n\n- Launch it by Q3\n`;
    const result = lint(text, { kind: 'prd' });
    const model = result.model!;
    assert.deepEqual(model.sections.slice(1).map((s) => s.title), ['PRD: Padded', `Problem${' '.repeat(100_000)}x`, 'Goals']);
    const goals = model.sections[3]!;
    assert.equal(text.slice(goals.titleSpan.start, goals.titleSpan.end), 'Goals');
    const output = result.findings.find((f) => f.ruleId === 'output-as-outcome');
    assert.equal(output?.start.line, 9);
  });

  test('3. a 100,000-character paragraph of emphasised words is read whole, each run once', () => {
    const goals = lint(docs.emphasisRuns.text, { kind: 'prd' }).model!.sections.find((s) => s.title === 'Goals')!;
    const paragraph = goals.nodes()[0];
    assert.equal(paragraph?.type, 'paragraph');
    assert.equal(paragraph.children.filter((c) => c.type === 'emphasis').length, 11_000);
  });

  test('3. a paragraph of 8,000 vanity sentences: every one is found, and each suggestion weighs only the figures near its words', () => {
    // Every sentence shares the paragraph as its unit; the rewrite used to read from each one to the paragraph's end.
    const found = lint(docs.vanityParagraph.text, { kind: 'prd' }).findings.filter((f) => f.ruleId === 'vanity-metric');
    assert.equal(found.length, 8_000);
    // The sentence's own figure ("to 12k") is not a baseline or target field: no rewrite would keep it true, so none is offered.
    assert.ok(found.every((f) => f.fixes.every((fix) => fix.kind === 'disable')), 'no rewrite next to a figure it cannot place');
    const alone = lint('# PRD: Growth\n\n## Goals\n\nGrow page views.\n', { kind: 'prd' }).findings.find((f) => f.ruleId === 'vanity-metric');
    assert.ok(alone?.fixes.some((fix) => fix.kind === 'suggestion'), 'without a figure the rewrite is offered');
  });

  test('3. headings with long runs of brackets, parentheses and angle brackets are plain-texted whole', () => {
    const text = `# PRD: ${'['.repeat(100_000)}\n\n## ${'<'.repeat(100_000)}\n\n## [a](${'('.repeat(50_000)}\n`;
    const titles = lint(text, { kind: 'prd' }).model!.sections.slice(1).map((s) => s.title.length);
    assert.deepEqual(titles, [100_005, 100_000, 50_004]);
  });

  test('3. metric items and user stories with 100,000-character runs are still read', () => {
    const metric = `# PRD: x\n\n## Success Metrics\n\n- Retention:${' '.repeat(100_000)}60% by Q3\n- ${' '.repeat(100_000)}\n`;
    const items = lint(metric, { kind: 'prd' }).model!.metrics();
    assert.equal(items[0]?.target?.text, '60%');
    const story = `# PRD: x\n\n## Problem\n\nAs a${' '.repeat(100_000)}team lead,${' '.repeat(100_000)}I want a ${'l\u00aa'.repeat(50_000)} report${' '.repeat(100_000)}\n`;
    const found = lint(story, { kind: 'prd' }).findings.filter((f) => f.ruleId === 'need-statement-incomplete');
    assert.deepEqual(found.map((f) => [f.start.line, f.start.column]), [[5, 1]]);
  });

  test('8. missing sections are inserted after an unclosed final fence is closed, not inside it', () => {
    const text = '# PRD: Fence\n\n## Goals\n\n- Launch it by Q3\n\n```js\nconst x = 1;\n';
    const fixed = applyFixes(text, lint(text, { kind: 'prd' }).findings, { all: true });
    assert.ok(fixed.includes('const x = 1;\n```\n\n## Success Metrics\n'), fixed);
    const again = lint(fixed, { kind: 'prd' });
    assert.ok(!again.findings.some((f) => f.ruleId === 'success-metrics-missing'));
    assert.ok(again.model!.sections.some((s) => s.title === 'Success Metrics'));
  });

  test('8. the disable-line fix silences a document-level finding in a document with no heading', () => {
    for (const text of ['Our plan is to grow page views.\n\nMore later.\n', '---\ntype: prd\n---\n\n  A plan.\n']) {
      const finding = lint(text, { kind: 'prd' }).findings.find((f) => f.ruleId === 'success-metrics-missing')!;
      const disable = finding.fixes.find((f) => f.title.endsWith('for this line'))!;
      const fixed = applyEdits(text, disable.edits);
      assert.ok(!lint(fixed, { kind: 'prd' }).findings.some((f) => f.ruleId === 'success-metrics-missing'), fixed);
    }
  });

  test('8. suggestions inserting at one offset do not collide: accepting them all adds every missing business-case section', () => {
    const text = '# Business Case: Inbox\n\n## Summary\n\nWe want a shared inbox.\n';
    const first = lint(text, { kind: 'business-case' });
    const missing = first.findings.filter((f) => f.ruleId === 'business-case-section-missing');
    assert.equal(missing.length, 6);
    assert.equal(new Set(missing.map((f) => f.fixes[0]!.edits[0]!.start)).size, 1, 'all insert at one offset');
    const edits = planFixes(first.findings, { all: true });
    const fixed = applyFixes(text, first.findings, { all: true });
    const at = missing[0]!.fixes[0]!.edits[0]!.start;
    assert.equal(edits.filter((e) => e.start === at).length, 1, 'one joined insertion');
    const headings = fixed.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    const topics = ['Costs', 'Benefits', 'ROI and payback', 'Options considered', 'Risks', 'Assumptions'];
    const costs = headings.indexOf('Costs');
    assert.deepEqual(headings.slice(costs, costs + topics.length), topics, headings.join(' / '));
    const second = lint(fixed, { kind: 'business-case' });
    assert.ok(!second.findings.some((f) => f.ruleId === 'business-case-section-missing'));
    // The sections are scaffolding a person fills in: Fix All never inserts them.
    assert.deepEqual(fixAll(text, first.findings).edits, []);
  });

  test('6. config errors name exactly the bad items, at their own positions, and keep the valid ones', () => {
    const text = '{"vanityPhrases": ["total visits", 3, "raw clicks", {"x": 1}, "page hits"]}';
    const { config, problems } = parseConfigText(text);
    assert.deepEqual(config.vanityPhrases, ['total visits', 'raw clicks', 'page hits']);
    assert.deepEqual(
      problems.map((p) => [p.message.split(':')[0], text.slice(p.span!.start, p.span!.end)]),
      [
        ['vanityPhrases[1]', '3'],
        ['vanityPhrases[3]', '{"x": 1}'],
      ],
    );
  });

  test('6. bad rule options are dropped one by one, the valid ones kept', () => {
    const text = '{"rules": {"vanity-metric": {"options": {"allow": ["page views", 2, "hits", false]}}}}';
    const { problems } = parseConfigText(text);
    assert.deepEqual(
      problems.map((p) => [p.message.split(':')[0], text.slice(p.span!.start, p.span!.end)]),
      [
        ['rules.vanity-metric.options.allow[1]', '2'],
        ['rules.vanity-metric.options.allow[3]', 'false'],
      ],
    );
  });

  test('Scale: a document past the size bound is refused with one unchecked-section finding', () => {
    for (const name of ['nestedList', 'nestedQuotes', 'bigTable', 'manyFindings'] as const) {
      const { text } = docs[name];
      const result = lint(text, { kind: 'prd' });
      assert.equal(result.findings.length, 1, name);
      assert.equal(result.findings[0]!.ruleId, 'unchecked-section');
      assert.match(result.findings[0]!.message, /^Outcome Lens did not check this document: it is \d,\d{3},\d{3} characters long, and documents are checked up to 1,250,000 characters\./);
      assert.deepEqual([result.findings[0]!.start.line, result.findings[0]!.start.column], [1, 1]);
    }
  });
});
