// What the view keeps across being hidden, closed and reopened, through the
// host's getState/setState. Saved state is validated like any message: a
// state written by an older build, or damaged, starts the view fresh rather
// than breaking it.
import * as z from 'zod';
import {
  contextChoiceSchema,
  conversationEntrySchema,
  findingRefSchema,
  modelSchema,
  personaSchema,
} from '../chat/protocol';

export const viewStateSchema = z.object({
  version: z.literal(1),
  draft: z.string(),
  /** The finding attached to the draft by a prefill, until sent or removed. */
  draftFinding: findingRefSchema.optional(),
  scrollTop: z.number(),
  entries: z.array(conversationEntrySchema),
  personas: z.array(personaSchema),
  models: z.array(modelSchema),
  templates: z.array(z.string()),
  personaId: z.string().optional(),
  modelId: z.string().optional(),
  panelMode: z.boolean(),
  /** The user folded (true) or unfolded (false) the header; absent: folded once there is a conversation. */
  headerCollapsed: z.boolean().optional(),
  panelPersonaIds: z.array(z.string()),
  context: contextChoiceSchema,
});

export type ViewState = z.infer<typeof viewStateSchema>;

export function freshState(): ViewState {
  return {
    version: 1,
    draft: '',
    scrollTop: 0,
    entries: [],
    personas: [],
    models: [],
    templates: [],
    panelMode: false,
    panelPersonaIds: [],
    context: { document: true, selection: false, findings: true },
  };
}

/**
 * Reads saved state. An answer that was still streaming when the view went
 * away lost its remaining chunks, so it comes back marked incomplete.
 */
export function restoreState(saved: unknown): ViewState {
  const parsed = viewStateSchema.safeParse(saved);
  if (!parsed.success) {
    if (saved !== undefined && saved !== null) console.warn('Outcome Lens chat: ignoring unreadable saved state');
    return freshState();
  }
  const state = parsed.data;
  for (const entry of state.entries) {
    if (entry.role === 'assistant' && entry.status === 'streaming') {
      entry.status = 'incomplete';
      entry.error = {
        code: 'cut-off',
        message: 'The chat was closed while this answer was arriving.',
        hint: 'Retry to ask again.',
      };
    }
  }
  return state;
}
