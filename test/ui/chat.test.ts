// The chat webview in headless Chromium, under the real HTML shell and CSP.
// Each test plays the extension's side through the host stand-in.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answer, answerFully, ask, assertHealthy, init, openWithInit, streamText } from './conversation';
import { repoRoot, startUi, type ChatPage, type Ui } from './harness';
import type { RenderLab } from './lab-api';

let ui: Ui;
before(async () => {
  ui = await startUi();
});
after(async () => {
  await ui.close();
});

function openReady(seedState?: unknown): Promise<ChatPage> {
  return openWithInit(ui, init, seedState);
}

function count(chat: ChatPage, selector: string): Promise<number> {
  return chat.page.locator(selector).count();
}

describe('chat webview', () => {
  it('sends the question with persona, model and context choices', async () => {
    const chat = await openReady();
    await chat.page.getByLabel('Findings').uncheck();
    const question = await ask(chat, 'Are these metrics outcomes?');
    assert.equal(question.text, 'Are these metrics outcomes?');
    assert.deepEqual(question.personaIds, ['value']);
    assert.deepEqual(question.context, { document: true, selection: false, findings: false });
    const sent = await chat.waitForPosted('send');
    assert.equal(sent.modelId, 'coach');
    assert.deepEqual((await chat.postedOfType('choose')).at(-1)?.context, question.context);
    assert.equal(await chat.page.inputValue('#input'), '');
    assert.equal(await chat.page.isVisible('#stop'), true);
    await assertHealthy(chat);
    await chat.close();
  });

  it('renders streamed Markdown while it arrives, without re-rendering finished blocks', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Review my metrics');
    await chat.send({ type: 'streamStart', messageId: 'a1', replyTo: question.id, personaId: 'value', offlineCoach: true });
    const article = chat.page.locator('article[data-id="a1"]');
    assert.equal(await article.getAttribute('aria-busy'), 'true');

    const tableAt = answer.indexOf('| Activation');
    await streamText(chat, 'a1', answer.slice(0, tableAt + 10));
    assert.equal(await article.locator('h2').textContent(), 'What I would change');
    assert.equal(await article.locator('li').count(), 2);
    assert.equal(await article.locator('li em').textContent(), 'feature shipped');
    assert.equal(await article.locator('table th').count(), 3, 'the table shows as soon as its header is complete');
    // Mark the finished heading: if a later chunk re-rendered it, the mark would be gone.
    await article.locator('h2').evaluate((heading) => heading.setAttribute('data-probe', 'kept'));

    await streamText(chat, 'a1', answer.slice(tableAt + 10));
    assert.equal(await article.locator('h2[data-probe="kept"]').count(), 1);
    assert.equal(await article.locator('tbody tr').count(), 2);
    assert.equal(await article.locator('td[align="right"]').count(), 4);
    assert.equal(await article.locator('pre code.language-ts').textContent(), 'const guardrail = "support tickets per account";\n');
    assert.equal(await article.locator('.badge.coach').textContent(), 'Offline coach · not an AI model');

    await chat.send({ type: 'streamEnd', messageId: 'a1' });
    await chat.send({ type: 'turnComplete', replyTo: question.id });
    assert.equal(await article.getAttribute('aria-busy'), 'false');
    assert.equal(await article.locator('h2[data-probe="kept"]').count(), 1, 'ending the stream keeps the rendered body');
    assert.equal(await chat.page.isVisible('#send'), true);
    assert.equal(await chat.page.isVisible('#stop'), false);

    await article.getByRole('button', { name: 'Copy' }).click();
    assert.deepEqual(await chat.postedOfType('copyAnswer'), [{ type: 'copyAnswer', messageId: 'a1', text: answer }]);
    await article.getByRole('button', { name: 'Insert' }).click();
    assert.equal((await chat.waitForPosted('insertAnswer')).text, answer);
    await assertHealthy(chat);
    await chat.close();
  });

  it('shows HTML and script in an answer as text and never runs it', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Say something nasty');
    const nasty = [
      'Before <script>window.__pwned = "script"</script> after.\n\n',
      '<img src=x onerror="window.__pwned = \'img\'">\n\n',
      `<img src="${ui.origin}/tracker.png">\n\n`,
      '<svg onload="window.__pwned = \'svg\'"></svg>\n\n',
      '[click me](javascript:window.__pwned=\'link\') and <a href="javascript:window.__pwned=1">raw</a>\n\n',
      `![chart](${ui.origin}/chart.png) and [docs](https://example.com/metrics?a=1&b=2)\n`,
    ].join('');
    await answerFully(chat, question, 'bad', nasty);
    const body = chat.page.locator('article[data-id="bad"] .markdown');
    assert.match((await body.textContent()) ?? '', /Before <script>window.__pwned = "script"<\/script> after\./);
    assert.match((await body.textContent()) ?? '', /<img src=x onerror=/);
    assert.equal(await body.locator('script, img, svg, [onerror], [onload], [style]').count(), 0);

    const jsLink = body.getByText('click me');
    assert.equal(await jsLink.getAttribute('href'), null, 'a javascript: link is inert');
    await jsLink.click();
    const image = body.getByText('Image: chart');
    assert.equal(await image.getAttribute('href'), `${ui.origin}/chart.png`, 'an image becomes a link, not a fetch');
    await body.getByText('docs').click();
    assert.deepEqual(await chat.postedOfType('openLink'), [{ type: 'openLink', url: 'https://example.com/metrics?a=1&b=2' }]);
    await image.click();
    assert.equal((await chat.postedOfType('openLink')).length, 2);

    assert.equal(await chat.page.evaluate(() => (globalThis as any).__pwned), undefined);
    assert.equal(chat.page.url(), `${ui.origin}/chat.html`, 'the webview never navigates');
    assert.deepEqual(ui.strayRequests, [], 'nothing in the answer was fetched');
    await assertHealthy(chat);
    await chat.close();
  });

  it('sanitizes raw HTML on its own, with no CSP behind it', async () => {
    const page = await ui.openLab({ withoutCsp: true });
    const nasty =
      '<p style="color:red" onclick="window.__pwned=1" class="error">styled</p>' +
      '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>' +
      '<a href="javascript:window.__pwned=4">js</a><a href="data:text/html,hi">data</a>' +
      '<iframe src="https://example.com"></iframe><form action="https://example.com"><input name=q></form>' +
      '<svg><a href="javascript:window.__pwned=5"><text>svg</text></a></svg>' +
      '<ul><li><input type="checkbox" checked> done</li></ul><a href="https://example.com/x">ok</a>';
    const result = await page.evaluate(
      (html) => (globalThis as unknown as { renderLab: RenderLab }).renderLab.probeSanitizer(html),
      nasty,
    );
    assert.equal(result.control, 1, 'the page would run a handler the sanitizer let through');
    assert.equal(result.pwned, undefined);
    assert.equal(
      result.html,
      '<p>styled</p>[Image: no description]<a>js</a><a>data</a>' +
        '<ul><li><input type="checkbox" checked="" disabled=""> done</li></ul>' +
        '<a href="https://example.com/x" title="https://example.com/x">ok</a>',
    );
    await page.context().close();
  });

  it('stops on Escape: posts stop, keeps the partial answer and leaves streaming state', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Long answer please');
    await chat.send({ type: 'streamStart', messageId: 'long', replyTo: question.id, personaId: 'value', offlineCoach: false });
    await streamText(chat, 'long', '## First part\n\nSome words that arrived');
    await chat.page.press('#input', 'Escape');
    assert.deepEqual(await chat.postedOfType('stop'), [{ type: 'stop', replyTo: question.id }]);
    assert.equal(await chat.page.isVisible('#send'), true);
    assert.equal(await chat.page.isVisible('#stop'), false);
    const article = chat.page.locator('article[data-id="long"]');
    assert.equal(await article.getAttribute('aria-busy'), 'false');
    assert.equal(await article.locator('.badge.stopped').textContent(), 'Stopped');

    // Chunks already on their way when the user stopped are dropped.
    await chat.send({ type: 'streamChunk', messageId: 'long', text: ' and more' });
    await chat.send({ type: 'error', replyTo: question.id, messageId: 'long', partialKept: true, code: 'cancelled', message: 'Stopped by the user.', hint: '' });
    assert.equal(await article.locator('p').textContent(), 'Some words that arrived');
    assert.equal(await article.locator('.error').count(), 0);

    await article.getByRole('button', { name: 'Retry' }).click();
    const retry = await chat.waitForPosted('retry');
    assert.equal(retry.replyTo, question.id);
    assert.equal(retry.personaId, 'value');
    assert.equal(await count(chat, 'article[data-id="long"]'), 0, 'the retried answer makes way for the new one');
    assert.equal(await chat.page.isVisible('#stop'), true);
    await chat.page.click('#stop');
    assert.equal((await chat.postedOfType('stop')).length, 2);
    await assertHealthy(chat);
    await chat.close();
  });

  it('restores the conversation, draft and scroll position after the view is closed and reopened', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Explain the metrics table');
    const long = `${answer}\n${'More detail about cohorts and baselines.\n\n'.repeat(40)}`;
    await answerFully(chat, question, 'a1', long);
    await chat.page.fill('#input', 'my half-typed follow-up');
    await chat.page.locator('#log').evaluate((log) => (log.scrollTop = 150));
    await chat.page.waitForFunction(() => (globalThis as any).__test.state?.scrollTop === 150 && (globalThis as any).__test.state?.draft);
    const saved = await chat.savedState();
    await chat.close();

    const reopened = await ui.openChat({ seedState: saved });
    const article = reopened.page.locator('article[data-id="a1"]');
    assert.equal(await article.locator('h2').textContent(), 'What I would change', 'shown before the extension answers');
    assert.equal(await article.locator('tbody tr').count(), 2);
    assert.equal(await reopened.page.locator('.msg.user .user-text').textContent(), 'Explain the metrics table');
    assert.equal(await reopened.page.inputValue('#input'), 'my half-typed follow-up');
    assert.equal(await reopened.page.locator('#log').evaluate((log) => log.scrollTop), 150);

    // The extension's history is the source of truth when it sends one.
    await reopened.send({ ...init, history: [{ ...question }] });
    assert.equal(await count(reopened, 'article'), 1);
    await assertHealthy(reopened);
    await reopened.close();
  });

  it('marks an answer that was streaming when the view closed as incomplete', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Question');
    await chat.send({ type: 'streamStart', messageId: 'mid', replyTo: question.id, personaId: 'value', offlineCoach: false });
    await streamText(chat, 'mid', 'Half an ans');
    // The view saves on a debounce: wait for the save that has every chunk (on a loaded machine an earlier one can come first).
    await chat.page.waitForFunction(() => (globalThis as any).__test.state?.entries?.[1]?.text === 'Half an ans');
    const saved = await chat.savedState();
    await chat.close();

    const reopened = await ui.openChat({ seedState: saved });
    const article = reopened.page.locator('article[data-id="mid"]');
    assert.equal(await article.locator('.badge').textContent(), 'Incomplete');
    assert.equal(await article.locator('.markdown').textContent(), 'Half an ans');
    assert.equal(await reopened.page.isVisible('#send'), true);
    await reopened.close();
  });

  it('shows errors with their hint, keeps the question and the draft, and counts down a 429', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'What is our north star?');
    await chat.page.fill('#input', 'next question I am typing');
    await chat.send({
      type: 'error',
      replyTo: question.id,
      personaId: 'value',
      partialKept: false,
      code: 'rate-limited',
      message: 'The server answered 429 Too Many Requests.',
      hint: 'Wait a moment, then retry.',
      retryAfterMs: 2500,
    });
    await chat.send({ type: 'turnComplete', replyTo: question.id });
    const failed = chat.page.locator('article.failed');
    assert.equal(await failed.locator('.error strong').textContent(), 'Too many requests (429)');
    assert.match((await failed.locator('.error').textContent()) ?? '', /429 Too Many Requests\..*Wait a moment, then retry\./s);
    const retry = failed.getByRole('button', { name: /Retry/ });
    assert.match((await retry.textContent()) ?? '', /^Retry in [1-3]s$/);
    assert.equal(await retry.isDisabled(), true);
    assert.equal(await chat.page.locator('.msg.user .user-text').textContent(), 'What is our north star?');
    assert.equal(await chat.page.inputValue('#input'), 'next question I am typing');

    await failed.locator('button[data-action="retry"]:not([disabled])').waitFor({ timeout: 10_000 });
    assert.equal(await retry.textContent(), 'Retry');
    await retry.click();
    assert.deepEqual((await chat.waitForPosted('retry')).personaId, 'value');
    await assertHealthy(chat);
    await chat.close();
  });

  it('keeps a cut-off answer, marked incomplete, with the hint and Retry', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Draft the metrics');
    await chat.send({ type: 'streamStart', messageId: 'cut', replyTo: question.id, personaId: 'value', offlineCoach: false });
    await streamText(chat, 'cut', '## Metrics\n\n- Activation rate from 31% to');
    await chat.send({
      type: 'error',
      replyTo: question.id,
      messageId: 'cut',
      partialKept: true,
      code: 'cut-off',
      message: 'The stream ended before the answer was finished.',
      hint: 'Retry, or ask for a shorter answer.',
    });
    await chat.send({ type: 'turnComplete', replyTo: question.id });
    const article = chat.page.locator('article[data-id="cut"]');
    assert.equal(await article.locator('li').textContent(), 'Activation rate from 31% to');
    assert.equal(await article.locator('.badge.incomplete').textContent(), 'Incomplete');
    assert.match((await article.locator('.error .hint').textContent()) ?? '', /incomplete\. Retry, or ask for a shorter answer\./);
    assert.equal(await article.getByRole('button', { name: 'Retry' }).isEnabled(), true);
    assert.equal(await article.getByRole('button', { name: 'Copy' }).isVisible(), true, 'the partial text can still be copied');
    await assertHealthy(chat);
    await chat.close();
  });

  it('ignores invalid messages and keeps working', async () => {
    const chat = await openReady();
    for (const junk of [
      null,
      42,
      'streamChunk',
      { type: 'nope' },
      { type: 'streamChunk', messageId: 'x' },
      { type: 'init', personas: 'everyone' },
      { type: 'error', replyTo: 'q', code: 'teapot', message: '', hint: '', partialKept: false },
      { type: 'streamChunk', messageId: 'never-started', text: 'orphan' },
    ]) {
      await chat.send(junk);
    }
    const warnings = chat.consoleMessages.filter((line) => line.startsWith('warning: Outcome Lens chat: invalid'));
    assert.equal(warnings.length, 7);
    assert.match(warnings[4]!, /"streamChunk" message: text:/);
    assert.equal(await count(chat, 'article'), 0);
    assert.equal(await chat.page.locator('#persona option').count(), 2, 'a bad init did not wipe the personas');

    const question = await ask(chat, 'Still there?');
    await answerFully(chat, question, 'ok', 'Yes, **still here**.');
    assert.equal(await chat.page.locator('article[data-id="ok"] strong:not(header strong)').textContent(), 'still here');
    await assertHealthy(chat);
    await chat.close();
  });

  it('prefills a question about a finding, completes slash commands and asks a panel', async () => {
    const chat = await openReady();
    const finding = { ruleId: 'vanity-metric', message: '"page views" is a vanity metric', line: 12 };
    await chat.page.fill('#input', 'half a thought');
    await chat.send({ type: 'prefill', text: 'Why is this a problem?', personaId: 'owner', finding });
    assert.equal(await chat.page.inputValue('#input'), 'half a thought\n\nWhy is this a problem?', 'the draft stays');
    assert.equal(await chat.page.inputValue('#persona'), 'owner');
    assert.match((await chat.page.locator('#finding').textContent()) ?? '', /vanity-metric \(line 12\)/);
    const aboutFinding = await ask(chat, 'Why is this a problem?');
    assert.deepEqual(aboutFinding.finding, finding);
    assert.deepEqual(aboutFinding.personaIds, ['owner']);
    assert.equal(await chat.page.isVisible('#finding'), false);
    await chat.send({ type: 'turnComplete', replyTo: aboutFinding.id });

    await chat.page.fill('#input', '');
    await chat.page.locator('#input').pressSequentially('/te');
    assert.equal(await chat.page.locator('#hints li').count(), 1);
    await chat.page.press('#input', 'Tab');
    assert.equal(await chat.page.inputValue('#input'), '/template ');
    assert.deepEqual(await chat.page.locator('#hints li code').allTextContents(), ['prd', 'business-case']);
    await chat.page.press('#input', 'Enter');
    assert.equal(await chat.page.inputValue('#input'), '/template prd');
    await chat.page.fill('#input', '/template roadmap');
    await chat.page.press('#input', 'Enter');
    assert.equal((await chat.postedOfType('send')).length, 1, 'an unknown template is not sent');
    assert.match((await chat.page.locator('#status').textContent()) ?? '', /no template "roadmap": prd, business-case/);
    assert.equal(await chat.page.inputValue('#input'), '/template roadmap', 'the text stays for fixing');

    const review = await ask(chat, '/review focus on metrics', 2);
    assert.deepEqual(review.command, { name: 'review' });
    await chat.send({ type: 'turnComplete', replyTo: review.id });

    // The header folded when the conversation began; unfold it to reach the panel.
    await chat.page.click('#header-toggle');
    await chat.page.click('#panel-toggle');
    assert.equal(await chat.page.getAttribute('#panel-toggle', 'aria-pressed'), 'true');
    await chat.page.locator('#panel').getByLabel('Value Realization').check();
    await chat.page.locator('#panel').getByLabel('Product Owner').check();
    const panel = await ask(chat, 'Is this PRD ready?', 3);
    assert.deepEqual(panel.personaIds, ['value', 'owner']);
    for (const [messageId, personaId] of [['p1', 'value'], ['p2', 'owner']] as const) {
      await chat.send({ type: 'streamStart', messageId, replyTo: panel.id, personaId, offlineCoach: true });
      await streamText(chat, messageId, `Answer from ${personaId}.`);
      await chat.send({ type: 'streamEnd', messageId });
    }
    await chat.send({ type: 'turnComplete', replyTo: panel.id });
    const names = await chat.page.locator('article.assistant header strong').allTextContents();
    assert.deepEqual(names, ['💰 Value Realization', '🧭 Product Owner']);
    await assertHealthy(chat);
    await chat.close();
  });

  it('leaves New and Export to the view title bar, whose New clears the conversation', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'First question');
    await answerFully(chat, question, 'a1', 'An answer.');
    assert.equal(await chat.page.getByRole('button', { name: /^(New|Export)$/ }).count(), 0, 'no second set of the title bar buttons');
    // The title bar's New starts over in the extension, which then sends an init with an empty history.
    await chat.send({ ...init, history: [] });
    assert.equal(await count(chat, 'article'), 0);
    assert.match((await chat.page.locator('.empty').textContent()) ?? '', /Ask 💰 Value Realization/);
    await chat.page.waitForFunction(() => (globalThis as any).__test.state?.entries?.length === 0);
    await assertHealthy(chat);
    await chat.close();
  });

  it('shows a slash command once, as a badge before the rest of the message', async () => {
    const chat = await openReady();
    const shown = async (text: string, nth: number) => {
      const sent = await ask(chat, text, nth);
      await chat.send({ type: 'turnComplete', replyTo: sent.id });
      const article = chat.page.locator(`article[data-id="${sent.id}"]`);
      return {
        sent: sent.text,
        badges: await article.locator('.badge').allTextContents(),
        text: await article.locator('.user-text').allTextContents(),
      };
    };
    assert.deepEqual(await shown('/review focus on metrics', 1), {
      sent: '/review focus on metrics',
      badges: ['/review'],
      text: ['focus on metrics'],
    });
    assert.deepEqual(await shown('/metrics', 2), { sent: '/metrics', badges: ['/metrics'], text: [] });
    assert.deepEqual(await shown('/template prd', 3), { sent: '/template prd', badges: ['/template prd'], text: [] });
    assert.deepEqual(await shown('/panel Is this PRD\nready?', 4), {
      sent: '/panel Is this PRD\nready?',
      badges: ['/panel'],
      text: ['Is this PRD\nready?'],
    });
    assert.deepEqual(await shown('/etc/hosts is not a command', 5), {
      sent: '/etc/hosts is not a command',
      badges: [],
      text: ['/etc/hosts is not a command'],
    });
    await assertHealthy(chat);
    await chat.close();
  });

  it('hides a first line that repeats the header, on screen only', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'What about our metrics?');
    const text = '**💰 Value Realization:**\n\nI count 4 success metrics.\n\n**🧭 Product Owner:** would add a guardrail.\n';
    await chat.send({ type: 'streamStart', messageId: 'a1', replyTo: question.id, personaId: 'value', offlineCoach: true });
    const body = chat.page.locator('article[data-id="a1"] .markdown');
    const characters = Array.from(text);
    await streamText(chat, 'a1', characters.slice(0, 12).join(''), 3);
    assert.equal(await body.textContent(), '', 'what may still be the label line is held back, not shown as raw asterisks');
    await streamText(chat, 'a1', characters.slice(12).join(''), 3);
    await chat.send({ type: 'streamEnd', messageId: 'a1' });
    await chat.send({ type: 'turnComplete', replyTo: question.id });

    const article = chat.page.locator('article[data-id="a1"]');
    assert.equal(await article.locator('header strong').textContent(), '💰 Value Realization');
    assert.deepEqual(await body.locator('p').allTextContents(), ['I count 4 success metrics.', '🧭 Product Owner: would add a guardrail.']);
    await article.getByRole('button', { name: 'Copy' }).click();
    assert.equal((await chat.waitForPosted('copyAnswer')).text, text, 'copies keep the line');
    await chat.page.waitForFunction((full) => {
      const saved = (globalThis as any).__test.state?.entries?.[1];
      return saved?.text === full && saved.status === 'complete';
    }, text);

    // Rendered again from the extension's history, it is hidden the same way.
    const history = (await chat.savedState()).entries;
    await chat.send({ ...init, history });
    assert.deepEqual(await body.locator('p').allTextContents(), ['I count 4 success metrics.', '🧭 Product Owner: would add a guardrail.']);

    // A label that starts a paragraph of its own words is part of the answer.
    const second = await ask(chat, 'And the guardrails?', 2);
    await answerFully(chat, second, 'a2', '**💰 Value Realization:** add one for refunds.');
    assert.equal(await chat.page.locator('article[data-id="a2"] .markdown').textContent(), '💰 Value Realization: add one for refunds.');
    await assertHealthy(chat);
    await chat.close();
  });

  it('offers the model settings when the offline coach is the only model', async () => {
    const chat = await openWithInit(ui, { ...init, models: [init.models[0]!] });
    const hint = chat.page.locator('#model-hint');
    assert.equal(await hint.isVisible(), true);
    assert.match(
      (await hint.textContent()) ?? '',
      /Use a VS Code language model \(e\.g\. Copilot\) or any OpenAI-compatible server \(Ollama, LM Studio\.\.\.\)/,
    );
    await hint.getByRole('button', { name: 'Open model settings' }).click();
    await chat.waitForPosted('openModelSettings');
    assert.deepEqual(await chat.postedOfType('openModelSettings'), [{ type: 'openModelSettings' }]);

    // Once a real model is offered, the picker speaks for itself.
    await chat.send({ type: 'update', models: init.models });
    assert.equal(await hint.isVisible(), false);
    await assertHealthy(chat);
    await chat.close();
  });

  it('looks right (screenshot in .test-output/ui/chat.png)', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Are my success metrics outcomes or outputs?');
    await answerFully(chat, question, 'a1', answer);
    const second = await ask(chat, 'And the guardrails?', 2);
    await chat.send({
      type: 'error',
      replyTo: second.id,
      personaId: 'value',
      partialKept: false,
      code: 'rate-limited',
      message: 'The server answered 429 Too Many Requests.',
      hint: 'Wait a moment, then retry.',
      retryAfterMs: 30_000,
    });
    await chat.send({ type: 'turnComplete', replyTo: second.id });
    await chat.page.fill('#input', 'What would you measure instead?');
    const dir = join(repoRoot, '.test-output/ui');
    mkdirSync(dir, { recursive: true });
    await chat.page.screenshot({ path: join(dir, 'chat.png') });
    assert.equal(await chat.page.locator('article.failed button[data-action="retry"]').textContent(), 'Retry in 30s');
    await assertHealthy(chat);
    await chat.close();
  });

  it('loads no image from data: or another origin (img-src allows the extension only)', async () => {
    const chat = await openReady();
    // A 1x1 GIF as a data: URL, and an image on another loopback origin: the page itself tries, past the sanitizer.
    const sources = ['data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', `http://localhost:${new URL(ui.origin).port}/tracker.png`];
    const outcomes = await chat.page.evaluate(
      (srcs) =>
        Promise.all(
          srcs.map(
            (src) =>
              new Promise<string>((resolve) => {
                const image = new (globalThis as any).Image();
                image.onload = () => resolve('loaded');
                image.onerror = () => resolve('blocked');
                image.src = src;
              }),
          ),
        ),
      sources,
    );
    assert.deepEqual(outcomes, ['blocked', 'blocked']);
    const directives = (await chat.violations()).map((violation: any) => violation.directive);
    assert.deepEqual(directives, ['img-src', 'img-src']);
    await chat.close();
  });

  it('offers "Configure a model…" in the model picker, which starts the walkthrough and keeps the chosen model', async () => {
    const chat = await openReady();
    await chat.page.selectOption('#model', { label: 'Configure a model…' });
    await chat.waitForPosted('configureModel');
    assert.equal(await chat.page.inputValue('#model'), 'coach', 'the picker stays on the model in use');
    assert.deepEqual((await chat.postedOfType('choose')).filter((m) => m.modelId !== undefined), [], 'no model was chosen');
    await assertHealthy(chat);
    await chat.close();
  });

  it('marks an answer stopped by a content filter as filtered, keeping its text', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Review the pricing section');
    await chat.send({ type: 'streamStart', messageId: 'f1', replyTo: question.id, personaId: 'value', offlineCoach: false });
    await streamText(chat, 'f1', 'The first half of the answer');
    await chat.send({
      type: 'error',
      replyTo: question.id,
      messageId: 'f1',
      personaId: 'value',
      partialKept: true,
      code: 'filtered',
      message: "The server's content filter stopped this answer (finish_reason content_filter); what arrived before it is kept.",
      hint: 'Rephrase the question, or ask the server administrator about the filter.',
    });
    await chat.send({ type: 'turnComplete', replyTo: question.id });
    const article = chat.page.locator('article[data-id="f1"]');
    assert.match((await article.textContent()) ?? '', /The first half of the answer/);
    assert.match((await article.textContent()) ?? '', /Filtered/);
    assert.match((await article.textContent()) ?? '', /content filter stopped the answer/);
    await assertHealthy(chat);
    await chat.close();
  });

  it('folds the header into one summary line once the conversation begins, and remembers an unfold', async () => {
    const chat = await openReady();
    assert.equal(await chat.page.getAttribute('#header-toggle', 'aria-expanded'), 'true', 'a new conversation shows the choices');
    await ask(chat, 'Is this ready?');
    assert.equal(await chat.page.getAttribute('#header-toggle', 'aria-expanded'), 'false');
    assert.equal(await chat.page.isVisible('#persona'), false);
    assert.equal(await chat.page.textContent('#header-toggle'), '▸ 💰 Value Realization · Offline coach · Document, Findings');

    const logShare = await chat.page.evaluate(() => {
      const page = globalThis as any;
      return page.document.getElementById('log').getBoundingClientRect().height / page.innerHeight;
    });
    assert.ok(logShare > 0.7, `the conversation has ${(logShare * 100).toFixed(0)}% of the height`);

    await chat.page.click('#header-toggle');
    assert.equal(await chat.page.isVisible('#persona'), true);
    await chat.page.getByLabel('Findings').uncheck();
    assert.match((await chat.page.textContent('#header-toggle')) ?? '', /^▾ .* · Document$/);
    // Saved with the rest of the view's state (debounced), so a reopened view stays unfolded.
    await chat.page.waitForFunction(() => (globalThis as any).__test.state?.headerCollapsed === false, undefined, { timeout: 5000 });
    await assertHealthy(chat);
    await chat.close();
  });

  it('after a reload the header is folded again, over a line of the side bar, not half of it (issue 15)', async () => {
    const chat = await openReady();
    const question = await ask(chat, 'Is this ready?');
    await answerFully(chat, question, 'a1', answer);
    await chat.page.click('#header-toggle');
    await chat.page.waitForFunction(() => (globalThis as any).__test.state?.headerCollapsed === false && (globalThis as any).__test.state?.entries?.length === 2);
    const saved = await chat.savedState();
    await chat.close();
    const headerShare = (page: ChatPage['page']) =>
      page.evaluate(() => {
        const view = globalThis as any;
        return view.document.querySelector('header.toolbar').getBoundingClientRect().height / view.innerHeight;
      });

    // Hidden and shown again in the same window: the unfold the user chose stays.
    const reopened = await openWithInit(ui, { ...init, history: saved.entries }, saved);
    await reopened.page.setViewportSize({ width: 300, height: 400 });
    assert.equal(await reopened.page.getAttribute('#header-toggle', 'aria-expanded'), 'true');
    await reopened.close();

    // The window reloaded: the extension's first init says so, and the view opens on the conversation.
    const reloaded = await openWithInit(ui, { ...init, history: saved.entries, newWindow: true }, saved);
    await reloaded.page.setViewportSize({ width: 300, height: 400 });
    assert.equal(await reloaded.page.getAttribute('#header-toggle', 'aria-expanded'), 'false');
    assert.equal(await reloaded.page.isVisible('#persona'), false);
    const share = await headerShare(reloaded.page);
    assert.ok(share < 0.15, `the header takes ${(share * 100).toFixed(0)}% of a 400 px side bar`);
    await reloaded.page.waitForFunction(() => (globalThis as any).__test.state?.headerCollapsed === undefined);
    await assertHealthy(reloaded);
    await reloaded.close();
  });
});
