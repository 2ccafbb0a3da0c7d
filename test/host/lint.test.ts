// The linter in a real extension host: diagnostics on open, on edit (debounced,
// never stale) and on close; quick fixes, disable actions and fix-all from the
// code-action provider; disable comments; the workspace-lint and kind commands.
// Documents come from test/host/workspace/lint/; tests that edit work on copies.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleById } from '../../src/engine/rules';
import type { OutcomeLensApi } from '../../src/extension/extension';
import { activatedApi, closeAllWithoutSaving, ours, ruleOf, until, workspaceUri } from './support';

const SOURCE = 'outcome-lens';
const FIX_ALL = 'source.fixAll.outcomeLens';

let lints: OutcomeLensApi['lints'];


const fixture = (name: string) => workspaceUri('lint', name);
const scratch = () => workspaceUri('lint', 'scratch');

const fixtureText = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(name)));

/** A fresh copy of a fixture, so that edits and open documents never leak between tests. */
async function copyOf(name: string, as: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(scratch(), as);
  await vscode.workspace.fs.copy(fixture(name), target, { overwrite: true });
  return target;
}

const ofRule = (diagnostics: readonly vscode.Diagnostic[], ruleId: string) => diagnostics.filter((d) => ruleOf(d) === ruleId);
/** The text each vanity diagnostic underlines, in document order. */
const vanityPhrases = (document: vscode.TextDocument, diagnostics = ours(document.uri)) =>
  ofRule(diagnostics, 'vanity-metric').map((d) => document.getText(d.range));


/** Our diagnostics once they describe the document's current version. */
function linted(document: vscode.TextDocument, ms?: number): Promise<vscode.Diagnostic[]> {
  return until(
    lints.onDidLint,
    () => lints.resultFor(document) && ours(document.uri),
    () => `a lint of ${vscode.workspace.asRelativePath(document.uri)} at version ${document.version}`,
    ms,
  );
}

const cleared = (uri: vscode.Uri) =>
  until(vscode.languages.onDidChangeDiagnostics, () => ours(uri).length === 0, () => `the diagnostics of ${uri.path} to go; still ${ours(uri).length}`);

async function apply(edit: vscode.WorkspaceEdit | undefined): Promise<void> {
  assert.ok(edit, 'the action carries an edit');
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit applies');
}

async function replaceLines(document: vscode.TextDocument, from: number, to: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(from, 0, to, 0), text);
  await apply(edit);
}

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

const lineOf = (document: vscode.TextDocument, text: string) => {
  const line = document.getText().split('\n').indexOf(text);
  assert.ok(line >= 0, `the document has the line ${JSON.stringify(text)}`);
  return line;
};


const debounceSetting = (value: number | undefined) =>
  vscode.workspace.getConfiguration('outcomeLens').update('debounceMs', value, vscode.ConfigurationTarget.Workspace);

