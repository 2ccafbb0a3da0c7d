// Which API key, if any, goes to the OpenAI-compatible server in use. A key
// belongs to the origin it was set for. A trusted workspace may point the chat
// at another server; the user's key goes there only after the user said yes
// for that origin, and listing models never asks (nor sends the key unasked).
// Pure, so the rules are tested without VS Code.
import { OpenAICompatibleProvider, type OpenAICompatibleOptions } from './providers/openai';
import { describeBaseUrl, originOf } from './providers/server-url';

/** The server settings in effect, and where the base URL came from. */
export interface ServerInUse {
  baseUrl: string;
  /** True when the workspace's (or folder's) settings chose the base URL. */
  fromWorkspace: boolean;
  /** The user's own base URL (user or remote settings), '' when unset. */
  userBaseUrl: string;
}

export interface KeyRing {
  /** Keys by origin (`https://api.example.com`), as set for that server. */
  byOrigin: Readonly<Record<string, string>>;
  /** A key stored before keys had origins: it belongs to the user's own server. */
  unbound?: string;
}

/** The user's answers to "send my key to this workspace's server?", by origin. */
export type KeyConsent = Readonly<Record<string, boolean>>;

export type KeyDecision =
  | { kind: 'send'; key: string }
  | { kind: 'none' }
  /** A workspace server that has no key of its own: ask before sending the user's (set for `keyOrigin`). */
  | { kind: 'ask'; origin: string; key: string; keyOrigin: string | undefined }
  | { kind: 'declined'; origin: string };

export function decideKey(server: ServerInUse, ring: KeyRing, consent: KeyConsent): KeyDecision {
  const origin = originOf(server.baseUrl);
  if (!origin) return { kind: 'none' };
  const own = ring.byOrigin[origin];
  if (own) return { kind: 'send', key: own };
  const userOrigin = originOf(server.userBaseUrl);
  const key = (userOrigin && ring.byOrigin[userOrigin]) || ring.unbound;
  if (!key) return { kind: 'none' };
  if (!server.fromWorkspace || origin === userOrigin) return { kind: 'send', key };
  const answer = consent[origin];
  if (answer === true) return { kind: 'send', key };
  if (answer === false) return { kind: 'declined', origin };
  return { kind: 'ask', origin, key, keyOrigin: userOrigin };
}

/** The key to send without asking anyone (model lists, background work). */
export function keyWithoutAsking(decision: KeyDecision): string | undefined {
  return decision.kind === 'send' ? decision.key : undefined;
}

/** Where the base URL came from, in words for the model picker and messages. */
export function serverLabel(model: string, server: ServerInUse): string {
  const where = describeBaseUrl(server.baseUrl);
  return `${model} (${where}${server.fromWorkspace ? ', from workspace settings' : ''})`;
}

/**
 * The server's model ids, or [] when it cannot list them; the failure is
 * logged with the base URL redacted (it may carry a password or a token).
 */
export async function listServerModels(
  options: OpenAICompatibleOptions,
  signal: AbortSignal,
  log: (message: string) => void,
): Promise<string[]> {
  try {
    return await new OpenAICompatibleProvider(options).listModels(signal);
  } catch (error) {
    log(`chat: could not list the models of ${describeBaseUrl(options.baseUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
