import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { coachAnswer, type CoachContext } from '../../../src/chat/coach/coach';
import { chunks, createOfflineCoach } from '../../../src/chat/coach/provider';
import { valueRealization } from '../../../src/chat/personas/builtin/value-realization';
import { ChatError } from '../../../src/chat/providers/types';
import { lint } from '../../../src/engine';

const weak = readFileSync(new URL('../../fixtures/coach/weak-prd.md', import.meta.url), 'utf8');
const context: CoachContext = { persona: valueRealization, document: { text: weak, fileName: 'checkout-prd.md' }, command: 'review', question: '' };

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe('offline coach provider', () => {
  it('identifies itself as the offline coach, not a model', () => {
    const provider = createOfflineCoach(context);
    assert.equal(provider.id, 'offline-coach');
    assert.equal(provider.label, 'Offline coach (no AI model)');
  });

  it('streams the answer in small pieces that add up to exactly the answer', async () => {
    const pieces = await collect(createOfflineCoach(context).stream({ messages: [], signal: new AbortController().signal }));
    assert.equal(pieces.join(''), coachAnswer(context));
    assert.equal(pieces[0], '**💰 Value Realization:**\n\n');
    assert.ok(pieces.length >= 20, `${pieces.length} chunks`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) <= 400, 'no chunk is a whole paragraph of several long sentences');
  });

  it('cuts after line breaks and, in long lines, after sentences, losing nothing', () => {
    const long = `${'This sentence is here to make the line long. '.repeat(4)}And a last one without an end`;
    for (const text of ['', 'one line', 'a\nb\n', '\n\n\nx', long, `${long}\n> "quoted"\n\n| a | b |\n`]) {
      const parts = chunks(text);
      assert.equal(parts.join(''), text);
      assert.ok(parts.every((p) => p.length > 0));
    }
    assert.deepEqual(chunks(long).length, 5);
  });

  it('opens with the persona line, even for a long document it has to lint (its latency is in npm run bench)', async (t) => {
    // About 60 KB with nearly a thousand findings: the weak PRD's sections repeated under numbered headings.
    const body = weak.split('\n').slice(1).join('\n');
    const big = `# Big Checkout PRD\n\n${Array.from({ length: 120 }, (_, i) => body.replace(/^## /gm, `## ${i + 1}. `)).join('\n')}`;
    lint(weak); // warm the parser, as the extension has long done by the time anyone asks
    const bigContext: CoachContext = { ...context, document: { text: big, fileName: 'big-prd.md' } };
    const started = performance.now();
    const iterator = createOfflineCoach(bigContext).stream({ messages: [], signal: new AbortController().signal })[Symbol.asyncIterator]();
    const first = await iterator.next();
    const firstMs = performance.now() - started;
    let rest = 0;
    while (!(await iterator.next()).done) rest++;
    const totalMs = performance.now() - started;
    t.diagnostic(`first chunk after ${firstMs.toFixed(2)} ms; ${rest} more chunks, whole answer after ${totalMs.toFixed(1)} ms (${(big.length / 1024).toFixed(0)} KB document)`);
    console.log(`offline coach: first chunk ${firstMs.toFixed(2)} ms, whole answer ${totalMs.toFixed(1)} ms for a ${(big.length / 1024).toFixed(0)} KB document`);
    assert.equal(first.value, '**💰 Value Realization:**\n\n');
  });

  it('throws ChatError cancelled when stopped before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(collect(createOfflineCoach(context).stream({ messages: [], signal: controller.signal })), (error: unknown) => {
      assert.ok(error instanceof ChatError);
      assert.equal(error.code, 'cancelled');
      assert.ok(error.hint.length > 0);
      return true;
    });
  });

  it('stops mid-answer when the signal is aborted, keeping what was sent', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of createOfflineCoach(context).stream({ messages: [], signal: controller.signal })) {
          received.push(chunk);
          if (received.length === 3) controller.abort();
        }
      })(),
      (error: unknown) => error instanceof ChatError && error.code === 'cancelled',
    );
    assert.equal(received.length, 3);
    assert.ok(coachAnswer(context).startsWith(received.join('')));
  });
});
