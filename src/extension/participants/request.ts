// What a Chat view request asks for, in the sidebar chat's terms: the slash command
// (VS Code hands it apart from the prompt), the template a `/template NAME` means, and
// for the `@persona` participant the workspace persona named by the prompt's first word.
import type { Persona } from '../../chat/personas/persona';
import type { PromptInput } from '../../chat/prompt';
import type { SlashCommand } from '../../chat/protocol';
import { findTemplate, templateNames } from '../../chat/slash';
import { BUILTIN_TEMPLATES } from '../../templates/builtin.generated';
import { expandSnippet } from '../../templates/snippet';

export const PARTICIPANT_COMMANDS = ['review', 'metrics', 'template'] as const;

export type ParsedRequest =
  | { ok: true; command?: SlashCommand; question: string; template?: PromptInput['template']; templateId?: string }
  | { ok: false; problem: string };

const firstWord = (text: string): [string, string] => {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space + 1).trim()];
};

export function parseRequest(command: string | undefined, prompt: string): ParsedRequest {
  if (command === 'review' || command === 'metrics') return { ok: true, command: { name: command }, question: prompt.trim() };
  if (command !== 'template') return { ok: true, question: prompt.trim() };
  const [name, question] = firstWord(prompt);
  const names = templateNames(BUILTIN_TEMPLATES).join(', ');
  if (!name) return { ok: false, problem: `Name a template after /template, one of: ${names}.` };
  const found = findTemplate(name, BUILTIN_TEMPLATES);
  if (!found) return { ok: false, problem: `There is no template "${name}". Use one of: ${names}.` };
  return {
    ok: true,
    command: { name: 'template', template: found.id },
    question,
    template: { name: found.name, text: expandSnippet(found.body).text },
    templateId: found.id,
  };
}

/** `@persona ID question`: the persona and the rest of the prompt, or undefined when the first word names none. */
export function pickPersona(personas: readonly Persona[], prompt: string): { persona: Persona; rest: string } | undefined {
  const [id, rest] = firstWord(prompt);
  const persona = personas.find((p) => p.id.toLowerCase() === id.toLowerCase());
  return persona && { persona, rest };
}
