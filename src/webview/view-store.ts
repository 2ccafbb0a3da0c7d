// The view's state and its saving: one ViewState, written through the host's
// setState in batches, plus the look-ups every part of the view needs (which
// persona and model are in effect, a persona's label, an answer by id).
import type { AssistantEntry } from '../chat/protocol';
import type { HostApi } from './host';
import { restoreState, type ViewState } from './state';

export class ViewStore {
  readonly state: ViewState;
  private saveTimer: number | undefined;

  constructor(private readonly host: HostApi) {
    this.state = restoreState(host.getState());
    // Hidden views can be discarded without warning: write the state now.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.saveNow();
    });
  }

  // Saving serializes the whole conversation, so streamed chunks are batched.
  save(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = window.setTimeout(() => this.saveNow(), 250);
  }

  private saveNow(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.host.setState(this.state);
  }

  /** The chosen persona, or the first one when the choice is no longer on offer. */
  currentPersonaId(): string | undefined {
    const { personas, personaId } = this.state;
    return personas.some((persona) => persona.id === personaId) ? personaId : personas[0]?.id;
  }

  /** The chosen model, or the first one when the choice is no longer on offer. */
  currentModelId(): string | undefined {
    const { models, modelId } = this.state;
    return models.some((model) => model.id === modelId) ? modelId : models[0]?.id;
  }

  currentPersona(): ViewState['personas'][number] | undefined {
    return this.state.personas.find((candidate) => candidate.id === this.currentPersonaId());
  }

  personaName(id: string): string {
    const persona = this.state.personas.find((candidate) => candidate.id === id);
    return persona ? personaLabel(persona) : id;
  }

  assistant(id: string): AssistantEntry | undefined {
    const entry = this.state.entries.find((candidate) => candidate.id === id);
    return entry?.role === 'assistant' ? entry : undefined;
  }
}

export function personaLabel(persona: { name: string; emoji: string }): string {
  return persona.emoji ? `${persona.emoji} ${persona.name}` : persona.name;
}
