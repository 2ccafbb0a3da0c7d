// The persona chat participants' request handler. The prompt is the sidebar chat's
// (chooseGrounding + buildMessages from src/chat/prompt), the model is the one the user
// picked in the Chat view (request.model, through the sidebar's VS Code LM provider and
// its error mapping), and the answer streams into VS Code's ChatResponseStream.
import * as vscode from 'vscode';
import { locationGlob, PERSONA_LOCATIONS } from '../../chat/personas/discovery';
import type { Persona } from '../../chat/personas/persona';
import { buildMessages, chooseGrounding, type AvailableContext } from '../../chat/prompt';
import type { ContextChoice } from '../../chat/protocol';
import { ChatError, type ChatMessage } from '../../chat/providers/types';
import { mapLmError, VsCodeLmProvider } from '../../chat/providers/vscode-lm';
import { anchorQuotes, fixButtons } from './links';
import { parseRequest, pickPersona } from './request';

/** The Chat view has no toggles: the document, the selection and the findings always go. */
const EVERYTHING: ContextChoice = { document: true, selection: true, findings: true };

export interface ParticipantParts {
  /** Built-in and workspace personas, current. */
  personas(): Promise<readonly Persona[]>;
  /** What the active (or last) Markdown editor offers, as the sidebar chat reads it. */
  available(): Promise<(AvailableContext & { uri: vscode.Uri }) | undefined>;
  /** Turns a `/review` answer's quotes into diagnostics; returns how many were found. */
  showReview(uri: vscode.Uri, persona: Persona, answer: string): Promise<number>;
  log(message: string): void;
}

export interface PersonaChatResult extends vscode.ChatResult {
  metadata: { personaId?: string; command?: string; templateId?: string; cancelled?: boolean };
}

/** Which persona a participant speaks as: a built-in by id, or `workspace` for `@persona ID ...`. */
export type ParticipantTarget = { personaId: string } | 'workspace';

export function createHandler(target: ParticipantTarget, parts: ParticipantParts): vscode.ChatRequestHandler {
  return async (request, context, stream, token): Promise<PersonaChatResult> => {
    const personas = await parts.personas();
    let persona: Persona | undefined;
    let prompt = request.prompt;
    if (target === 'workspace') {
      const picked = pickPersona(personas, request.prompt);
      if (!picked) {
        stream.markdown(personaListing(personas));
        return { metadata: {} };
      }
      ({ persona, rest: prompt } = picked);
    } else {
      persona = personas.find((p) => p.id === target.personaId);
      if (!persona) return { errorDetails: { message: `The persona "${target.personaId}" is not loaded.` }, metadata: {} };
    }

    const parsed = parseRequest(request.command, prompt);
    const metadata: PersonaChatResult['metadata'] = { personaId: persona.id, ...(request.command ? { command: request.command } : {}) };
    if (!parsed.ok) return { errorDetails: { message: parsed.problem }, metadata };
    if (parsed.templateId) metadata.templateId = parsed.templateId;

    const available = await parts.available();
    if (available) stream.progress(`Reading ${available.fileName ?? 'the document'} and its findings`);
    const grounding = chooseGrounding(EVERYTHING, parsed.command, available);
    const messages = buildMessages({
      persona,
      question: parsed.question,
      ...(parsed.command ? { command: parsed.command } : {}),
      grounding,
      ...(parsed.template ? { template: parsed.template } : {}),
      history: historyOf(context),
    });

    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    let answer = '';
    try {
      if (token.isCancellationRequested) abort.abort();
      for await (const piece of new VsCodeLmProvider(request.model).stream({ messages, signal: abort.signal })) {
        answer += piece;
        stream.markdown(piece);
      }
    } catch (error) {
      const failure = error instanceof ChatError ? error : mapLmError(error, request.model.name);
      if (failure.code === 'cancelled') return { metadata: { ...metadata, cancelled: true } };
      parts.log(`chat participant ${persona.id}: ${failure.code}: ${failure.message}`);
      return { errorDetails: { message: `${failure.message} ${failure.hint}` }, metadata };
    } finally {
      cancelled.dispose();
    }

    if (available && grounding.document?.text) {
      const document = await vscode.workspace.openTextDocument(available.uri);
      anchorQuotes(stream, document, answer);
      if (parsed.command?.name === 'review') {
        const marked = await parts.showReview(available.uri, persona, answer);
        if (marked > 0) stream.markdown(`\n\n${marked === 1 ? 'The quoted passage is' : `${marked} quoted passages are`} marked in the Problems panel.`);
      }
      if (available.findings?.length) fixButtons(stream, available.uri, available.findings);
    }
    if (parsed.templateId) {
      stream.button({ command: 'outcomeLens.newFromTemplate', title: `New document from the ${parsed.template!.name} template`, arguments: [{ templateId: parsed.templateId }] });
    }
    return { metadata };
  };
}

/** Earlier turns with this participant, as the prompt builder's history. */
function historyOf(context: vscode.ChatContext): ChatMessage[] {
  return context.history.flatMap((turn): ChatMessage[] => {
    if (turn instanceof vscode.ChatRequestTurn) return [{ role: 'user', content: turn.prompt }];
    const text = turn.response
      .map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : ''))
      .join('');
    return text ? [{ role: 'assistant', content: text }] : [];
  });
}

function personaListing(personas: readonly Persona[]): string {
  const lines = personas.map((p) => `- \`${p.id}\`: ${p.emoji ? `${p.emoji} ` : ''}${p.name}${p.source === 'builtin' ? '' : ` (${p.source})`}`);
  return [
    'Name a persona first, e.g. `@persona value-realization What would you measure?`. The personas here:',
    '',
    ...lines,
    '',
    `Add your own as files matching ${PERSONA_LOCATIONS.map((l) => `\`${locationGlob(l)}\``).join(', ')} (see docs/personas.md).`,
  ].join('\n');
}
