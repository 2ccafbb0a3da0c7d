import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes } from '../../../src/chat/coach/quotes';

const DOC = [
  '# Checkout Redesign PRD',
  '',
  '## Problem',
  '',
  'Customers abandon the checkout on mobile. Support hears every week that the **payment form** is confusing.',
  '',
  '## Goals',
  '',
  '- **Launch** the redesigned payment page by Q3.',
  '- Ship [Apple Pay](https://example.com/apple-pay "Apple") for iOS customers.',
  '- Improve the checkout experience for everyone.',
  '',
  '## Success Metrics',
  '',
  '| Metric | Baseline | Target |',
  '| --- | --- | --- |',
  '| `Checkout` conversion rate | 2.1% | ≥ 3% |',
  '| Page views of the checkout page | 40k | 80k |',
  '',
].join('\n');

/** The document text a found quote covers. */
function covered(answer: string, doc = DOC): Array<[string, string]> {
  return findQuotes(answer, doc).map((q) => [doc.slice(q.start, q.end), q.note]);
}

describe('findQuotes: locating passages', () => {
  it('finds an exact blockquoted passage and returns its offsets', () => {
    const [q] = findQuotes('> "Ship Apple Pay for iOS customers"\n\nThis is an output.', DOC);
    assert.ok(q);
    assert.equal(q.quote, 'Ship Apple Pay for iOS customers');
    // The link markup inside the passage is part of the span, the URL is not matched word by word.
    assert.equal(DOC.slice(q.start, q.end), 'Ship [Apple Pay](https://example.com/apple-pay "Apple") for iOS customers');
    assert.equal(q.note, 'This is an output.');
  });

  it('tolerates case, whitespace, punctuation and Markdown emphasis, code and table pipes in the source', () => {
    assert.deepEqual(covered('> "launch  the Redesigned payment-page, by q3"\n\nAn output.'), [['**Launch** the redesigned payment page by Q3', 'An output.']]);
    assert.deepEqual(covered('> "Support hears every week that the payment form is confusing."\n\nGood evidence.'), [
      ['Support hears every week that the **payment form** is confusing', 'Good evidence.'],
    ]);
    assert.deepEqual(covered('> "Checkout conversion rate | 2.1%"\n\nNo timeframe.'), [['`Checkout` conversion rate | 2.1%', 'No timeframe.']]);
  });

  it('takes shared punctuation at the edges into the span (percent signs, brackets)', () => {
    assert.deepEqual(covered('> "conversion rate | 2.1% | ≥ 3%"\n\nNo date.').map(([text]) => text), ['conversion rate | 2.1% | ≥ 3%']);
  });

  it('accepts small paraphrases: a dropped word, a plural, curly quotes', () => {
    assert.deepEqual(covered('> “Launch redesigned payment page by Q3”\n\nDelivery, not outcome.').map(([text]) => text), ['**Launch** the redesigned payment page by Q3']);
    assert.deepEqual(covered('> "Customer abandons the checkout on mobile"\n\nWho exactly?').map(([text]) => text), ['Customers abandon the checkout on mobile']);
  });

  it('joins the parts of a quote that leaves something out with an ellipsis', () => {
    const [found] = covered('> "Customers abandon the checkout … the payment form is confusing"\n\nThat is the problem.');
    assert.equal(found?.[0], 'Customers abandon the checkout on mobile. Support hears every week that the **payment form** is confusing');
    // A trailing ellipsis just shortens the quote.
    assert.deepEqual(covered('> "Improve the checkout experience..."\n\nVague.').map(([text]) => text), ['Improve the checkout experience']);
  });

  it('finds nothing for text the document does not contain, such as a suggested rewrite', () => {
    assert.deepEqual(findQuotes('> "Checkout completion rises from 40% to 55% by Q3"\n\nBetter.', DOC), []);
    assert.deepEqual(findQuotes('I would write "share of started checkouts that end in a paid order" instead.', DOC), []);
    assert.deepEqual(findQuotes('> "Launch the brand new loyalty programme for partners by Q3"\n\nNo.', DOC), []);
  });

  it('ignores one-word inline quotes and quotes inside code, but not one-word blockquotes', () => {
    assert.deepEqual(findQuotes('The word "checkout" appears a lot.', DOC), []);
    assert.deepEqual(findQuotes('```\n"Ship Apple Pay for iOS customers"\n```\nAnd `"Page views of the checkout page"` too.', DOC), []);
    assert.deepEqual(covered('> "Improve"\n\nVague word.').map(([text]) => text), ['Improve']);
  });

  it('maps a passage once even when it is quoted twice, in answer order', () => {
    const answer = '> "Page views of the checkout page"\n\nVanity.\n\nAlso "Ship Apple Pay" is an output, and "page views of the checkout page" again.';
    assert.deepEqual(
      findQuotes(answer, DOC).map((q) => q.quote),
      ['Page views of the checkout page', 'Ship Apple Pay'],
    );
  });

  it('reads a blockquote without quotation marks as a quote', () => {
    assert.deepEqual(covered('> Improve the checkout experience for everyone.\n\nNobody can measure this.'), [['Improve the checkout experience for everyone', 'Nobody can measure this.']]);
  });

  it('works on CRLF documents and returns offsets into them', () => {
    const doc = DOC.replace(/\n/g, '\r\n');
    const [q] = findQuotes('> "Customers abandon the checkout on mobile. Support hears every week"\n\nEvidence.', doc);
    assert.equal(doc.slice(q!.start, q!.end), 'Customers abandon the checkout on mobile. Support hears every week');
  });
});

