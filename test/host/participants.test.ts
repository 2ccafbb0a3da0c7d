// The personas as VS Code Chat participants, in a real extension host. The handlers the
// extension registered are driven with ChatRequest-shaped requests whose `model` is a
// scripted LanguageModelChat (it records what it was sent and answers what the test
// says: no language model ships with code-server), a response stream that records every
// part written to it, and a real CancellationTokenSource.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { followupsFor } from '../../src/extension/participants/followups';
import type { PersonaChatResult } from '../../src/extension/participants/handler';
import { APPLY_FIX_COMMAND } from '../../src/extension/participants/links';
import { closeAllWithoutSaving, ours, until, workspaceUri } from './support';

const EXTENSION_ID = 'outcome-lens.outcome-lens';
const PERSONA_FILE = ['.outcome-lens', 'personas', 'finance-partner.md'];

type Part =
  | { kind: 'markdown'; text: string }
  | { kind: 'anchor'; location: vscode.Location; title?: string }
  | { kind: 'button'; command: vscode.Command }
  | { kind: 'progress'; text: string }
  | { kind: 'other' };

/** A ChatResponseStream that keeps what was written, in order. */
class RecordingStream {
  readonly parts: Part[] = [];
  markdown(value: string | vscode.MarkdownString): void {
    this.parts.push({ kind: 'markdown', text: typeof value === 'string' ? value : value.value });
  }
  anchor(value: vscode.Uri | vscode.Location, title?: string): void {
    assert.ok(value instanceof vscode.Location, 'anchors point at a range of the document');
    this.parts.push({ kind: 'anchor', location: value, ...(title ? { title } : {}) });
  }
  button(command: vscode.Command): void {
    this.parts.push({ kind: 'button', command });
  }
  progress(value: string): void {
    this.parts.push({ kind: 'progress', text: value });
  }
  filetree(): void {
    this.parts.push({ kind: 'other' });
  }
  reference(): void {
    this.parts.push({ kind: 'other' });
  }
  push(): void {
    this.parts.push({ kind: 'other' });
  }
  text(): string {
    return this.parts.map((p) => (p.kind === 'markdown' ? p.text : '')).join('');
  }
  of<K extends Part['kind']>(kind: K): Extract<Part, { kind: K }>[] {
    return this.parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);
  }
}

type Script = (token: vscode.CancellationToken) => AsyncIterable<string>;

/** A LanguageModelChat that answers with `script` and records every request's messages as text. */
function scriptedModel(script: Script | Error) {
  const received: string[][] = [];
  const model = {
    id: 'scripted',
    vendor: 'outcome-lens-tests',
    family: 'scripted',
    name: 'Scripted Model',
    version: '1',
    maxInputTokens: 100_000,
    countTokens: async (text: string | vscode.LanguageModelChatMessage) => (typeof text === 'string' ? text.length : 1),
    sendRequest: async (messages: vscode.LanguageModelChatMessage[], _options: unknown, token: vscode.CancellationToken) => {
      received.push(messages.map((m) => m.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('')));
      if (script instanceof Error) throw script;
      const text = script(token);
      return {
        text,
        stream: (async function* () {
          for await (const piece of text) yield new vscode.LanguageModelTextPart(piece);
        })(),
      };
    },
  };
  return { model: model as unknown as vscode.LanguageModelChat, received };
}

const says = (...pieces: string[]): Script =>
  async function* () {
    for (const piece of pieces) yield piece;
  };

let api: OutcomeLensApi;

async function ask(participant: string, prompt: string, model: vscode.LanguageModelChat, options: { command?: string; token?: vscode.CancellationToken } = {}) {
  const handler = api.participants.handler(participant);
  assert.ok(handler, `${participant} has a handler`);
  const request = { prompt, command: options.command, references: [], toolReferences: [], toolInvocationToken: undefined, model } as unknown as vscode.ChatRequest;
  const stream = new RecordingStream();
  const token = options.token ?? new vscode.CancellationTokenSource().token;
  const result = (await handler(request, { history: [] }, stream as unknown as vscode.ChatResponseStream, token)) as PersonaChatResult;
  return { result, stream };
}

