// How an answer that did not simply complete is shown: the badge in its
// header (Stopped, Incomplete, Failed, Filtered) and the error block with the
// title for its code, the message and what to do.
import type { AssistantEntry, ChatErrorCode, ErrorInfo } from '../chat/protocol';
import { h } from './dom';

const errorTitles: Record<ChatErrorCode, string> = {
  unreachable: 'Cannot reach the model server',
  'bad-url': 'The model server address is not usable',
  unauthorized: 'Not signed in to the model server (401)',
  forbidden: 'The model server refused access (403)',
  'model-not-found': 'Model not found (404)',
  'rate-limited': 'Too many requests (429)',
  'server-error': 'The model server failed',
  timeout: 'The model took too long to answer',
  'malformed-stream': 'The answer stream could not be read',
  'cut-off': 'The answer was cut off',
  filtered: "The server's content filter stopped the answer",
  redirected: 'The server tried to send the request elsewhere',
  cancelled: 'Stopped',
  'no-model': 'No language model is available',
  consent: 'Permission to use the model was not given',
  untrusted: 'Blocked in an untrusted workspace',
  unknown: 'Something went wrong',
};

// Answers that ended early carry one of these badges and offer Retry.
const endedEarly: Partial<Record<AssistantEntry['status'], string>> = {
  stopped: 'Stopped',
  incomplete: 'Incomplete',
  failed: 'Failed',
};

/** The header badge of an answer that ended early (it also offers Retry), or undefined. */
export function statusBadge(entry: AssistantEntry): string | undefined {
  return entry.error?.code === 'filtered' ? 'Filtered' : endedEarly[entry.status];
}

/** The error under an answer: what happened, then what to do. */
export function errorBlock(error: ErrorInfo, status: AssistantEntry['status']): HTMLElement {
  const lead = status === 'incomplete' ? 'The answer above is incomplete. ' : '';
  return h('div', { className: 'error', attrs: { role: 'group', 'aria-label': 'Error' } }, [
    h('p', {}, [h('strong', { text: errorTitles[error.code] }), ` ${error.message}`]),
    h('p', { className: 'hint', text: `${lead}${error.hint}` }),
  ]);
}