suite('lint', () => {
  suiteSetup(async () => {
    const api = await activatedApi();
    lints = api.lints;
  });

  teardown(closeAllWithoutSaving);

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  suite('diagnostics', () => {
    teardown(() => debounceSetting(undefined));

    test('a PRD gets diagnostics on open: source outcome-lens, rule id linked to its docs page, the exact phrase underlined', async () => {
      const uri = fixture('metrics-prd.md');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'no one opened it before');
      assert.deepEqual(ours(uri), []);
      const document = await vscode.workspace.openTextDocument(uri);
      const diagnostics = await linted(document);

      assert.deepEqual(vanityPhrases(document, diagnostics), ['Total sign-ups', 'Page views']);
      for (const d of diagnostics) {
        assert.equal(d.source, SOURCE);
        assert.ok(typeof d.code === 'object', 'the code links somewhere');
        const id = String(d.code.value);
        assert.ok(ruleById(id), `${id} is a rule id`);
        assert.ok(d.code.target.toString().endsWith(`/docs/rules/${id}.md`), `${d.code.target.toString()} is the page of ${id}`);
      }
      const vanity = ofRule(diagnostics, 'vanity-metric')[0]!;
      assert.equal(vanity.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(vanity.message, /^"Total sign-ups" is a vanity metric/);

      // the shared fixture's vanity metric sits in a table cell: the cell text, not the row
      const bad = await vscode.workspace.openTextDocument(workspaceUri('docs', 'bad-prd.md'));
      assert.deepEqual(vanityPhrases(bad, await linted(bad)), ['Total sign-ups']);
    });

    test('a grouped finding lists each of its places as related information in the Problems panel', async () => {
      const document = await vscode.workspace.openTextDocument(fixture('metrics-prd.md'));
      const [target, ...more] = ofRule(await linted(document), 'metric-missing-target');
      assert.ok(target, 'metric-missing-target is reported');
      assert.deepEqual(more, [], 'once for the list');
      assert.match(target.message, /^2 of the 3 metrics in this list have no target/);
      const places = (target.relatedInformation ?? []).map((r) => [r.location.uri.toString(), document.getText(r.location.range), r.message]);
      assert.deepEqual(places, [
        [document.uri.toString(), 'Total sign-ups', '"Total sign-ups" has no target.'],
        [document.uri.toString(), 'Page views', '"Page views" has no target.'],
      ]);
    });

    test('README.md is not a product document and gets none', async () => {
      const readme = await vscode.workspace.openTextDocument(workspaceUri('README.md'));
      assert.deepEqual(await linted(readme), []);
      assert.equal(lints.resultFor(readme)?.kind, 'none');
    });

    test('an untitled Markdown document with PRD content is linted', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: await fixtureText('metrics-prd.md') });
      await vscode.window.showTextDocument(document);
      assert.equal(document.uri.scheme, 'untitled');
      assert.deepEqual(vanityPhrases(document, await linted(document)), ['Total sign-ups', 'Page views']);
      assert.equal(lints.resultFor(document)?.kind, 'prd');
    });

    test('an edit is linted once the debounce has passed: an inserted vanity metric appears, and goes when removed', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('metrics-prd.md', 'edit-prd.md'));
      await vscode.window.showTextDocument(document);
      await linted(document);
      const debounceMs = vscode.workspace.getConfiguration('outcomeLens', document.uri).get<number>('debounceMs');
      assert.equal(debounceMs, 300, 'the default debounce');

      const line = lineOf(document, '- Page views') + 1;
      const started = Date.now();
      await replaceLines(document, line, line, '- App installs\n');
      const afterInsert = await linted(document);
      // timers may fire a millisecond early by the wall clock
      assert.ok(Date.now() - started >= debounceMs - 5, `linted after ${Date.now() - started} ms, before the ${debounceMs} ms debounce`);
      assert.deepEqual(vanityPhrases(document, afterInsert), ['Total sign-ups', 'Page views', 'App installs']);
      assert.equal(ofRule(afterInsert, 'vanity-metric')[2]!.range.start.line, line);

      await replaceLines(document, line, line + 1, '');
      assert.deepEqual(vanityPhrases(document, await linted(document)), ['Total sign-ups', 'Page views']);
    });

    test('a burst of edits publishes only results that match the text they were computed from, and ends with the final text', async function () {
      this.timeout(30_000);
      // No debounce, and a long paragraph in the edited section that makes each lint take a
      // hundred ms or more: every edit lands while the lint of the one before is still running.
      // (Its inline html keeps it with remark; plain text, emphasis included, is read line by
      // line in a few ms, and edits then no longer overtake lints.)
      await debounceSetting(0);
      const filler = Array.from({ length: 1000 }, (_, i) => `We read the <b>booking log</b> of week ${i} with the clinic managers.`).join(' ');
      const uri = vscode.Uri.joinPath(scratch(), 'burst-prd.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${await fixtureText('metrics-prd.md')}\n${filler}\n`));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await linted(document);

      const mismatches: string[] = [];
      let published = 0;
      const watch = lints.onDidLint((target) => {
        if (target.toString() !== document.uri.toString()) return;
        published++;
        for (const d of ofRule(ours(target), 'vanity-metric')) {
          const quoted = /^"([^"]+)"/.exec(d.message)?.[1];
          const underlined = document.getText(d.range);
          if (quoted !== underlined) mismatches.push(`v${document.version}: "${quoted}" reported over "${underlined}"`);
        }
      });
      const phrases = ['Downloads', 'Followers', 'Registrations', 'Impressions', 'Site visits', 'Subscribers', 'Page hits', 'Video views', 'Clicks', 'Likes'];
      try {
        const top = lineOf(document, '- Total sign-ups');
        // each phrase goes on top of the list, pushing the earlier ones down a line
        for (const phrase of phrases) await replaceLines(document, top, top, `- ${phrase}\n`);
        const final = await linted(document, 20_000);
        assert.deepEqual(vanityPhrases(document, final), [...[...phrases].reverse(), 'Total sign-ups', 'Page views']);
      } finally {
        watch.dispose();
      }
      assert.deepEqual(mismatches, [], 'a published result did not match the text it was published over');
      assert.ok(published < phrases.length, `${published} results published for ${phrases.length} edits: the edits should have overtaken running lints`);
    });

    test('closing a document clears its diagnostics', async () => {
      // Opened the way a user opens it: a document the extension host opened itself
      // is kept alive by VS Code for minutes after its editor closes.
      const uri = await copyOf('metrics-prd.md', 'close-prd.md');
      await vscode.commands.executeCommand('vscode.open', uri);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(document, 'the editor opened the document');
      assert.ok((await linted(document)).length > 0);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await cleared(uri);

      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.getText() });
      await vscode.window.showTextDocument(untitled);
      assert.ok((await linted(untitled)).length > 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await cleared(untitled.uri);
      assert.equal(untitled.isClosed, true);
    });
  });

  suite('code actions and disable comments', () => {
    test('the preferred quick fix of a finding is applied and the finding is gone after the re-lint', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('missing-problem-prd.md', 'quick-fix-prd.md'));
      await vscode.window.showTextDocument(document);
      const [finding] = ofRule(await linted(document), 'problem-statement-missing');
      assert.ok(finding, 'problem-statement-missing is reported');

      const actions = await codeActions(document.uri, finding.range);
      // other extensions' actions come too (code-server's Markdown ones); ours are known by title
      const titles = actions.map((a) => a.title);
      for (const title of [
        'Disable problem-statement-missing for this line',
        'Disable problem-statement-missing for this file',
        'Show documentation for problem-statement-missing',
      ]) {
        assert.ok(titles.includes(title), `"${title}" is offered: ${titles.join(' | ')}`);
      }
      const docs = actions.find((a) => a.title === 'Show documentation for problem-statement-missing')!;
      assert.equal(docs.command?.command, 'outcomeLens.showRuleDocs');
      assert.deepEqual(docs.command?.arguments, ['problem-statement-missing']);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(preferred.map((a) => [a.title, a.kind?.value]), [['Insert a Problem section', vscode.CodeActionKind.QuickFix.value]]);

      await apply(preferred[0]!.edit);
      assert.match(document.getText(), /\n## Problem\n\n\[Who has the problem/);
      assert.deepEqual(ofRule(await linted(document), 'problem-statement-missing'), []);
    });

    test('"Disable vanity-metric for this line" silences that finding and no other', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('metrics-prd.md', 'disable-action-prd.md'));
      await vscode.window.showTextDocument(document);
      const before = await linted(document);
      const [signUps] = ofRule(before, 'vanity-metric');
      assert.ok(signUps);

      const actions = await codeActions(document.uri, signUps.range);
      const disable = actions.find((a) => a.title === 'Disable vanity-metric for this line');
      assert.ok(disable, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      await apply(disable.edit);
      assert.equal(document.lineAt(signUps.range.start.line).text, '<!-- outcome-lens-disable-next-line vanity-metric -->');

      const after = await linted(document);
      assert.deepEqual(vanityPhrases(document, after), ['Page views']);
      assert.equal(after.length, before.length - 1, 'only the vanity finding on that line is gone');
    });

    test('fix-all (source.fixAll.outcomeLens) leaves the Problem section, a suggestion, to the light bulb', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('missing-problem-prd.md', 'fix-all-prd.md'));
      await vscode.window.showTextDocument(document);
      assert.equal(ofRule(await linted(document), 'problem-statement-missing').length, 1);
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      // What the "Fix All" command and editor.codeActionsOnSave ask for: the generic kind, and ours.
      assert.deepEqual((await codeActions(document.uri, whole, 'source.fixAll')).filter((a) => a.kind?.value === FIX_ALL), []);
      assert.deepEqual(await codeActions(document.uri, whole, FIX_ALL), []);
      const [finding] = ofRule(await linted(document), 'problem-statement-missing');
      const offered = (await codeActions(document.uri, finding!.range)).map((a) => a.title);
      assert.ok(offered.includes('Insert a Problem section'), offered.join(' | '));
    });

    test('a typed disable-next-line comment silences that rule on the next line only', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('metrics-prd.md', 'disable-comment-prd.md'));
      const editor = await vscode.window.showTextDocument(document);
      const before = await linted(document);
      const line = lineOf(document, '- Total sign-ups');
      const othersOn = (diagnostics: vscode.Diagnostic[], at: number) =>
        diagnostics.filter((d) => d.range.start.line === at && ruleOf(d) !== 'vanity-metric').map(ruleOf);

      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '<!-- outcome-lens-disable-next-line vanity-metric -->\n')));
      const after = await linted(document);
      assert.deepEqual(vanityPhrases(document, after), ['Page views'], 'the line after the next one is still checked');
      assert.deepEqual(othersOn(after, line + 1), othersOn(before, line), 'other rules still check the silenced line');
    });
  });

  suite('commands', () => {
    test('Treat as PRD records type: prd in front matter, and the document is linted as one', async () => {
      const document = await vscode.workspace.openTextDocument(await copyOf('notes.md', 'notes.md'));
      await vscode.window.showTextDocument(document);
      assert.deepEqual(await linted(document), []);
      assert.equal(lints.resultFor(document)?.kind, 'none');

      await vscode.commands.executeCommand('outcomeLens.treatAsPrd');
      assert.ok(document.getText().startsWith('---\ntype: prd\n---\n# Dashboard notes\n'), document.getText());
      assert.deepEqual(vanityPhrases(document, await linted(document)), ['Page views']);
      assert.equal(lints.resultFor(document)?.kind, 'prd');
    });

    test('Lint Workspace reports findings for files that are not open', async () => {
      const unopened = fixture('unopened/pricing-prd.md');
      const bad = workspaceUri('docs', 'bad-prd.md');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'no one opened it before');
      assert.deepEqual(ours(unopened), []);

      await vscode.commands.executeCommand('outcomeLens.lintWorkspace');
      assert.deepEqual(vscode.window.visibleTextEditors, [], 'no file was shown');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'read from disk, not opened');
      const reported = ofRule(ours(unopened), 'vanity-metric');
      assert.deepEqual(reported.map((d) => d.range), [new vscode.Range(9, 2, 9, 24)], '"Newsletter subscribers"');
      assert.deepEqual(ofRule(ours(bad), 'vanity-metric').map((d) => d.range), [new vscode.Range(16, 2, 16, 16)], '"Total sign-ups"');
      assert.deepEqual(ours(workspaceUri('README.md')), []);
    });

    test('Lint Workspace keeps the findings of every file, beyond the 50 that VS Code keeps open for an extension', async function () {
      this.timeout(60_000);
      // VS Code releases the oldest documents an extension opened once it holds 60 of them
      const copies = await Promise.all(Array.from({ length: 70 }, (_, i) => copyOf('unopened/pricing-prd.md', `many/plan-${i}-prd.md`)));
      await vscode.commands.executeCommand('outcomeLens.lintWorkspace');
      const missing = copies.filter((uri) => ofRule(ours(uri), 'vanity-metric').length !== 1);
      assert.deepEqual(missing.map((uri) => vscode.workspace.asRelativePath(uri)), [], 'files without their finding');
    });
  });
});
