// Time from "send" to the first streamed chunk of the offline coach, through the
// same ChatSession the extension uses, grounded in a real document and its
// findings (what the extension hands over). Target: under 50 ms.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_PERSONAS } from '../src/chat/personas/builtin';
import { createOfflineCoach } from '../src/chat/coach';
import type { UserEntry } from '../src/chat/protocol';
import { ChatSession } from '../src/chat/session';
import { lint } from '../src/engine';
import { median, type BenchResult } from './report';

const LARGEST_CORPUS_PRD = resolve('../shared/corpus/todotomorrow-app-prd-large.md');

async function firstChunkMs(text: string, question: string, round: number): Promise<number> {
  const findings = lint(text, { fileName: 'prd.md' }).findings;
  let started = 0;
  let first = 0;
  const session = new ChatSession({
    personas: () => BUILTIN_PERSONAS,
    providerFor: (_model, ask) => ({ provider: createOfflineCoach(ask), offlineCoach: true }),
    context: () => ({ grounding: { document: { text, fileName: 'prd.md' }, findings } }),
    post: (message) => {
      if (message.type === 'streamChunk' && first === 0) first = performance.now();
    },
  });
  const user: UserEntry = {
    role: 'user',
    id: `bench-${round}`,
    text: question,
    personaIds: ['value-realization'],
    context: { document: true, selection: false, findings: true },
    at: Date.now(),
  };
  started = performance.now();
  await session.send(user);
  return first - started;
}

export async function coachLatencyBench(): Promise<BenchResult[]> {
  const text = existsSync(LARGEST_CORPUS_PRD) ? readFileSync(LARGEST_CORPUS_PRD, 'utf8') : readFileSync('examples/checkout-redesign-prd.md', 'utf8');
  const results: BenchResult[] = [];
  for (const question of ['/review', 'What do you think of our success metrics?']) {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) samples.push(await firstChunkMs(text, question, i));
    results.push({
      name: `offline coach: send to first chunk, "${question}" (${(text.length / 1024).toFixed(0)} KB document), ms`,
      value: median(samples),
      target: 50,
      detail: `median of 15; worst ${Math.max(...samples).toFixed(1)} ms`,
    });
  }
  return results;
}
