// Turns one persona file (path + text) into a Persona, or into an error that
// names the file and what is wrong with it. Pure: no file system, and nothing
// here throws on bad input.

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { Persona, PersonaFormat, PersonaMessage } from './persona';
import { repairEncoding } from './repair-encoding';

/** Larger files are not system prompts; refusing them keeps a stray dump out of every request. */
export const MAX_PERSONA_FILE_SIZE = 256 * 1024;

export function tooLargeMessage(size: number): string {
  return `is too large (${Math.ceil(size / 1024)} KB); a persona file may be at most ${MAX_PERSONA_FILE_SIZE / 1024} KB`;
}

function describeValue(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (input === null || input === undefined) return 'empty';
  if (typeof input === 'object') return 'a set of keys';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return `the number ${input}`;
  return `the value ${String(input)}`;
}

const text = z.string({ error: (iss) => `should be text, but it is ${describeValue(iss.input)}` });
const nameList = z.union([z.string(), z.array(z.string())], {
  error: (iss) => `should be a list of names or one comma-separated line, but it is ${describeValue(iss.input)}`,
});

/**
 * The front-matter keys we read. Claude Code, VS Code and other tools define
 * more (color, handoffs, argument-hint, ...); those pass through untouched.
 * Empty values (`description:` with nothing after it) count as absent.
 */
export const personaFrontMatterSchema = z.looseObject({
  id: text.nullish(),
  name: text.nullish(),
  title: text.nullish(),
  emoji: text.nullish(),
  description: text.nullish(),
  // VS Code agents may list several models in order of preference.
  model: z
    .union([z.string(), z.array(z.string())], {
      error: (iss) => `should be a model name or a list of them, but it is ${describeValue(iss.input)}`,
    })
    .nullish(),
  tools: nameList.nullish(),
  skills: nameList.nullish(),
});

export type PersonaFrontMatter = z.infer<typeof personaFrontMatterSchema>;

export type ParseResult = { ok: true; persona: Persona } | { ok: false; error: PersonaMessage };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(s: string): string {
  for (const { segment } of segmenter.segment(s)) return segment;
  return '';
}

/** Pictographs, flags and keycaps; not ©, ® or ™ typed as plain text. */
function isEmoji(grapheme: string): boolean {
  if (/\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u.test(grapheme)) return true;
  return /\p{Extended_Pictographic}/u.test(grapheme) && grapheme.codePointAt(0)! >= 0x2300;
}

/** "💰 Value Realization" -> emoji "💰", rest "Value Realization". */
export function splitLeadingEmoji(s: string): { emoji: string; rest: string } {
  const trimmed = s.trim();
  const first = firstGrapheme(trimmed);
  if (!first || !isEmoji(first)) return { emoji: '', rest: trimmed };
  return { emoji: first, rest: trimmed.slice(first.length).trim() };
}

const KEBAB = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** "value-realization" -> "Value Realization". */
function titleCase(slug: string): string {
  return slug
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file name without its folder and without the convention's suffix. */
export function personaFileBase(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/(\.agent|\.chatmode|\.persona)?\.md$/i, '');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])( *\1){2,} *$/;

interface BodyFacts {
  heading?: { text: string; line: number };
  firstParagraph?: string;
}

/** The first heading and first paragraph of the body, ignoring fenced code. */
function scanBody(lines: string[], firstLine: number): BodyFacts {
  const facts: BodyFacts = {};
  let fence: string | undefined;
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length && !facts.firstParagraph) facts.firstParagraph = paragraph.join(' ');
    paragraph = [];
  };
  for (let i = 0; i < lines.length && !(facts.heading && facts.firstParagraph); i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (fenceMatch || heading || !line.trim() || THEMATIC_BREAK.test(line)) {
      endParagraph();
      if (fenceMatch) fence = fenceMatch[1];
      if (heading?.[1] && !facts.heading) facts.heading = { text: heading[1].trim(), line: firstLine + i };
    } else if (!facts.firstParagraph) {
      paragraph.push(line.trim().replace(/^>\s*/, ''));
    }
  }
  endParagraph();
  return facts;
}

const DESCRIPTION_LIMIT = 200;

/** A one-line description from prose: emphasis markers dropped, cut at a word. */
function summarize(prose: string): string {
  const plain = prose.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= DESCRIPTION_LIMIT) return plain;
  const cut = plain.slice(0, DESCRIPTION_LIMIT);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

function toList(value: string | string[] | null | undefined): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const items = typeof value === 'string' ? value.split(',') : value;
  return items.map((s) => s.trim()).filter(Boolean);
}

interface FrontMatterSplit {
  yaml?: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  body: string[];
  bodyLine: number;
}

/** Separates `---` front matter from the body; undefined when it is never closed. */
function splitFrontMatter(lines: string[]): FrontMatterSplit | undefined {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return { yamlLine: 1, body: lines, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), yamlLine: 2, body: lines.slice(end + 1), bodyLine: end + 2 };
}

