// The chat view: pickers, context toggles, the conversation and the input box.
// It owns no model logic; it shows what the extension streams and reports what
// the user does, through the messages in src/chat/protocol.ts.
import {
  MESSAGE_LIMITS,
  parseToWebview,
  type AssistantEntry,
  type ContextChoice,
  type ConversationEntry,
  type ErrorInfo,
  type FromWebview,
  type SlashCommand,
  type ToWebview,
  type UserEntry,
} from '../chat/protocol';
import { errorBlock, statusBadge } from './answer-status';
import { CommandHints } from './command-hints';
import { messageForDisplay, parseInput } from './commands';
import { button, h, newId } from './dom';
import { CollapsibleHeader } from './header';
import type { HostApi } from './host';
import { renderMarkdown, StreamingMarkdown } from './markdown-view';
import { restoreState, type ViewState } from './state';

/** The model picker's last option: starts "Configure a model…" instead of choosing a model. */
const CONFIGURE_MODEL = 'outcome-lens:configure-model';

const contextLabels: Record<keyof ContextChoice, string> = {
  document: 'Document',
  selection: 'Selection',
  findings: 'Findings',
};

export class ChatApp {
  private readonly state: ViewState;
  /** The user message whose answers are still expected. */
  private busyTurn: string | undefined;
  /** Turns the user stopped: late chunks for them are dropped. */
  private readonly stoppedTurns = new Set<string>();
  private readonly articles = new Map<string, HTMLElement>();
  private readonly bodies = new Map<string, HTMLElement>();
  private readonly streams = new Map<string, StreamingMarkdown>();
  private readonly retryButtons = new Map<string, HTMLButtonElement>();
  /** Follow new output while the user is at the bottom (kept by the scroll handler, set on send). */
  private pinned = false;
  private saveTimer: number | undefined;
  private ticker: number | undefined;
  private scrollFrame: number | undefined;

