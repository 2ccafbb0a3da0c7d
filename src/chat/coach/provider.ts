// The offline coach as a chat provider, so the chat streams its answers through
// the same path as a model's. The persona's opening goes out first, before the
// document is analysed, so the first chunk arrives at once even for a long
// document; the rest follows line by line (long lines sentence by sentence).
import { ChatError, type ChatProvider } from '../providers/types';
import { coachBody, coachOpening, COACH_LABEL, type CoachContext } from './coach';

export const OFFLINE_COACH_ID = 'offline-coach';
export const OFFLINE_COACH_LABEL = 'Offline coach (no AI model)';

/** Cuts text after each line break and, in lines longer than 80 characters, after each sentence. Joined, the chunks are the text. */
export function chunks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    if (line.length <= 80) out.push(line);
    else out.push(...(line.match(/.*?[.!?:](?:\s+|$)|.+/gs) ?? [line]));
  }
  return out;
}

function stopped(): ChatError {
  return new ChatError('cancelled', 'The answer was stopped.', 'Send the message again for a new answer.');
}

export function createOfflineCoach(context: CoachContext): ChatProvider {
  return {
    id: OFFLINE_COACH_ID,
    label: OFFLINE_COACH_LABEL,
    async *stream(request) {
      const check = () => {
        if (request.signal.aborted) throw stopped();
      };
      check();
      yield coachOpening(context.persona);
      check();
      for (const chunk of chunks(`${coachBody(context).trim()}\n\n${COACH_LABEL}\n`)) {
        check();
        yield chunk;
      }
    },
  };
}