async function openBadPrd(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri('docs/bad-prd.md'));
  await vscode.window.showTextDocument(document);
  await until(vscode.languages.onDidChangeDiagnostics, () => ours(document.uri).length > 0, () => 'lint diagnostics on bad-prd.md');
  // The handler reads the findings the lint controller recorded for this version.
  await until(vscode.languages.onDidChangeDiagnostics, () => Boolean(api.lints.resultFor(document)), () => 'the findings of bad-prd.md');
  return document;
}

suite('chat participants', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<OutcomeLensApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    api = await extension.activate();
    await vscode.workspace.fs.writeFile(
      workspaceUri(...PERSONA_FILE),
      new TextEncoder().encode('---\nname: finance-partner\nemoji: 🧮\ndescription: Checks the numbers behind a plan\n---\n\n# Finance Partner\n\nYou ask what each figure rests on.\n'),
    );
  });
  teardown(closeAllWithoutSaving);
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(...PERSONA_FILE)).then(undefined, () => undefined);
  });

  test('@value-realization answers from request.model, grounded in the document and its findings', async () => {
    await openBadPrd();
    const { model, received } = scriptedModel(says('Total sign-ups ', 'counts people, not value.'));
    const { result, stream } = await ask('outcomeLens.value-realization', 'Are our success metrics outcomes?', model);
    assert.equal(result.errorDetails, undefined);
    assert.equal(received.length, 1, 'one request to the model the user picked');
    const [instructions, user] = received[0]!;
    assert.match(instructions!, /Value Realization/);
    assert.match(user!, /The document \(docs\/bad-prd\.md\):/);
    assert.match(user!, /\| Total sign-ups \| 0 \| 10,000 \| Q3 \|/);
    assert.match(user!, /Outcome Lens lint findings \(\d+\):\n- line \d+, /);
    assert.match(user!, /vanity-metric/);
    assert.match(user!, /Are our success metrics outcomes\?$/);
    assert.match(stream.text(), /^Total sign-ups counts people, not value\./, 'the answer streams as it came');
    assert.equal(stream.of('progress').length, 1);
    // A button per real fix of the findings (the vanity rewrite here); "disable here" fixes get none.
    const buttons = stream.of('button');
    assert.ok(buttons.length > 0, 'the vanity metric offers its rewrite');
    for (const button of buttons) {
      assert.equal(button.command.command, 'outcomeLens.applyFindingFix');
      assert.doesNotMatch(button.command.title, /^Disable /);
    }
  });

  test('a fix button applies the quick fix the light bulb offers', async () => {
    // The walkthrough's example has findings with fixes (missing metric columns).
    const { document } = await vscode.commands.executeCommand<vscode.TextEditor>('outcomeLens.openExample');
    await until(vscode.languages.onDidChangeDiagnostics, () => Boolean(api.lints.resultFor(document)?.findings.length), () => 'the example\u2019s findings', 20_000);
    const { model } = scriptedModel(says('Fix the table first.'));
    const { stream } = await ask('outcomeLens.product-owner', 'What first?', model);
    const [button] = stream.of('button').filter((b) => b.command.command === APPLY_FIX_COMMAND);
    assert.ok(button, 'a fix button');
    const before = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>(button.command.command, ...(button.command.arguments ?? []));
    assert.equal(applied, true);
    assert.notEqual(document.getText(), before, 'the document was edited');
  });

  test('/review: quotes become anchors and diagnostics with the persona as source', async () => {
    const document = await openBadPrd();
    const answer = '> "Total sign-ups"\n\nThis counts accounts, not teams that use the dashboard.\n\n> "Launch the new dashboard"\n\nShipping is not the goal.\n';
    const { model, received } = scriptedModel(says(answer));
    const { result, stream } = await ask('outcomeLens.value-realization', '', model, { command: 'review' });
    assert.equal(result.metadata.command, 'review');
    assert.match(received[0]![1]!, /Review the whole document above\./);
    const anchored = stream.of('anchor').map((a) => document.getText(a.location.range));
    assert.deepEqual(anchored, ['Total sign-ups', 'Launch the new dashboard']);
    // The sidebar chat's own review notes (from its suite) may be there too, in their collection.
    const noted = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === '💰 Value Realization' && d.code === 'review').map((d) => document.getText(d.range));
    for (const quote of ['Total sign-ups', 'Launch the new dashboard']) assert.ok(noted.includes(quote), `${quote} in ${noted.join(' | ')}`);
    assert.match(stream.text(), /2 quoted passages are marked in the Problems panel\./);
    assert.ok(followupsFor(result).some((f) => f.command === 'metrics'), 'a review suggests metrics next');
  });

  test('/metrics and /template send their tasks; /template offers the template; an unknown one is an error', async () => {
    await openBadPrd();
    const metrics = scriptedModel(says('| Metric | Type |'));
    await ask('outcomeLens.product-owner', '', metrics.model, { command: 'metrics' });
    assert.match(metrics.received[0]![1]!, /Metric \| Type \(leading, lagging or guardrail\) \| Baseline \| Target/);
    assert.match(metrics.received[0]![0]!, /Product Owner/);

    const template = scriptedModel(says('Here is the draft.'));
    const { stream, result } = await ask('outcomeLens.product-owner', 'prd keep it short', template.model, { command: 'template' });
    assert.match(template.received[0]![1]!, /Draft a "[^"]+" for this document from the template below\./);
    assert.match(template.received[0]![1]!, /My question: keep it short$/);
    assert.equal(result.metadata.templateId, 'prd');
    assert.ok(stream.of('button').some((b) => b.command.command === 'outcomeLens.newFromTemplate' && JSON.stringify(b.command.arguments) === '[{"templateId":"prd"}]'));

    const unknown = scriptedModel(says('never sent'));
    const { result: failed } = await ask('outcomeLens.product-owner', 'no-such-template', unknown.model, { command: 'template' });
    assert.match(failed.errorDetails?.message ?? '', /There is no template "no-such-template"\. Use one of: .*prd/);
    assert.equal(unknown.received.length, 0);
  });

  test('cancelling stops the answer where it was', async () => {
    await openBadPrd();
    const source = new vscode.CancellationTokenSource();
    const { model } = scriptedModel(async function* (token) {
      yield 'The first part. ';
      source.cancel();
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!token.isCancellationRequested) yield 'the model did not see the cancellation';
      else yield 'a late piece the handler must drop';
    });
    const { result, stream } = await ask('outcomeLens.value-realization', 'Tell me everything.', model, { token: source.token });
    assert.equal(result.metadata.cancelled, true);
    assert.equal(result.errorDetails, undefined);
    assert.equal(stream.text(), 'The first part. ');
    assert.deepEqual(followupsFor(result), []);
  });

  test('a model error comes back as the error details with what to do', async () => {
    await openBadPrd();
    const { model } = scriptedModel(vscode.LanguageModelError.NoPermissions('the user said no'));
    const { result, stream } = await ask('outcomeLens.value-realization', 'Hello?', model);
    assert.match(result.errorDetails?.message ?? '', /Outcome Lens may not use Scripted Model \(the user said no\)\. Send again and choose Allow/);
    assert.equal(stream.text(), '');
  });

  test('@persona answers as a workspace persona file, and lists the personas when none is named', async () => {
    await openBadPrd();
    const { model, received } = scriptedModel(says('What does the 10,000 rest on?'));
    const { result } = await ask('outcomeLens.persona', 'finance-partner Is the target credible?', model);
    assert.equal(result.metadata.personaId, 'finance-partner');
    assert.match(received[0]![0]!, /You ask what each figure rests on\./);
    assert.match(received[0]![1]!, /Is the target credible\?$/);

    const listing = scriptedModel(says('never sent'));
    const { stream } = await ask('outcomeLens.persona', 'Is the target credible?', listing.model);
    assert.equal(listing.received.length, 0);
    for (const id of ['value-realization', 'product-owner', 'finance-partner']) assert.match(stream.text(), new RegExp(`\`${id}\``));
  });
});
