// The personas in VS Code's own Chat view: @value-realization and @product-owner for
// the built-ins, @persona ID for any persona, including workspace persona files (VS Code
// needs every participant declared in package.json, so files found at run time cannot
// each get their own @name). The sidebar chat stays for OpenAI-compatible servers and
// the offline coach.
import * as vscode from 'vscode';
import { BUILTIN_PERSONAS } from '../../chat/personas/builtin';
import { EditorTracker } from '../chat/editor-context';
import { PersonaRegistry } from '../chat/personas';
import { ReviewDiagnostics } from '../chat/review';
import type { LintController } from '../diagnostics';
import type { Progress } from '../progress';
import { followupsFor } from './followups';
import { createHandler, type ParticipantParts, type ParticipantTarget } from './handler';
import { APPLY_FIX_COMMAND, applyFindingFix, type FixTarget } from './links';

/** Participant ids as declared in package.json's contributes.chatParticipants. */
export const PARTICIPANTS: ReadonlyArray<{ id: string; target: ParticipantTarget; icon: string }> = [
  ...BUILTIN_PERSONAS.map((p) => ({ id: `outcomeLens.${p.id}`, target: { personaId: p.id }, icon: `${p.id}.svg` })),
  { id: 'outcomeLens.persona', target: 'workspace', icon: 'persona.svg' },
];

/** What the extension exports about the participants; the host tests drive the handlers through it. */
export interface ParticipantsApi {
  handler(participantId: string): vscode.ChatRequestHandler | undefined;
}

export function registerParticipants(context: vscode.ExtensionContext, lints: LintController, log: (message: string) => void, progress?: Progress): ParticipantsApi {
  const editors = new EditorTracker(lints);
  const review = new ReviewDiagnostics();
  const applyFix = async (target: FixTarget) => {
    const applied = await applyFindingFix(target);
    if (applied) progress?.record('fixApplied');
    return applied;
  };
  context.subscriptions.push(editors, review, vscode.commands.registerCommand(APPLY_FIX_COMMAND, applyFix));
  // Read on first use: someone who never chats here reads no persona files twice.
  let registry: PersonaRegistry | undefined;
  const parts: ParticipantParts = {
    personas: async () => {
      if (!registry) {
        registry = new PersonaRegistry(log);
        context.subscriptions.push(registry);
        await registry.reload();
      }
      return registry.list();
    },
    available: () => editors.available(),
    showReview: (uri, persona, answer) => review.show(uri, persona, answer),
    log,
  };

  const handlers = new Map<string, vscode.ChatRequestHandler>();
  for (const { id, target, icon } of PARTICIPANTS) {
    const answer = createHandler(target, parts);
    const handler: vscode.ChatRequestHandler = (...args) => {
      progress?.record('questionSent');
      return answer(...args);
    };
    handlers.set(id, handler);
    // The Chat view exists only where a chat extension provides it; linting must not depend on it.
    if (!vscode.chat?.createChatParticipant) continue;
    const participant = vscode.chat.createChatParticipant(id, handler);
    participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'personas', icon);
    participant.followupProvider = { provideFollowups: (result) => followupsFor(result) };
    context.subscriptions.push(participant);
  }
  return { handler: (participantId) => handlers.get(participantId) };
}
