// Judgement that reads structure: the shapes in which real documents state success (OKR
// pages, KPI tables under any header, milestone ladders, blank tracking fields), the broader
// measure vocabulary, and the defects a new user met. Every document here is written for these
// tests; none is copied from the corpus the rules are scored on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { lint } from '../../../src/engine';
import { judge, type Call } from '../../../src/engine/judgement/classify';
import { successStatements } from '../../../src/engine/judgement/statements';
import { buildModel } from '../../../src/engine/model/build';

const calls = (cases: ReadonlyArray<readonly [string, Call]>, extra: { keyResult?: boolean } = {}) => {
  for (const [text, expected] of cases) {
    test(`${expected}: ${text}`, () => assert.equal(judge({ text, place: 'metric', origin: 'list-item', ...extra }).call, expected));
  }
};

/** 1-based lines the engine reads as success statements. */
function statementLines(text: string): number[] {
  const model = buildModel(text);
  return successStatements(model).map((s) => model.position(s.start + s.text.length - s.text.trimStart().length).line);
}

const findings = (text: string, ruleId: string, fileName = 'page.md') => lint(text, { fileName }).findings.filter((f) => f.ruleId === ruleId);

describe('vocabulary: attention, audience and running totals, singular and plural', () => {
  calls([
    ['Forum points: 120', 'vanity'],
    ['Launch thread comments', 'vanity'],
    ['Post reactions: 80', 'vanity'],
    ['Social engagements this week', 'vanity'],
    ['Total reach: 40k', 'vanity'],
    ['Best rank on the launch site', 'vanity'],
    ['Front page of the community forum', 'vanity'],
    ['Trending in the developer newsletter', 'vanity'],
    ['One podcast mention', 'vanity'],
    ['Meetup attendees: 60', 'vanity'],
    ['Workshop participants', 'vanity'],
    ['Repository forks', 'vanity'],
    ['Repo clones per week', 'vanity'],
    ['Unique wallet addresses', 'vanity'],
    ['Forks with real changes', 'unsure'],
    ['Positive sentiment in comments', 'outcome'],
    ['% of attendees who book a second session within 30 days', 'outcome'],
    ['Story points per sprint', 'unsure'],
  ]);
});

describe('vocabulary: acronyms, press and growth percentages', () => {
  calls([
    ['MAU', 'vanity'],
    ['DAU/MAU ratio', 'outcome'],
    ['5 press articles', 'vanity'],
    ['Website traffic up 30%', 'vanity'],
    ['Downloads: +40% MoM', 'vanity'],
    ['30% of sign-ups finish setup', 'outcome'],
  ]);
});

describe('vocabulary: counts of work done are outputs', () => {
  calls([
    ['Pull requests merged', 'output'],
    ['40 issues closed', 'output'],
    ['Meetups hosted: 3', 'output'],
    ['Blog posts published', 'output'],
    ['Talks given at conferences', 'output'],
    ['Templates created', 'output'],
    ['8 guides written', 'output'],
    ['Cross-posts made', 'output'],
    ['Issues opened by newcomers', 'unsure'],
    ['Invites sent per new team', 'outcome'],
    ['Agents trained on the new tool', 'output'],
    ['PRs reviewed', 'output'],
    ['Users surveyed', 'output'],
    ['Support tickets resolved within 24 hours', 'outcome'],
  ]);
});

