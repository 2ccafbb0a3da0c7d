// The offline coach as a reviewer grounded in the document's own numbers (issue 9):
// the ROI question answered from the business case's figures, and /review
// quotes placed on the passage Outcome Lens flagged, not on an earlier one
// with the same words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { coachAnswer } from '../../../src/chat/coach/coach';
import { findQuotes } from '../../../src/chat/coach/quotes';
import { valueRealization } from '../../../src/chat/personas/builtin/value-realization';
import { lint } from '../../../src/engine';
import { DOCUMENTS, tableRows } from '../../fixtures/coach/documents';

const read = (name: string) => readFileSync(new URL(`../../fixtures/coach/${name}`, import.meta.url), 'utf8');
const intake = { text: read('intake-business-case.md'), fileName: 'intake-business-case.md' };
const scheduling = { text: read('scheduling-prd.md'), fileName: 'scheduling-prd.md' };

function ask(document: { text: string; fileName: string }, question: string, command: 'ask' | 'review' | 'metrics' = 'ask'): string {
  return coachAnswer({ persona: valueRealization, document, findings: lint(document.text, { fileName: document.fileName }).findings, command, question });
}

describe('"Is the ROI credible?" is answered from the document\'s own figures', () => {
  const answer = ask(intake, 'Is the ROI credible?');

  it('restates the claim and works out what it implies', () => {
    assert.match(answer, /The ROI section claims a 240% return and a payback of 4 months\./);
    assert.match(answer, /Against the \$150,000 of costs, 240% means about \$510,000 of benefits/);
  });

  it('finds that the payback and the percentage disagree', () => {
    assert.match(answer, /A 4-month payback means about \$37,500 of benefit a month, or about 200% over the first year, not 240%: the two figures do not agree\./);
  });

  it('says the benefits have no numbers and builds one from the problem statement', () => {
    assert.match(answer, /None of the 2 benefits has a number \(‘Save finance staff time’, ‘Fewer late-payment fees’\)/);
    assert.match(answer, /4,000 supplier invoices a month at 12 minutes each is about 800 hours a month/);
    assert.match(answer, /another 240 hours/);
  });

  it('names the missing sections and why they matter for this ROI', () => {
    assert.match(answer, /- an \*\*Assumptions\*\* section \(volumes, time saved, hourly cost/);
    assert.match(answer, /- a \*\*Risks\*\* section, because whatever could delay adoption also delays the payback/);
  });

  it('says a placeholder ROI is a placeholder instead of pointing at "a section"', () => {
    const refunds = ask(DOCUMENTS.business, 'Is the ROI credible?');
    assert.match(refunds, /The ROI section is still a placeholder \(‘\[Payback period and net present value\]’\)/);
    assert.match(refunds, /None of the 3 benefits has a number/);
  });

  it('stays out of PRDs', () => {
    assert.doesNotMatch(ask(scheduling, 'Is the ROI credible?'), /The ROI section/);
  });
});

describe('/review notes land on the flagged occurrence', () => {
  it('"Total registered users" is placed in the metrics table, where the finding is, not in the goals', () => {
    const findings = lint(scheduling.text, { fileName: scheduling.fileName }).findings;
    const preferred = findings.map((f) => ({ start: f.start.offset, end: f.end.offset }));
    const answer = '> "Total registered users"\n\nA count that can grow while nobody gets value.';
    const lineOf = (offset: number) => scheduling.text.slice(0, offset).split('\n').length;
    const goalsLine = scheduling.text.split('\n').findIndex((l) => l.includes('Grow Total registered users')) + 1;
    const tableLine = scheduling.text.split('\n').findIndex((l) => l.startsWith('| Total registered users')) + 1;
    assert.ok(goalsLine < tableLine);
    const flaggedLines = new Set(findings.map((f) => f.start.line));
    assert.ok(flaggedLines.has(tableLine), 'Outcome Lens flags the table row');

    assert.equal(lineOf(findQuotes(answer, scheduling.text)[0]!.start), goalsLine, 'without findings: the first occurrence');
    // The flagged table cell wins over unflagged words.
    assert.equal(lineOf(findQuotes(answer, scheduling.text, preferred.filter((r) => lineOf(r.start) !== goalsLine))[0]!.start), tableLine);
    // Both are flagged alike here; the line the answer names decides, as the coach's own /review writes it.
    const named = `> "Total registered users" (line ${tableLine})\n\nA count that can grow while nobody gets value.`;
    assert.equal(lineOf(findQuotes(named, scheduling.text, preferred)[0]!.start), tableLine);
  });

  it("the coach's /review names each quote's line, so its notes land there", () => {
    const review = ask(scheduling, '', 'review');
    const tableLine = scheduling.text.split('\n').findIndex((l) => l.startsWith('| Total registered users')) + 1;
    assert.match(review, new RegExp(`> "Total registered users" \\(line ${tableLine}\\)`));
    const lines = findQuotes(review, scheduling.text).map((q) => scheduling.text.slice(0, q.start).split('\n').length);
    assert.ok(lines.includes(tableLine), `notes on lines ${lines.join(', ')}`);
  });

  it('two quotes of the same words go to two places, not one twice', () => {
    const answer = '> "Total registered users"\n\nFirst note.\n\n> "Total registered users"\n\nSecond note.';
    const found = findQuotes(answer, scheduling.text);
    assert.equal(found.length, 2);
    assert.notEqual(found[0]!.start, found[1]!.start);
  });
});

describe('/metrics starts from the numbers the document already has', () => {
  it("takes the business case's own measurements as baselines instead of brackets", () => {
    const rows = tableRows(ask(intake, '', 'metrics')).slice(2);
    assert.deepEqual(rows.slice(0, 2).map((r) => r.slice(0, 3)), [
      ['% of supplier invoices re-keyed after an error', 'lagging', '30%'],
      ['Median minutes to key in an invoice', 'lagging', '12 min'],
    ]);
    const refunds = tableRows(ask(DOCUMENTS.business, '', 'metrics')).slice(2);
    assert.deepEqual(refunds.slice(0, 2).map((r) => r.slice(0, 3)), [
      ['Refund requests as a % of support tickets', 'lagging', '22%'],
      ['Agent minutes per refund request', 'lagging', '12 min'],
    ]);
  });

  it('types the metrics whose words say what they are', () => {
    const rows = tableRows(ask(scheduling, '', 'metrics')).slice(2);
    const type = (name: string) => rows.find((r) => r[0] === name)?.[1];
    assert.equal(type('Teams with a connected calendar'), 'leading');
    assert.equal(type('Scheduling support tickets per month'), 'lagging');
  });
});

describe('/review is fair', () => {
  const review = ask(scheduling, '', 'review');
  it('names what is strong, with evidence', () => {
    assert.match(review, /3 of 4 metrics have a baseline, a target and a timeframe, e\.g\. ‘Teams with a connected calendar’/);
  });
  it("proposes rewrites with the document's own values, not brackets", () => {
    assert.match(review, /Something I could measure instead: \*Scheduling support tickets per month falls from 350 to 200 within 6 months\*/);
    assert.match(review, /Something I could measure instead: \*Teams with a connected calendar, from 18% to 35%\*/);
  });

  it('does not say everything lags when a metric reads as an early signal', () => {
    // The rules read "Teams with a connected calendar" as an adoption measure, so there is no
    // no-leading-indicator finding for the coach to relay, and no advice to add one.
    assert.doesNotMatch(review, /everything here lags/);
    assert.doesNotMatch(review, /I'd add an adoption metric/);
    assert.doesNotMatch(review, /no-leading-indicator/);
  });
});

describe('/panel: each persona adds what only it would say', () => {
  it('Product Owner does not repeat what Value Realization raised, and says so once', async () => {
    const { productOwner } = await import('../../../src/chat/personas/builtin/product-owner');
    const findings = lint(scheduling.text, { fileName: scheduling.fileName }).findings;
    const base = { document: scheduling, findings, command: 'ask' as const, question: 'Is this ready for review?' };
    const first = coachAnswer({ ...base, persona: valueRealization });
    const second = coachAnswer({ ...base, persona: productOwner, panelBefore: [valueRealization] });
    const alone = coachAnswer({ ...base, persona: productOwner });
    assert.match(second, /💰 Value Realization has already raised `output-as-outcome`, `vanity-metric`/);
    // The quotes Value Realization made are not made again.
    for (const quote of ['"Launch the smart scheduling assistant to all accounts"', '"Grow Total registered users"']) {
      assert.ok(first.includes(quote) && alone.includes(quote), quote);
      assert.ok(!second.includes(quote), `${quote} repeated`);
    }
    assert.match(second, /What if we do nothing:\*\* not stated/, 'its own check stays');
  });
});
