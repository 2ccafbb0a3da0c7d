// A conversation as a Markdown file: each message under a heading naming who
// spoke, answers that ended early or failed marked with what went wrong.
// Headings inside answers are pushed below the speakers' headings so the
// file's outline stays "who said what". Names are said once: an answer's own
// opening "**Persona:**" line is left out under that persona's heading, and
// "To …" appears only when the personas asked change.
import { CHAT_EXPORT_TYPE } from '../engine/kind';
import type { Persona } from './personas/persona';
import { personaLabel } from './personas/persona';
import type { AssistantEntry, ConversationEntry, UserEntry } from './protocol';
import { withoutSpeakerLine } from './speaker-line';

export interface ExportOptions {
  personas: readonly Pick<Persona, 'id' | 'name' | 'emoji'>[];
  /** Shown under the title; defaults to now. */
  exportedAt?: Date;
  /** The document discussed (a workspace-relative path), named in the title. */
  documentName?: string;
}

// Kind words in a document's name ("prd-", "-business-case", "okrs-"): an export named after
// the document must not be taken for one by its name.
const KIND_WORDS = /(?:^|[-_.])(?:prds?|okrs?|kpis?|specs?|business[-_]cases?)(?=$|[-_.])/gi;

/** The file name an export proposes: the document's name without its kind words, then "chat" and the date. */
export function exportFileName(documentName: string | undefined, date: Date): string {
  const name = documentName?.split(/[\\/]/).pop()?.replace(/\.(md|markdown)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') ?? '';
  const base = name.replace(KIND_WORDS, '').replace(/^[-_.]+|[-_.]+$/g, '') || 'outcome-lens';
  return `${base}-chat-${date.toISOString().slice(0, 10)}.md`;
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
  const title = options.documentName ? `# Outcome Lens conversation about ${escapeEmphasis(options.documentName)}` : '# Outcome Lens conversation';
  // Front matter says what the file is, so linters and the kind detector pass it by.
  const frontMatter = ['---', `type: ${CHAT_EXPORT_TYPE}`, ...(options.documentName ? [`about: ${JSON.stringify(options.documentName)}`] : []), '---'].join('\n');
  const blocks = [frontMatter, title, `Exported ${at} UTC.`];
  if (entries.length === 0) blocks.push('_The conversation is empty._');
  let askedBefore = '';
  for (const entry of entries) {
    if (entry.role === 'assistant') {
      blocks.push(...answerBlocks(entry, label));
      continue;
    }
    const asked = entry.personaIds.join(',');
    blocks.push(...userBlocks(entry, label, asked !== askedBefore));
    askedBefore = asked;
  }
  return `${blocks.join('\n\n')}\n`;
}

function userBlocks(entry: UserEntry, label: (id: string) => string, newAudience: boolean): string[] {
  const about = newAudience ? [`To ${entry.personaIds.map(label).join(', ')}`] : [];
  if (entry.command) about.push(`/${entry.command.name}${entry.command.name === 'template' ? ` ${entry.command.template}` : ''}`);
  if (entry.finding) {
    const line = entry.finding.line ? ` (line ${entry.finding.line})` : '';
    about.push(`about ${entry.finding.ruleId}${line}: ${entry.finding.message}`);
  }
  return ['## You', ...(about.length ? [`_${escapeEmphasis(about.join(' · '))}_`] : []), entry.text.trim()];
}

function answerBlocks(entry: AssistantEntry, label: (id: string | undefined) => string): string[] {
  const speaker = label(entry.personaId);
  const blocks = [`## ${speaker}`];
  if (entry.offlineCoach) blocks.push('_Offline coach: a rule-based answer, not an AI model._');
  else if (entry.model) blocks.push(`_Answered by ${escapeEmphasis(entry.model)}._`);
  const text = withoutSpeakerLine(entry.text, speaker).trim();
  if (text) blocks.push(demoteHeadings(text, 2));
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
