// The webview protocol's validation, the slash-command parser and the HTML
// shell: the parts of the chat UI that need no browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHttpUrl, parseFromWebview, parseToWebview, type ToWebview, type UserEntry } from '../../src/chat/protocol';
import { buildChatHtml, chatCsp } from '../../src/chat/webview-html';
import { hintsFor, messageForDisplay, parseInput } from '../../src/webview/commands';
import { restoreState } from '../../src/webview/state';

const user: UserEntry = {
  role: 'user',
  id: 'u1',
  text: 'Review this',
  personaIds: ['value'],
  context: { document: true, selection: false, findings: true },
  at: 1,
};

describe('protocol', () => {
  it('accepts each kind of message the extension sends', () => {
    const messages: ToWebview[] = [
      {
        type: 'init',
        personas: [{ id: 'value', name: 'Value Realization', emoji: '💰', description: '' }],
        models: [{ id: 'coach', label: 'Offline coach', kind: 'offline-coach' }],
        context: user.context,
        templates: [],
        history: [{ ...user }, { role: 'assistant', id: 'a1', replyTo: 'u1', text: 'Hi', status: 'complete', offlineCoach: true }],
      },
      { type: 'update', models: [] },
      { type: 'prefill', text: 'Why?', finding: { ruleId: 'vanity-metric', message: 'page views', line: 3 } },
      { type: 'streamStart', messageId: 'a2', replyTo: 'u1', personaId: 'value', offlineCoach: false },
      { type: 'streamChunk', messageId: 'a2', text: '' },
      { type: 'streamEnd', messageId: 'a2' },
      { type: 'error', replyTo: 'u1', partialKept: false, code: 'rate-limited', message: '429', hint: 'Wait.', retryAfterMs: 2000 },
      { type: 'turnComplete', replyTo: 'u1' },
    ];
    for (const message of messages) {
      const parsed = parseToWebview(message);
      assert.equal(parsed.ok, true, parsed.ok ? '' : parsed.error);
    }
  });

  it('fills defaults the sender may leave out', () => {
    const parsed = parseToWebview({
      type: 'init',
      personas: [{ id: 'p', name: 'P' }],
      models: [],
      context: user.context,
    });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message.type === 'init' && parsed.message.personas, [
      { id: 'p', name: 'P', emoji: '', description: '' },
    ]);
    assert.deepEqual(parsed.message.type === 'init' && parsed.message.templates, []);
    // An update leaves out what did not change, and gains nothing.
    assert.deepEqual(parseToWebview({ type: 'update', models: [] }), { ok: true, message: { type: 'update', models: [] } });
  });

  it('rejects malformed messages with a readable reason', () => {
    const cases: [unknown, RegExp][] = [
      [null, /^invalid message: \(root\): /],
      [{ type: 'streamChunk', messageId: 'a' }, /^invalid "streamChunk" message: text: /],
      [{ type: 'shutdown' }, /^invalid "shutdown" message: type: /],
      [{ type: 'error', replyTo: 'u', code: 'teapot', message: '', hint: '', partialKept: false }, /code: /],
      [{ type: 'streamStart', messageId: '', replyTo: 'u', personaId: 'p', offlineCoach: false }, /messageId: /],
      [{ type: 'error', replyTo: 'u', code: 'timeout', message: '', hint: '', partialKept: false, retryAfterMs: -1 }, /retryAfterMs/],
    ];
    for (const [data, reason] of cases) {
      const parsed = parseToWebview(data);
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.error, reason);
    }
  });

  it('validates what the webview sends, and only lets http(s) links out', () => {
    assert.equal(parseFromWebview({ type: 'send', message: user, modelId: 'coach' }).ok, true);
    assert.equal(parseFromWebview({ type: 'send', message: { ...user, personaIds: [] } }).ok, false);
    assert.equal(parseFromWebview({ type: 'retry', replyTo: 'u1' }).ok, true);
    assert.deepEqual(parseFromWebview({ type: 'openModelSettings' }), { ok: true, message: { type: 'openModelSettings' } });
    assert.equal(parseFromWebview({ type: 'openLink', url: 'https://example.com/a?b=1' }).ok, true);
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'command:workbench.action.quit', '//example.com', '/relative', 'https://']) {
      assert.equal(parseFromWebview({ type: 'openLink', url }).ok, false, url);
    }
    assert.equal(isHttpUrl('HTTP://EXAMPLE.COM'), true);
  });
});

