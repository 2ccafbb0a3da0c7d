// A conversation exported to Markdown: who said what, under headings, with
// failures and offline-coach answers marked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { micromark } from 'micromark';
import { BUILTIN_PERSONAS } from '../../../src/chat/personas/builtin';
import { conversationToMarkdown, demoteHeadings, exportFileName } from '../../../src/chat/export';
import { lint } from '../../../src/engine';
import type { ConversationEntry } from '../../../src/chat/protocol';

const context = { document: true, selection: false, findings: true };
const at = new Date('2025-03-04T05:06:07Z');

const conversation: ConversationEntry[] = [
  { role: 'user', id: 'u1', text: 'Are these metrics outcomes?', personaIds: ['value-realization', 'product-owner'], context, command: { name: 'panel' }, at: 1 },
  { role: 'assistant', id: 'a1', replyTo: 'u1', personaId: 'value-realization', text: '**💰 Value Realization:**\n\n# Verdict\n\nNot yet.', status: 'complete', offlineCoach: true },
  {
    role: 'assistant',
    id: 'a2',
    replyTo: 'u1',
    personaId: 'product-owner',
    text: 'I would start with',
    status: 'incomplete',
    offlineCoach: false,
    model: 'llama3.1 (http://127.0.0.1:11434/v1)',
    error: { code: 'cut-off', message: 'The connection closed mid-answer.', hint: 'Retry for a full answer.' },
  },
  {
    role: 'user',
    id: 'u2',
    text: 'Why is this a problem?',
    personaIds: ['value-realization'],
    context,
    finding: { ruleId: 'vanity-metric', message: '"Total sign-ups" counts people, not value', line: 15 },
    at: 2,
  },
  { role: 'assistant', id: 'a3', replyTo: 'u2', personaId: 'value-realization', text: '', status: 'failed', offlineCoach: false, error: { code: 'unauthorized', message: 'The server requires an API key (401).', hint: 'Set the API key.' } },
  { role: 'assistant', id: 'a4', replyTo: 'u2', text: '', status: 'failed', offlineCoach: false, error: { code: 'untrusted', message: 'A workspace setting was ignored.', hint: 'Trust the workspace.' } },
];