describe('counts of things made, launches with no object, people counted while they act', () => {
  calls([
    ['5 case studies', 'output'],
    ['3 new integrations', 'output'],
    ['2 conference talks', 'output'],
    ['500 stars - a thank-you post', 'vanity'],
    ['Close 5 enterprise deals', 'outcome'],
    ['Number of users searching the catalogue weekly', 'unsure'],
    ['Number of users who start a session', 'unsure'],
  ], { keyResult: true });
  calls([
    ['Investigate slow queries reported by customers', 'output'],
    ['Run user interviews with 10 customers', 'output'],
    ['Collect feedback from 20 users', 'output'],
    ['Finish the community forum for developers', 'output'],
    ['Partner with two universities', 'output'],
    ['Give 3 talks at meetups', 'output'],
    ['Hold churn below 3%', 'outcome'],
    ['Give users faster answers', 'outcome'],
  ], { keyResult: true });
  calls([
    ['**Offline sync**: Keep drafts on the device while offline', 'output'],
    ['**Plugin support**: Detect and load plugins from the project folder', 'output'],
    ['**Faster setup**: Streamline the first-run wizard', 'outcome'],
    ['1,000 wallet addresses created', 'vanity'],
    ['500 accounts created', 'vanity'],
    ['Scheduling support tickets per month', 'outcome'],
    ['Reminder emails reported as spam per 1,000 sent', 'outcome'],
    ['[what must not get worse]', 'unsure'],
    ['KR2: Ship the plan-change page', 'output'],
    ['**Stars goal:** ___', 'vanity'],
    ['Downloads target: ____', 'vanity'],
    ['Primary goal: ___', 'unsure'],
    ['Complete 3 steeps end-to-end without confusion', 'outcome'],
    ['Add 400 paying teams in EMEA', 'outcome'],
    ['Launch on Product Hunt', 'output'],
    ['Ship by the end of August', 'output'],
    ['Launch in 3 markets, so that 20% of new revenue comes from abroad', 'outcome'],
  ]);
});

describe('key results that name a thing to build', () => {
  calls(
    [
      ['Retry logic for failed uploads', 'output'],
      ['Audit log for every import', 'output'],
      ['Cost dashboard for each team', 'output'],
      ['Incident review template', 'output'],
      ['Regular contributors', 'unsure'],
      ['Median import time falls from 9 to 3 minutes', 'outcome'],
      ['Customer NPS', 'outcome'],
    ],
    { keyResult: true },
  );
  test('outside key results, a noun phrase alone is not called an output', () => {
    assert.equal(judge({ text: 'Retry logic for failed uploads', place: 'metric', origin: 'list-item' }).call, 'unsure');
  });
});

describe('the defects a new user met', () => {
  const prd = [
    '# Invoice reminders PRD',
    '',
    '## Problem',
    'Customers pay late: 38% of invoices are paid after the due date.',
    '',
    '## Goals',
    '- Get 50,000 reminder emails sent in the first quarter',
    '- KR2: Get 5,000 Twitter followers',
    '- Increase user engagement',
    '- Drive adoption',
    '- Grow our presence',
    '',
    '## Success metrics',
    '| Metric | Baseline | Target | Timeframe |',
    '| --- | --- | --- | --- |',
    '| Customer NPS | 32 | higher | by Q3 |',
    '',
  ].join('\n');
  const all = lint(prd, { fileName: 'reminders-prd.md' }).findings;
  const at = (line: number, ruleId: string) => all.filter((f) => f.start.line === line && f.ruleId === ruleId);

  test('a thousands separator does not split the delivery it quotes', () => {
    const [output] = at(7, 'output-as-outcome');
    assert.ok(output, 'the emails goal is an output');
    assert.match(output.message, /^"Get 50,000 reminder emails sent" defines success as a delivery/);
  });
  test('"Get 5,000 Twitter followers" is a vanity count, not a delivery', () => {
    assert.equal(at(8, 'output-as-outcome').length, 0);
    assert.match(at(8, 'vanity-metric')[0]?.message ?? '', /"Twitter followers" is a vanity metric/);
  });
  test('"Increase user engagement", "Drive adoption" and "Grow our presence" are vague goals', () => {
    for (const line of [9, 10, 11]) assert.equal(at(line, 'vague-goal').length, 1, `line ${line}`);
  });
  test('"higher" is a direction, not a target', () => {
    assert.equal(at(16, 'metric-missing-target').length, 1);
  });
});

