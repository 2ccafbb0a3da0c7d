// Slash commands typed in the input box: parsing and the hints shown while typing.
import type { SlashCommand } from '../chat/protocol';

export interface CommandHint {
  /** What Tab or Enter on the hint puts in the input box. */
  insert: string;
  label: string;
  description: string;
}

const commands: CommandHint[] = [
  { insert: '/review', label: '/review', description: 'Review the whole document' },
  { insert: '/metrics', label: '/metrics', description: 'Turn goals into success metrics' },
  { insert: '/template ', label: '/template NAME', description: 'Draft from a template' },
  { insert: '/panel ', label: '/panel QUESTION', description: 'Ask the panel personas in turn' },
];

export type ParsedInput = { ok: true; command?: SlashCommand } | { ok: false; problem: string };

/**
 * Reads a leading slash command. Text that only looks like one (`/etc/hosts`)
 * is sent as it is, so a question is never refused for starting with a slash.
 */
export function parseInput(text: string, templates: readonly string[]): ParsedInput {
  const typed = splitCommand(text);
  if (!typed) return { ok: true };
  const { name, rest } = typed;
  switch (name) {
    case 'review':
      return { ok: true, command: { name: 'review' } };
    case 'metrics':
      return { ok: true, command: { name: 'metrics' } };
    case 'panel':
      return { ok: true, command: { name: 'panel' } };
    default: {
      const template = rest.split(/\s+/)[0] ?? '';
      if (!template) return { ok: false, problem: templateProblem('Name a template', templates) };
      if (templates.length > 0 && !templates.includes(template)) {
        return { ok: false, problem: templateProblem(`There is no template "${template}"`, templates) };
      }
      return { ok: true, command: { name: 'template', template } };
    }
  }
}

/** A leading command name and the trimmed text after it, or undefined when the text starts with none. */
function splitCommand(text: string): { name: SlashCommand['name']; rest: string } | undefined {
  const match = /^\/(review|metrics|template|panel)(?=\s|$)\s*(.*)$/s.exec(text.trim());
  return match ? { name: match[1] as SlashCommand['name'], rest: match[2]!.trim() } : undefined;
}

/**
 * How a sent message shows: its command once, as a badge (`/template prd`),
 * and only the words typed after it, so the command is not repeated as text.
 */
export function messageForDisplay(text: string, command: SlashCommand | undefined): { badge?: string; text: string } {
  if (!command) return { text };
  const badge = command.name === 'template' ? `/template ${command.template}` : `/${command.name}`;
  const typed = splitCommand(text);
  // A command the text does not spell (a caller other than the input box) leaves the text as it is.
  if (typed?.name !== command.name) return { badge, text };
  return { badge, text: command.name === 'template' ? typed.rest.replace(/^\S+\s*/, '') : typed.rest };
}

function templateProblem(lead: string, templates: readonly string[]): string {
  return templates.length > 0 ? `${lead}: ${templates.join(', ')}.` : `${lead}, e.g. /template prd.`;
}

/** Hints for what the user is typing: command names, then template names after `/template `. */
export function hintsFor(text: string, templates: readonly string[]): CommandHint[] {
  if (!text.startsWith('/') || text.includes('\n')) return [];
  const templateArg = /^\/template\s+(\S*)$/.exec(text);
  if (templateArg) {
    const typed = templateArg[1]!;
    return templates
      .filter((name) => name.startsWith(typed) && name !== typed)
      .map((name) => ({ insert: `/template ${name}`, label: name, description: 'Template' }));
  }
  if (/\s/.test(text)) return [];
  return commands.filter((hint) => hint.insert.startsWith(text) && hint.insert.trim() !== text);
}
