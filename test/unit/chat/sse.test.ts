import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseEvent } from '../../../src/chat/sse';
import { seededRandom } from '../../ui/sample-answer';

function parseAll(chunks: Array<string | Uint8Array>): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

/** Cuts `length` units into pieces at random places; some pieces are empty or a single unit. */
function cutPoints(length: number, next: () => number): number[] {
  const points = [0];
  while (points[points.length - 1]! < length) {
    const step = next() < 0.3 ? Math.floor(next() * 2) : 1 + Math.floor(next() * 12);
    points.push(Math.min(length, points[points.length - 1]! + step));
  }
  return points;
}

function splitBytes(bytes: Uint8Array, next: () => number): Uint8Array[] {
  const points = cutPoints(bytes.length, next);
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

function splitString(text: string, next: () => number): string[] {
  const points = cutPoints(text.length, next);
  return points.slice(1).map((end, i) => text.slice(points[i], end));
}

// A stream that mixes every line ending, multi-byte characters of 2, 3 and 4
// bytes, comments, named events, multi-line data and fields without a space.
const STREAM = [
  ': keep-alive comment\r\n',
  'data: {"choices":[{"delta":{"content":"Grüße 💰 — ok"}}]}\r\n',
  '\r\n',
  'data: crlf one\r\n',
  'data: crlf two\r\n',
  '\r\n',
  'event: note\n',
  'data: first line\n',
  'data:second line without space\n',
  'data\n',
  '\n',
  'data: ends with CR only\r',
  '\r',
  'id: 7\n',
  'retry: 1000\n',
  'unknown-field: ignored\n',
  'data: 日本語のテキスト 🎉🎉\n',
  '\n',
  'event: ping\n',
  '\n',
  'data: [DONE]\n',
  '\n',
].join('');

const EXPECTED: SseEvent[] = [
  { event: 'message', data: '{"choices":[{"delta":{"content":"Grüße 💰 — ok"}}]}' },
  { event: 'message', data: 'crlf one\ncrlf two' },
  { event: 'note', data: 'first line\nsecond line without space\n' },
  { event: 'message', data: 'ends with CR only' },
  { event: 'message', data: '日本語のテキスト 🎉🎉' },
  { event: 'message', data: '[DONE]' },
];

describe('SseParser', () => {
  it('parses a whole stream in one piece', () => {
    assert.deepEqual(parseAll([STREAM]), EXPECTED);
    assert.deepEqual(parseAll([new TextEncoder().encode(STREAM)]), EXPECTED);
  });

  it('gives the same events for 300 random byte chunkings', () => {
    const bytes = new TextEncoder().encode(STREAM);
    for (let seed = 1; seed <= 300; seed += 1) {
      assert.deepEqual(parseAll(splitBytes(bytes, seededRandom(seed))), EXPECTED, `byte chunking with seed ${seed}`);
    }
  });

  it('gives the same events for 300 random string chunkings', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      assert.deepEqual(parseAll(splitString(STREAM, seededRandom(seed))), EXPECTED, `string chunking with seed ${seed}`);
    }
  });

  it('joins a UTF-8 character split at every possible byte', () => {
    const bytes = new TextEncoder().encode('data: a💰b\n\n');
    const start = bytes.indexOf(0xf0);
    for (let cut = start + 1; cut < start + 4; cut += 1) {
      assert.deepEqual(parseAll([bytes.subarray(0, cut), bytes.subarray(cut)]), [{ event: 'message', data: 'a💰b' }]);
    }
  });

  it('treats \\r\\n split across two chunks as one line end, not an empty line', () => {
    assert.deepEqual(parseAll(['data: a\r', '\ndata: b\r', '\n\r', '\n']), [{ event: 'message', data: 'a\nb' }]);
  });

  it('emits an event only when its blank line arrives', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('data: hel'), []);
    assert.deepEqual(parser.push('lo\n'), []);
    assert.deepEqual(parser.push('\n'), [{ event: 'message', data: 'hello' }]);
    assert.deepEqual(parser.push('data: never finished\n'), []);
  });

  it('emits every event completed by one chunk, in order', () => {
    assert.deepEqual(parseAll(['data: 1\n\ndata: 2\n\ndata: 3\n\n']).map((e) => e.data), ['1', '2', '3']);
  });

  it('strips one leading space from a value and keeps the rest', () => {
    assert.deepEqual(parseAll(['data:   indented\n\n']), [{ event: 'message', data: '  indented' }]);
  });

  it('ignores comments and events without data, and resets the event name after each event', () => {
    const events = parseAll([': hello\n\nevent: ping\n\nevent: error\ndata: x\n\ndata: y\n\n']);
    assert.deepEqual(events, [
      { event: 'error', data: 'x' },
      { event: 'message', data: 'y' },
    ]);
  });

  it('strips a byte order mark at the start of the stream only', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode('data: x\n\ndata: \uFEFFy\n\n');
    assert.deepEqual(parseAll([bom, body]).map((e) => e.data), ['x', '\uFEFFy']);
    assert.deepEqual(parseAll(['\uFEFFdata: x\n\n']).map((e) => e.data), ['x']);
  });

  it('turns invalid UTF-8 into replacement characters instead of failing', () => {
    assert.deepEqual(parseAll([new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xff, 0x0a, 0x0a])]), [
      { event: 'message', data: '\uFFFD' },
    ]);
  });

  it('assembles a long line arriving one byte at a time (its speed is measured in npm run bench)', () => {
    const parser = new SseParser();
    const line = `data: ${'x'.repeat(200_000)}\n\n`;
    let events: SseEvent[] = [];
    for (let i = 0; i < line.length; i += 1) events = events.concat(parser.push(line[i]!));
    assert.equal(events.length, 1);
    assert.equal(events[0]!.data.length, 200_000);
  });

  it('assembles a 5 MB line arriving one byte at a time, and a stream cut off in the middle of it', () => {
    // The open line is a rope of five million pieces: flattening it must not run out of stack.
    const parser = new SseParser();
    parser.push('data: ');
    for (let i = 0; i < 5_000_000; i += 1) parser.push(i % 2 ? 'b' : 'a');
    assert.deepEqual(parser.finish().map((e) => [e.event, e.data.length, e.data.slice(0, 4)]), [['message', 5_000_000, 'abab']]);
  });

  it('flushes the last event when the stream ends without its blank line', () => {
    for (const ending of ['', '\n', '\r', '\r\n']) {
      const parser = new SseParser();
      assert.deepEqual(parser.push(`data: a\n\ndata: last${ending}`), [{ event: 'message', data: 'a' }]);
      assert.deepEqual(parser.finish(), [{ event: 'message', data: 'last' }], JSON.stringify(ending));
    }
    const complete = new SseParser();
    complete.push('data: a\n\n');
    assert.deepEqual(complete.finish(), [], 'a complete stream has nothing left');
  });
});
