// The offline coach on the rough edges a new user found (docs/walkthrough.md,
// items 5, 6, 8, 13, 15, 16, 17 and 18), with the repo's checkout example PRD
// and the coach fixtures as input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachAnswer, COACH_LABEL, type CoachContext } from '../../../src/chat/coach/coach';
import { findQuotes } from '../../../src/chat/coach/quotes';
import { topicsIn } from '../../../src/chat/coach/talk';
import { productOwner } from '../../../src/chat/personas/builtin/product-owner';
import { valueRealization } from '../../../src/chat/personas/builtin/value-realization';
import type { Persona } from '../../../src/chat/personas/persona';
import { lint } from '../../../src/engine';
import { DOCUMENTS, launchCoach, tableRows } from '../../fixtures/coach/documents';

const DOCS = DOCUMENTS;
type Doc = keyof typeof DOCS;
const ALL_DOCS = Object.keys(DOCS) as Doc[];
const PERSONAS = [valueRealization, productOwner, launchCoach];

function answer(persona: Persona, doc: Doc | { text: string; fileName: string }, command: CoachContext['command'], question = '', extra: Partial<CoachContext> = {}): string {
  const document = typeof doc === 'string' ? DOCS[doc] : doc;
  return coachAnswer({ persona, document: { ...document }, command, question, ...extra });
}

/** The bullet lines of the paragraph that follows `lead` in an answer. */
function bulletsAfter(text: string, lead: string): string[] {
  const at = text.indexOf(lead);
  assert.ok(at >= 0, `"${lead}" in the answer`);
  return text.slice(at + lead.length).trimStart().split('\n\n')[0]!.split('\n').filter((line) => line.startsWith('- '));
}

