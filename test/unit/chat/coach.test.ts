import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachAnswer, COACH_LABEL, type CoachContext } from '../../../src/chat/coach/coach';
import { findQuotes } from '../../../src/chat/coach/quotes';
import { productOwner } from '../../../src/chat/personas/builtin/product-owner';
import { valueRealization } from '../../../src/chat/personas/builtin/value-realization';
import type { Persona } from '../../../src/chat/personas/persona';
import { lint, rules, type Finding } from '../../../src/engine';
import { DOCUMENTS, launchCoach, tableRows } from '../../fixtures/coach/documents';

const FIXTURES = DOCUMENTS;
type FixtureName = keyof typeof FIXTURES;

function answer(persona: Persona, name: FixtureName, command: CoachContext['command'], question = '', extra: Partial<CoachContext> = {}): string {
  return coachAnswer({ persona, document: { ...FIXTURES[name] }, command, question, ...extra });
}

/** "Outcome Lens flags 5 things in it: 1 × `vanity-metric`, ..." as the engine's own findings say it should read. */
function expectedCounts(findings: readonly Finding[]): string {
  if (findings.length === 0) return "Outcome Lens's rules flag nothing in it.";
  const order = rules.map((r) => r.meta.id);
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const list = [...counts].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([id, n]) => `${n} × \`${id}\``);
  return `Outcome Lens flags ${findings.length} ${findings.length === 1 ? 'thing' : 'things'} in it: ${list.join(', ')}.`;
}

const PERSONAS = [valueRealization, productOwner, launchCoach];
const COMMANDS: Array<CoachContext['command']> = ['review', 'metrics', 'ask'];

