// The messages that cross the chat webview boundary, defined once with zod.
// Both ends validate what they receive with the parse helpers below and log and
// ignore anything that does not match, so a bug (or a hostile page) on one side
// can never put the other side into an undefined state.
//
// This file is shared by the extension (Node) and the webview bundle (browser):
// keep it free of Node, DOM and 'vscode' imports.
import * as z from 'zod';
import type { ChatErrorCode } from './providers/types';

const id = z.string().min(1).max(200);

/**
 * Upper bounds for what the view may send (a compromised or buggy page must
 * not be able to make the extension store or process unbounded data).
 */
export const MESSAGE_LIMITS = {
  /** A question typed in the chat. */
  question: 100_000,
  /** An answer's text (copy, insert). */
  answer: 1_000_000,
  /** A lint finding's message. */
  findingMessage: 2_000,
  /** Personas asked at once (a panel). */
  personas: 16,
  url: 8_192,
  /** A model's name as the picker shows it. */
  modelLabel: 1_000,
} as const;

export const chatErrorCodeSchema = z.enum([
  'unreachable',
  'bad-url',
  'unauthorized',
  'forbidden',
  'model-not-found',
  'rate-limited',
  'server-error',
  'timeout',
  'malformed-stream',
  'cut-off',
  'filtered',
  'redirected',
  'cancelled',
  'no-model',
  'consent',
  'untrusted',
  'unknown',
]);

// Fails to compile when the list above and ChatErrorCode drift apart.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const errorCodesMatch: SameKeys<z.infer<typeof chatErrorCodeSchema>, ChatErrorCode> = true;
void errorCodesMatch;

export const personaSchema = z.object({
  id,
  name: z.string().min(1),
  emoji: z.string().default(''),
  description: z.string().default(''),
});

export const modelSchema = z.object({
  id,
  label: z.string().min(1),
  /** `offline-coach` is the built-in rule-based coach, which is not an AI model. */
  kind: z.enum(['vscode-lm', 'openai-compatible', 'offline-coach']),
});

/** What goes with a question, as the user chose with the context toggles. */
export const contextChoiceSchema = z.object({
  document: z.boolean(),
  selection: z.boolean(),
  findings: z.boolean(),
});

/** A lint finding the user asks about (from the "Ask … about this" code action). */
export const findingRefSchema = z.object({
  ruleId: id,
  message: z.string().max(MESSAGE_LIMITS.findingMessage),
  /** 1-based line in the document, for display and grounding. */
  line: z.number().int().positive().optional(),
  uri: z.string().max(MESSAGE_LIMITS.url).optional(),
});

export const slashCommandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('review') }),
  z.object({ name: z.literal('metrics') }),
  z.object({ name: z.literal('template'), template: id }),
  z.object({ name: z.literal('panel') }),
]);

export const errorInfoSchema = z.object({
  code: chatErrorCodeSchema,
  message: z.string(),
  /** One sentence telling the user what to do about it. */
  hint: z.string(),
  retryAfterMs: z.number().int().nonnegative().optional(),
});

export const userEntrySchema = z.object({
  role: z.literal('user'),
  id,
  text: z.string().max(MESSAGE_LIMITS.question),
  /** One persona, or several for a panel (they answer in turn). */
  personaIds: z.array(id).min(1).max(MESSAGE_LIMITS.personas),
  context: contextChoiceSchema,
  command: slashCommandSchema.optional(),
  finding: findingRefSchema.optional(),
  /** Epoch milliseconds. */
  at: z.number(),
});

export const assistantStatusSchema = z.enum([
  'streaming',
  'complete',
  /** The user pressed stop; the partial answer is kept. */
  'stopped',
  /** The answer ended early (error or cut-off); whatever arrived is kept. */
  'incomplete',
  /** Nothing usable arrived; `error` says why. */
  'failed',
]);

export const assistantEntrySchema = z.object({
  role: z.literal('assistant'),
  id,
  /** The user message this answers. */
  replyTo: id,
  personaId: id.optional(),
  text: z.string(),
  status: assistantStatusSchema,
  /** True when the built-in offline coach wrote it: shown as "not an AI model". */
  offlineCoach: z.boolean().default(false),
  /** The model that wrote it, as the model picker names it; an export says who answered. */
  model: z.string().max(MESSAGE_LIMITS.modelLabel).optional(),
  error: errorInfoSchema.optional(),
  /** Epoch ms before which Retry stays disabled (429 retry-after). */
  retryAt: z.number().optional(),
});

export const conversationEntrySchema = z.discriminatedUnion('role', [userEntrySchema, assistantEntrySchema]);

const stateFields = {
  personas: z.array(personaSchema),
  models: z.array(modelSchema),
  selectedPersonaId: id.optional(),
  selectedModelId: id.optional(),
  context: contextChoiceSchema,
  /** Names accepted by `/template NAME`, offered as completions. */
  templates: z.array(z.string().min(1)),
};

