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
  }
});