describe('where success is stated, by structure', () => {
  test('a table of measures and targets is read whatever its header says', () => {
    const text = '# Notes\n\n## Launch week\n\n| Measure | Target | Actual |\n| --- | --- | --- |\n| Forum points | 40 | ___ |\n| Share of trials that convert | 8% | ___ |\n';
    assert.deepEqual(statementLines(text), [7, 8]);
  });
  test('a table that works figures out (a calculation column) is a model, not a statement of success', () => {
    const text = '# Notes\n\n## Model\n\n| Metric | Calculation | Value |\n| --- | --- | --- |\n| Monthly installs | 8% of 900K | 72,000 |\n';
    assert.deepEqual(statementLines(text), []);
  });
  test('a column headed "Metric" or "KPI" lists measures with no target beside it, except in definitions', () => {
    const table = '| Area | Core action | Metric |\n| --- | --- | --- |\n| Reports | Exporting a report | Number of teams who export a report weekly |\n';
    assert.deepEqual(statementLines(`# Pitch\n\n## Solution\n\n${table}`), [7]);
    assert.deepEqual(statementLines(`# Pitch\n\n## Metric definitions\n\n${table}`), []);
  });
  test('blank tracking fields, period items and a milestone ladder are read', () => {
    const text = [
      '# Launch tracking',
      '',
      '## Tuesday',
      '',
      '**Post performance:**',
      '- Peak position: ____',
      '- Total reach: ____',
      '',
      '## Plan',
      '',
      '- Week 1: 200 teams try the importer',
      '- Month 3: 40% of them import weekly',
      '',
      '## Milestones to celebrate',
      '',
      '- **100 stars** - a thank-you post',
      '- **First paying customer** - a case study',
      '',
    ].join('\n');
    assert.deepEqual(statementLines(text), [6, 7, 11, 12, 16, 17]);
  });
  test('a heading that names a measure under a metrics section is a statement; one that names a platform is not', () => {
    const text = '# Spec\n\n## Metrics\n\n### Click rate of the invite button\n\nDetails.\n\n### For Android\n\nDetails.\n';
    const lines = statementLines(text);
    assert.ok(lines.includes(5), 'the measure heading is read');
    assert.ok(!lines.includes(9), 'the platform heading is not');
  });
  test('lists the document calls tasks or action items are a plan, not success', () => {
    const text = '# OKRs 2026 Q1\n\n## Objective: Faster imports\n\n- Median import time falls from 9 to 3 minutes\n  - Tasks:\n    - Profile the parser\n\n**Action items:**\n- Respond to every comment\n';
    // The objective's heading is read too: on an OKR page headings are objectives.
    assert.deepEqual(statementLines(text), [3, 5]);
  });
  test('a bold first line that titles an OKR page makes the page a statement of success, with its period', () => {
    const text = '**Platform OKRs for 2026**\n\nObjective 1: Teams ship without waiting\n\n- Preview environments for every pull request\n- Median wait for an environment falls from 2 days to 10 minutes\n';
    const result = lint(text, { fileName: 'notes.md' });
    assert.equal(result.kind, 'okr');
    assert.equal(result.findings.filter((f) => f.ruleId === 'metric-missing-timeframe').length, 0);
    assert.equal(result.findings.filter((f) => f.ruleId === 'output-as-outcome').length, 1);
  });
});

