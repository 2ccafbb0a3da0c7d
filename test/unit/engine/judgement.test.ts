// The judgement: where success is stated, what it measures, the call. Every
// statement here is written for these tests, in the shapes real documents use;
// none is copied from the corpus the rules are scored on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, lint } from '../../../src/engine';
import { judge, type Call } from '../../../src/engine/judgement/classify';
import { PhraseSet } from '../../../src/engine/phrases';
import { successStatements } from '../../../src/engine/judgement/statements';
import { buildModel } from '../../../src/engine/model/build';
import { TIMEFRAME } from '../../../src/engine/vocabulary/timeframes';

const calls = (place: 'metric' | 'goal', cases: ReadonlyArray<readonly [string, Call]>) => {
  for (const [text, expected] of cases) {
    test(`${expected}: ${text}`, () => assert.equal(judge({ text, place, origin: 'list-item' }).call, expected));
  }
};

describe('judge: vanity by the head of the measure', () => {
  calls('metric', [
    ['**Discord members:** 1,200 by launch', 'vanity'],
    ['Newsletter subscribers grow from 2k to 5k', 'vanity'],
    ['12,000 monthly active users by December', 'vanity'],
    ['Number of visitors who subscribe to the blog', 'vanity'],
    ['Users who install the app from the email link', 'vanity'],
    ['Top 3 ranking in the app store category', 'vanity'],
    ['Our brand mentioned in AI answers for "invoice tool"', 'vanity'],
    ['Total searches per month', 'vanity'],
    ['% of new members who post in their first week', 'outcome'],
    ['Members who answer another member\'s question weekly: 150', 'outcome'],
    ['Install-to-first-scan conversion: 40%', 'outcome'],
    ['App rating: 4.6 stars', 'outcome'],
    ['Paying subscribers: 900 by Q4', 'outcome'],
    ['Downloads per active team per month', 'outcome'],
    ['Team members trained on the new runbook', 'output'],
    ['Total time to close the books falls from 10 to 4 days', 'outcome'],
    ['Members of the finance team approve invoices within 2 days', 'outcome'],
    ['Views per published article', 'vanity'],
    ['Active users who create 3 or more reports a week', 'outcome'],
  ]);
});

describe('judge: output by what success is made of', () => {
  calls('goal', [
    ['Launch the mobile app in Brazil', 'output'],
    ['[x] Migrate billing to the new provider', 'output'],
    ['KR2: Publish 12 integration guides', 'output'],
    ['Form a platform team of four', 'output'],
    ['Host 6 customer roundtables', 'output'],
    ['**Bulk export**: let admins export every project as CSV', 'output'],
    ['Admins can export every project as CSV.', 'output'],
    ['The dashboard shows overdue invoices first.', 'output'],
    ['A command-line tool for every supported language', 'output'],
    ['Partner API rolled out to all regions', 'output'],
    ['Beta complete', 'output'],
    ['We will build a self-serve refund flow.', 'output'],
    ['Ship self-serve refunds so that support tickets about refunds fall by 40%', 'outcome'],
    ['Launch the help centre to cut "where is my order" calls from 900 to 300 a week', 'outcome'],
    ['Add 400 paying teams in EMEA', 'outcome'],
    ['Build trust with finance leads', 'outcome'],
    ['Generate 90% accurate summaries in under 5 seconds', 'outcome'],
    ['Enable support agents to resolve tickets faster', 'outcome'],
    ['Reduce time to first invoice from 3 days to 1', 'outcome'],
    ['Support satisfaction score of 4.5 or more', 'outcome'],
    ['Integrate billing so finance closes the month 3 days sooner', 'outcome'],
    ['Create a habit of daily check-ins among 30% of users', 'outcome'],
    ['Support 25 concurrent users', 'output'],
  ]);
});

describe('where success is stated', () => {
  test('field labels, goal sentences and "Key results:" lists outside success sections', () => {
    const text = [
      '# Notes from planning',
      '',
      '**Goal:** Launch the referral page.',
      '',
      'Our primary goal is to host a partner summit.',
      '',
      'Key results:',
      '',
      '- Referral sign-ups: 500',
      '- 20% of referred teams pay within 30 days',
      '',
      'We met on Tuesday and talked about the launch.',
      '',
    ].join('\n');
    const found = successStatements(buildModel(text)).map((s) => s.text.trim());
    assert.deepEqual(found, ['Launch the referral page.', 'host a partner summit', 'Referral sign-ups: 500', '20% of referred teams pay within 30 days']);
  });

  test('a heading inside a multi-line HTML comment is not a section', () => {
    const model = buildModel('# PRD\n\n<!--\n## Goals\n- Launch it\n-->\n\n## Problem\n\nUsers wait.\n');
    assert.deepEqual(model.sections.map((s) => s.title), ['', 'PRD', 'Problem']);
  });

  test('"Launch gates" and milestone headings under success metrics stay success sections', () => {
    const model = buildModel('# PRD\n\n## Success metrics\n\n### Launch gates\n\n- Crash rate below 1%\n\n### Phase 2\n\n- 30% of teams invite a colleague\n');
    assert.deepEqual(model.sections.slice(2).map((s) => s.effectiveRole), ['success-metrics', 'success-metrics', 'success-metrics']);
  });
});

