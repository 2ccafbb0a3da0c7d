// The `outcomeLens.*` settings, defined once. scripts/generate.ts writes the
// package.json `contributes.configuration` from this; the extension reads
// settings through `readSettings`, which validates with the same schemas.
import * as z from 'zod';
import { configSchema, type OutcomeLensConfig } from '../engine/config/schema';

type Scope = 'application' | 'machine' | 'machine-overridable' | 'window' | 'resource';

export interface SettingSpec {
  schema: z.ZodType;
  default: unknown;
  scope: Scope;
  /** Ignored when it comes from an untrusted workspace's settings. */
  restricted?: boolean;
  order?: number;
}

const lint = configSchema.shape;

/** The config file's optional keys are plain settings here; keep their descriptions. */
function required<T extends z.ZodType>(optional: z.ZodOptional<T>): T {
  const inner = optional.unwrap();
  return inner.describe(optional.description ?? inner.description ?? '') as T;
}

// The chat's server settings are `window` scoped: set once in the User tab, they
// apply locally and in remote windows (code-server, SSH, WSL, Codespaces),
// where `machine` scopes ignore the User tab. A Remote tab value still wins there.
export const SETTINGS = {
  enable: { schema: z.boolean().describe('Lint product documents (PRDs, business cases) in Markdown files.'), default: true, scope: 'resource' },
  run: {
    schema: z.enum(['onType', 'onSave']).describe('Lint while typing (debounced) or only when the file is saved.'),
    default: 'onType',
    scope: 'resource',
  },
  debounceMs: {
    schema: z.number().int().min(0).max(5000).describe('Milliseconds to wait after the last keystroke before linting.'),
    default: 300,
    scope: 'resource',
  },
  lintTimeoutSeconds: {
    schema: z
      .number()
      .int()
      .min(1)
      .max(120)
      .describe('Seconds a document may take to lint before the check is stopped and the document shows one "too slow to check" finding instead. Other documents keep being checked.'),
    default: 5,
    scope: 'resource',
  },
  kind: { schema: required(lint.kind), default: 'auto', scope: 'resource' },
  rules: { schema: required(lint.rules), default: {}, scope: 'resource' },
  vanityPhrases: { schema: required(lint.vanityPhrases), default: [], scope: 'resource' },
  outputVerbs: { schema: required(lint.outputVerbs), default: [], scope: 'resource' },
  sectionAliases: { schema: required(lint.sectionAliases), default: {}, scope: 'resource' },
  'documents.include': {
    schema: z.array(z.string().min(1)).describe('Globs (relative to the workspace folder) of files always treated as product documents.'),
    default: [],
    scope: 'resource',
  },
  'documents.exclude': {
    schema: z.array(z.string().min(1)).describe('Globs (relative to the workspace folder) of files never linted.'),
    default: [],
    scope: 'resource',
  },
  'templates.folder': {
    schema: z.string().describe('Folder (relative to the workspace folder) where "New Document from Template" creates files, e.g. `docs/prd`. Empty: an untitled document.'),
    default: '',
    scope: 'resource',
  },
  'chat.provider': {
    schema: z
      .enum(['auto', 'vscode-lm', 'openai', 'offline'])
      .describe('Which model answers in the persona chat: `auto` uses a VS Code language model when one is available, else the OpenAI-compatible server when configured, else the built-in offline coach.'),
    default: 'auto',
    scope: 'window',
  },
  'chat.openai.baseUrl': {
    schema: z.string().describe('Base URL of an OpenAI-compatible server, e.g. `http://127.0.0.1:11434/v1` (Ollama) or `https://api.openai.com/v1`. The API key is set with "Outcome Lens: Set API Key" and kept in SecretStorage.'),
    default: '',
    scope: 'window',
    restricted: true,
  },
  'chat.openai.model': {
    schema: z.string().describe('Model name on the OpenAI-compatible server, e.g. `llama3.1` or `gpt-4o-mini`.'),
    default: '',
    scope: 'window',
    restricted: true,
  },
  'chat.openai.headers': {
    schema: z.record(z.string(), z.string()).describe('Extra HTTP headers for the OpenAI-compatible server (never put the API key here).'),
    default: {},
    scope: 'window',
    restricted: true,
  },
  'chat.timeoutSeconds': {
    schema: z.number().int().min(5).max(600).describe('Seconds to wait for a model to start answering, and between parts of an answer.'),
    default: 60,
    scope: 'window',
  },
  'chat.answerDeadlineSeconds': {
    schema: z
      .number()
      .int()
      .min(30)
      .max(3600)
      .describe('The longest time one answer may take from an OpenAI-compatible server, however steadily it streams; what arrived by then is kept, marked incomplete.'),
    default: 600,
    scope: 'window',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export const RESTRICTED_SETTINGS: readonly string[] = Object.entries(SETTINGS as Record<string, SettingSpec>)
  .filter(([, spec]) => spec.restricted)
  .map(([key]) => `outcomeLens.${key}`);

/**
 * Validate one raw setting value. A wrong value falls back to the default and
 * the problem is returned, so a bad setting never stops linting.
 */
export function readSetting<K extends SettingKey>(key: K, raw: unknown): { value: SettingValue<K>; problem?: string } {
  const spec = SETTINGS[key] as SettingSpec;
  if (raw === undefined) return { value: spec.default as SettingValue<K> };
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data as SettingValue<K> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? `.${issue.path.map(String).join('.')}` : '';
  return { value: spec.default as SettingValue<K>, problem: `outcomeLens.${key}${where}: ${issue?.message ?? 'invalid value'}` };
}

/** The lint part of the settings (a config file near the document overrides it), read through `get`. */
export function lintSettings(get: <K extends SettingKey>(key: K) => SettingValue<K>): OutcomeLensConfig {
  const kind = get('kind');
  return {
    rules: get('rules'),
    vanityPhrases: get('vanityPhrases'),
    outputVerbs: get('outputVerbs'),
    sectionAliases: get('sectionAliases'),
    documents: { include: get('documents.include'), exclude: get('documents.exclude') },
    ...(kind === 'auto' ? {} : { kind }),
  };
}