describe('OKR pages in other shapes', () => {
  test('a bold "Objective:" line holds the list under it as key results, and makes the page an OKR page', () => {
    const text = '# Platform team, spring\n\n**Objective: Make releases dull**\n\n1. Cut median release time from 50 to 15 minutes\n2. Move the last services to the new pipeline\n\n**Objective: Grow the plugin ecosystem**\n\n* Host 4 plugin clinics\n  * Write a plugin starter kit\n* 300 plugins listed\n';
    const model = buildModel(text);
    const krs = successStatements(model).filter((s) => s.keyResult).map((s) => model.position(s.start).line);
    assert.deepEqual(krs, [5, 6, 10, 11, 12]);
    assert.equal(lint(text, { fileName: 'spring.md' }).kind, 'okr');
  });
  test('headings below an OKR title are objectives, whatever role their words suggest; a table of contents is not read', () => {
    const text = [
      '# Support team OKRs',
      '',
      '- [Help users find answers](#help-users-find-answers)',
      '  - [Publish the answer bank](#publish-the-answer-bank)',
      '',
      '### Help users find answers',
      '',
      '#### Publish the answer bank',
      '',
      '- [ ] Write 40 answers for the top questions',
      '- [ ] Migrate the old wiki pages',
      '',
    ].join('\n');
    const model = buildModel(text);
    assert.ok(model.sections.filter((s) => s.depth > 0).every((s) => s.effectiveRole === 'key-results'), 'the "users" heading keeps the page\'s role');
    assert.deepEqual(statementLines(text), [6, 8, 10, 11]);
    const output = findings(text, 'output-as-outcome', 'support.md');
    const lines = output.flatMap((f) => [f.start.line, ...(f.related ?? []).map((r) => r.start.line)]);
    assert.ok(lines.includes(8) && lines.includes(10) && lines.includes(11), `deliveries found: ${lines.join(', ')}`);
    assert.ok(!lines.includes(3) && !lines.includes(4), 'the table of contents states nothing');
  });
  test('a leaf heading deep in an OKR page that names a thing is a delivery; a team heading is not', () => {
    const text = '# Infra OKRs\n\n## Platform\n\n### Faster builds\n\n#### Remote build cache\n\n- [ ] Cache hit rate above 80%\n\n## Sales\n\n- Close 5 enterprise deals\n';
    const model = buildModel(text);
    const heads = successStatements(model).filter((s) => s.origin === 'heading' || s.unit.start === s.section.heading.start);
    const called = Object.fromEntries(heads.map((s) => [s.text.trim(), judge(s).call]));
    assert.equal(called['Remote build cache'], 'output');
    assert.notEqual(called['Platform'], 'output');
    assert.notEqual(called['Faster builds'], 'output');
  });
  test('checkbox milestones under "Feature milestones" or a "Month 3" heading are key results', () => {
    const text = '# Launch plan\n\n## Month 1 goals\n\n### Feature milestones\n\n- [ ] Desktop app prototype\n- [ ] Offline sync beta\n\n## Month 3\n\n- [ ] 1,000 stars\n- [ ] Release v1.0\n';
    const model = buildModel(text);
    const krs = successStatements(model).filter((s) => s.keyResult).map((s) => model.position(s.start).line);
    assert.deepEqual(krs, [7, 8, 12, 13]);
    const calls = successStatements(model).map((s) => judge(s).call);
    assert.deepEqual(calls, ['output', 'output', 'vanity', 'output']);
  });
  test('an "Impact" section states what success is, like "Outcomes"', () => {
    const text = '# Grant application\n\n## Impact\n\n- 20 co-ops keep their books with the toolkit within 6 months\n- Tutorial videos published\n';
    assert.deepEqual(statementLines(text), [5, 6]);
  });
  test('a paragraph of one field per line reads only its success fields', () => {
    const text = '# Coach summary\n\n## Summary\n\n**Feature:** Speaking coach\n**Goal:** Lift 30-day retention of free learners by 2 points\n**Scope:** 3 languages\n';
    assert.deepEqual(statementLines(text), [6]);
  });
});

describe('what counts as measuring success', () => {
  test('a goal that only asks for more use names no measure, so the document still lacks success metrics', () => {
    const text = '# Search refresh PRD\n\n## Problem\n\nPeople cannot find forms.\n\n## Goals\n\n- Veterans use the search tools more\n';
    assert.equal(findings(text, 'success-metrics-missing', 'search-prd.md').length, 1);
    assert.equal(findings(text, 'vanity-metric', 'search-prd.md').length, 1, 'the goal is still called vanity');
  });
});

