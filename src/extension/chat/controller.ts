// The extension's half of the chat: validates every message from the view,
// runs the conversation (src/chat/session.ts) with the personas, models and
// editor context of this window, keeps the history in workspaceState, and
// carries out what the view asks for (copy, insert, export, open a link).
import * as vscode from 'vscode';
import { ChatError } from '../../chat/providers/types';
import { conversationToMarkdown, exportFileName } from '../../chat/export';
import { DEFAULT_CONTEXT, HistoryStore } from '../../chat/history';
import { chooseGrounding } from '../../chat/prompt';
import {
  findingRefSchema,
  isHttpUrl,
  parseFromWebview,
  type ConversationEntry,
  type FromWebview,
  type ToWebview,
  type UserEntry,
} from '../../chat/protocol';
import { ChatSession, type TurnContext } from '../../chat/session';
import { findTemplate, interpretMessage, templateNames } from '../../chat/slash';
import { BUILTIN_TEMPLATES } from '../../templates/builtin.generated';
import { expandSnippet } from '../../templates/snippet';
import type { EditorTracker } from './editor-context';
import type { ModelRegistry } from './models';
import type { PersonaRegistry } from './personas';
import type { ReviewDiagnostics } from './review';

/** Streamed chunks are saved at most this often; questions and finished answers at once. */
const SAVE_DELAY_MS = 1000;

export interface ChatViewHandle {
  post(message: ToWebview): void;
}

export interface ChatParts {
  history: HistoryStore;
  personas: PersonaRegistry;
  models: ModelRegistry;
  editors: EditorTracker;
  review: ReviewDiagnostics;
  log: (message: string) => void;
  /** The user sent a question (the walkthrough counts it). */
  questionSent?: () => void;
  /** "Configure a model…": the walkthrough for base URL, model and key. */
  configureModel: () => Promise<void>;
}

/**
 * Where the chat's server settings are edited. They are window scoped, so the
 * User tab applies everywhere; in a remote window the Remote tab is opened,
 * because a value there overrides the User one on that machine.
 */
export function modelSettingsCommand(remoteName: string | undefined): [string, unknown] {
  return remoteName
    ? ['workbench.action.openRemoteSettings', { query: 'outcomeLens.chat' }]
    : ['workbench.action.openSettings', 'outcomeLens.chat'];
}

/** What askAboutFinding accepts: the code action's argument. */
const askArgumentSchema = findingRefSchema.extend({ personaId: findingRefSchema.shape.ruleId.optional() });

