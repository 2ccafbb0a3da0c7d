// The wiring to the extension: messages in are validated with the zod schemas
// of src/chat/protocol.ts and handed to one handler per type (the switch is
// exhaustive, so a new message type does not compile until it is handled);
// messages out are typed FromWebview.
import { parseToWebview, type FromWebview, type ToWebview } from '../chat/protocol';

export type Post = (message: FromWebview) => void;

type MessageOf<T extends ToWebview['type']> = Extract<ToWebview, { type: T }>;

export interface HostMessageHandlers {
  /** `init` or `update`: personas, models, choices and (with `init`) the history. */
  state(message: MessageOf<'init' | 'update'>): void;
  prefill(message: MessageOf<'prefill'>): void;
  streamStart(message: MessageOf<'streamStart'>): void;
  streamChunk(message: MessageOf<'streamChunk'>): void;
  streamEnd(message: MessageOf<'streamEnd'>): void;
  error(message: MessageOf<'error'>): void;
  turnComplete(message: MessageOf<'turnComplete'>): void;
}

/** Hands each valid message from the extension to `handlers`; invalid ones are logged and ignored. */
export function listenToHost(handlers: HostMessageHandlers): void {
  window.addEventListener('message', (event: MessageEvent) => receive(event.data, handlers));
}

function receive(data: unknown, handlers: HostMessageHandlers): void {
  const parsed = parseToWebview(data);
  if (!parsed.ok) {
    console.warn(`Outcome Lens chat: ${parsed.error}`);
    return;
  }
  const message = parsed.message;
  switch (message.type) {
    case 'init':
    case 'update':
      handlers.state(message);
      break;
    case 'prefill':
      handlers.prefill(message);
      break;
    case 'streamStart':
      handlers.streamStart(message);
      break;
    case 'streamChunk':
      handlers.streamChunk(message);
      break;
    case 'streamEnd':
      handlers.streamEnd(message);
      break;
    case 'error':
      handlers.error(message);
      break;
    case 'turnComplete':
      handlers.turnComplete(message);
      break;
    default: {
      const unhandled: never = message;
      console.warn('Outcome Lens chat: unhandled message', unhandled);
    }
  }
}
