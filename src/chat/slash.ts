// Slash commands on the extension side. The view parses what the user types
// and sends the command with the message; here we recover the question that
// follows the command, accept messages whose command is only in the text
// (sent by other callers than the view), and resolve `/template NAME`.
import type { SlashCommand, UserEntry } from './protocol';
import type { TemplateInfo } from '../templates/template';

export type SlashParse =
  | { ok: true; command?: SlashCommand; question: string }
  | { ok: false; problem: string };

const COMMAND = /^\/(review|metrics|template|panel)(?=\s|$)\s*([\s\S]*)$/;

/**
 * Splits a leading slash command from the rest of the text. Text that only
 * looks like a command (`/etc/hosts`) is a plain question.
 */
export function parseSlash(text: string): SlashParse {
  const trimmed = text.trim();
  const match = COMMAND.exec(trimmed);
  if (!match) return { ok: true, question: trimmed };
  const name = match[1] as SlashCommand['name'];
  const rest = match[2]!.trim();
  if (name !== 'template') return { ok: true, command: { name }, question: rest };
  const [template = '', ...words] = rest.split(/\s+/);
  if (!template) return { ok: false, problem: 'Name a template after /template, e.g. /template prd.' };
  return { ok: true, command: { name, template }, question: words.join(' ') };
}

/** The command of a message (the one the view sent, else the one in its text) and its question. */
export function interpretMessage(entry: Pick<UserEntry, 'text' | 'command'>): { command?: SlashCommand; question: string } {
  const parsed = parseSlash(entry.text);
  if (!parsed.ok) return { command: entry.command, question: entry.text.trim() };
  // The view may attach a command the text does not spell (the panel toggle).
  return { command: entry.command ?? parsed.command, question: parsed.command ? parsed.question : entry.text.trim() };
}

/** The names `/template` accepts: the templates' ids, in catalogue order. */
export function templateNames(templates: readonly TemplateInfo[]): string[] {
  return templates.map((template) => template.id);
}

/**
 * The template a `/template NAME` means: by id, snippet prefix, or display
 * name, ignoring case, so `/template value-report` and `/template PRD` work.
 */
export function findTemplate(name: string, templates: readonly TemplateInfo[]): TemplateInfo | undefined {
  const wanted = name.trim().toLowerCase();
  return (
    templates.find((t) => t.id.toLowerCase() === wanted) ??
    templates.find((t) => t.prefix?.toLowerCase() === wanted) ??
    templates.find((t) => t.name.toLowerCase() === wanted)
  );
}