  private readonly personaSelect = h('select', { attrs: { id: 'persona', 'aria-describedby': 'persona-description' } });
  private readonly personaDescription = h('p', { className: 'description', attrs: { id: 'persona-description' } });
  private readonly panelToggle = button('Panel', 'secondary', {
    id: 'panel-toggle',
    'aria-pressed': 'false',
    'aria-controls': 'panel',
    title: 'Ask several personas the same question; they answer in turn',
  });
  private readonly panelBox = h('fieldset', { className: 'panel', attrs: { id: 'panel', hidden: true } });
  private readonly modelSelect = h('select', { attrs: { id: 'model', 'aria-describedby': 'model-hint' } });
  private readonly modelHint = h('p', { className: 'description model-hint', attrs: { id: 'model-hint', hidden: true } }, [
    'No AI model yet. Use a VS Code language model (e.g. Copilot) or any OpenAI-compatible server (Ollama, LM Studio...). ',
    button('Open model settings', 'link', { id: 'model-settings', title: 'Open the outcomeLens.chat settings' }),
  ]);
  private readonly contextBoxes = {} as Record<keyof ContextChoice, HTMLInputElement>;
  private header!: CollapsibleHeader;
  private readonly log = h('section', {
    className: 'log',
    attrs: { id: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' },
  });
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
    this.state.draft = draft;
    this.hints.show(this.state.templates);
    this.save();
  });
  private readonly sendButton = button('Send', 'primary', { id: 'send' });
  private readonly stopButton = button('Stop', 'secondary', { id: 'stop', hidden: true, title: 'Stop the answer (Escape)' });
  private readonly status = h('p', { className: 'status', attrs: { id: 'status', 'aria-live': 'polite' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostApi,
  ) {
    this.state = restoreState(host.getState());
    this.layout();
    this.wire();
    this.input.value = this.state.draft;
    this.renderPickers();
    this.renderFindingChip();
    this.renderLog();
    this.log.scrollTop = this.state.scrollTop;
    this.updateBusy();
  }

  /** Starts listening and asks the extension for the current state. */
  start(): void {
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    this.post({ type: 'ready' });
  }

  private post(message: FromWebview): void {
    this.host.postMessage(message);
  }

  // ---------------------------------------------------------------- layout

  private layout(): void {
    const contextFields = (Object.keys(contextLabels) as (keyof ContextChoice)[]).map((key) => {
      const box = h('input', { attrs: { type: 'checkbox', id: `context-${key}` } });
      this.contextBoxes[key] = box;
      return h('label', { className: 'toggle' }, [box, contextLabels[key]]);
    });
    // Each field is a label and its controls; the stylesheet puts the label
    // above the controls when the view is too narrow for both on one line.
    this.header = new CollapsibleHeader([
      h('div', { className: 'field' }, [
        h('label', { text: 'Persona', attrs: { for: 'persona' } }),
        h('div', { className: 'controls' }, [this.personaSelect, this.panelToggle]),
      ]),
      this.personaDescription,
      this.panelBox,
      h('div', { className: 'field' }, [
        h('label', { text: 'Model', attrs: { for: 'model' } }),
        h('div', { className: 'controls' }, [this.modelSelect]),
      ]),
      this.modelHint,
      h('fieldset', { className: 'field context' }, [
        h('legend', { text: 'Include' }),
        h('div', { className: 'controls' }, contextFields),
      ]),
    ], () => {
      this.state.headerCollapsed = !this.headerCollapsed();
      this.renderHeader();
      this.save();
    });
    const composer = h('footer', { className: 'composer' }, [
      this.findingChip,
      this.hints.element,
      h('label', { className: 'visually-hidden', text: 'Message', attrs: { for: 'input' } }),
      this.input,
      // New and Export live in the view's title bar, as VS Code views have them.
      h('div', { className: 'row actions' }, [this.sendButton, this.stopButton]),
      this.status,
    ]);
    this.root.replaceChildren(this.header.element, this.log, composer);
  }

  private wire(): void {
    this.personaSelect.addEventListener('change', () => {
      this.state.personaId = this.personaSelect.value;
      showChosenAsTitle(this.personaSelect);
      this.renderPersonaDescription();
      this.renderHeader();
      this.post({ type: 'choose', personaId: this.personaSelect.value });
      this.save();
    });
    this.modelSelect.addEventListener('change', () => {
      if (this.modelSelect.value === CONFIGURE_MODEL) {
        // An action, not a model: put the picker back and start the walkthrough in VS Code.
        this.modelSelect.value = this.currentModelId() ?? '';
        this.post({ type: 'configureModel' });
        return;
      }
      this.state.modelId = this.modelSelect.value;
      showChosenAsTitle(this.modelSelect);
      this.renderHeader();
      this.post({ type: 'choose', modelId: this.modelSelect.value });
      this.save();
    });
    this.modelHint.querySelector('button')!.addEventListener('click', () => this.post({ type: 'openModelSettings' }));
    this.panelToggle.addEventListener('click', () => {
      this.state.panelMode = !this.state.panelMode;
      this.renderPickers();
      this.save();
    });
    this.panelBox.addEventListener('change', () => {
      this.state.panelPersonaIds = [...this.panelBox.querySelectorAll('input:checked')].map(
        (box) => (box as HTMLInputElement).value,
      );
      this.renderHeader();
      this.save();
    });
    for (const [key, box] of Object.entries(this.contextBoxes) as [keyof ContextChoice, HTMLInputElement][]) {
      box.addEventListener('change', () => {
        this.state.context = { ...this.state.context, [key]: box.checked };
        this.renderHeader();
        this.post({ type: 'choose', context: this.state.context });
        this.save();
      });
    }
    this.input.addEventListener('input', () => {
      this.state.draft = this.input.value;
      this.hints.show(this.state.templates);
      this.save();
    });
    this.input.addEventListener('keydown', (event) => this.onInputKey(event));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.busyTurn && !event.defaultPrevented) this.stop();
    });
    this.sendButton.addEventListener('click', () => this.send());
    this.stopButton.addEventListener('click', () => this.stop());
    this.log.addEventListener('click', (event) => this.onLogClick(event));
    // Middle-click would otherwise try to open the link in a new window.
    this.log.addEventListener('auxclick', (event) => {
      if ((event.target as Element).closest('a')) event.preventDefault();
    });
    this.log.addEventListener('scroll', () => {
      this.pinned = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
      this.state.scrollTop = this.log.scrollTop;
      this.save();
    });
    // Hidden views can be discarded without warning: write the state now.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.saveNow();
    });
  }

  // ------------------------------------------------------------- messages

  private receive(data: unknown): void {
    const parsed = parseToWebview(data);
    if (!parsed.ok) {
      console.warn(`Outcome Lens chat: ${parsed.error}`);
      return;
    }
    this.handle(parsed.message);
  }

  private handle(message: ToWebview): void {
    switch (message.type) {
      case 'init':
      case 'update':
        this.applyState(message);
        break;
      case 'prefill':
        this.prefill(message.text, message.personaId, message.finding);
        break;
      case 'streamStart':
        this.streamStart(message.messageId, message.replyTo, message.personaId, message.offlineCoach);
        break;
      case 'streamChunk':
        this.streamChunk(message.messageId, message.text);
        break;
      case 'streamEnd':
        this.finish(message.messageId, 'complete');
        break;
      case 'error':
        this.showError(message);
        break;
      case 'turnComplete':
        this.turnComplete(message.replyTo);
        break;
      default: {
        const unhandled: never = message;
        console.warn('Outcome Lens chat: unhandled message', unhandled);
      }
    }
  }

  private applyState(message: Extract<ToWebview, { type: 'init' | 'update' }>): void {
    const state = this.state;
    if (message.personas) state.personas = message.personas;
    if (message.models) state.models = message.models;
    if (message.templates) state.templates = message.templates;
    if (message.context) state.context = message.context;
    if (message.selectedPersonaId) state.personaId = message.selectedPersonaId;
    if (message.selectedModelId) state.modelId = message.selectedModelId;
    if (message.type === 'init' && message.history) {
      state.entries = message.history;
      this.forgetRendered();
      const streaming = state.entries.find((entry) => entry.role === 'assistant' && entry.status === 'streaming');
      this.busyTurn = streaming?.role === 'assistant' ? streaming.replyTo : undefined;
    }
    this.renderPickers();
    this.renderLog();
    this.updateBusy();
    this.save();
  }

  private prefill(text: string, personaId: string | undefined, finding: UserEntry['finding']): void {
    if (personaId && this.state.personas.some((persona) => persona.id === personaId)) {
      this.state.personaId = personaId;
      this.state.panelMode = false;
      this.renderPickers();
    }
    // Whatever the user had typed stays, above the new question.
    const draft = this.input.value.trim() ? `${this.input.value.trimEnd()}\n\n${text}` : text;
    this.input.value = draft;
    this.state.draft = draft;
    this.state.draftFinding = finding;
    this.renderFindingChip();
    this.input.focus();
    this.input.setSelectionRange(draft.length, draft.length);
    this.save();
  }

  private streamStart(messageId: string, replyTo: string, personaId: string, offlineCoach: boolean): void {
    if (this.stoppedTurns.has(replyTo)) return;
    const entry: AssistantEntry = {
      role: 'assistant',
      id: messageId,
      replyTo,
      personaId,
      text: '',
      status: 'streaming',
      offlineCoach,
    };
    this.removeEntry(messageId);
    this.insertAnswer(entry);
    this.busyTurn = replyTo;
    this.updateBusy();
    this.renderLog();
    this.save();
  }

  private streamChunk(messageId: string, text: string): void {
    const entry = this.assistant(messageId);
    const stream = this.streams.get(messageId);
    if (!entry || entry.status !== 'streaming' || !stream) return;
    entry.text += text;
    stream.append(text);
    this.followOutput();
    this.save();
  }

  private finish(messageId: string, status: AssistantEntry['status'], error?: ErrorInfo): void {
    const entry = this.assistant(messageId);
    if (!entry || entry.status !== 'streaming') return;
    entry.status = status;
    if (error) entry.error = error;
    this.streams.get(messageId)?.end();
    this.streams.delete(messageId);
    this.refreshEntry(entry);
    this.save();
  }

  private showError(message: Extract<ToWebview, { type: 'error' }>): void {
    if (this.stoppedTurns.has(message.replyTo) && message.code === 'cancelled') return;
    const error: ErrorInfo = {
      code: message.code,
      message: message.message,
      hint: message.hint,
      retryAfterMs: message.retryAfterMs,
    };
    const existing = message.messageId ? this.assistant(message.messageId) : undefined;
    if (existing && existing.status === 'streaming') {
      const keep = message.partialKept && existing.text.length > 0;
      this.setRetryAt(existing, error);
      this.finish(existing.id, keep ? 'incomplete' : 'failed', error);
    } else if (!existing) {
      const entry: AssistantEntry = {
        role: 'assistant',
        id: message.messageId ?? `error-${newId()}`,
        replyTo: message.replyTo,
        personaId: message.personaId,
        text: '',
        status: 'failed',
        offlineCoach: false,
        error,
      };
      this.setRetryAt(entry, error);
      this.insertAnswer(entry);
      this.renderLog();
    }
    this.save();
  }

  private setRetryAt(entry: AssistantEntry, error: ErrorInfo): void {
    if (error.retryAfterMs) entry.retryAt = Date.now() + error.retryAfterMs;
  }

  private turnComplete(replyTo: string): void {
    for (const entry of this.state.entries) {
      // An answer that never got its end marker did not finish.
      if (entry.role === 'assistant' && entry.replyTo === replyTo && entry.status === 'streaming') {
        this.finish(entry.id, 'incomplete', {
          code: 'cut-off',
          message: 'The answer ended without being finished.',
          hint: 'Retry to ask again.',
        });
      }
    }
    if (this.busyTurn === replyTo) this.busyTurn = undefined;
    this.updateBusy();
  }

  // -------------------------------------------------------- user actions

  private send(): void {
    const text = this.input.value.trim();
    if (!text) return;
    if (this.busyTurn) {
      this.say('An answer is still arriving. Wait for it, or press Escape to stop it.');
      return;
    }
    const parsed = parseInput(text, this.state.templates);
    if (!parsed.ok) {
      this.say(parsed.problem);
      return;
    }
    const personaIds = this.targetPersonas(parsed.command);
    if (personaIds.length === 0) {
      this.say(this.state.personas.length === 0 ? 'No personas are loaded yet.' : 'Choose at least one persona.');
      return;
    }
    const message: UserEntry = {
      role: 'user',
      id: newId(),
      text,
      personaIds,
      context: { ...this.state.context },
      command: parsed.command,
      finding: this.state.draftFinding,
      at: Date.now(),
    };
    this.state.entries.push(message);
    this.renderHeader();
    this.post({ type: 'send', message, modelId: this.currentModelId() });
    this.busyTurn = message.id;
    this.input.value = '';
    this.state.draft = '';
    this.state.draftFinding = undefined;
    this.say('');
    this.hints.hide();
    this.renderFindingChip();
    this.pinned = true;
    this.renderLog();
    this.updateBusy();
    this.save();
  }

  private targetPersonas(command: SlashCommand | undefined): string[] {
    const known = new Set(this.state.personas.map((persona) => persona.id));
    if (this.state.panelMode || command?.name === 'panel') {
      const chosen = this.state.panelPersonaIds.filter((id) => known.has(id));
      // `/panel` outside panel mode, with nobody picked yet, asks everyone.
      if (chosen.length === 0 && !this.state.panelMode) return [...known];
      return chosen;
    }
    const id = this.currentPersonaId();
    return id ? [id] : [];
  }

  private stop(): void {
    const turn = this.busyTurn;
    if (!turn) return;
    this.stoppedTurns.add(turn);
    this.post({ type: 'stop', replyTo: turn });
    for (const entry of this.state.entries) {
      if (entry.role === 'assistant' && entry.replyTo === turn) this.finish(entry.id, 'stopped');
    }
    this.busyTurn = undefined;
    this.updateBusy();
    this.say('Stopped.');
    this.save();
  }

  private retry(entry: AssistantEntry): void {
    if (this.busyTurn) return;
    this.stoppedTurns.delete(entry.replyTo);
    this.removeEntry(entry.id);
    this.post({ type: 'retry', replyTo: entry.replyTo, personaId: entry.personaId, modelId: this.currentModelId() });
    this.busyTurn = entry.replyTo;
    this.renderLog();
    this.updateBusy();
    this.save();
  }

  private onLogClick(event: MouseEvent): void {
    const target = event.target as Element;
    const link = target.closest('a');
    if (link) {
      // The webview never navigates; the extension opens http(s) links in the browser.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href) this.post({ type: 'openLink', url: href });
      return;
    }
    const action = target.closest<HTMLButtonElement>('button[data-action]');
    const article = action?.closest<HTMLElement>('article[data-id]');
    const entry = article ? this.assistant(article.dataset['id']!) : undefined;
    if (!action || !entry) return;
    switch (action.dataset['action']) {
      case 'copy':
        this.post({ type: 'copyAnswer', messageId: entry.id, text: entry.text });
        this.say('Answer copied.');
        break;
      case 'insert':
        this.post({ type: 'insertAnswer', messageId: entry.id, text: entry.text });
        break;
      case 'retry':
        this.retry(entry);
        break;
    }
  }

  private onInputKey(event: KeyboardEvent): void {
    if (this.hints.onKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  // ------------------------------------------------------------ rendering

  private renderPickers(): void {
    const { personas, models } = this.state;
    const personaId = this.currentPersonaId();
    this.personaSelect.replaceChildren(
      ...personas.map((persona) =>
        h('option', { text: personaLabel(persona), attrs: { value: persona.id, selected: persona.id === personaId } }),
      ),
    );
    this.personaSelect.disabled = personas.length === 0;
    if (personaId) this.personaSelect.value = personaId;
    showChosenAsTitle(this.personaSelect);
    this.renderPersonaDescription();

    const chosen = new Set(this.state.panelPersonaIds);
    this.panelBox.replaceChildren(
      h('legend', { text: 'Panel: these personas answer in turn' }),
      ...personas.map((persona) =>
        h('label', { className: 'toggle' }, [
          h('input', { attrs: { type: 'checkbox', value: persona.id, checked: chosen.has(persona.id) } }),
          personaLabel(persona),
        ]),
      ),
    );
    this.panelBox.hidden = !this.state.panelMode;
    this.personaSelect.hidden = this.state.panelMode;
    this.panelToggle.setAttribute('aria-pressed', String(this.state.panelMode));

    const modelId = this.currentModelId();
    const groups: [string, typeof models][] = [
      ['Built in', models.filter((model) => model.kind === 'offline-coach')],
      ['VS Code language models', models.filter((model) => model.kind === 'vscode-lm')],
      ['OpenAI-compatible server', models.filter((model) => model.kind === 'openai-compatible')],
    ];
    this.modelSelect.replaceChildren(
      ...groups
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) =>
          h(
            'optgroup',
            { attrs: { label } },
            list.map((model) =>
              h('option', {
                text: model.kind === 'offline-coach' ? `${model.label} (not an AI model)` : model.label,
                attrs: { value: model.id, selected: model.id === modelId },
              }),
            ),
          ),
        ),
    );
    if (models.length === 0) this.modelSelect.append(h('option', { text: 'No models yet', attrs: { value: '' } }));
    this.modelSelect.append(h('option', { text: 'Configure a model…', attrs: { value: CONFIGURE_MODEL } }));
    if (modelId) this.modelSelect.value = modelId;
    showChosenAsTitle(this.modelSelect);
    // With nothing but the coach to pick, say where real models come from.
    this.modelHint.hidden = models.length === 0 || models.some((model) => model.kind !== 'offline-coach');

    for (const [key, box] of Object.entries(this.contextBoxes) as [keyof ContextChoice, HTMLInputElement][]) {
      box.checked = this.state.context[key];
    }
    this.renderHeader();
  }

  /** Folded by the user's choice; until they make one, folded once a conversation has begun. */
  private headerCollapsed(): boolean {
    return this.state.headerCollapsed ?? this.state.entries.length > 0;
  }

  private renderHeader(): void {
    const persona = this.state.personas.find((candidate) => candidate.id === this.currentPersonaId());
    const personas = this.state.panelMode ? `Panel of ${this.state.panelPersonaIds.length}` : persona ? personaLabel(persona) : 'No persona';
    const model = this.state.models.find((candidate) => candidate.id === this.currentModelId())?.label ?? 'No model';
    const included = (Object.keys(contextLabels) as (keyof ContextChoice)[]).filter((key) => this.state.context[key]);
    const context = included.length ? included.map((key) => contextLabels[key]).join(', ') : 'nothing included';
    const collapsed = this.headerCollapsed();
    this.header.render(collapsed, `${collapsed ? '▸' : '▾'} ${personas} · ${model} · ${context}`);
  }

  private renderPersonaDescription(): void {
    const persona = this.state.personas.find((candidate) => candidate.id === this.currentPersonaId());
    this.personaDescription.textContent = persona?.description ?? '';
    this.personaDescription.hidden = !persona?.description || this.state.panelMode;
  }

  private currentPersonaId(): string | undefined {
    const { personas, personaId } = this.state;
    return personas.some((persona) => persona.id === personaId) ? personaId : personas[0]?.id;
  }

  private currentModelId(): string | undefined {
    const { models, modelId } = this.state;
    return models.some((model) => model.id === modelId) ? modelId : models[0]?.id;
  }

  private renderFindingChip(): void {
    const finding = this.state.draftFinding;
    this.findingChip.hidden = !finding;
    if (!finding) return;
    const remove = button('Remove', 'link', { 'aria-label': 'Do not attach this finding' });
    remove.addEventListener('click', () => {
      this.state.draftFinding = undefined;
      this.renderFindingChip();
      this.save();
    });
    const where = finding.line ? ` (line ${finding.line})` : '';
    this.findingChip.replaceChildren(
      h('span', { text: `About ${finding.ruleId}${where}: ${finding.message}` }),
      remove,
    );
  }

  private renderLog(): void {
    const entries = this.state.entries;
    if (entries.length === 0) {
      const persona = this.state.personas.find((candidate) => candidate.id === this.currentPersonaId());
      const text =
        this.state.personas.length === 0
          ? 'Loading personas…'
          : `Ask ${persona ? personaLabel(persona) : 'a persona'} about the document you are writing, or type /review.`;
      this.log.replaceChildren(h('p', { className: 'empty', text }));
      return;
    }
    this.log.replaceChildren(...entries.map((entry) => this.articles.get(entry.id) ?? this.buildEntry(entry)));
    this.followOutput();
  }

  private refreshEntry(entry: ConversationEntry): void {
    const old = this.articles.get(entry.id);
    const fresh = this.buildEntry(entry);
    old?.replaceWith(fresh);
  }

  private buildEntry(entry: ConversationEntry): HTMLElement {
    const article = entry.role === 'user' ? this.buildUser(entry) : this.buildAssistant(entry);
    article.dataset['id'] = entry.id;
    this.articles.set(entry.id, article);
    return article;
  }

  private buildUser(entry: UserEntry): HTMLElement {
    const to = entry.personaIds.map((id) => this.personaName(id)).join(', ');
    const header = h('header', {}, [h('strong', { text: 'You' }), h('span', { className: 'muted', text: ` to ${to}` })]);
    const shown = messageForDisplay(entry.text, entry.command);
    if (shown.badge) header.append(h('span', { className: 'badge', text: shown.badge }));
    const parts: Node[] = [header];
    if (shown.text) parts.push(h('p', { className: 'user-text', text: shown.text }));
    if (entry.finding) {
      parts.push(h('p', { className: 'muted', text: `About ${entry.finding.ruleId}: ${entry.finding.message}` }));
    }
    return h('article', { className: 'msg user', attrs: { 'aria-label': 'Your message' } }, parts);
  }

  private buildAssistant(entry: AssistantEntry): HTMLElement {
    const name = entry.personaId ? this.personaName(entry.personaId) : 'Outcome Lens';
    const header = h('header', {}, [h('strong', { text: name })]);
    if (entry.offlineCoach) {
      header.append(
        h('span', {
          className: 'badge coach',
          text: 'Offline coach · not an AI model',
          attrs: { title: 'Rule-based answer built from your document and its findings; no AI model was used.' },
        }),
      );
    }
    const badge = statusBadge(entry);
    if (badge) header.append(h('span', { className: `badge ${entry.status}`, text: badge }));

    const article = h('article', {
      className: `msg assistant ${entry.status}`,
      attrs: { 'aria-label': `Answer from ${name}`, 'aria-busy': entry.status === 'streaming' ? 'true' : 'false' },
    });
    article.append(header);
    if (entry.text || entry.status === 'streaming') article.append(this.bodyFor(entry));
    if (entry.error) article.append(errorBlock(entry.error, entry.status));

    const actions = h('div', { className: 'row actions' });
    if (entry.text && entry.status !== 'streaming') {
      actions.append(
        button('Copy', 'link', { 'data-action': 'copy', title: 'Copy the answer as Markdown' }),
        button('Insert', 'link', { 'data-action': 'insert', title: 'Insert the answer into the editor' }),
      );
    }
    if (badge) {
      const retry = button('Retry', 'link', { 'data-action': 'retry' });
      this.retryButtons.set(entry.id, retry);
      this.updateRetryButton(entry, retry);
      actions.append(retry);
      this.startTicker();
    }
    if (actions.childElementCount > 0) article.append(actions);
    return article;
  }

  // The body is kept across re-renders of its article, so an answer is not
  // rendered again (and a selection in it not lost) when only its status changes.
  private bodyFor(entry: AssistantEntry): HTMLElement {
    let body = this.bodies.get(entry.id);
    if (!body) {
      body = h('div', { className: 'markdown' });
      this.bodies.set(entry.id, body);
      // The header names the persona, so the body need not open with the same name.
      const speaker = entry.personaId ? this.personaName(entry.personaId) : undefined;
      if (entry.status === 'streaming') {
        const stream = new StreamingMarkdown(body, speaker);
        this.streams.set(entry.id, stream);
        if (entry.text) stream.append(entry.text);
      } else {
        renderMarkdown(body, entry.text, speaker);
      }
    }
    return body;
  }

  private updateRetryButton(entry: AssistantEntry, retry: HTMLButtonElement): boolean {
    const wait = Math.ceil(((entry.retryAt ?? 0) - Date.now()) / 1000);
    retry.textContent = wait > 0 ? `Retry in ${wait}s` : 'Retry';
    retry.disabled = wait > 0 || this.busyTurn !== undefined;
    return wait > 0;
  }

  // One timer serves every countdown; it stops when none is left.
  private startTicker(): void {
    if (this.ticker !== undefined) return;
    this.ticker = window.setInterval(() => {
      let waiting = false;
      for (const [id, retry] of this.retryButtons) {
        const entry = this.assistant(id);
        if (!entry || !retry.isConnected) this.retryButtons.delete(id);
        else waiting = this.updateRetryButton(entry, retry) || waiting;
      }
      if (!waiting) {
        window.clearInterval(this.ticker);
        this.ticker = undefined;
      }
    }, 1000);
  }

  private updateBusy(): void {
    const busy = this.busyTurn !== undefined;
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
    this.root.classList.toggle('busy', busy);
    for (const [id, retry] of this.retryButtons) {
      const entry = this.assistant(id);
      if (entry) this.updateRetryButton(entry, retry);
    }
  }

  // -------------------------------------------------------------- helpers

  private say(text: string): void {
    this.status.textContent = text;
  }

  private personaName(id: string): string {
    const persona = this.state.personas.find((candidate) => candidate.id === id);
    return persona ? personaLabel(persona) : id;
  }

  private assistant(id: string): AssistantEntry | undefined {
    const entry = this.state.entries.find((candidate) => candidate.id === id);
    return entry?.role === 'assistant' ? entry : undefined;
  }

  // An answer goes after its question and the answers already given to it.
  private insertAnswer(entry: AssistantEntry): void {
    const entries = this.state.entries;
    let at = -1;
    entries.forEach((candidate, index) => {
      if (candidate.id === entry.replyTo || (candidate.role === 'assistant' && candidate.replyTo === entry.replyTo)) {
        at = index;
      }
    });
    if (at < 0) entries.push(entry);
    else entries.splice(at + 1, 0, entry);
  }

  private removeEntry(id: string): void {
    this.state.entries = this.state.entries.filter((entry) => entry.id !== id);
    this.articles.delete(id);
    this.bodies.delete(id);
    this.streams.delete(id);
    this.retryButtons.delete(id);
  }

  private forgetRendered(): void {
    this.articles.clear();
    this.bodies.clear();
    this.streams.clear();
    this.retryButtons.clear();
  }

  // Once per frame at most: reading scrollHeight forces a layout.
  private followOutput(): void {
    if (!this.pinned || this.scrollFrame !== undefined) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = undefined;
      this.log.scrollTop = this.log.scrollHeight;
    });
  }

  // Saving serializes the whole conversation, so streamed chunks are batched.
  private save(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = window.setTimeout(() => this.saveNow(), 250);
  }

  private saveNow(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.host.setState(this.state);
  }
}

/** A select shows only as much of its choice as fits; the tooltip has all of it. */
function showChosenAsTitle(select: HTMLSelectElement): void {
  select.title = select.selectedOptions[0]?.text ?? '';
}

function personaLabel(persona: { name: string; emoji: string }): string {
  return persona.emoji ? `${persona.emoji} ${persona.name}` : persona.name;
}