export class ChatController implements vscode.Disposable {
  readonly session: ChatSession;
  private readonly posted = new vscode.EventEmitter<ToWebview>();
  /** Every message sent to the view (tests watch the conversation through it). */
  readonly onDidPost = this.posted.event;
  private view: ChatViewHandle | undefined;
  /** The view has loaded its script and asked for `init` since it was last (re)loaded. */
  private ready = false;
  private pendingPrefill: Extract<ToWebview, { type: 'prefill' }> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The user was told that older turns no longer fit in the saved history. */
  private toldTrimmed = false;
  /** No `init` has gone to a view since the extension started: the next one opens a new window's view. */
  private newWindow = true;
  private readonly attached = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.posted, this.attached];

  constructor(private readonly parts: ChatParts) {
    this.session = new ChatSession({
      personas: () => parts.personas.list(),
      providerFor: (modelId, ask) => parts.models.providerFor(modelId, ask),
      context: (message) => this.turnContext(message),
      post: (message) => this.post(message),
      onChange: (entries, urgent) => this.persist(entries, urgent),
      onAnswer: ({ user, answer, persona, context }) => {
        if (interpretMessage(user).command?.name !== 'review' || !context.documentUri) return;
        void parts.review
          .show(vscode.Uri.parse(context.documentUri), persona, answer.text, context.grounding.findings)
          .then((count) => parts.log(`chat: ${count} passage(s) of the review by ${persona.name} shown as diagnostics`));
      },
      notices: () => {
        const notice = parts.models.untrustedNotice();
        return notice ? [notice] : [];
      },
    });
    const loaded = parts.history.load();
    this.session.load(loaded.entries);
    if (loaded.problem) {
      parts.log(`chat: ${loaded.problem}`);
      void loaded.kept.then(() => this.offerSetAside(loaded.problem!));
    }
    this.disposables.push(
      parts.personas.onDidChange(() => this.post({ type: 'update', personas: this.personaInfos(), selectedPersonaId: this.selectedPersonaId() })),
      parts.models.onDidChange(() => this.post({ type: 'update', models: parts.models.list(), selectedModelId: this.selectedModelId() })),
    );
  }

  dispose(): void {
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      void this.parts.history.save(this.session.entries);
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** A view (re)loaded its page: it will say `ready` when its script runs. */
  attach(view: ChatViewHandle): void {
    this.view = view;
    this.ready = false;
    this.attached.fire();
  }

  detach(view: ChatViewHandle): void {
    if (this.view !== view) return;
    this.view = undefined;
    this.ready = false;
  }

  /** A hidden view loses its page; it loads again (and says `ready`) when shown. */
  hidden(): void {
    this.ready = false;
  }

  /** Resolves once a view is attached, or after `timeoutMs` (a view that never opens must not hang a command). */
  whenAttached(timeoutMs: number): Promise<boolean> {
    if (this.view) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(false);
      }, timeoutMs);
      const listener = this.attached.event(() => {
        clearTimeout(timer);
        listener.dispose();
        resolve(true);
      });
    });
  }

  /** Handles a message from the view; anything that does not match the protocol is logged and ignored. */
  async receive(data: unknown): Promise<void> {
    const parsed = parseFromWebview(data);
    if (!parsed.ok) {
      this.parts.log(`chat: ignored a message from the view: ${parsed.error}`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (error) {
      this.parts.log(`chat: "${parsed.message.type}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post(this.init());
        this.flushPrefill();
        return;
      case 'send':
        this.parts.questionSent?.();
        await this.session.send(message.message, message.modelId);
        return;
      case 'stop':
        this.session.stop(message.replyTo);
        return;
      case 'retry':
        await this.session.retry(message.replyTo, message.personaId, message.modelId);
        return;
      case 'newConversation':
        await this.newConversation(false);
        return;
      case 'choose':
        await this.parts.history.choose({ personaId: message.personaId, modelId: message.modelId, context: message.context });
        return;
      case 'copyAnswer':
        await vscode.env.clipboard.writeText(this.answerText(message.messageId, message.text));
        return;
      case 'insertAnswer':
        await this.parts.editors.insert(this.answerText(message.messageId, message.text));
        return;
      case 'exportConversation':
        await this.exportConversation();
        return;
      case 'openLink':
        // Checked again here: the schema already refuses other schemes, and this must never open one.
        if (isHttpUrl(message.url)) await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        return;
      case 'openModelSettings':
        // The view names no setting, so it can only ever open the chat's own settings.
        await vscode.commands.executeCommand(...modelSettingsCommand(vscode.env.remoteName));
        return;
      case 'configureModel':
        await this.parts.configureModel();
        return;
      default: {
        const unhandled: never = message;
        this.parts.log(`chat: unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Starts a new conversation; `tellView` when the request did not come from the view itself. */
  async newConversation(tellView: boolean): Promise<void> {
    await this.session.newConversation();
    // A new conversation starts below the limit: its own trimming deserves its own warning.
    this.toldTrimmed = false;
    this.parts.review.clear();
    if (tellView) this.post(this.init());
  }

  /** Puts a question about a finding in the view's input box, once the view is ready for it. */
  askAboutFinding(arg: unknown): boolean {
    const parsed = askArgumentSchema.safeParse(arg);
    if (!parsed.success) {
      this.parts.log(`chat: askAboutFinding was called without a finding: ${parsed.error.issues[0]?.message ?? ''}`);
      return false;
    }
    const { personaId, ...finding } = parsed.data;
    const known = personaId && this.parts.personas.list().some((persona) => persona.id === personaId);
    this.pendingPrefill = {
      type: 'prefill',
      text: 'Why is this a problem, and how would you fix it?',
      ...(known ? { personaId } : {}),
      finding,
    };
    if (known) void this.parts.history.choose({ personaId });
    this.flushPrefill();
    return true;
  }

  /** Writes the conversation as Markdown to `target`, or where the user chooses. */
  async exportConversation(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const document = await this.parts.editors.available();
    const documentName = document?.fileName;
    if (!target) {
      // Proposed beside the discussed document (else in the workspace), named after it; the user picks.
      const folder =
        document && document.uri.scheme !== 'untitled'
          ? vscode.Uri.joinPath(document.uri, '..')
          : vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = exportFileName(documentName, new Date());
      target = await vscode.window.showSaveDialog({
        title: documentName ? `Export the Conversation about ${documentName}` : 'Export Conversation',
        saveLabel: 'Export',
        filters: { Markdown: ['md'] },
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
      });
      if (!target) return undefined;
    }
    const markdown = conversationToMarkdown(this.session.entries, {
      personas: this.parts.personas.list(),
      ...(documentName ? { documentName } : {}),
    });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
    const open = 'Open';
    void vscode.window
      .showInformationMessage(`Outcome Lens: the conversation was exported to ${vscode.workspace.asRelativePath(target)}.`, open)
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(target);
      });
    return target;
  }

  private init(): ToWebview {
    const preferences = this.parts.history.preferences();
    const newWindow = this.newWindow;
    this.newWindow = false;
    return {
      type: 'init',
      personas: this.personaInfos(),
      models: this.parts.models.list(),
      selectedPersonaId: this.selectedPersonaId(),
      selectedModelId: this.selectedModelId(),
      context: preferences.context ?? DEFAULT_CONTEXT,
      templates: templateNames(BUILTIN_TEMPLATES),
      history: [...this.session.entries],
      ...(newWindow ? { newWindow } : {}),
    };
  }

  private personaInfos() {
    return this.parts.personas.list().map(({ id, name, emoji, description }) => ({ id, name, emoji, description }));
  }

  private selectedPersonaId(): string | undefined {
    const personas = this.parts.personas.list();
    const remembered = this.parts.history.preferences().personaId;
    return personas.find((persona) => persona.id === remembered)?.id ?? personas[0]?.id;
  }

  private selectedModelId(): string {
    return this.parts.models.defaultModelId(this.parts.history.preferences().modelId);
  }

  /** The answer's text as the conversation has it; the view's copy only for answers it alone knows. */
  private answerText(messageId: string, fromView: string): string {
    const entry = this.session.entries.find((candidate) => candidate.id === messageId);
    return entry?.role === 'assistant' ? entry.text : fromView;
  }

  private async turnContext(message: UserEntry): Promise<TurnContext> {
    const { command } = interpretMessage(message);
    let template: TurnContext['template'];
    if (command?.name === 'template') {
      const found = findTemplate(command.template, BUILTIN_TEMPLATES);
      if (!found) {
        throw new ChatError(
          'unknown',
          `There is no template "${command.template}".`,
          `Use one of: ${templateNames(BUILTIN_TEMPLATES).join(', ')}.`,
        );
      }
      template = { name: found.name, text: expandSnippet(found.body).text };
    }
    const available = await this.parts.editors.available();
    const grounding = chooseGrounding(message.context, command, available);
    return {
      grounding,
      ...(grounding.document?.text && available ? { documentUri: available.uri.toString() } : {}),
      ...(template ? { template } : {}),
    };
  }

  private flushPrefill(): void {
    if (!this.ready || !this.pendingPrefill) return;
    const prefill = this.pendingPrefill;
    this.pendingPrefill = undefined;
    this.post(prefill);
  }

  private post(message: ToWebview): void {
    this.view?.post(message);
    this.posted.fire(message);
  }

  private persist(entries: readonly ConversationEntry[], urgent: boolean): void {
    if (!urgent) {
      this.saveTimer ??= setTimeout(() => {
        this.saveTimer = undefined;
        void this.save(this.session.entries);
      }, SAVE_DELAY_MS);
      return;
    }
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.save(entries);
  }

  /** Saves; the first time older turns no longer fit, says so and offers an export of the whole conversation. */
  private async save(entries: readonly ConversationEntry[]): Promise<void> {
    const { dropped } = await this.parts.history.save(entries);
    if (dropped === 0 || this.toldTrimmed) return;
    this.toldTrimmed = true;
    this.parts.log(`chat: the saved history is at its limit; ${dropped} older entries are no longer saved`);
    const exportNow = 'Export Conversation…';
    const choice = await vscode.window.showWarningMessage(
      `Outcome Lens: this conversation is longer than the chat keeps across restarts; its oldest ${dropped} messages will not come back after a reload. Export it to keep all of it.`,
      exportNow,
    );
    if (choice === exportNow) await this.exportConversation();
  }

  /** Tells the user that saved entries could not be read, and offers them as a JSON file. */
  private async offerSetAside(problem: string): Promise<void> {
    const saveFile = 'Save Them to a File…';
    const choice = await vscode.window.showWarningMessage(`Outcome Lens: ${problem}.`, saveFile);
    if (choice !== saveFile) return;
    const target = await vscode.window.showSaveDialog({
      title: 'Save Unreadable Chat Entries',
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), 'outcome-lens-chat-set-aside.json'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(this.parts.history.setAside(), null, 2)}\n`));
  }
}
