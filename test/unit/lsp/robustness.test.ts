// The language server under abuse: malformed messages, a 5 MB document, a document
// in another language, 500 open documents and 1,000 edits in a second. Each time it
// answers or refuses with an error, stays up, and its memory stays bounded.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { syntheticPrd } from '../../../bench/lint';
import { lint } from '../../../src/engine';
import { findingDiagnostic } from '../../../src/editor/diagnostics';
import { TestClient } from '../../support/lsp-client';

const PRD = (n: number) => `# PRD: Feature ${n}

## Goals

- Ship feature ${n} by the end of Q${(n % 4) + 1}.

## Success Metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Monthly page views of feature ${n} | ${n * 10} | ${n * 20} |
`;

/** Resident memory of the server process (its lint worker is a thread of it), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function stillAnswers(client: TestClient): Promise<void> {
  const uri = `file:///tmp/alive-${Date.now()}-prd.md`;
  await client.open(uri, PRD(1));
  assert.ok((await client.pull(uri)).length > 0, 'the server still lints');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

describe('the language server stays up and bounded', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.start();
  });
  after(() => client.kill());

  test('malformed messages: bad JSON, wrong params, unknown methods are refused with errors, not crashes', async () => {
    // A body that is not JSON, then notifications with missing fields.
    client.child.stdin.write('Content-Length: 11\r\n\r\n{not json!}');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/broken.md' } });
    await client.connection.sendNotification('textDocument/didChange', { nothing: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    const refused = async (method: string, params: unknown, code?: number) => {
      await assert.rejects(client.connection.sendRequest(method, params), (error: unknown) => {
        assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
        if (code !== undefined) assert.equal(error.code, code, `${method}: ${error.message}`);
        return true;
      });
    };
    await refused('outcomeLens/noSuchThing', {}, -32601);
    await refused('outcomeLens/documentKind', { textDocument: 42 }, -32602);
    await refused('outcomeLens/documentKind', { textDocument: { uri: 'file:///tmp/never-opened.md' } }, -32602);
    await refused('textDocument/codeAction', {});
    // A document nobody opened has no diagnostics to pull and no code actions.
    assert.deepEqual(await client.pull('file:///tmp/never-opened.md'), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///tmp/never-opened.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    await stillAnswers(client);
  });

  test('a 5 MB document gets the one "too large to check" finding, quickly, and the server goes on', async () => {
    const uri = 'file:///tmp/huge-prd.md';
    const text = PRD(7) + '\nSome words about the plan that repeat. '.repeat(5 * 1024 * 1024 / 40);
    const started = Date.now();
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['unchecked-section']);
    assert.ok(Date.now() - started < 20_000, `answered in ${Date.now() - started} ms`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await stillAnswers(client);
  });

  test('a document in another language is left alone', async () => {
    const uri = 'file:///tmp/notes-prd.txt';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, PRD(3), 'plaintext');
    assert.deepEqual((await published).diagnostics, []);
    assert.deepEqual(await client.pull(uri), []);
    assert.equal(await client.connection.sendRequest('outcomeLens/documentKind', { textDocument: { uri } }), null);
  });

  test('500 open documents are all linted, within bounded memory, and closing them clears their diagnostics', async () => {
    const uris = Array.from({ length: 500 }, (_, i) => `file:///tmp/many/feature-${i}-prd.md`);
    const all = Promise.all(uris.map((uri) => client.nextDiagnostics(uri, undefined, 120_000)));
    for (const [i, uri] of uris.entries()) await client.open(uri, PRD(i));
    const published = await all;
    assert.ok(published.every((p) => p.diagnostics.some((d) => d.code === 'vanity-metric')));
    const rss = rssMb(client.child.pid!);
    assert.ok(rss < 600, `server RSS ${rss.toFixed(0)} MB with 500 documents open`);
    const cleared = Promise.all(uris.map((uri) => client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0)));
    for (const uri of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    await stillAnswers(client);
  });

  test('1,000 edits in a second: the last version is published, with the findings of the final text', async () => {
    const uri = 'file:///tmp/storm-prd.md';
    let text = PRD(5);
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, text);
    await opened;
    const rssBefore = rssMb(client.child.pid!);
    const publishedBefore = client.publishCount(uri);
    const started = Date.now();
    for (let version = 2; version <= 1001; version++) {
      // Typing at the end of the document, one character per edit.
      const char = version % 50 === 0 ? '\n' : 'x';
      const lines = text.split('\n');
      const at = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      text += char;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: char }] });
    }
    const last = await client.nextDiagnostics(uri, (p) => p.version === 1001);
    assert.ok(Date.now() - started < 10_000, `the storm and its lint took ${Date.now() - started} ms`);
    const publishes = client.publishCount(uri) - publishedBefore;
    assert.ok(publishes < 50, `debounced: ${publishes} publishes for 1,000 edits`);
    assert.deepEqual(last.diagnostics, lint(text, { fileName: '/tmp/storm-prd.md' }).findings.map((f) => findingDiagnostic(f, uri)));
    const rss = rssMb(client.child.pid!);
    assert.ok(rss < rssBefore + 200, `RSS ${rssBefore.toFixed(0)} -> ${rss.toFixed(0)} MB`);
    await stillAnswers(client);
  });
});

describe('typing all over a large document', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.start({ initializationOptions: { outcomeLens: { debounceMs: 0 } } });
  });
  after(() => client.kill());

  test('characters, line breaks, deleted and pasted lines anywhere: each published set is a fresh lint of the text', async () => {
    const uri = 'file:///tmp/typed-all-over-prd.md';
    const document = TextDocument.create(uri, 'markdown', 1, syntheticPrd(120_000));
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, document.getText());
    await opened;
    const lines = document.lineCount;
    const at = (line: number, character = 0) => ({ line, character });
    const changes = [
      { range: { start: at(lines >> 1, 3), end: at(lines >> 1, 3) }, text: 'x' },
      { range: { start: at(lines >> 2, 2), end: at(lines >> 2, 2) }, text: '\n' },
      { range: { start: at(lines >> 1), end: at((lines >> 1) + 1) }, text: '' },
      { range: { start: at(5), end: at(5) }, text: '## Goals\n\n- Grow page views by launch.\n\n' },
      { range: { start: at(lines - 40), end: at(lines - 30) }, text: '' },
      { range: { start: at(0), end: at(0) }, text: 'y' },
      { range: { start: at(lines >> 1, 1), end: at(lines >> 1, 6) }, text: 'Total sign-ups\nTotal sign-ups' },
    ];
    for (const [i, change] of changes.entries()) {
      const version = i + 2;
      TextDocument.update(document, [change], version);
      const published = client.nextDiagnostics(uri, (p) => p.version === version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const fresh = lint(document.getText(), { fileName: '/tmp/typed-all-over-prd.md' }).findings.map((f) => findingDiagnostic(f, uri));
      assert.deepEqual((await published).diagnostics, fresh, `after change ${i + 1}`);
    }
  });
});

describe('slow lints: the time budget and cancellation', () => {
  // Our synthetic PRD (bench/lint.ts) at 1.15 MB with a tab on every blank line: no section is
  // simple enough for the line reader (src/engine/plain-blocks.ts), so all of it goes through
  // remark, seconds to lint in full, under the size limit.
  const slow = syntheticPrd(1150 * 1024).replaceAll('\n\n', '\n\t\n');

  test('a lint past lintTimeoutSeconds is stopped: one "too slow" finding, and the next document is linted', async (t) => {
    const client = new TestClient();
    t.after(() => client.kill());
    await client.start({ initializationOptions: { outcomeLens: { lintTimeoutSeconds: 1 } } });
    const uri = 'file:///tmp/slow/synthetic-prd.md';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, slow);
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'unchecked-section');
    assert.match(diagnostics[0]!.message, /stopped checking this document after 1 s/);
    await stillAnswers(client);
  });

  test('a pull cancelled by the client is answered with RequestCancelled', async (t) => {
    const client = new TestClient();
    t.after(() => client.kill());
    await client.start({ capabilities: { textDocument: { diagnostic: {} } } });
    const uri = 'file:///tmp/slow/cancelled-prd.md';
    await client.open(uri, slow);
    const source = new CancellationTokenSource();
    const pulled = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    setTimeout(() => source.cancel(), 50);
    await assert.rejects(pulled, (error: unknown) => error instanceof ResponseError && error.code === -32800);
    await stillAnswers(client);
  });
});