describe('OKR pages', () => {
  const page = [
    '# OKRs: platform team, H2',
    '',
    '## Objective 1: Teams ship without waiting on us',
    '',
    '### Key results',
    '',
    '- [ ] Release the self-serve environment builder',
    '- [ ] Median wait for a test environment falls from 2 days to 2 hours',
    '',
    '## Objective 2: Fewer incidents',
    '',
    '### Key results',
    '',
    '- [x] Hire two site reliability engineers',
    '- [ ] Change failure rate below 10% by the end of H2',
    '',
  ].join('\n');

  test('are detected as their own kind and owe no problem statement', () => {
    const result = lint(page);
    assert.equal(result.kind, 'okr');
    assert.ok(!result.findings.some((f) => f.ruleId === 'problem-statement-missing'));
    assert.ok(!result.findings.some((f) => f.ruleId === 'success-metrics-missing'));
  });

  test('a deliverable key result is an output, not a metric missing its baseline', () => {
    const result = lint(page);
    const on = (line: number) => result.findings.filter((f) => f.start.line === line).map((f) => f.ruleId);
    assert.deepEqual(on(7), ['output-as-outcome']);
    assert.deepEqual(on(14), ['output-as-outcome']);
  });
});

describe('vocabulary: timeframes', () => {
  for (const stated of ['by Q3 2027', 'within 90 days', 'in their first month', 'for 3 consecutive months', '30 days after launch', 'by the end of FY26', 'March 2027', 'pre-rollout', 'by Day 30']) {
    test(`states a timeframe: ${stated}`, () => assert.match(`Retention 40% ${stated}`, TIMEFRAME));
  }
  for (const none of ['during 3-minute sessions', 'in under 10 seconds', 'from 12% to 20%']) {
    test(`states none: ${none}`, () => assert.doesNotMatch(`Latency ${none}`, TIMEFRAME));
  }
});

describe('linear on long lines (a hang guard, not a timing)', () => {
  const shapes = [
    'a'.repeat(100_000),
    `${'the '.repeat(25_000)}launched`,
    `- **${'x '.repeat(50_000)}:**`,
    `Our ${'main '.repeat(20_000)}goal is to ship`,
    `${'1,'.repeat(50_000)} users`,
    `users who ${'who '.repeat(25_000)}`,
    `${'(a '.repeat(30_000)}`,
  ];
  for (const [i, line] of shapes.entries()) {
    test(`shape ${i + 1} finishes`, () => {
      const started = process.hrtime.bigint();
      for (const place of ['goal', 'metric'] as const) judge({ text: line, place, origin: 'list-item' });
      lint(`# PRD\n\n## Goals\n\n- ${line}\n\n## Success metrics\n\n${line}\n`, { kind: 'prd' });
      // Generous: a quadratic pattern on 100,000 characters takes minutes, a linear one milliseconds.
      assert.ok(process.hrtime.bigint() - started < 20_000_000_000n);
    });
  }
});

describe('rewrite quick fixes', () => {
  test('a vanity count gains a qualifying action and a delivery gains its change; neither finding comes back', () => {
    const text = '# PRD\n\n## Goals\n\n- Launch the partner portal by the end of Q1.\n\n## Success metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Forum members | 200 | 1,000 | Q3 |\n| App installs | 1k | 5k | Q3 |\n';
    const judged = (t: string) => lint(t, { kind: 'prd' }).findings.filter((f) => f.ruleId === 'vanity-metric' || f.ruleId === 'output-as-outcome');
    const before = judged(text);
    assert.equal(before.length, 3);
    let fixed = text;
    for (const finding of [...before].reverse()) {
      const [fix] = finding.fixes;
      assert.equal(fix?.kind, 'suggestion', 'a rewrite needs the author, so Fix All leaves it alone');
      fixed = applyEdits(fixed, fix.edits);
    }
    // The figures counted the old measure: they become placeholders too.
    assert.match(fixed, /\| Forum members who \[do what the product is for\] within \[N\] days \| \[baseline\] \| \[target\] \| Q3 \|/);
    assert.match(fixed, /App installs that lead to \[the result people came for\] within \[N\] days \| \[baseline\] \| \[target\] \|/);
    assert.match(fixed, /by the end of Q1 so that \[who\] \[do what differently\], from \[today\] to \[target\]\./);
    assert.deepEqual(judged(fixed), []);
  });
});

describe('config phrases', () => {
  test('a phrase set matches whole words, with a hyphen, one space or nothing between them, leftmost then longest', () => {
    const set = new PhraseSet(['sign-ups', 'newsletter sign ups', 'page hits']);
    assert.deepEqual(set.find('Weekly signups grow'), { start: 7, end: 14, text: 'signups' });
    assert.deepEqual(set.find('More Newsletter Sign-ups by June'), { start: 5, end: 24, text: 'Newsletter Sign-ups' });
    assert.equal(set.find('resignups and page, hits'), undefined);
  });

  test('10,000 configured vanity phrases are still found, and a rate still passes', () => {
    const vanityPhrases = [...Array.from({ length: 10_000 }, (_, i) => `tracked thing ${i}`), 'forum threads'];
    assert.equal(judge({ text: 'Forum threads: 400 by Q3', place: 'metric' }, { vanityPhrases }).call, 'vanity');
    assert.equal(judge({ text: '% of forum threads answered within a day', place: 'metric' }, { vanityPhrases }).call, 'outcome');
  });
});
