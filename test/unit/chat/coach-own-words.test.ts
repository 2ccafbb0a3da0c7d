// The offline coach suggests only what the open document gives it (issue 15 item 2):
// its own metric names, what its problem statement measures, the people it is about,
// or a [bracketed placeholder] that says what to fill in. Four documents of our own,
// each about something else, each asked the questions a new user asks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachAnswer, type CoachContext } from '../../../src/chat/coach/coach';
import { productOwner } from '../../../src/chat/personas/builtin/product-owner';
import { valueRealization } from '../../../src/chat/personas/builtin/value-realization';

const DOCUMENTS: Record<string, string> = {
  'invoice-reminders-prd.md': `# PRD: Invoice reminders

## Users

- Freelance designers who send their own invoices

## Problem

Freelance designers wait weeks to get paid: 41% of invoices are settled after their due date, and owners spend 3 hours a month chasing late payers by email.

## Goals

- Launch automatic reminders by September
- Get paid faster

## Success metrics

- Reminder emails sent
- Total invoices created in the app
`,
  'grocery-lists-prd.md': `# PRD: Shared grocery lists

## Problem

Households that plan meals in the app still shop from paper lists, and many never come back after their first week.

## Goals

- Ship a shared list that two people can edit at once by Q2
- Improve retention

## Success metrics

| Metric | Baseline | Target | Timeframe |
| --- | --- | --- | --- |
| App downloads | 12,000 | 20,000 | Q2 |
`,
  'clinic-booking-prd.md': `# PRD: Online booking for physiotherapy clinics

## Users

- Receptionists at small clinics
- Patients booking a follow-up visit

## Problem

Receptionists answer the phone all day: each booking takes 6 minutes to key in, and patients who cannot get through give up.

## Goals

- Deliver an online booking page for every clinic
- Make booking quicker

## Success metrics

- Page views of the booking page
`,
  'expense-claims-prd.md': `# PRD: Expense claims on mobile

## Problem

Field engineers keep paper receipts for weeks before they file a claim, and finance re-keys each one by hand.

## Goals

- Release the mobile claim form
- Increase satisfaction with expenses

## Success metrics

- Number of claims submitted
`,
};

// The grammar a rate or a count is written in; every other word must be the document's.
const GRAMMAR = new Set(['%', 'of', 'that', 'who', 'whose', 'within', 'per', 'days', 'to', 'for', 'median', 'time', 'use', 'release', 'from', 'today', 'n', 'by', 'the', 'in', 'a', 'an', 'and', 'as', 'each', 'rises', 'falls', '1,000', 'min', 'h']);

/** The metrics an answer proposes: the italic suggestions and the first cell of each row of its metrics table. */
function suggestions(answer: string): string[] {
  const italic = [...answer.matchAll(/(?:measure instead|track it as|watch|to complete|result it should move):? \*([^*\n]+)\*/g)].map((m) => m[1]!);
  const rows = answer
    .split('\n')
    .filter((line) => /^\| /.test(line) && !/^\| (?:Metric|---) /.test(line))
    .map((line) => line.split(' | ')[0]!.replace(/^\| /, ''));
  return [...italic, ...rows];
}

/** Words of a suggestion outside its brackets that neither the document nor the grammar of a rate has. */
function foreignWords(suggestion: string, document: string): string[] {
  const known = new Set(document.toLowerCase().match(/[a-z0-9%]+/g) ?? []);
  const outside = suggestion.replace(/\[[^\]]*\]/g, ' ').toLowerCase();
  return (outside.match(/[a-z0-9%]+(?:[.,]\d+)?/g) ?? []).filter((word) => {
    if (GRAMMAR.has(word) || known.has(word)) return false;
    // A plural or singular of the document's word is still its word.
    return ![...known].some((k) => k.length >= 4 && (word.startsWith(k) || k.startsWith(word)) && Math.abs(k.length - word.length) <= 2);
  });
}

function ask(fileName: string, command: CoachContext['command'], question = '', persona = valueRealization): string {
  return coachAnswer({ persona, document: { text: DOCUMENTS[fileName]!, fileName }, command, question });
}

describe('the offline coach suggests from the open document', () => {
  for (const fileName of Object.keys(DOCUMENTS)) {
    it(`${fileName}: every suggested metric is the document's words or a placeholder`, () => {
      const answers = [
        ask(fileName, 'review'),
        ask(fileName, 'metrics'),
        ask(fileName, 'ask', 'Which metrics are vanity metrics, and what should we measure instead?'),
        ask(fileName, 'ask', 'Are our goals outcomes?', productOwner),
      ];
      const proposed = answers.flatMap(suggestions);
      assert.ok(proposed.length >= 3, `${fileName}: the coach proposed metrics (${proposed.length})`);
      const foreign = proposed.map((s) => ({ s, words: foreignWords(s, DOCUMENTS[fileName]!) })).filter((f) => f.words.length > 0);
      assert.deepEqual(foreign, [], `${fileName}: words from elsewhere`);
    });
  }

  it('an invoice PRD that says "paid" is not told about trial accounts converting to paid', () => {
    const answers = [ask('invoice-reminders-prd.md', 'review'), ask('invoice-reminders-prd.md', 'metrics')].join('\n');
    assert.doesNotMatch(answers, /trial/i);
    // Its own problem statement's number is offered as the baseline instead.
    assert.match(answers, /% of invoices settled after their due date[^\n]*41%/);
  });

  it('the people a suggestion counts are the document\'s own: its Users section, else the subject of its problem', () => {
    assert.match(ask('clinic-booking-prd.md', 'metrics'), /receptionists at small clinics|receptionists/i);
    assert.match(ask('expense-claims-prd.md', 'metrics'), /% of field engineers that \[/);
    // Households "still shop": people doing something, so they are the population.
    assert.match(ask('grocery-lists-prd.md', 'metrics'), /% of households that \[/);
  });

  it('what the document does not say stays a placeholder that says what to fill in', () => {
    const proposed = suggestions(ask('expense-claims-prd.md', 'metrics'));
    const placeholders = proposed.flatMap((s) => s.match(/\[[^\]]+\]/g) ?? []);
    assert.ok(placeholders.length > 0);
    for (const placeholder of placeholders) assert.match(placeholder, /^\[[a-zA-Z0-9 ,.'-]{1,}\]$/, placeholder);
  });
});