describe('offline coach: voice, label and determinism', () => {
  it('opens with the persona in bold and ends with the one-line label, for every persona, document and command', () => {
    const openings = new Map([
      [valueRealization.id, '**💰 Value Realization:**\n\n'],
      [productOwner.id, '**🧭 Product Owner:**\n\n'],
      [launchCoach.id, '**🚀 Launch Coach:**\n\n'],
    ]);
    for (const persona of PERSONAS) {
      for (const name of Object.keys(FIXTURES) as FixtureName[]) {
        for (const command of COMMANDS) {
          const text = answer(persona, name, command, 'What do you think of the metrics?');
          assert.ok(text.startsWith(openings.get(persona.id)!), `${persona.id} ${name} ${command}: ${text.slice(0, 40)}`);
          assert.ok(text.endsWith(`\n\n${COACH_LABEL}\n`), `${persona.id} ${name} ${command} ends with the label`);
          assert.equal(text.split('\n').filter((line) => line === COACH_LABEL).length, 1);
          assert.equal(COACH_LABEL, "_Offline coach: built-in guidance from Outcome Lens's rules, not an AI model._");
        }
      }
    }
  });

  it('speaks in the first person and never about itself in the third person', () => {
    const weak = answer(valueRealization, 'weak', 'review');
    assert.match(weak, /\bI think\b/);
    assert.match(weak, /\bMy concern is\b/);
    assert.match(weak, /\*\*What I recommend\*\*/);
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      const vr = answer(valueRealization, name, 'review');
      assert.match(vr, /\bI (?:read|count|think)\b/);
      assert.match(vr, /\bI'd\b/);
      assert.doesNotMatch(vr.split('\n').slice(1).join('\n'), /Value Realization (?:thinks|recommends|believes|would)/);
      const po = answer(productOwner, name, 'review');
      assert.match(po, /\bI'd\b|\bMy (?:priority|recommendation)\b/);
      assert.doesNotMatch(po.split('\n').slice(1).join('\n'), /Product Owner (?:thinks|recommends|believes|would)/);
    }
  });

  it('gives the same answer for the same input, and the same whether it lints itself or is handed the findings', () => {
    for (const persona of PERSONAS) {
      for (const name of Object.keys(FIXTURES) as FixtureName[]) {
        for (const command of COMMANDS) {
          const first = answer(persona, name, command, 'Are the goals measurable?');
          assert.equal(answer(persona, name, command, 'Are the goals measurable?'), first);
          const findings = lint(FIXTURES[name].text, { fileName: FIXTURES[name].fileName }).findings;
          assert.equal(answer(persona, name, command, 'Are the goals measurable?', { findings }), first);
        }
      }
    }
  });

  it('the two built-ins answer the same document differently, each from its own focus', () => {
    const vr = answer(valueRealization, 'weak', 'review');
    const po = answer(productOwner, 'weak', 'review');
    assert.notEqual(vr, po);
    assert.match(vr, /I count 2 success metrics \(‘Page views of the checkout page’ and ‘Checkout conversion rate’\)/);
    assert.match(po, /I checked the need against my five questions/);
    assert.match(po, /\*\*Who has the need:\*\* not stated/);
  });
});

describe('offline coach: grounded in the document', () => {
  it('the review counts the findings by rule exactly as lint reports them', () => {
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      const { findings } = lint(FIXTURES[name].text, { fileName: FIXTURES[name].fileName });
      for (const persona of PERSONAS) assert.ok(answer(persona, name, 'review').includes(expectedCounts(findings)), `${persona.id} on ${name}`);
    }
  });

  it('the review of the weak PRD quotes its headings, output goals, vanity metric and placeholder', () => {
    const text = answer(valueRealization, 'weak', 'review');
    assert.match(text, /I read ‘Checkout Redesign PRD’, a PRD with 4 sections \(‘Problem’, ‘Goals’, ‘Success Metrics’ and ‘Requirements’\)/);
    for (const quote of ['Launch the redesigned payment page by Q3', 'Ship Apple Pay', 'Page views of the checkout page', 'Improve the checkout experience for everyone', 'Address autocomplete: TBD']) {
      assert.ok(text.includes(`> "${quote}"`), quote);
    }
    // The output goals come first for Value Realization, with a measurable rewrite that keeps the goal's own timeframe.
    assert.ok(text.indexOf('> "Launch the redesigned payment page by Q3"') < text.indexOf('> "Page views of the checkout page"'));
    // The rewrite uses the document's own result metric and baseline, and keeps the goal's own timeframe.
    assert.match(text, /\*Checkout conversion rate rises from 2\.1% to \[target\] by Q3\*/);
    assert.match(text, /\*\*What's strong\*\*[\s\S]*\*\*What worries me\*\*[\s\S]*\*\*What I recommend\*\*\n\n1\. /);
    assert.match(text, /The one thing I'd do next: /);
  });

  it('raises only what the rules report: no gap of its own from the structure', () => {
    const { findings } = lint(FIXTURES.weak.text, { fileName: FIXTURES.weak.fileName });
    const withoutTimeframes = findings.filter((f) => f.ruleId !== 'metric-missing-timeframe');
    const text = answer(valueRealization, 'weak', 'review', '', { findings: withoutTimeframes });
    assert.doesNotMatch(text, /no timeframes?\b|from the document’s structure/i);
    assert.match(text, /I count 2 success metrics \([^)]*\): 1 has no target\. /);
  });

  it('answers "are our goals any good?" by saying how many goals are outputs, quoting them', () => {
    const text = answer(valueRealization, 'weak', 'ask', 'Are our goals any good?');
    assert.match(text, /I think 2 of our 3 goals are outputs, not outcomes: "Launch the redesigned payment page by Q3" and "Ship Apple Pay"\. They say what we'll ship/);
    assert.match(text, /"Improve the checkout experience for everyone": /);
    assert.doesNotMatch(text, /Address autocomplete/); // a placeholder is not about goals
  });

  it('says "all outputs" when every goal is one', () => {
    const doc = '# Mobile app PRD\n\n## Problem\n\nRiders miss their stop.\n\n## Goals\n\n- Launch the iOS app by March.\n- Ship push notifications.\n';
    const text = coachAnswer({ persona: valueRealization, document: { text: doc, fileName: 'app-prd.md' }, command: 'ask', question: 'What about the goals?' });
    assert.match(text, /I think our goals are all outputs: "Launch the iOS app by March" and "Ship push notifications"\./);
  });

  it('answers a metrics question with the metric count and what each one lacks', () => {
    const text = answer(valueRealization, 'weak', 'ask', 'How will we know this worked?');
    assert.match(text, /I count 2 success metrics \(‘Page views of the checkout page’ and ‘Checkout conversion rate’\): 1 has no target and none has a timeframe\./);
    assert.match(text, /None is labelled as a leading indicator or a guardrail\./);
    assert.match(text, /"Page views of the checkout page": my concern is that this number can grow while nobody gets value/);
  });

  it('the Product Owner checks the need against its five questions, quoting what answers each', () => {
    const weak = answer(productOwner, 'weak', 'ask', 'Who is this for?');
    assert.match(weak, /\*\*Why it matters:\*\* ‘Customers abandon the checkout on mobile’/);
    assert.match(weak, /\*\*What if we do nothing:\*\* not stated\./);
    // 'Page views of the checkout page' has a target, but a vanity count is no way to know the need is met.
    assert.match(weak, /\*\*How we'll know:\*\* nothing with a target yet\./);
    assert.match(weak, /4 of my five questions are still open/);
    assert.match(weak, /My recommendation: name the specific group who has this need/);
    const strong = answer(productOwner, 'strong', 'review');
    assert.match(strong, /\*\*Who has the need:\*\* ‘Support leads and agents at small software companies who answer customers by email’/);
    assert.match(strong, /\*\*What if we do nothing:\*\* ‘If we do nothing, the teams we interviewed expect to lose renewals to tools that share an inbox’/);
    assert.match(strong, /All five are answered/);
  });

  it('praises what a strong PRD does well, naming its leading indicator and guardrail', () => {
    const text = answer(valueRealization, 'strong', 'review');
    assert.match(text, /I count 3 success metrics \([^)]*\): each has a baseline, a target and a timeframe\. One is labelled as a leading indicator, and one as a guardrail\./);
    assert.match(text, /There's a leading indicator \(‘% of new teams who connect a mailbox within 7 days’\) and a guardrail \(‘Agent-reported duplicate replies per 1,000 conversations’\)/);
    assert.doesNotMatch(text, /outcome review planned/); // the launch section plans one
  });

  it('reviews a business case with its own sections and says what findings at one spot are about', () => {
    const text = answer(productOwner, 'business', 'review');
    assert.match(text, /I read ‘Business Case: Self-Service Refunds’, a business case with 7 sections/);
    assert.match(text, /The costs are estimated: ‘Two engineers for one quarter, about \$120k’\./);
    assert.match(text, /> "\[Payback period and net present value\]"/);
    // Two findings reported at the title are told apart by their messages.
    const title = { line: 1, column: 3, offset: 2 };
    const at = (ruleId: string, message: string): Finding => ({ ruleId, severity: 'warning', message, start: title, end: title, fixes: [], docsUrl: `https://example.com/${ruleId}` });
    const stacked = answer(productOwner, 'business', 'review', '', {
      findings: [at('business-case-section-missing', 'This business case has no "Risks" section. Name what could go wrong.'), at('business-case-section-missing', 'This business case has no assumptions section. State them.')],
    });
    assert.match(stacked, /> "Business Case: Self-Service Refunds" \(line \d+\)\n\nA decision-maker will look for a section this business case does not have yet\. Outcome Lens says: This business case has no ‘Risks’ section; This business case has no assumptions section\./);
    assert.ok(stacked.includes('Outcome Lens flags 2 things in it: 2 × `business-case-section-missing`.'));
  });

  it('uses the findings it is given: a rule switched off in the user config is not raised', () => {
    const all = lint(FIXTURES.weak.text, { fileName: FIXTURES.weak.fileName }).findings;
    const findings = all.filter((f) => f.ruleId !== 'vanity-metric');
    const text = answer(valueRealization, 'weak', 'review', '', { findings });
    assert.ok(text.includes(expectedCounts(findings)));
    assert.doesNotMatch(text, /vanity-metric/);
    assert.doesNotMatch(text, /nobody gets value from what we built/);
  });

  it("speaks about a rule it does not know from the finding's own message and docs link", () => {
    const start = { line: 9, column: 3, offset: FIXTURES.weak.text.indexOf('Ship Apple Pay') };
    const finding: Finding = { ruleId: 'future-rule', severity: 'info', message: 'Apple Pay needs a wallet check. More text here.', start, end: start, fixes: [], docsUrl: 'https://example.com/future-rule' };
    const text = answer(valueRealization, 'weak', 'review', '', { findings: [finding] });
    assert.match(text, /> "Ship Apple Pay" \(line \d+\)\n\nApple Pay needs a wallet check\. _\(`future-rule`, 1 finding\)_/);
    assert.match(text, /For `future-rule`, see the rule's page on how to fix it: https:\/\/example\.com\/future-rule\./);
  });

  it('looks at the selected passage when there is one, and says so', () => {
    const text = answer(valueRealization, 'weak', 'ask', 'Is this OK?', { document: { ...FIXTURES.weak, selection: '- Ship Apple Pay.' } });
    assert.match(text, /I'm looking at the passage you selected, ‘Ship Apple Pay’\./);
    assert.match(text, /"Ship Apple Pay"/);
    assert.doesNotMatch(text, /Page views/);
    const clean = answer(valueRealization, 'weak', 'ask', 'Is this OK?', { document: { ...FIXTURES.weak, selection: 'Customers abandon the checkout on mobile.' } });
    assert.match(clean, /Outcome Lens finds nothing to raise in the passage you selected \(‘Customers abandon the checkout on mobile’\), so I'm looking at the whole document\./);
  });

  it('is honest about questions it cannot answer, and still points at the document', () => {
    const text = answer(valueRealization, 'weak', 'ask', 'Should we hire a designer in Berlin?');
    assert.match(text, /I can't answer that one properly: I'm the offline coach, not a model/);
    assert.match(text, /What I can tell you is what I'd look at first in ‘Checkout Redesign PRD’:\n\n- I think 2 of our 3 goals are outputs/);
    assert.match(text, /pick a language model in the chat's model picker/);
    // Only there: an answer it can give does not introduce the coach again (the label at the end says it).
    const matched = answer(productOwner, 'weak', 'ask', 'What is the problem we solve?');
    assert.doesNotMatch(matched, /offline coach(?!: built-in guidance)/i);
  });

  it('says when a document is not a PRD or business case instead of inventing a review', () => {
    const text = coachAnswer({ persona: valueRealization, document: { text: '# Widget\n\nInstall with npm.\n', fileName: 'README.md' }, command: 'review', question: '' });
    assert.match(text, /I don't think this is a PRD or a business case, so Outcome Lens's checks didn't run on it \(README\.md is not a product document\)/);
    assert.doesNotMatch(text, /> "/);
  });
});

describe('offline coach: workspace personas', () => {
  it('answers under its own name, from its description, and stays grounded', () => {
    const text = answer(launchCoach, 'weak', 'review');
    assert.match(text, /My description \(‘Coaches a team through the weeks around a launch: adoption, rollout and the outcome review’\) puts the goals and the launch first/);
    assert.ok(text.includes('> "Ship Apple Pay"'));
    assert.match(text, /\*\*What concerns me\*\*/);
    assert.match(text, /Next step: /);
    // Its description names goals and the launch, so output goals lead, before the vanity metric.
    assert.ok(text.indexOf('> "Ship Apple Pay"') < text.indexOf('> "Page views of the checkout page"'));
  });

  it('a workspace file that replaces a built-in keeps the built-in voice under its own label', () => {
    const replaced: Persona = { ...valueRealization, source: '.claude/agents/value-realization.md', emoji: '📈', name: 'Value' };
    const text = answer(replaced, 'weak', 'review');
    assert.ok(text.startsWith('**📈 Value:**\n\n'));
    assert.match(text, /I count 2 success metrics/);
  });
});

describe('offline coach: no document', () => {
  it('introduces the persona and says what to ask', () => {
    const vr = coachAnswer({ persona: valueRealization, question: 'hello' });
    assert.match(vr, /^\*\*💰 Value Realization:\*\*\n\nI'm Value Realization: the one who keeps asking "did it work\?"/);
    assert.match(vr, /`\/review`/);
    assert.match(vr, /`\/metrics`/);
    const po = coachAnswer({ persona: productOwner, document: { text: '  \n' }, command: 'review', question: '' });
    assert.match(po, /who has the need, the outcome they seek, why it matters, how we'll know it's met, and what happens if we do nothing/);
    const ws = coachAnswer({ persona: launchCoach, question: '' });
    assert.match(ws, /^\*\*🚀 Launch Coach:\*\*\n\nI'm Launch Coach\. My description reads: ‘Coaches a team/);
    assert.match(ws, /can't follow my full instructions/);
    for (const text of [vr, po, ws]) assert.ok(text.endsWith(`${COACH_LABEL}\n`));
  });
});

describe('offline coach: /metrics', () => {
  const COLUMNS = ['Metric', 'Type', 'Baseline', 'Target', 'Timeframe', 'Source', 'Owner'];
  const FILL: Record<string, string> = { Baseline: '12%', Target: '20%', Timeframe: 'by end of Q3', Source: 'Product analytics', Owner: 'Dana' };

  it('proposes a GFM table with the seven columns that lints clean once its placeholders are filled', () => {
    for (const persona of PERSONAS) {
      for (const name of Object.keys(FIXTURES) as FixtureName[]) {
        const text = answer(persona, name, 'metrics');
        const rows = tableRows(text);
        assert.deepEqual(rows[0], COLUMNS, `${persona.id} ${name}`);
        assert.ok(rows[1]!.every((cell) => /^:?-{3,}:?$/.test(cell)));
        assert.ok(rows.length >= 4, `${persona.id} ${name}: at least two metric rows`);
        for (const row of rows) assert.equal(row.length, 7);
        const filled = rows.slice(2).map((row) =>
          row.map((cell, i) => {
            const column = COLUMNS[i]!;
            if (column === 'Type') return cell.startsWith('[') ? 'lagging' : cell;
            return cell.includes('[') ? (FILL[column] ?? cell.replace(/\[[^\]]*\]/g, 'new customers')) : cell;
          }),
        );
        const table = [rows[0]!, rows[1]!, ...filled].map((row) => `| ${row.join(' | ')} |`).join('\n');
        const result = lint(`# Filled PRD\n\n## Success Metrics\n\n${table}\n`, { fileName: 'filled-prd.md' });
        const bad = result.findings.filter((f) => ['vanity-metric', 'output-as-outcome', 'placeholder-left', 'metric-missing-target', 'metric-missing-baseline', 'metric-missing-timeframe'].includes(f.ruleId));
        assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message}`), [], `${persona.id} ${name}`);
        const parsed = result.model!.metricTables()[0]!;
        assert.deepEqual(parsed.columns, ['metric', 'type', 'baseline', 'target', 'timeframe', 'source', 'owner']);
        assert.equal(parsed.rows.length, rows.length - 2);
        assert.ok(parsed.rows.some((r) => r.type === 'leading') && parsed.rows.some((r) => r.type === 'guardrail'), `${name}: a leading indicator and a guardrail`);
      }
    }
  });

  it('derives rows from the goals, keeps sound metrics, drops the vanity one and never invents numbers', () => {
    const text = answer(valueRealization, 'weak', 'metrics');
    const rows = tableRows(text).slice(2);
    const byName = new Map(rows.map((r) => [r[0], r]));
    // The document's conversion metric is the goals' result: kept once, typed, with the first goal's timeframe.
    assert.deepEqual(byName.get('Checkout conversion rate'), ['Checkout conversion rate', 'lagging', '2.1%', '[target]', 'by Q3', '[dashboard or query]', '[name]']);
    assert.ok(!rows.some((r) => /started checkouts/.test(r[0]!)), 'no second row for the same result');
    assert.deepEqual(byName.get('% of [eligible users] who use Apple Pay within [N] days of release')?.slice(1, 5), ['leading', "[today's value]", '[target]', '[by when]']);
    assert.ok(!rows.some((r) => /page views/i.test(r[0]!)));
    assert.match(text, /"Page views of the checkout page" is a count that can grow while nobody gets value, so I've left it out of the table\./);
    // Everyone uses a redesigned page once it is live: no adoption row for it.
    assert.ok(!rows.some((r) => /redesigned payment page/.test(r[0]!)));
    assert.match(text, /"Launch the redesigned payment page by Q3" is a delivery, and once the redesigned payment page is live everyone uses it, so adoption tells us little\. I'd judge it by the result it should move: ‘Checkout conversion rate’ \(already in the document\)\./);
    // Every number in the table comes from the document.
    const numbers = rows.flatMap((r) => r.slice(2).join(' ').match(/\d[\d.,]*%?/g) ?? []);
    for (const n of numbers) assert.ok(FIXTURES.weak.text.includes(n) || /^(?:14|7|1,000|1|3|30)$/.test(n), n);
  });

  it('keeps a complete table as it is', () => {
    const text = answer(valueRealization, 'strong', 'metrics');
    const rows = tableRows(text).slice(2);
    assert.deepEqual(
      rows.map((r) => r[0]),
      ['% of new teams who connect a mailbox within 7 days', '% of conversations with a first reply within 24 hours', 'Agent-reported duplicate replies per 1,000 conversations'],
    );
    assert.deepEqual(rows[1], ['% of conversations with a first reply within 24 hours', 'lagging', '86%', '97%', 'by end of Q4', 'Inbox reporting', 'Sam (Support Ops)']);
    assert.match(text, /I've kept ‘% of new teams who connect a mailbox within 7 days’, ‘% of conversations with a first reply within 24 hours’ and ‘Agent-reported duplicate replies per 1,000 conversations’ from the document as they are\./);
    assert.match(text, /Every cell is filled in\./);
  });

  it('turns the benefits of a business case into metrics', () => {
    const text = answer(valueRealization, 'business', 'metrics');
    assert.match(text, /- "Reduce refund-related support tickets": I'd track it as \*% of \[who or what the document is for\] that \[get what they came for without contacting support\]\*\./);
    assert.match(text, /- "Increase customer satisfaction": I'd track it as \*% of \[who or what the document is for\] that \[rate the experience 4 or 5 of 5 when asked\]\*\./);
  });
});

describe('offline coach: /review quotes map back to the document', () => {
  it('every quoted concern is found by findQuotes, with the concern as its note, and nothing else is', () => {
    for (const persona of PERSONAS) {
      for (const name of Object.keys(FIXTURES) as FixtureName[]) {
        const doc = FIXTURES[name].text;
        const text = answer(persona, name, 'review');
        // Each passage once: the same words on another line are another passage.
        const placed = new Map([...text.matchAll(/^> "(.*)" \(line (\d+)\)$/gm)].map((m) => [`${m[1]}@${m[2]}`, m[1]!]));
        const quoted = [...placed.values()];
        const found = findQuotes(text, doc);
        assert.deepEqual(
          found.map((q) => q.quote),
          quoted,
          `${persona.id} ${name}: quotes found back`,
        );
        for (const q of found) {
          const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)!.join(' ');
          // An ellipsis leaves out the middle of a passage: the parts must be its start and its end.
          const [head, tail] = q.quote.split(' … ');
          const found = words(doc.slice(q.start, q.end));
          if (tail === undefined) assert.equal(found, words(q.quote), `${persona.id} ${name}: ${q.quote}`);
          else assert.ok(found.startsWith(words(head!)) && found.endsWith(words(tail)), `${persona.id} ${name}: ${q.quote} is ${found}`);
          assert.ok(q.note.length > 20 && !q.note.startsWith('>'), `${persona.id} ${name}: note for ${q.quote}: ${q.note}`);
        }
      }
    }
  });

  it('the note is the persona\'s concern about the passage', () => {
    const text = answer(valueRealization, 'weak', 'review');
    const notes = new Map(findQuotes(text, FIXTURES.weak.text).map((q) => [q.quote, q.note]));
    assert.equal(notes.get('Ship Apple Pay'), "I think these are outputs, not outcomes: they say what we'll ship, not what customers will do differently.");
    assert.equal(notes.get('Page views of the checkout page'), 'My concern is that this number can grow while nobody gets value from what we built.');
    assert.equal(notes.get('Address autocomplete: TBD'), 'This is still an open decision; nobody has settled it yet.');
  });
});

describe('a question about one finding (the "Ask … about this" code action)', () => {
  it('answers about that finding, whatever words the question uses', () => {
    const finding = { ruleId: 'vanity-metric', message: '"Page views" is a vanity metric.', line: 17 };
    for (const persona of [valueRealization, productOwner]) {
      const text = answer(persona, 'weak', 'ask', 'Why is this a problem, and how would you fix it?', { finding });
      assert.match(text, /`vanity-metric` finding on line 17/);
      assert.match(text, /Page views/);
      assert.doesNotMatch(text, /problem-statement|Problem section/i, 'the words "why" and "problem" do not steer it elsewhere');
      assert.ok(text.trimEnd().endsWith(COACH_LABEL));
    }
  });
});
