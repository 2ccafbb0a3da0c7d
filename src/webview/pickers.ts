// The persona, panel, model and Include pickers, in the collapsible header.
// A change is kept in the view state and reported to the extension (`choose`).
import type { ContextChoice } from '../chat/protocol';
import { button, h } from './dom';
import { CollapsibleHeader } from './header';
import type { Post } from './host-messages';
import { personaLabel, type ViewStore } from './view-store';

/** The model picker's last option: starts "Configure a model…" instead of choosing a model. */
const CONFIGURE_MODEL = 'outcome-lens:configure-model';

const contextLabels: Record<keyof ContextChoice, string> = {
  document: 'Document',
  selection: 'Selection',
  findings: 'Findings',
};

export class Pickers {
  readonly header: CollapsibleHeader;
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

  constructor(
    private readonly store: ViewStore,
    private readonly post: Post,
  ) {
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
      this.store.state.headerCollapsed = !this.headerCollapsed();
      this.renderSummary();
      this.store.save();
    });
    this.wire();
  }

  private wire(): void {
    const { state } = this.store;
    this.personaSelect.addEventListener('change', () => {
      state.personaId = this.personaSelect.value;
      showChosenAsTitle(this.personaSelect);
      this.renderPersonaDescription();
      this.renderSummary();
      this.post({ type: 'choose', personaId: this.personaSelect.value });
      this.store.save();
    });
    this.modelSelect.addEventListener('change', () => {
      if (this.modelSelect.value === CONFIGURE_MODEL) {
        // An action, not a model: put the picker back and start the walkthrough in VS Code.
        this.modelSelect.value = this.store.currentModelId() ?? '';
        this.post({ type: 'configureModel' });
        return;
      }
      state.modelId = this.modelSelect.value;
      showChosenAsTitle(this.modelSelect);
      this.renderSummary();
      this.post({ type: 'choose', modelId: this.modelSelect.value });
      this.store.save();
    });
    this.modelHint.querySelector('button')!.addEventListener('click', () => this.post({ type: 'openModelSettings' }));
    this.panelToggle.addEventListener('click', () => {
      state.panelMode = !state.panelMode;
      this.render();
      this.store.save();
    });
    this.panelBox.addEventListener('change', () => {
      state.panelPersonaIds = [...this.panelBox.querySelectorAll('input:checked')].map(
        (box) => (box as HTMLInputElement).value,
      );
      this.renderSummary();
      this.store.save();
    });
    for (const [key, box] of Object.entries(this.contextBoxes) as [keyof ContextChoice, HTMLInputElement][]) {
      box.addEventListener('change', () => {
        state.context = { ...state.context, [key]: box.checked };
        this.renderSummary();
        this.post({ type: 'choose', context: state.context });
        this.store.save();
      });
    }
  }

  /** A prefill can name the persona to ask: it is chosen if it is on offer (and the panel is left). */
  choosePersona(personaId: string | undefined): void {
    const { state } = this.store;
    if (!personaId || !state.personas.some((persona) => persona.id === personaId)) return;
    state.personaId = personaId;
    state.panelMode = false;
    this.render();
  }

  /** Fills every picker from the view state. */
  render(): void {
    const { state } = this.store;
    const { personas, models } = state;
    const personaId = this.store.currentPersonaId();
    this.personaSelect.replaceChildren(
      ...personas.map((persona) =>
        h('option', { text: personaLabel(persona), attrs: { value: persona.id, selected: persona.id === personaId } }),
      ),
    );
    this.personaSelect.disabled = personas.length === 0;
    if (personaId) this.personaSelect.value = personaId;
    showChosenAsTitle(this.personaSelect);
    this.renderPersonaDescription();

    const chosen = new Set(state.panelPersonaIds);
    this.panelBox.replaceChildren(
      h('legend', { text: 'Panel: these personas answer in turn' }),
      ...personas.map((persona) =>
        h('label', { className: 'toggle' }, [
          h('input', { attrs: { type: 'checkbox', value: persona.id, checked: chosen.has(persona.id) } }),
          personaLabel(persona),
        ]),
      ),
    );
    this.panelBox.hidden = !state.panelMode;
    this.personaSelect.hidden = state.panelMode;
    this.panelToggle.setAttribute('aria-pressed', String(state.panelMode));

    const modelId = this.store.currentModelId();
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
      box.checked = state.context[key];
    }
    this.renderSummary();
  }

  /** Folded by the user's choice; until they make one, folded once a conversation has begun. */
  private headerCollapsed(): boolean {
    return this.store.state.headerCollapsed ?? this.store.state.entries.length > 0;
  }

  /** The header's one-line summary, and whether the pickers under it are shown. */
  renderSummary(): void {
    const { state } = this.store;
    const persona = this.store.currentPersona();
    const personas = state.panelMode ? `Panel of ${state.panelPersonaIds.length}` : persona ? personaLabel(persona) : 'No persona';
    const model = state.models.find((candidate) => candidate.id === this.store.currentModelId())?.label ?? 'No model';
    const included = (Object.keys(contextLabels) as (keyof ContextChoice)[]).filter((key) => state.context[key]);
    const context = included.length ? included.map((key) => contextLabels[key]).join(', ') : 'nothing included';
    const collapsed = this.headerCollapsed();
    this.header.render(collapsed, `${collapsed ? '▸' : '▾'} ${personas} · ${model} · ${context}`);
  }

  private renderPersonaDescription(): void {
    const persona = this.store.currentPersona();
    this.personaDescription.textContent = persona?.description ?? '';
    this.personaDescription.hidden = !persona?.description || this.store.state.panelMode;
  }
}

/** A select shows only as much of its choice as fits; the tooltip has all of it. */
function showChosenAsTitle(select: HTMLSelectElement): void {
  select.title = select.selectedOptions[0]?.text ?? '';
}
