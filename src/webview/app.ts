// The chat view's composition root: it builds the parts and connects them.
// The view owns no model logic; it shows what the extension streams and
// reports what the user does, through the messages in src/chat/protocol.ts.
//   view-store.ts        the view state, its saving and look-ups
//   pickers.ts           persona, panel, model and Include pickers (header.ts folds them)
//   conversation-log.ts  the messages, answers rendered and streamed, their actions
//   turns.ts             answers arriving, failing, stopped and retried; the busy turn
//   composer.ts          input box, slash-command hints, Send/Stop, status line
//   host-messages.ts     validated messages from the extension, one handler per type
import type { ToWebview, UserEntry } from '../chat/protocol';
import { Composer } from './composer';
import { ConversationLog } from './conversation-log';
import type { HostApi } from './host';
import { listenToHost, type Post } from './host-messages';
import { Pickers } from './pickers';
import { Turns } from './turns';
import { ViewStore } from './view-store';

export class ChatApp {
  private readonly store: ViewStore;
  private readonly pickers: Pickers;
  private readonly log: ConversationLog;
  private readonly turns: Turns;
  private readonly composer: Composer;
  private readonly post: Post = (message) => this.host.postMessage(message);

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostApi,
  ) {
    this.store = new ViewStore(host);
    this.pickers = new Pickers(this.store, this.post);
    this.log = new ConversationLog(this.store, {
      post: this.post,
      say: (text) => this.composer.say(text),
      retry: (entry) => this.turns.retry(entry),
      busy: () => this.turns.busy,
    });
    this.turns = new Turns(this.store, this.log, this.post, () => this.updateBusy());
    this.composer = new Composer(this.store, {
      send: (message) => this.send(message),
      stop: () => this.stop(),
      busy: () => this.turns.busy,
    });
    this.root.replaceChildren(this.pickers.header.element, this.log.element, this.composer.element);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.turns.busy && !event.defaultPrevented) this.stop();
    });
    this.pickers.render();
    this.log.render();
    this.log.element.scrollTop = this.store.state.scrollTop;
    this.updateBusy();
  }

  /** Starts listening and asks the extension for the current state. */
  start(): void {
    listenToHost({
      state: (message) => this.applyState(message),
      prefill: (message) => {
        this.pickers.choosePersona(message.personaId);
        this.composer.prefill(message.text, message.finding);
      },
      streamStart: (message) =>
        this.turns.streamStart(message.messageId, message.replyTo, message.personaId, message.offlineCoach),
      streamChunk: (message) => this.turns.streamChunk(message.messageId, message.text),
      streamEnd: (message) => this.turns.finish(message.messageId, 'complete'),
      error: (message) => this.turns.showError(message),
      turnComplete: (message) => this.turns.turnComplete(message.replyTo),
    });
    this.post({ type: 'ready' });
  }

  private applyState(message: Extract<ToWebview, { type: 'init' | 'update' }>): void {
    const state = this.store.state;
    if (message.personas) state.personas = message.personas;
    if (message.models) state.models = message.models;
    if (message.templates) state.templates = message.templates;
    if (message.context) state.context = message.context;
    if (message.selectedPersonaId) state.personaId = message.selectedPersonaId;
    if (message.selectedModelId) state.modelId = message.selectedModelId;
    if (message.type === 'init' && message.history) this.turns.replaceHistory(message.history);
    // An unfold was for the last window's work; a new window opens on the conversation.
    if (message.type === 'init' && message.newWindow) delete state.headerCollapsed;
    this.pickers.render();
    this.log.render();
    this.updateBusy();
    this.store.save();
  }

  private send(message: UserEntry): void {
    this.store.state.entries.push(message);
    this.pickers.renderSummary();
    this.post({ type: 'send', message, modelId: this.store.currentModelId() });
    this.turns.begin(message.id);
    this.log.pin();
    this.log.render();
    this.updateBusy();
    this.store.save();
  }

  private stop(): void {
    if (this.turns.stop()) this.composer.say('Stopped.');
  }

  private updateBusy(): void {
    const busy = this.turns.busy;
    this.composer.showBusy(busy);
    this.root.classList.toggle('busy', busy);
    this.log.updateRetryButtons();
  }
}
