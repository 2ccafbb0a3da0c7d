// The server's encoder keeps each published diagnostic's bytes for the next publish of
// the same document. Whatever changed in between (lines added, messages reworded,
// grouped findings, another document, a clear), every message it writes is byte for
// byte what JSON.stringify makes of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Message, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { syntheticPrd } from '../../../bench/lint';
import { findingDiagnostic } from '../../../src/editor/diagnostics';
import { lint } from '../../../src/engine';
import { MessageEncoder } from '../../../src/lsp/message-encoder';

type Publish = NotificationMessage & { params: PublishDiagnosticsParams };

const publish = (uri: string, version: number | undefined, text: string): Publish => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri, version, diagnostics: lint(text, { kind: 'prd' }).findings.map((f) => findingDiagnostic(f, uri)) },
});

test('published diagnostics encode to the same bytes as JSON.stringify, publish after publish', async () => {
  const encoder = new MessageEncoder();
  const options = { charset: 'utf-8' as const };
  const lines = syntheticPrd(40_000).split('\n');
  const a = 'file:///tmp/a.md';
  const messages: Message[] = [publish(a, 1, lines.join('\n'))];
  // Lines added near the top: every diagnostic below moves.
  lines.splice(3, 0, '', 'A line of notes.', '');
  messages.push(publish(a, 2, lines.join('\n')));
  // A reworded message at the same place: the kept bytes must not stand in for it.
  const reworded = publish(a, 3, lines.join('\n'));
  const first = reworded.params.diagnostics[0]!;
  first.message = `${first.message} (reworded)`;
  messages.push(reworded);
  // The server's own reuse: the same diagnostic objects published again, one of them left out.
  const again: Publish = { ...reworded, params: { ...reworded.params, version: 4, diagnostics: reworded.params.diagnostics.filter((_, i) => i !== 1) } };
  messages.push(again);
  // Kept diagnostics out of their order, one made again as an equal copy, one new between kept runs, and new ones at both ends:
  // each kept run is copied from the last message, so every boundary between runs must land on a comma.
  const kept = again.params.diagnostics;
  const last = kept.length - 1;
  const shuffled = [...kept];
  [shuffled[5], shuffled[9]] = [shuffled[9]!, shuffled[5]!];
  shuffled[12] = { ...kept[12]!, range: { start: { ...kept[12]!.range.start }, end: { ...kept[12]!.range.end } } };
  shuffled.splice(20, 0, { ...kept[20]!, message: 'A finding new in this version.' });
  shuffled[0] = { ...kept[0]!, message: 'Another new first finding.' };
  shuffled[shuffled.length - 1] = { ...kept[last]!, message: 'A new last finding.' };
  const version = (v: number, diagnostics: Publish['params']['diagnostics']): Publish => ({ ...again, params: { ...again.params, version: v, diagnostics } });
  messages.push(version(5, shuffled), version(6, shuffled.slice(1, -1)), version(7, [kept[last]!]));
  // An example whose findings include a grouped one (related places, never kept).
  const example = readFileSync('examples/checkout-redesign-prd.md', 'utf8');
  messages.push(publish('file:///tmp/b.md', undefined, example), publish('file:///tmp/b.md', undefined, `\n${example}`));
  messages.push({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: a, diagnostics: [] } } as Message);
  messages.push(publish(a, 5, lines.join('\n')));
  messages.push({ jsonrpc: '2.0', id: 7, result: { capabilities: { hoverProvider: true } } } as Message);
  const grouped = messages.some((m) => JSON.stringify(m).includes('"relatedInformation"'));
  assert.ok(grouped, 'some diagnostic lists related places');
  for (const [i, message] of messages.entries()) {
    const bytes = Buffer.from(await encoder.encode(message, options));
    assert.equal(bytes.toString('utf8'), JSON.stringify(message), `message ${i}`);
    // As the server's writer does once the stream has written it: its buffer may serve a later publish.
    encoder.written(message, true);
  }
});

test('a buffer is reused for a later publish only once it is written and no publish copies from it', async () => {
  const encoder = new MessageEncoder();
  const options = { charset: 'utf-8' as const };
  const lines = syntheticPrd(20_000).split('\n');
  const a = 'file:///tmp/a.md';
  const b = 'file:///tmp/b.md';
  const typed = (uri: string, version: number): Publish => {
    lines[version] = `x${lines[version]}`;
    return publish(uri, version, lines.join('\n'));
  };
  const sent: Array<{ message: Publish; bytes: Uint8Array; written: boolean }> = [];
  /** Encodes a publish, then tells the encoder the stream wrote it, failed to (a failed write's buffer may still be held), or nothing yet. */
  const send = async (message: Publish, stream: 'written' | 'failed' | 'pending') => {
    const bytes = await encoder.encode(message, options);
    assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify(message), `publish ${message.params.version} as encoded`);
    sent.push({ message, bytes, written: stream === 'written' });
    if (stream !== 'pending') encoder.written(message, stream === 'written');
  };
  // Publishes of two documents, the stream slow with some of them.
  await send(typed(a, 1), 'pending');
  await send(typed(b, 2), 'written');
  for (const version of [3, 4]) await send(typed(a, version), 'written');
  await send(typed(b, 5), 'pending');
  for (const version of [6, 7, 8]) await send(typed(a, version), 'written');
  await send(typed(b, 9), 'failed');
  for (const version of [10, 11]) await send(typed(a, version), 'written');
  for (const version of [12, 13]) await send(typed(b, version), 'written');
  for (const version of [14, 15]) await send(typed(a, version), 'written');
  for (const [i, { message, bytes, written }] of sent.entries()) {
    // What the stream may still hold is untouched, and no later publish was written into it.
    if (!written) {
      assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify(message), `publish ${i}`);
      assert.ok(!sent.slice(i + 1).some((later) => later.bytes.buffer === bytes.buffer), `publish ${i}'s buffer is not reused`);
    }
  }
  assert.ok(new Set(sent.map((s) => s.bytes.buffer)).size < sent.length, 'written buffers serve later publishes');
});
