// A conversation as a Markdown file: each message under a heading naming who
// spoke, answers that ended early or failed marked with what went wrong.
// Headings inside answers are pushed below the speakers' headings so the
// file's outline stays "who said what".
import type { Persona } from './personas/persona';
import { personaLabel } from './personas/persona';
import type { AssistantEntry, ConversationEntry, UserEntry } from './protocol';

export interface ExportOptions {
  personas: readonly Pick<Persona, 'id' | 'name' | 'emoji'>[];
  /** Shown under the title; defaults to now. */
  exportedAt?: Date;
}

const ENDED_EARLY: Partial<Record<AssistantEntry['status'], string>> = {
  stopped: 'Stopped',
  incomplete: 'Incomplete',
  failed: 'Failed',
};

export function conversationToMarkdown(entries: readonly ConversationEntry[], options: ExportOptions): string {
  const label = (id: string | undefined): string => {
    if (!id) return 'Outcome Lens';
    const persona = options.personas.find((candidate) => candidate.id === id);
    return persona ? personaLabel(persona) : id;
  };
  const at = (options.exportedAt ?? new Date()).toISOString().replace('T', ' ').slice(0, 16);
  const blocks = [`# Outcome Lens conversation`, `Exported ${at} UTC.`];
  if (entries.length === 0) blocks.push('_The conversation is empty._');
  for (const entry of entries) {
    blocks.push(...(entry.role === 'user' ? userBlocks(entry, label) : answerBlocks(entry, label)));
  }
  return `${blocks.join('\n\n')}\n`;
}

function userBlocks(entry: UserEntry, label: (id: string) => string): string[] {
  const about = [`To ${entry.personaIds.map(label).join(', ')}`];
  if (entry.command) about.push(`/${entry.command.name}${entry.command.name === 'template' ? ` ${entry.command.template}` : ''}`);
  if (entry.finding) {
    const line = entry.finding.line ? ` (line ${entry.finding.line})` : '';
    about.push(`about ${entry.finding.ruleId}${line}: ${entry.finding.message}`);
  }
  return ['## You', `_${escapeEmphasis(about.join(' · '))}_`, entry.text.trim()];
}

function answerBlocks(entry: AssistantEntry, label: (id: string | undefined) => string): string[] {
  const blocks = [`## ${label(entry.personaId)}`];
  if (entry.offlineCoach) blocks.push('_Offline coach: a rule-based answer, not an AI model._');
  if (entry.text.trim()) blocks.push(demoteHeadings(entry.text.trim(), 2));
  const ended = ENDED_EARLY[entry.status];
  if (ended) {
    const why = entry.error ? ` ${entry.error.message} ${entry.error.hint}` : '';
    const lead = entry.status === 'incomplete' ? 'The answer above is incomplete.' : '';
    blocks.push(`> **${ended}${entry.error ? ` (${entry.error.code})` : ''}:** ${`${lead}${why}`.trim()}`);
  }
  return blocks;
}

/** Adds `levels` to every ATX heading outside code fences, up to h6. */
export function demoteHeadings(markdown: string, levels: number): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      if (fence) {
        const closing = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
        if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined;
        return line;
      }
      fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) return line;
      return line.replace(/^(\s{0,3})(#{1,6})(?=\s|$)/, (_, indent: string, hashes: string) =>
        `${indent}${'#'.repeat(Math.min(6, hashes.length + levels))}`,
      );
    })
    .join('\n');
}

function escapeEmphasis(text: string): string {
  return text.replace(/([_*\\`])/g, '\\$1');
}
