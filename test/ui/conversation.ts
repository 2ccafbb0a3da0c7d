// What the browser tests share: the extension's side of a conversation (the
// `init` it sends, a sample answer) and the moves a test makes in the chat.
import assert from 'node:assert/strict';
import type { ToWebview, UserEntry } from '../../src/chat/protocol';
import type { ChatPage, Ui } from './harness';

export const init = {
  type: 'init',
  personas: [
    { id: 'value', name: 'Value Realization', emoji: '💰', description: 'Holds the team to outcomes customers feel.' },
    { id: 'owner', name: 'Product Owner', emoji: '🧭', description: 'Turns outcomes into a backlog.' },
  ],
  models: [
    { id: 'coach', label: 'Offline coach', kind: 'offline-coach' },
    { id: 'openai:llama3.1', label: 'llama3.1 (localhost)', kind: 'openai-compatible' },
  ],
  selectedPersonaId: 'value',
  selectedModelId: 'coach',
  context: { document: true, selection: false, findings: true },
  templates: ['prd', 'business-case'],
} satisfies ToWebview;

export const answer = [
  '**💰 Value Realization:** I think your success metrics are mostly outputs.\n\n',
  '## What I would change\n\n',
  '- Replace *feature shipped* with an adoption rate\n',
  '- Add a baseline for `weekly active teams`\n\n',
  '| Metric | Baseline | Target |\n',
  '| --- | ---: | ---: |\n',
  '| Activation within 7 days | 31% | 45% |\n',
  '| Churn at renewal | 12% | 8% |\n\n',
  '```ts\nconst guardrail = "support tickets per account";\n```\n',
].join('');

/** Opens the chat and answers its `ready` with `initMessage`. */
export async function openWithInit(ui: Ui, initMessage: ToWebview, seedState?: unknown): Promise<ChatPage> {
  const chat = await ui.openChat({ seedState });
  await chat.send(initMessage);
  return chat;
}

/** Types `text` and presses Enter; returns the `count`th message sent. */
export async function ask(chat: ChatPage, text: string, count = 1): Promise<UserEntry> {
  await chat.page.fill('#input', text);
  await chat.page.press('#input', 'Enter');
  return (await chat.waitForPosted('send', count)).message;
}

/** Streams `text` in chunks of `size` characters (whole code points, as a decoded stream gives them). */
export async function streamText(chat: ChatPage, messageId: string, text: string, size = 9): Promise<void> {
  const characters = Array.from(text);
  for (let at = 0; at < characters.length; at += size) {
    await chat.send({ type: 'streamChunk', messageId, text: characters.slice(at, at + size).join('') });
  }
}

export async function answerFully(chat: ChatPage, question: UserEntry, messageId: string, text: string, chunkSize?: number): Promise<void> {
  await chat.send({ type: 'streamStart', messageId, replyTo: question.id, personaId: 'value', offlineCoach: true });
  await streamText(chat, messageId, text, chunkSize);
  await chat.send({ type: 'streamEnd', messageId });
  await chat.send({ type: 'turnComplete', replyTo: question.id });
}

/** No script errors and no CSP violations on the page. */
export async function assertHealthy(chat: ChatPage): Promise<void> {
  assert.deepEqual(chat.pageErrors, []);
  assert.deepEqual(await chat.violations(), []);
}
