// The chat client's speed, as ratios against baselines measured in the same
// run (never absolute milliseconds): SSE parsing against merely decoding the
// same bytes, a long line fed a byte at a time against one ten times shorter
// (linear is about 10), and a stopped answer's connection close against the
// same server's reply to a plain request.
import { SseParser } from '../src/chat/sse';
import { OpenAICompatibleProvider } from '../src/chat/providers/openai';
import { hangReply, startSseServer, streamReply } from '../test/support/sse-server';
import { median, type BenchResult } from './report';

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function streamBytes(events: number): Uint8Array[] {
  const encoder = new TextEncoder();
  const event = (i: number) => `data: {"choices":[{"index":0,"delta":{"content":"piece ${i} é ✓ "},"finish_reason":null}]}\n\n`;
  const text = Array.from({ length: events }, (_, i) => event(i)).join('');
  const bytes = encoder.encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 1500) chunks.push(bytes.subarray(at, at + 1500)); // about one TCP segment each
  return chunks;
}

function byteByByte(length: number): number {
  // Split before timing: indexing the concatenated string itself measured 20x for 10x the length, parser or not.
  const pieces = `data: ${'x'.repeat(length)}\n\n`.split('');
  return timed(() => {
    const parser = new SseParser();
    for (const piece of pieces) parser.push(piece);
  });
}

export async function chatClientBench(): Promise<BenchResult[]> {
  const chunks = streamBytes(20_000);
  const parse: number[] = [];
  const decode: number[] = [];
  for (let round = 0; round < 9; round += 1) {
    parse.push(timed(() => {
      const parser = new SseParser();
      for (const chunk of chunks) parser.push(chunk);
      parser.finish();
    }));
    decode.push(timed(() => {
      const decoder = new TextDecoder();
      for (const chunk of chunks) decoder.decode(chunk, { stream: true });
    }));
  }
  const short: number[] = [];
  const long: number[] = [];
  // Round 0 warms the JIT up. The 20 KB line takes under a millisecond, so one preemption by
  // another process outweighs it: the ratio is of the fastest rounds, the least disturbed.
  for (let round = 0; round <= 9; round += 1) {
    const [s, l] = [byteByByte(20_000), byteByByte(200_000)];
    if (round === 0) continue;
    short.push(s);
    long.push(l);
  }

  // Stop: how long from abort to the server seeing the connection closed, against a whole short answer.
  const server = await startSseServer();
  const stop: number[] = [];
  const whole: number[] = [];
  try {
    const chat = new OpenAICompatibleProvider({ baseUrl: server.baseUrl, model: 'm' });
    for (let round = 0; round < 7; round += 1) {
      server.replyToChat(streamReply(['a', 'b', 'c']));
      let started = performance.now();
      for await (const piece of chat.stream({ messages: [], signal: new AbortController().signal })) void piece;
      whole.push(performance.now() - started);

      server.replyToChat(hangReply());
      const controller = new AbortController();
      const answer = chat.stream({ messages: [], signal: controller.signal })[Symbol.asyncIterator]().next().catch(() => undefined);
      const request = await server.request(server.requests.length);
      started = performance.now();
      controller.abort();
      await request.outcome;
      stop.push(performance.now() - started);
      await answer;
    }
  } finally {
    await server.close();
  }

  return [
    {
      name: 'SSE: parsing 20,000 events / decoding the same bytes, ratio',
      value: median(parse) / median(decode),
      target: 20,
      detail: `median ${median(parse).toFixed(1)} ms vs ${median(decode).toFixed(1)} ms`,
    },
    {
      name: 'SSE: a 200 KB line fed byte by byte / a 20 KB one, ratio (linear ≈ 10)',
      value: Math.min(...long) / Math.min(...short),
      target: 12,
      detail: `fastest of 9: ${Math.min(...long).toFixed(1)} ms vs ${Math.min(...short).toFixed(2)} ms (medians ${median(long).toFixed(1)} vs ${median(short).toFixed(2)})`,
    },
    {
      name: 'client: stop to connection closed / a whole 3-piece answer, ratio',
      value: median(stop) / median(whole),
      target: 2,
      detail: `median ${median(stop).toFixed(2)} ms vs ${median(whole).toFixed(2)} ms`,
    },
  ];
}