/** Extension -> webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  /**
   * Everything the view needs, sent in answer to `ready`. When `history` is
   * present it replaces the webview's own copy (the extension's per-workspace
   * history is the source of truth); when absent the webview keeps its own.
   */
  z.object({
    type: z.literal('init'),
    ...stateFields,
    templates: stateFields.templates.default([]),
    history: z.array(conversationEntrySchema).optional(),
    /**
     * The first `init` since VS Code started or reloaded the window. The view then
     * drops layout choices kept from the last window (an unfolded header), which
     * otherwise come back over half a side bar.
     */
    newWindow: z.boolean().optional(),
  }),
  /** Personas, models or choices changed (persona file edited, model list refreshed); absent fields stay. */
  z.object({ type: z.literal('update'), ...z.object(stateFields).partial().shape }),
  /** Put a question in the input box without sending it (code action on a finding). */
  z.object({
    type: z.literal('prefill'),
    text: z.string(),
    personaId: id.optional(),
    finding: findingRefSchema.optional(),
  }),
  z.object({
    type: z.literal('streamStart'),
    messageId: id,
    replyTo: id,
    personaId: id,
    offlineCoach: z.boolean(),
  }),
  z.object({ type: z.literal('streamChunk'), messageId: id, text: z.string() }),
  z.object({ type: z.literal('streamEnd'), messageId: id }),
  /**
   * A failure for one persona's answer. `messageId` names the answer when a
   * stream had started; with `partialKept` its text stays, marked incomplete.
   */
  z.object({
    type: z.literal('error'),
    replyTo: id,
    messageId: id.optional(),
    personaId: id.optional(),
    partialKept: z.boolean(),
    ...errorInfoSchema.shape,
  }),
  /** Every persona asked by `replyTo` has answered or failed: the view is idle again. */
  z.object({ type: z.literal('turnComplete'), replyTo: id }),
]);

export const httpUrlSchema = z
  .string()
  .max(MESSAGE_LIMITS.url)
  .refine((value) => isHttpUrl(value), 'only http and https links can be opened');

/** Webview -> extension. */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The view has loaded; answer with `init`. */
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('send'),
    message: userEntrySchema,
    modelId: id.optional(),
  }),
  /** Stop the answer(s) to `replyTo`; the view has already shown them as stopped. */
  z.object({ type: z.literal('stop'), replyTo: id }),
  /** Ask again; without `personaId`, every persona of that message. */
  z.object({ type: z.literal('retry'), replyTo: id, personaId: id.optional(), modelId: id.optional() }),
  z.object({ type: z.literal('newConversation') }),
  /** The user changed a picker or toggle; remember it for next time. */
  z.object({
    type: z.literal('choose'),
    personaId: id.optional(),
    modelId: id.optional(),
    context: contextChoiceSchema.optional(),
  }),
  z.object({ type: z.literal('copyAnswer'), messageId: id, text: z.string().max(MESSAGE_LIMITS.answer) }),
  z.object({ type: z.literal('insertAnswer'), messageId: id, text: z.string().max(MESSAGE_LIMITS.answer) }),
  z.object({ type: z.literal('exportConversation') }),
  z.object({ type: z.literal('openLink'), url: httpUrlSchema }),
  /** Open the settings where models are configured (the model picker offers only the offline coach). */
  z.object({ type: z.literal('openModelSettings') }),
  /** "Configure a model…" in the model picker: the walkthrough for base URL, model and key. */
  z.object({ type: z.literal('configureModel') }),
]);

export type { ChatErrorCode };
export type Persona = z.infer<typeof personaSchema>;
export type ModelInfo = z.infer<typeof modelSchema>;
export type ContextChoice = z.infer<typeof contextChoiceSchema>;
export type FindingRef = z.infer<typeof findingRefSchema>;
export type SlashCommand = z.infer<typeof slashCommandSchema>;
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
export type UserEntry = z.infer<typeof userEntrySchema>;
export type AssistantEntry = z.infer<typeof assistantEntrySchema>;
export type AssistantStatus = z.infer<typeof assistantStatusSchema>;
export type ConversationEntry = z.infer<typeof conversationEntrySchema>;
export type ToWebview = z.infer<typeof toWebviewSchema>;
export type FromWebview = z.infer<typeof fromWebviewSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown): ParseResult<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: describeInvalid(data, result.error) };
}

function describeInvalid(data: unknown, error: z.ZodError): string {
  const type =
    typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string'
      ? `"${(data as { type: string }).type}" message`
      : 'message';
  const problems = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `invalid ${type}: ${problems.join('; ')}`;
}

/** Validates a message the webview received. */
export function parseToWebview(data: unknown): ParseResult<ToWebview> {
  return parseWith(toWebviewSchema, data);
}

/** Validates a message the extension received from the webview. */
export function parseFromWebview(data: unknown): ParseResult<FromWebview> {
  return parseWith(fromWebviewSchema, data);
}

/** True for absolute http(s) URLs, the only links the chat will open. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