describe('one finding per objective', () => {
  const page = [
    '# Team OKRs 2026 Q2',
    '',
    '## Objective 1: Make the importer ready for large customers',
    '',
    '- [ ] Streaming parser for large files',
    '- [ ] Retry logic for failed uploads',
    '- [ ] Audit log for every import',
    '  - [ ] Export of the log to the SIEM',
    '- [ ] 95% of large imports finish without a retry',
    '',
    '## Objective 2: Grow the partner channel',
    '',
    '- Partner portal live',
    '- Partner-sourced revenue reaches $200k in the quarter',
    '',
  ].join('\n');
  test('an objective with many deliveries gets one finding that lists each key result', () => {
    const outputs = findings(page, 'output-as-outcome', 'okrs.md');
    assert.equal(outputs.length, 2);
    const [grouped, single] = outputs;
    assert.match(grouped!.message, /^4 of 5 key results under "Objective 1: Make the importer ready for large customers" are deliveries, not changes: "Streaming parser for large files", "Retry logic for failed uploads", "Audit log for every import" and 1 more\./);
    assert.deepEqual(grouped!.related?.map((r) => r.start.line), [5, 6, 7, 8]);
    assert.equal(single!.start.line, 13);
    assert.equal(single!.related, undefined);
  });
  test('silencing one key result keeps the count and the names true', () => {
    const silenced = page.replace('- [ ] Retry logic', '<!-- outcome-lens-disable-next-line output-as-outcome -->\n- [ ] Retry logic');
    const [grouped] = findings(silenced, 'output-as-outcome', 'okrs.md');
    assert.match(grouped!.message, /^3 of 5 key results/);
    assert.doesNotMatch(grouped!.message, /Retry logic/);
  });
  test('in a PRD, findings in different sections are not merged under the title', () => {
    const prd = '# Checkout PRD\n\n## Problem\nCarts are abandoned.\n\n## Goals\n- 10,000 newsletter subscribers\n\n## Success metrics\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Page views | 1k | 5k | Q3 |\n| App downloads | 2k | 9k | Q3 |\n';
    const vanity = findings(prd, 'vanity-metric', 'checkout-prd.md');
    assert.deepEqual(vanity.map((f) => f.start.line), [7, 12, 13]);
  });
});

describe('OKR pages: periods from the title, guardrails held over a period', () => {
  const page = [
    '# OKRs 2026 Q3',
    '',
    '## Objective 1: Customers pay on time',
    '',
    '- KR1: Share of invoices paid by the due date rises from 62% to 75%',
    '- KR2: Reminder unsubscribe rate stays below 0.3% every week of the quarter',
    '',
  ].join('\n');
  const result = lint(page, { fileName: 'okrs.md' });
  test('the quarter in the page title is every key result\'s timeframe', () => {
    assert.equal(result.kind, 'okr');
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'metric-missing-timeframe'), []);
  });
  test('a guardrail that holds every week owes no baseline', () => {
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'metric-missing-baseline').map((f) => f.start.line), []);
  });
});

describe('the bundled examples stay judged as before', () => {
  const read = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
  test('the team inbox PRD is clean: its guardrail "Replies sent twice ..." is a rate of errors, not a count of work', () => {
    const serious = lint(read('team-inbox-prd.md'), { fileName: 'team-inbox-prd.md' }).findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(serious.map((f) => `${f.ruleId}@${f.start.line}`), []);
  });
  test('the checkout PRD still has its deliveries and vanity counts, one finding per line', () => {
    const findings = lint(read('checkout-redesign-prd.md'), { fileName: 'checkout-redesign-prd.md' }).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'output-as-outcome').map((f) => f.start.line), [12, 13]);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'vanity-metric').map((f) => f.start.line), [20, 21, 24]);
  });
});

describe('key results that are tasks: checking, tidying, telling and teaching are work the team does', () => {
  calls(
    [
      ['Review every API reference page for accuracy', 'output'],
      ['Merge the two install guides', 'output'],
      ['Mentor two new maintainers', 'output'],
      ['Invite 10 partners to review the beta', 'output'],
      ['Interview 12 customers about billing', 'output'],
      ['Demo the editor at the community call', 'output'],
      ['Share the roadmap with the community', 'output'],
      // Nouns that are also verbs need a determiner or a deliverable to be read as a task.
      ['Invites sent per new team', 'outcome'],
      ['Test coverage above 80%', 'outcome'],
      ['Share of teams who deploy weekly', 'outcome'],
      // A limit with a number is a target: the statement measures something.
      ['Keep p95 page load under 1.5 s', 'outcome'],
      ['Reduce install support tickets by 40%', 'outcome'],
    ],
    { keyResult: true },
  );
});

