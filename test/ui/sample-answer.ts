// A long, chat-like Markdown answer and a deterministic way to cut it into
// stream chunks, shared by the renderer tests and bench/chat-render.ts.
// Pure: runs in Node and in the browser.

import { seededRandom } from '../../src/eval/split';

// A small deterministic PRNG (mulberry32), the one the eval's split uses, so runs are comparable.
export { seededRandom };

const words = (
  'outcome metric baseline target cohort activation retention churn revenue value ' +
  'customer adoption weekly onboarding renewal expansion guardrail leading lagging ' +
  'hypothesis experiment segment funnel conversion time-to-value support ticket'
).split(' ');

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 12);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const word = words[Math.floor(random() * words.length)]!;
    const roll = random();
    if (roll < 0.05) parts.push(`**${word}**`);
    else if (roll < 0.09) parts.push(`\`${word}\``);
    else if (roll < 0.11) parts.push(`[${word}](https://example.com/${word})`);
    else parts.push(word);
  }
  const text = parts.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

function section(random: () => number, n: number): string {
  const lines: string[] = [`## 💰 Part ${n}: ${sentence(random).slice(0, 40)}`, ''];
  lines.push(`${sentence(random)} ${sentence(random)} ${sentence(random)}`, '');
  for (let i = 0; i < 4; i++) lines.push(`- ${sentence(random)}`);
  lines.push('', '| Metric | Baseline | Target | Timeframe |', '| --- | ---: | ---: | :---: |');
  for (let i = 0; i < 4; i++) lines.push(`| ${words[(n + i) % words.length]} rate | ${10 + i}% | ${20 + i}% | Q${1 + (i % 4)} |`);
  lines.push('', '```ts', `const target${n} = { metric: 'activation', from: 0.${n % 9}, to: 0.${(n + 3) % 9} };`);
  lines.push('if (target.to <= target.from) throw new Error("not an outcome");', '```', '');
  lines.push(`> ${sentence(random)}`, '', `1. ${sentence(random)}`, `2. ${sentence(random)}`, '');
  lines.push(`- [x] ${sentence(random).slice(0, 50)}`, `- [ ] ${sentence(random).slice(0, 50)}`, '', '---', '');
  return lines.join('\n');
}

/** A Markdown answer of roughly `size` characters (headings, lists, tables, code, quotes). */
export function sampleAnswer(size: number, seed = 7): string {
  const random = seededRandom(seed);
  let text = '**💰 Value Realization:** here is how I would measure this.\n\n';
  for (let n = 1; text.length < size; n++) text += section(random, n);
  return text;
}

/** Cuts text into exactly `count` chunks of uneven size, never inside a surrogate pair. */
export function chunkText(text: string, count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const cuts = new Set<number>();
  while (cuts.size < Math.min(count - 1, text.length - 1)) {
    let at = 1 + Math.floor(random() * (text.length - 1));
    if (/[\udc00-\udfff]/.test(text[at]!)) at--;
    if (at > 0) cuts.add(at);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const at of [...sorted, text.length]) {
    chunks.push(text.slice(from, at));
    from = at;
  }
  return chunks;
}