/** Where a top-level key is written, so errors can point at its line. */
function keyOffset(contents: unknown, key: PropertyKey | undefined): number | undefined {
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

type Fields = { ok: true; fm: PersonaFrontMatter; problems: string[] } | { ok: false; line?: number; message: string };

function readFrontMatter(yaml: string, yamlLine: number): Fields {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + yamlLine - 1;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { ok: false, line: lineOf(e.pos[0]), message: `front matter is not valid YAML: ${e.message}` };
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (e) {
    // toJS refuses alias bombs and similar; that is the file's fault, not ours.
    return { ok: false, line: yamlLine, message: `front matter cannot be read: ${(e as Error).message}` };
  }
  value ??= {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      line: yamlLine,
      message: `front matter should be "key: value" lines, but it is ${describeValue(value)}`,
    };
  }
  const parsed = personaFrontMatterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.path.map(String).join('.');
    return {
      ok: false,
      line: lineOf(keyOffset(doc.contents, issue.path[0]) ?? 0),
      message: `front matter key '${key}' ${issue.message}`,
    };
  }
  return { ok: true, fm: parsed.data, problems: doc.warnings.map((w) => `front matter: ${w.message}`) };
}

/** Name and emoji as the file presents them; see docs/personas.md for the order. */
function displayName(
  fm: PersonaFrontMatter,
  nameIsSlug: boolean,
  heading: string | undefined,
  base: string,
): { name: string; emoji: string; tagline?: string } {
  const fallback = titleCase(slugify(base)) || 'Persona';
  const explicit = fm.title ?? (fm.name && !nameIsSlug ? fm.name : undefined);
  if (explicit) {
    const { emoji, rest } = splitLeadingEmoji(explicit);
    return { name: rest || fallback, emoji: emoji || (heading ? splitLeadingEmoji(heading).emoji : '') };
  }
  if (heading) {
    const { emoji, rest } = splitLeadingEmoji(heading);
    // "Product Owner - Value Delivery Focus": the part after the dash is a tagline.
    const tagline = /^(.+?)\s+[-–—]\s+(.+)$/.exec(rest);
    return tagline ? { name: tagline[1], emoji, tagline: tagline[2] } : { name: rest || fallback, emoji };
  }
  return { name: nameIsSlug ? titleCase(fm.name!.trim()) : fallback, emoji: '' };
}

/** Parses one persona file. `path` is only used for naming and the file-name fallbacks. */
export function parsePersona(path: string, rawText: string, format: PersonaFormat): ParseResult {
  const fail = (message: string, line?: number): ParseResult => ({
    ok: false,
    error: line === undefined ? { path, message } : { path, line, message },
  });
  if (rawText.length > MAX_PERSONA_FILE_SIZE) return fail(tooLargeMessage(rawText.length));
  if (rawText.includes('\0')) return fail('looks like a binary file (it contains NUL bytes), not Markdown text');

  const problems: string[] = [];
  const repaired = repairEncoding(rawText.replace(/^\uFEFF/, ''));
  if (repaired.repairs.length > 0) {
    const { from, to } = repaired.repairs[0];
    problems.push(
      `repaired ${repaired.repairs.length} double-encoded character sequence(s) (UTF-8 read as Windows-1252), ` +
        `e.g. "${from}" -> "${to}"; re-save the file with the intended characters to silence this`,
    );
  }
  const replacements = repaired.text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > 0) {
    problems.push(`contains ${replacements} replacement character(s) (�); the file may not be saved as UTF-8`);
  }

  const split = splitFrontMatter(repaired.text.split(/\r?\n/));
  if (!split) return fail("front matter starts with '---' but has no closing '---' line", 1);
  let fm: PersonaFrontMatter = {};
  if (split.yaml !== undefined) {
    const fields = readFrontMatter(split.yaml, split.yamlLine);
    if (!fields.ok) return fail(fields.message, fields.line);
    fm = fields.fm;
    problems.push(...fields.problems);
  }

  const instructions = split.body.join('\n').trim();
  if (!instructions) {
    return fail('has no instructions: the Markdown body after the front matter is empty', split.bodyLine);
  }
  const body = scanBody(split.body, split.bodyLine);

  const base = personaFileBase(path);
  const nameIsSlug = !!fm.name && KEBAB.test(fm.name.trim());
  const { name, tagline, ...face } = displayName(fm, nameIsSlug, body.heading?.text, base);
  let emoji = face.emoji;
  if (fm.emoji) {
    const chosen = fm.emoji.trim();
    if (firstGrapheme(chosen) === chosen && isEmoji(chosen)) emoji = chosen;
    else problems.push(`front matter key 'emoji' should be a single emoji, but it is "${fm.emoji}"; ignored`);
  }

  if (format === 'claude-agent') {
    const missing = (['name', 'description'] as const).filter((k) => !fm[k]);
    if (missing.length) problems.push(`Claude Code needs ${missing.map((k) => `'${k}'`).join(' and ')} in the front matter`);
    if (fm.name && !nameIsSlug) problems.push(`Claude Code expects 'name' in lowercase letters and hyphens, not "${fm.name}"`);
  }

  const id = slugify(fm.id ?? fm.name ?? base) || slugify(name) || 'persona';
  const model = Array.isArray(fm.model) ? fm.model[0] : fm.model;
  const persona: Persona = {
    id,
    name,
    emoji,
    description: fm.description?.trim() || tagline || (body.firstParagraph ? summarize(body.firstParagraph) : ''),
    instructions,
    source: path,
    format,
    problems,
  };
  if (model?.trim()) persona.model = model.trim();
  const tools = toList(fm.tools);
  if (tools) persona.tools = tools;
  const skills = toList(fm.skills);
  if (skills) persona.skills = skills;
  return { ok: true, persona };
}