describe('walkthrough 5: a broad question gets the overall picture', () => {
  it('broad and readiness questions are overall; a question that names a part stays narrow', () => {
    for (const question of ['Is this PRD ready for review?', 'Is this ready to ship?', 'What do you think?', 'Review this', 'Any feedback?', 'Would you sign off on this?', 'Anything I should know before the review?']) {
      assert.deepEqual(topicsIn(question), ['overall'], question);
    }
    assert.deepEqual(topicsIn('What do you think of our success metrics?'), ['metrics']);
    assert.deepEqual(topicsIn('Are the goals ready?'), ['goals']);
    assert.deepEqual(topicsIn('Any TBDs left to decide?'), ['placeholders']);
    assert.deepEqual(topicsIn('How will we know this worked?'), ['metrics']);
    assert.deepEqual(topicsIn('Who is this for?'), ['users']);
    assert.deepEqual(topicsIn('Should we hire a designer in Berlin?'), []);
  });

  it('"Is this PRD ready for review?" on the checkout PRD: a verdict and the top concern of each part, the TBD among them', () => {
    const findings = lint(DOCS.checkout.text, { fileName: DOCS.checkout.fileName }).findings;
    for (const persona of [valueRealization, productOwner]) {
      const text = answer(persona, 'checkout', 'ask', 'Is this PRD ready for review?');
      assert.match(text, new RegExp(`Not yet, I'd say\\. Outcome Lens flags ${findings.length} things in it, about `));
      for (const area of ['the goals', 'the metrics', 'the problem statement', 'unfinished parts']) assert.ok(text.includes(area), `${persona.id}: ${area}`);
      const concerns = bulletsAfter(text, "What I'd deal with first:");
      assert.ok(concerns.length >= 4 && concerns.length <= 5, `${persona.id}: ${concerns.length} concerns`);
      const about = (pattern: RegExp) => concerns.findIndex((line) => pattern.test(line));
      assert.ok(about(/"Launch the redesigned checkout by the end of Q1"/) >= 0, `${persona.id}: the output goals`);
      assert.ok(about(/"Total sign-ups"/) >= 0, `${persona.id}: the vanity metrics`);
      assert.ok(about(/"PRD: Checkout Redesign": .*problem/) >= 0, `${persona.id}: the missing problem`);
      const tbd = about(/TBD/);
      assert.ok(tbd > 0, `${persona.id}: the TBD is one point among several, not the first`);
      assert.match(text, /There's more: \d+ other concerns?; `\/review` lists them all\./);
    }
  });

  it('the Value Realization persona puts its own priorities first in the overall picture', () => {
    const concerns = bulletsAfter(answer(valueRealization, 'checkout', 'ask', 'What do you think?'), "What I'd deal with first:");
    assert.match(concerns[0]!, /^- I think 2 of our 3 goals are outputs/);
    assert.match(answer(valueRealization, 'checkout', 'ask', 'What do you think?'), /\n\nOverall: Outcome Lens flags \d+ things in it/);
  });

  it('says yes when nothing is flagged, and "nearly" when only suggestions are left', () => {
    assert.match(answer(valueRealization, 'strong', 'ask', 'Is this ready for review?'), /As far as Outcome Lens's checks go, yes: they flag nothing in it\./);
    const noGuardrail = DOCS.strong.text.replace(/^\| Agent-reported.*\n/m, '');
    const findings = lint(noGuardrail, { fileName: 'team-inbox-prd.md' }).findings;
    assert.ok(findings.length > 0 && findings.every((f) => f.severity === 'info'), findings.map((f) => `${f.ruleId} ${f.severity}`).join(', '));
    const text = answer(productOwner, { text: noGuardrail, fileName: 'team-inbox-prd.md' }, 'ask', 'Is this ready for review?');
    assert.match(text, /Nearly: what's left are suggestions\. Outcome Lens flags 1 thing in it, about the metrics\./);
  });
});

describe('walkthrough 6: a TBD is an open decision, quoted as itself', () => {
  it('the review quotes the TBD cell with its metric and calls it an open decision, not template text', () => {
    for (const persona of PERSONAS) {
      const text = answer(persona, 'checkout', 'review');
      assert.ok(text.includes('> "Checkout page views … TBD"'), persona.id);
      assert.doesNotMatch(text, /template text/, persona.id);
      const found = findQuotes(text, DOCS.checkout.text).find((q) => q.quote === 'Checkout page views … TBD');
      assert.ok(found, persona.id);
      const passage = DOCS.checkout.text.slice(found.start, found.end);
      assert.ok(passage.startsWith('Checkout page views') && passage.endsWith('TBD'), passage);
      assert.match(found.note, /open decision|decision nobody has made/);
    }
  });

  it('a TBD in a list is quoted as its line; bracketed template text is still called template text', () => {
    const weak = answer(valueRealization, 'weak', 'ask', 'Are there any TBDs left?');
    assert.match(weak, /- "Address autocomplete: TBD": this is still an open decision; nobody has settled it yet\. Decide each value marked TBD/);
    const business = answer(valueRealization, 'business', 'review');
    assert.match(business, /> "\[Payback period and net present value\]" \(line \d+\)\n\nThis is template text that was never filled in\./);
  });

  it('asked about the TBD finding, the coach answers about that decision', () => {
    const finding = lint(DOCS.checkout.text, { fileName: DOCS.checkout.fileName }).findings.find((f) => f.ruleId === 'placeholder-left')!;
    const text = answer(productOwner, 'checkout', 'ask', 'Why is this a problem, and how would you fix it?', { finding: { ruleId: finding.ruleId, message: finding.message, line: finding.start.line } });
    assert.match(text, /"Checkout page views … TBD": this is a decision nobody has made yet/);
    assert.match(text, /I'd settle every TBD with whoever owns it/);
  });
});

describe('walkthrough 8: a replacement for a vanity count fits the document', () => {
  it('in a checkout PRD, sign-ups and page views give way to a checkout result in the document\'s words or placeholders (issue 15)', () => {
    for (const doc of ['checkout', 'weak'] as const) {
      const text = answer(valueRealization, doc, 'review');
      const block = text.slice(text.indexOf('can grow while nobody gets value'));
      const suggestion = /^[^\n]*Something I could measure instead: \*([^*\n]+)\*\./.exec(block)?.[1];
      assert.ok(suggestion, doc);
      assert.match(suggestion, /checkout|paid order/i, `${doc}: ${suggestion}`);
      assert.doesNotMatch(text, /new accounts|sign-ups who/, doc);
    }
  });

  it('in an onboarding PRD, the same count gives way to completed setups', () => {
    const doc = '# Onboarding PRD\n\n## Problem\n\nNew accounts stall in setup: 40% never invite a teammate (product analytics).\n\n## Goals\n\n- More new accounts finish setup in their first week.\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Page views of the setup guide | 10k | 20k | by Q3 |\n';
    const text = answer(valueRealization, { text: doc, fileName: 'onboarding-prd.md' }, 'ask', 'Which metrics are vanity metrics?');
    assert.match(text, /"Page views of the setup guide": my concern is[^\n]*Something I could measure instead: \*% of accounts that \[finish setting up\] within \[N\] days\*\./);
  });
});

describe('a question about one finding', () => {
  it('answers about the passage on its line, names the rule\'s other passages, and does not misstate the share', () => {
    const findings = lint(DOCS.checkout.text, { fileName: DOCS.checkout.fileName }).findings;
    const pageViews = findings.find((f) => f.ruleId === 'vanity-metric' && f.start.line === 21)!;
    const text = answer(valueRealization, 'checkout', 'ask', 'Why is this a problem, and how would you fix it?', { finding: { ruleId: pageViews.ruleId, message: pageViews.message, line: 21 } });
    const bullets = bulletsAfter(text, "Here's how I see it:");
    assert.equal(bullets.length, 1);
    assert.match(bullets[0]!, /^- "Checkout page views": my concern is that this number can grow/);
    assert.match(text, /The same goes for ‘Total sign-ups’ and ‘App downloads after the release’\./);
    const applePay = findings.find((f) => f.ruleId === 'output-as-outcome' && f.start.line === 13)!;
    const goal = answer(valueRealization, 'checkout', 'ask', 'Why?', { finding: { ruleId: applePay.ruleId, message: applePay.message, line: 13 } });
    assert.match(goal, /- "Ship Apple Pay and saved cards": I think this is an output, not an outcome/);
    assert.doesNotMatch(goal, /1 of our 3 goals/);
  });
});

describe('walkthrough 13: the coach introduces itself only when it cannot answer', () => {
  it('answers it can give mention the coach only in the closing label', () => {
    for (const persona of PERSONAS) {
      for (const doc of ALL_DOCS) {
        for (const [command, question] of [['review', ''], ['metrics', ''], ['ask', 'Is this ready for review?'], ['ask', 'Are the goals measurable?']] as const) {
          const text = answer(persona, doc, command, question);
          assert.equal(text.match(/offline coach/gi)?.length, 1, `${persona.id} ${doc} ${command} ${question}`);
          assert.ok(text.endsWith(`${COACH_LABEL}\n`));
        }
      }
    }
  });

  it('a question with no topic gets the honest "I can\'t answer that" with the way to a model', () => {
    const text = answer(valueRealization, 'checkout', 'ask', 'Should we hire a designer in Berlin?');
    assert.match(text, /I can't answer that one properly: I'm the offline coach, not a model/);
    assert.match(text, /pick a language model in the chat's model picker \(a VS Code language model, or an OpenAI-compatible server set in the `outcomeLens\.chat\.openai` settings\)/);
  });
});

describe('walkthrough 15: every recommendation reads on its own', () => {
  // Words that point back at something the sentence does not name.
  const BACK_REFERENCE = /\b(?:like that|like this|such(?! as)|each one|these|those|the same)\b/i;
  // "Add it, ...", "I'd restate them ...": a verb whose object is named elsewhere.
  const LEADING_PRONOUN = /^(?:I'd\s+)?\w+\s+(?:it|them|this|that)\b/i;
  const SUBJECT = /\b(?:goals?|metrics?|counts?|problem|need statement|placeholders?|TBD|sections?|outcome review|adoption|guardrail|slice|document)\b/i;

  it('in /review lists and in the closing next step', () => {
    for (const persona of PERSONAS) {
      for (const doc of ALL_DOCS) {
        const text = answer(persona, doc, 'review');
        const steps = [...text.matchAll(/^\d+\. (.*)$/gm)].map((m) => m[1]!);
        const next = /^(?:The one thing I'd do next|My recommendation|Next step): (.*)$/m.exec(text)?.[1];
        assert.ok(next, `${persona.id} ${doc}: a next step`);
        for (const step of [...steps, next]) {
          assert.doesNotMatch(step, BACK_REFERENCE, `${persona.id} ${doc}: ${step}`);
          assert.doesNotMatch(step, LEADING_PRONOUN, `${persona.id} ${doc}: ${step}`);
          assert.match(step, SUBJECT, `${persona.id} ${doc}: ${step}`);
        }
      }
    }
  });

  it('the output-goal recommendation names what it is about', () => {
    const text = answer(valueRealization, 'checkout', 'review');
    assert.match(text, /^1\. I'd restate each goal that names a launch or a feature as the change it should cause for customers/m);
    assert.match(text, /The one thing I'd do next: restate each goal that names a launch or a feature/);
  });
});

describe('walkthrough 16: metric gaps are counted as the rules report them', () => {
  it('on the checkout PRD: a list item with no number lacks a target only; the TBD target is open, not missing', () => {
    const findings = lint(DOCS.checkout.text, { fileName: DOCS.checkout.fileName }).findings;
    assert.equal(findings.filter((f) => f.ruleId === 'metric-missing-target').length, 2);
    assert.equal(findings.filter((f) => f.ruleId === 'metric-missing-baseline').length, 0);
    const text = answer(valueRealization, 'checkout', 'ask', 'How will we know this worked?');
    assert.match(text, /I count 4 success metrics \([^)]*\): 2 have no target, 1 has its target still open \(TBD\) and 3 have no timeframe\./);
    assert.doesNotMatch(text, /\bno baselines?\b|without (?:a )?baselines?/i);
    assert.doesNotMatch(answer(valueRealization, 'checkout', 'review'), /no baseline|from the document’s structure/);
  });

  it('a timeframe given by the heading counts, as it does for metric-missing-timeframe', () => {
    const doc = '# Search PRD\n\n## Problem\n\nShoppers cannot find products: 31% of searches return nothing (search logs, May).\n\n## Goals\n\n- More shoppers find what they search for.\n\n## Success Metrics (by end of Q3 2026)\n\n| Metric | Baseline | Target |\n| --- | --- | --- |\n| % of searches followed by opening a result within 30 seconds | 42% | 55% |\n\n- Search sessions per week\n';
    const document = { text: doc, fileName: 'search-prd.md' };
    assert.ok(!lint(doc, document).findings.some((f) => f.ruleId === 'metric-missing-timeframe'));
    const text = answer(valueRealization, document, 'review');
    assert.match(text, /I count 2 success metrics \([^)]*\): 1 has no target\. /);
    assert.doesNotMatch(text, /no timeframe/);
    assert.match(text, /- The metric has|1 of 2 metrics has a baseline, a target and a timeframe, e\.g\. ‘% of searches followed by opening a result within 30 seconds’/);
  });

  it('a missing Timeframe column is quoted at the table header and counted per row', () => {
    const text = answer(valueRealization, 'checkout', 'review');
    assert.match(text, /> "Metric \| Baseline \| Target" \(line \d+\)\n\nWith no timeframes, I think there's no day on which anyone sits down and checks these\. Outcome Lens says: This metrics table has no Timeframe column/);
  });
});

describe('walkthrough 17: /metrics lists each result once, with a real type', () => {
  it('on the checkout PRD: the document\'s conversion metric is the goals\' result, typed lagging, with no twin', () => {
    for (const persona of [valueRealization, productOwner]) {
      const text = answer(persona, 'checkout', 'metrics');
      const rows = tableRows(text).slice(2);
      const conversion = rows.filter((r) => /paid order/.test(r[0]!));
      assert.deepEqual(conversion, [['Conversion from cart to paid order', 'lagging', '2.1%', '[target]', 'by the end of Q1', '[dashboard or query]', '[name]']], persona.id);
      assert.ok(rows.every((r) => !r[1]!.startsWith('[')), `${persona.id}: every Type is known`);
      assert.deepEqual([...new Set(rows.map((r) => r[1]))].sort(), ['guardrail', 'lagging', 'leading']);
      // "Ship Apple Pay and saved cards" delivers two things, each adopted on its own; the redesign gets no adoption row.
      const leading = rows.filter((r) => r[1] === 'leading').map((r) => r[0]);
      assert.deepEqual(leading, ['% of [eligible users] who use Apple Pay within [N] days of release', '% of [eligible users] who use saved cards within [N] days of release']);
      assert.match(text, /- "Total sign-ups", "Checkout page views" and "App downloads after the release" are counts that can grow while nobody gets value, so I've left them out of the table\./);
      assert.match(text, /- "Improve the checkout experience and make it more seamless": I'd track it with ‘Conversion from cart to paid order’ \(already in the document\)\./);
    }
  });

  it('an untyped metric the coach cannot place keeps the bracketed choice', () => {
    const doc = '# Reports PRD\n\n## Goals\n\n- Teams trust the weekly report.\n\n## Success Metrics\n\n| Metric | Baseline | Target | Timeframe |\n| --- | --- | --- | --- |\n| Weekly report accuracy score | 3.1 | 4.0 | by Q4 |\n';
    const rows = tableRows(answer(valueRealization, { text: doc, fileName: 'reports-prd.md' }, 'metrics')).slice(2);
    assert.deepEqual(rows[0]!.slice(0, 2), ['Weekly report accuracy score', '[leading, lagging or guardrail]']);
  });
});

describe('walkthrough 18: praise needs evidence', () => {
  it('a goal a rule missed is not praised for what the linter did not flag', () => {
    const missed = lint(DOCS.weak.text, { fileName: DOCS.weak.fileName }).findings.filter((f) => f.ruleId !== 'output-as-outcome' && f.ruleId !== 'vague-goal');
    for (const persona of PERSONAS) {
      const text = answer(persona, 'weak', 'review', '', { findings: missed });
      const strong = text.slice(text.indexOf("**What's"), text.indexOf('**What', text.indexOf("**What's") + 5));
      assert.doesNotMatch(strong, /Launch the redesigned|Ship Apple Pay|Improve the checkout/, persona.id);
      assert.doesNotMatch(strong, /vanity count or a shipping milestone/, persona.id);
    }
  });

  it('the checkout PRD has nothing clearly strong, and the coach says so briefly', () => {
    const text = answer(valueRealization, 'checkout', 'review');
    assert.match(text, /\*\*What's strong\*\*\n\nHonestly, not much yet from where I sit: there's nothing here I could check after launch\.\n\n\*\*What worries me\*\*/);
  });

  it('a strong PRD is praised for its complete metrics, its evidence and its planned review', () => {
    const vr = answer(valueRealization, 'strong', 'review');
    assert.match(vr, /- All 3 metrics have a baseline, a target and a timeframe, e\.g\. ‘% of new teams who connect a mailbox within 7 days’\./);
    assert.match(vr, /- There's a check after launch: ‘We roll out to 10% of teams first and hold an outcome review 30 days after launch’\./);
    const generic = answer(launchCoach, 'strong', 'review');
    assert.match(generic, /- The problem comes with evidence: ‘Support leads at companies with 5 to 50 agents lose customer emails/);
    assert.match(generic, /- It names who this is for: ‘Support leads and agents at small software companies who answer customers by email’\./);
    assert.match(generic, /- The goal states a change we could check, not a delivery: ‘More teams resolve customer emails/);
  });

  it('a vanity metric with a target is no answer to "how will we know"', () => {
    const text = answer(productOwner, 'checkout', 'review');
    assert.match(text, /\*\*How we'll know:\*\* nothing with a target yet\./);
    assert.match(text, /None of my five questions is answered yet, and I wouldn't call this ready until they are answered\./);
  });
});

describe('a Background section that states the problem is the problem statement', () => {
  const doc = {
    fileName: 'calendar-sync-prd.md',
    text: [
      '# PRD: Calendar sync',
      '',
      '## Background',
      '',
      'Team leads at agencies book client calls by hand. In our March survey of 140 leads, 62% said',
      'they double-book at least once a week, and support gets about 40 tickets a month about it.',
      '',
      '## Goals',
      '',
      '- Double-booked client calls fall from 62% of leads weekly to under 15% by the end of Q3.',
      '',
      '## Success metrics',
      '',
      '| Metric | Type | Baseline | Target | Timeframe |',
      '| --- | --- | --- | --- | --- |',
      '| Teams with a connected calendar | leading | 0% | 25% of active teams | 90 days after GA |',
      '| Leads who double-book in a week | lagging | 62% | 15% | end of Q3 |',
      '| Support tickets about double-booking | guardrail | 40 / month | below 40 / month | monthly |',
      '',
    ].join('\n'),
  };

  it('neither the rules nor a persona asks for a problem statement', () => {
    assert.ok(!lint(doc.text, { fileName: doc.fileName }).findings.some((f) => f.ruleId === 'problem-statement-missing'));
    for (const persona of [valueRealization, productOwner]) {
      const text = answer(persona, doc, 'ask', 'Is this PRD ready for review?');
      assert.doesNotMatch(text, /never says what problem|no problem statement|add a problem/i, persona.id);
    }
  });
});