describe('conversationToMarkdown', () => {
  const markdown = conversationToMarkdown(conversation, { personas: BUILTIN_PERSONAS, exportedAt: at });

  it('puts each speaker under a heading, in order', () => {
    const headings = markdown.split('\n').filter((line) => /^#{1,2} /.test(line));
    assert.deepEqual(headings, [
      '# Outcome Lens conversation',
      '## You',
      '## 💰 Value Realization',
      '## 🧭 Product Owner',
      '## You',
      '## 💰 Value Realization',
      '## Outcome Lens',
    ]);
    assert.match(markdown, /^---\ntype: chat-export\n---\n\n# Outcome Lens conversation\n\nExported 2025-03-04 05:06 UTC\.\n/);
  });

  it('says whom a question went to, its command and its finding', () => {
    assert.match(markdown, /_To 💰 Value Realization, 🧭 Product Owner · \/panel_\n\nAre these metrics outcomes\?/);
    assert.match(markdown, /_To 💰 Value Realization · about vanity-metric \(line 15\): "Total sign-ups" counts people, not value_/);
  });

  it('marks offline-coach answers, says the speaker once, and keeps answers below the speakers in the outline', () => {
    assert.match(markdown, /## 💰 Value Realization\n\n_Offline coach: a rule-based answer, not an AI model\._\n\n### Verdict/);
    assert.doesNotMatch(markdown, /\*\*💰 Value Realization:\*\*/, 'the answer does not repeat its heading');
  });

  it('names the discussed document in the title, and the audience only when it changes', () => {
    const same: ConversationEntry[] = [
      { role: 'user', id: 'q1', text: 'First?', personaIds: ['value-realization'], context, at: 1 },
      { role: 'user', id: 'q2', text: 'Second?', personaIds: ['value-realization'], context, at: 2 },
    ];
    const text = conversationToMarkdown(same, { personas: BUILTIN_PERSONAS, exportedAt: at, documentName: 'docs/checkout_prd.md' });
    assert.match(text, /^---\ntype: chat-export\nabout: "docs\/checkout_prd\.md"\n---\n\n# Outcome Lens conversation about docs\/checkout\\_prd\.md\n/);
    assert.equal(text.match(/_To 💰 Value Realization_/g)?.length, 1);
    assert.equal(exportFileName('docs/checkout prd.md', at), 'checkout-chat-2025-03-04.md');
    assert.equal(exportFileName(undefined, at), 'outcome-lens-chat-2025-03-04.md');
  });

  it('is never taken for the product document it discusses: by its front matter or by its name', () => {
    const prd = 'docs/prd-invoice-reminders.md';
    const name = exportFileName(prd, at);
    assert.equal(name, 'invoice-reminders-chat-2025-03-04.md', 'no kind word left in the name');
    assert.equal(exportFileName('q3_OKRs.md', at), 'q3-chat-2025-03-04.md');
    assert.equal(exportFileName('business-case-crm.md', at), 'crm-chat-2025-03-04.md');
    assert.equal(exportFileName('prd.md', at), 'outcome-lens-chat-2025-03-04.md');
    // A conversation that quotes its PRD at length: headings, goals and metrics of its own.
    const quoting: ConversationEntry[] = [
      { role: 'user', id: 'q', text: 'Review this.', personaIds: ['value-realization'], context, at: 1 },
      { role: 'assistant', id: 'a', replyTo: 'q', personaId: 'value-realization', status: 'complete', offlineCoach: true, text: '# PRD: Invoice reminders\n\n## Goals\n\n- Launch reminders by Q3\n\n## Success Metrics\n\n- Total sign-ups: 4,000' },
    ];
    const text = conversationToMarkdown(quoting, { personas: BUILTIN_PERSONAS, exportedAt: at, documentName: prd });
    for (const fileName of [name, 'prd-invoice-reminders-chat-2025-03-04.md']) {
      for (const setting of ['auto', 'prd'] as const) {
        const result = lint(text, { fileName, kind: setting });
        assert.equal(result.kind, 'none', `${fileName} (${setting}): ${result.kindReason}`);
        assert.match(result.kindReason, /chat-export/);
        assert.deepEqual(result.findings, []);
      }
    }
  });

  it('notes incomplete and failed answers with the error and what to do', () => {
    assert.match(markdown, /I would start with\n\n> \*\*Incomplete \(cut-off\):\*\* The answer above is incomplete\. The connection closed mid-answer\. Retry for a full answer\./);
    assert.match(markdown, /> \*\*Failed \(unauthorized\):\*\* The server requires an API key \(401\)\. Set the API key\./);
    assert.match(markdown, /## Outcome Lens\n\n> \*\*Failed \(untrusted\):\*\*/);
  });

  it('is Markdown whose headings render as headings', () => {
    // The front matter is metadata (VS Code's preview and GitHub do not render it as text).
    const html = micromark(markdown.replace(/^---\n[^]*?\n---\n/, ''));
    assert.equal((html.match(/<h2>/g) ?? []).length, 6);
    assert.match(html, /<h3>Verdict<\/h3>/);
  });

  it('names the model behind each answer: the offline coach as such, a model by its picker name (issue 15)', () => {
    assert.match(markdown, /## 🧭 Product Owner\n\n_Answered by llama3\.1 \(http:\/\/127\.0\.0\.1:11434\/v1\)\._\n\nI would start with/);
    assert.doesNotMatch(markdown, /## 💰 Value Realization\n\n_Answered by/, 'the coach is named as the coach, not as a model');
  });

  it('exports an empty conversation with a note', () => {
    assert.match(conversationToMarkdown([], { personas: [], exportedAt: at }), /_The conversation is empty\._\n$/);
  });

  it('names a persona that is no longer loaded by its id', () => {
    assert.match(conversationToMarkdown(conversation.slice(0, 2), { personas: [], exportedAt: at }), /## value-realization/);
  });
});

describe('demoteHeadings', () => {
  it('moves ATX headings down, up to h6, outside code fences only', () => {
    const text = '# One\n#### Four\n###### Six\n```md\n# not a heading\n```\n~~~\n# still code\n~~~~\n#hashtag\n## Two';
    assert.equal(demoteHeadings(text, 2), '### One\n###### Four\n###### Six\n```md\n# not a heading\n```\n~~~\n# still code\n~~~~\n#hashtag\n#### Two');
  });

  it('an info string does not close a fence', () => {
    assert.equal(demoteHeadings('```\n```js\n# code\n```\n# h', 1), '```\n```js\n# code\n```\n## h');
  });
});
