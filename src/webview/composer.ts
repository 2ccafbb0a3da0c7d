// The composer under the conversation: the input box with its slash-command
// hints, the finding attached by a prefill, Send and Stop, and a status line.
// Sending checks the slash command and the personas to ask, then hands the
// message on; the composer does not talk to the extension itself.
import { MESSAGE_LIMITS, type SlashCommand, type UserEntry } from '../chat/protocol';
import { CommandHints } from './command-hints';
import { parseInput } from './commands';
import { button, h, newId } from './dom';
import type { ViewStore } from './view-store';

export interface ComposerActions {
  /** A message passed the checks: send it. */
  send(message: UserEntry): void;
  stop(): void;
  busy(): boolean;
}

export class Composer {
  private readonly findingChip = h('div', { className: 'finding-chip', attrs: { id: 'finding', hidden: true } });
  private readonly input = h('textarea', {
    attrs: {
      id: 'input',
      rows: '2',
      maxlength: String(MESSAGE_LIMITS.question),
      'aria-autocomplete': 'list',
      'aria-controls': 'hints',
      'aria-describedby': 'status',
      placeholder: 'Ask about your document. Enter sends, Shift+Enter adds a line, / for commands.',
    },
  });
  private readonly hints = new CommandHints(this.input, (draft) => {
    this.store.state.draft = draft;
    this.hints.show(this.store.state.templates);
    this.store.save();
  });
  private readonly sendButton = button('Send', 'primary', { id: 'send' });
  private readonly stopButton = button('Stop', 'secondary', { id: 'stop', hidden: true, title: 'Stop the answer (Escape)' });
  private readonly status = h('p', { className: 'status', attrs: { id: 'status', 'aria-live': 'polite' } });
  readonly element = h('footer', { className: 'composer' }, [
    this.findingChip,
    this.hints.element,
    h('label', { className: 'visually-hidden', text: 'Message', attrs: { for: 'input' } }),
    this.input,
    // New and Export live in the view's title bar, as VS Code views have them.
    h('div', { className: 'row actions' }, [this.sendButton, this.stopButton]),
    this.status,
  ]);

  constructor(
    private readonly store: ViewStore,
    private readonly actions: ComposerActions,
  ) {
    this.input.addEventListener('input', () => {
      this.store.state.draft = this.input.value;
      this.hints.show(this.store.state.templates);
      this.store.save();
    });
    this.input.addEventListener('keydown', (event) => this.onInputKey(event));
    this.sendButton.addEventListener('click', () => this.send());
    this.stopButton.addEventListener('click', () => this.actions.stop());
    this.input.value = this.store.state.draft;
    this.renderFindingChip();
  }

  /** A line in the status bar under the input box. */
  say(text: string): void {
    this.status.textContent = text;
  }

  /** While a turn is busy, Stop takes the place of Send. */
  showBusy(busy: boolean): void {
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
  }

  /** Puts a question in the input box, after what the user had typed, without sending it. */
  prefill(text: string, finding: UserEntry['finding']): void {
    // Whatever the user had typed stays, above the new question.
    const draft = this.input.value.trim() ? `${this.input.value.trimEnd()}\n\n${text}` : text;
    this.input.value = draft;
    this.store.state.draft = draft;
    this.store.state.draftFinding = finding;
    this.renderFindingChip();
    this.input.focus();
    this.input.setSelectionRange(draft.length, draft.length);
    this.store.save();
  }

  private send(): void {
    const { state } = this.store;
    const text = this.input.value.trim();
    if (!text) return;
    if (this.actions.busy()) {
      this.say('An answer is still arriving. Wait for it, or press Escape to stop it.');
      return;
    }
    const parsed = parseInput(text, state.templates);
    if (!parsed.ok) {
      this.say(parsed.problem);
      return;
    }
    const personaIds = this.targetPersonas(parsed.command);
    if (personaIds.length === 0) {
      this.say(state.personas.length === 0 ? 'No personas are loaded yet.' : 'Choose at least one persona.');
      return;
    }
    const message: UserEntry = {
      role: 'user',
      id: newId(),
      text,
      personaIds,
      context: { ...state.context },
      command: parsed.command,
      finding: state.draftFinding,
      at: Date.now(),
    };
    this.input.value = '';
    state.draft = '';
    state.draftFinding = undefined;
    this.say('');
    this.hints.hide();
    this.renderFindingChip();
    this.actions.send(message);
  }

  private targetPersonas(command: SlashCommand | undefined): string[] {
    const { state } = this.store;
    const known = new Set(state.personas.map((persona) => persona.id));
    if (state.panelMode || command?.name === 'panel') {
      const chosen = state.panelPersonaIds.filter((id) => known.has(id));
      // `/panel` outside panel mode, with nobody picked yet, asks everyone.
      if (chosen.length === 0 && !state.panelMode) return [...known];
      return chosen;
    }
    const id = this.store.currentPersonaId();
    return id ? [id] : [];
  }

  private onInputKey(event: KeyboardEvent): void {
    if (this.hints.onKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  private renderFindingChip(): void {
    const finding = this.store.state.draftFinding;
    this.findingChip.hidden = !finding;
    if (!finding) return;
    const remove = button('Remove', 'link', { 'aria-label': 'Do not attach this finding' });
    remove.addEventListener('click', () => {
      this.store.state.draftFinding = undefined;
      this.renderFindingChip();
      this.store.save();
    });
    const where = finding.line ? ` (line ${finding.line})` : '';
    this.findingChip.replaceChildren(
      h('span', { text: `About ${finding.ruleId}${where}: ${finding.message}` }),
      remove,
    );
  }
}