describe('findQuotes: the note', () => {
  it("is the rest of a blockquote's paragraph when the comment follows the quote on its line", () => {
    assert.deepEqual(covered('> "Ship Apple Pay for iOS customers" — this is a delivery. It says nothing about customers.'), [
      ['Ship [Apple Pay](https://example.com/apple-pay "Apple") for iOS customers', 'this is a delivery.'],
    ]);
  });

  it('skips further quotes and blank quote lines to the prose after a blockquote', () => {
    const answer = '> "Ship Apple Pay for iOS customers"\n>\n> "Launch the redesigned payment page by Q3"\n\nI think these are outputs: they say what we ship. More later.';
    assert.deepEqual(
      findQuotes(answer, DOC).map((q) => q.note),
      ['I think these are outputs: they say what we ship.', 'I think these are outputs: they say what we ship.'],
    );
  });

  it('is the sentence after an inline quote that ends a lead-in', () => {
    assert.deepEqual(covered('- "Page views of the checkout page": my concern is that this can grow while nobody buys. Use a rate.').map(([, note]) => note), [
      'my concern is that this can grow while nobody buys.',
    ]);
  });

  it('is the whole sentence when an inline quote sits inside it', () => {
    assert.deepEqual(covered('I think "Ship Apple Pay for iOS customers" is an output. Next.').map(([, note]) => note), ['I think "Ship Apple Pay for iOS customers" is an output.']);
    assert.deepEqual(
      covered('I think our goals are all outputs: "Launch the redesigned payment page by Q3" and "Ship Apple Pay". They say what we ship.').map(([, note]) => note),
      [
        'I think our goals are all outputs: "Launch the redesigned payment page by Q3" and "Ship Apple Pay".',
        'I think our goals are all outputs: "Launch the redesigned payment page by Q3" and "Ship Apple Pay".',
      ],
    );
  });

  it('is the next sentence when a short lead-in only points at the quote', () => {
    assert.deepEqual(covered('See "Improve the checkout experience". Nobody can measure improve.').map(([, note]) => note), ['Nobody can measure improve.']);
  });

  it('drops Markdown emphasis and list markers from the note', () => {
    assert.deepEqual(covered('> "Page views of the checkout page"\n\n- **Vanity:** it _only_ goes up.').map(([, note]) => note), ['Vanity: it only goes up.']);
  });

  it('handles the kind of answer a model writes', () => {
    const answer = [
      '**💰 Value Realization:**',
      '',
      "I read through the PRD. Here's what stands out.",
      '',
      '1. **Goals are deliveries.** You wrote "Launch the redesigned payment page by Q3" — that is a ship date, not a result.',
      '2. The metric “page views of the checkout page” is vanity: it only goes up.',
      '',
      '> Customers abandon the checkout on mobile',
      '',
      'This is the real problem, and I would build the metrics around it.',
    ].join('\n');
    assert.deepEqual(covered(answer), [
      ['**Launch** the redesigned payment page by Q3', 'that is a ship date, not a result.'],
      ['Page views of the checkout page', 'The metric “page views of the checkout page” is vanity: it only goes up.'],
      ['Customers abandon the checkout on mobile', 'This is the real problem, and I would build the metrics around it.'],
    ]);
  });
});