describe('slash commands', () => {
  const templates = ['prd', 'business-case'];

  it('parses the commands and leaves other text alone', () => {
    assert.deepEqual(parseInput('/review', templates), { ok: true, command: { name: 'review' } });
    assert.deepEqual(parseInput('  /metrics for goal 2', templates), { ok: true, command: { name: 'metrics' } });
    assert.deepEqual(parseInput('/panel is this ready?', templates), { ok: true, command: { name: 'panel' } });
    assert.deepEqual(parseInput('/template business-case', templates), {
      ok: true,
      command: { name: 'template', template: 'business-case' },
    });
    assert.deepEqual(parseInput('/reviewer notes', templates), { ok: true });
    assert.deepEqual(parseInput('/etc/hosts is odd', templates), { ok: true });
    assert.deepEqual(parseInput('why /review?', templates), { ok: true });
  });

  it('explains a template command it cannot send', () => {
    assert.deepEqual(parseInput('/template', templates), { ok: false, problem: 'Name a template: prd, business-case.' });
    assert.deepEqual(parseInput('/template okr', templates), {
      ok: false,
      problem: 'There is no template "okr": prd, business-case.',
    });
    // Without a list from the extension any name goes through.
    assert.deepEqual(parseInput('/template okr', []), { ok: true, command: { name: 'template', template: 'okr' } });
  });

  it('shows a sent command once: as a badge, then the words after it', () => {
    assert.deepEqual(messageForDisplay('/review focus on goals', { name: 'review' }), { badge: '/review', text: 'focus on goals' });
    assert.deepEqual(messageForDisplay('  /metrics', { name: 'metrics' }), { badge: '/metrics', text: '' });
    assert.deepEqual(messageForDisplay('/template prd for search', { name: 'template', template: 'prd' }), {
      badge: '/template prd',
      text: 'for search',
    });
    // The panel toggle sends a command the text does not spell: the text stays whole.
    assert.deepEqual(messageForDisplay('Is this ready?', { name: 'panel' }), { badge: '/panel', text: 'Is this ready?' });
    assert.deepEqual(messageForDisplay('/review it', undefined), { text: '/review it' });
  });

  it('hints commands, then template names', () => {
    assert.deepEqual(hintsFor('/', templates).map((hint) => hint.label), ['/review', '/metrics', '/template NAME', '/panel QUESTION']);
    assert.deepEqual(hintsFor('/m', templates).map((hint) => hint.insert), ['/metrics']);
    assert.deepEqual(hintsFor('/metrics', templates), []);
    assert.deepEqual(hintsFor('/template b', templates).map((hint) => hint.insert), ['/template business-case']);
    assert.deepEqual(hintsFor('hello /', templates), []);
  });
});

describe('saved view state', () => {
  it('starts fresh from missing or damaged state', () => {
    assert.deepEqual(restoreState(undefined).entries, []);
    assert.deepEqual(restoreState({ version: 1, entries: 'lots' }).entries, []);
  });

  it('marks an answer that was still streaming as incomplete', () => {
    const saved = {
      ...restoreState(undefined),
      entries: [{ ...user }, { role: 'assistant', id: 'a1', replyTo: 'u1', text: 'Half', status: 'streaming', offlineCoach: false }],
    };
    const [, answer] = restoreState(saved).entries;
    assert.equal(answer?.role === 'assistant' && answer.status, 'incomplete');
    assert.equal(answer?.role === 'assistant' && answer.error?.code, 'cut-off');
  });
});

describe('webview HTML shell', () => {
  const options = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abcdEFGH1234+/==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/chat.js?a=1&b="2"',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/chat.css',
  };

  it('puts the policy, the nonce and the escaped resource URIs in the page', () => {
    const html = buildChatHtml(options);
    const csp = chatCsp(options.cspSource, options.nonce);
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`script-src 'nonce-${options.nonce}'`));
    assert.ok(!/unsafe-(inline|eval)/.test(csp));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
    assert.ok(html.includes(`<script nonce="${options.nonce}" src="${options.scriptUri.replace('&', '&amp;').replace(/"/g, '&quot;')}"></script>`));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.doesNotMatch(html, /\son\w+=|style=/);
  });

  it('refuses a nonce or source that could break out of the policy', () => {
    assert.throws(() => buildChatHtml({ ...options, nonce: "x'; script-src *" }), /nonce/);
    assert.throws(() => buildChatHtml({ ...options, nonce: 'short' }), /nonce/);
    assert.throws(() => buildChatHtml({ ...options, cspSource: 'https://a; script-src *' }), /cspSource/);
  });
});
