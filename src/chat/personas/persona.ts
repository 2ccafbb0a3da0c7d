// A persona is a system prompt with a face: who answers in the chat, under
// which name and emoji, and where its instructions came from.

/** The file conventions we read personas from (see discovery.ts for where each lives). */
export type PersonaFormat = 'claude-agent' | 'vscode-agent' | 'vscode-chatmode' | 'outcome-lens';

export interface Persona {
  /** Stable kebab-case key; a workspace file with a built-in's id replaces it. */
  id: string;
  /** Display name without the emoji, e.g. "Value Realization". */
  name: string;
  /** One emoji (a grapheme cluster), or '' when the file gives none. */
  emoji: string;
  description: string;
  /** The system prompt: the Markdown body of the file. */
  instructions: string;
  /** 'builtin', or the path of the file the persona was read from. */
  source: 'builtin' | (string & {});
  format: PersonaFormat;
  /** Model the file asks for; informational, the user picks the model in the chat. */
  model?: string;
  tools?: string[];
  skills?: string[];
  /** Non-fatal warnings about the file, one sentence each. */
  problems: string[];
}

/** Something to tell a persona author about a file, fatal (errors) or not (info). */
export interface PersonaMessage {
  path: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  message: string;
}

/** "path:line: message", the shape editors and terminals turn into links. */
export function formatPersonaMessage(m: PersonaMessage): string {
  return `${m.path}${m.line === undefined ? '' : `:${m.line}`}: ${m.message}`;
}

/** "💰 Value Realization", or just the name when there is no emoji. */
export function personaLabel(p: Pick<Persona, 'emoji' | 'name'>): string {
  return p.emoji ? `${p.emoji} ${p.name}` : p.name;
}