describe('key results that name a thing for people are things; people as head or subject are a change', () => {
  calls(
    [
      ['Mentorship program for first-time contributors', 'output'],
      ['Monthly community call with maintainers', 'output'],
      ['Good-first-issue board for new contributors', 'output'],
      ['Survey of users about onboarding pain', 'output'],
      ['Contributor summit in Berlin', 'output'],
      ['Regular contributors', 'unsure'],
      ['More maintainers from outside the company', 'unsure'],
      ['Users complete setup without help', 'unsure'],
      ['Partners ship integrations on their own', 'unsure'],
      ['Solving real problems for users', 'unsure'],
    ],
    { keyResult: true },
  );
});

describe('a table that compares options weighs choices; it sets no success measure', () => {
  const page = [
    '# Business case: self-serve onboarding',
    '',
    '## Options considered',
    '',
    '| Option | Metric | Expected |',
    '| --- | --- | --- |',
    '| Guided setup | Total installs | 12,000 |',
    '| Do nothing | Total installs | 8,000 |',
    '',
    '## Success metrics',
    '',
    '| Metric | Baseline | Target | By |',
    '| --- | --- | --- | --- |',
    '| Total installs | 8,000 | 12,000 | Q3 |',
    '',
  ].join('\n');
  test('only the success metrics table is read', () => {
    assert.deepEqual(findings(page, 'vanity-metric').map((f) => f.start.line), [14]);
  });
});

describe('a count of things made, asked to grow, is still a delivery', () => {
  calls(
    [
      ['Increase the number of tutorials', 'output'],
      ['10 podcast appearances', 'output'],
      ['20 customer interviews', 'output'],
      ['More integrations', 'output'],
      ['Increase the number of paying teams', 'outcome'],
      ['More tutorials completed per user', 'outcome'],
    ],
    { keyResult: true },
  );
});

describe("a delivery verb's object is judged by its head, not by the period after it", () => {
  calls([
    ['Build failures per week', 'outcome'],
    ['Build dashboards for error rates', 'output'],
    ['Build a refund flow', 'output'],
  ]);
});

describe('the period of a ladder rung is a timeframe, and the rung is judged by what follows it', () => {
  calls([
    ['**Month 2** - 3 plugin authors onboarded', 'output'],
    ['**Month 3** - 50 teams run the linter weekly', 'outcome'],
    ['Week 1: docs rewrite done', 'output'],
    ['Q3: share of projects that keep the linter on after 30 days reaches 25%', 'outcome'],
  ]);
});

describe('vocabulary: a vanity head in the singular still counts', () => {
  calls([
    ['1 fork', 'vanity'],
    ['One follower per day', 'vanity'],
    ['Twitter follower count', 'vanity'],
    ['Download count', 'vanity'],
    ['Webinar attendee count', 'vanity'],
    ['Search volume', 'vanity'],
    ['Member satisfaction', 'outcome'],
    ['Session length', 'outcome'],
    ['Search success rate', 'outcome'],
  ]);
});

describe('a place on a launch platform is attention, even when a key result names a page', () => {
  calls(
    [
      ['Reach the front page of Hacker News', 'vanity'],
      ['Top 5 on Product Hunt', 'vanity'],
      ['Top 10 in the App Store', 'vanity'],
      ['Top 3 priorities in the roadmap', 'output'],
    ],
    { keyResult: true },
  );
});

describe('success criteria that describe the product: a capability in the passive, behaviour shown, a thing documented somewhere', () => {
  calls([
    ['Forms can be filled in with no connection', 'output'],
    ['Conflict dialog shown when two people edit the same form', 'output'],
    ['Offline mode documented in the help centre', 'output'],
    ['Drafts sync within 1 minute of reconnecting', 'outcome'],
    ['Fewer than 1 in 1,000 drafts lost', 'outcome'],
    ['Search results shown in under 2 seconds', 'outcome'],
    ['Support tickets can be reduced by 30%', 'outcome'],
  ]);
});
