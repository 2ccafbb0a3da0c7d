// Template sources: a Markdown file whose front matter describes the template
// and whose body is a VS Code snippet. Built-ins (templates/*.md) must describe
// themselves fully; workspace templates (.outcome-lens/templates/*.md) may say
// nothing at all about themselves.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod';
import { snippetStops, validateSnippet, type SnippetProblem } from './snippet';

export const PERSONAS = {
  'value-realization': 'Value Realization',
  'product-owner': 'Product Owner',
} as const;
export type PersonaId = keyof typeof PERSONAS;

export const TEMPLATE_KINDS = ['prd', 'business-case', 'okr', 'none'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** What the picker, the snippets file and the docs need to know about a template. */
export interface TemplateInfo {
  /** Built-ins: the file name; workspace templates: `workspace:<file name>`. */
  id: string;
  name: string;
  description: string;
  kind: TemplateKind;
  /** Built-ins only: whose way of working the template follows. */
  persona?: PersonaId;
  /** Built-ins only: the snippet prefix. */
  prefix?: string;
  /** The tab stop that holds the document title, pre-filled when the user gives one. */
  titleStop?: number;
  /** VS Code snippet syntax, `\n` line ends. */
  body: string;
  source: 'builtin' | 'workspace';
  /** Workspace templates: the path it was read from, as given to the parser. */
  fileName?: string;
}

export interface BuiltinTemplate extends TemplateInfo {
  source: 'builtin';
  persona: PersonaId;
  prefix: string;
  /** Position in the catalogue. */
  order: number;
  /** Realistic text for every tab stop, keyed by its number, so tests can fill a template in. */
  examples: Record<number, string>;
}

const slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use lower-case words joined by "-"');
const oneLine = z.string().trim().min(1).regex(/^[^\n]*$/, 'must be a single line');
// YAML reads `3: 12` as a number; examples are text either way
const exampleValue = z.union([z.string(), z.number()]).transform(String);

const builtinSchema = z
  .object({
    id: slug,
    name: oneLine,
    description: oneLine,
    persona: z.enum(Object.keys(PERSONAS) as [PersonaId, ...PersonaId[]]),
    kind: z.enum(TEMPLATE_KINDS),
    prefix: slug,
    order: z.number().int().nonnegative(),
    titleStop: z.number().int().positive().optional(),
    examples: z.record(z.string().regex(/^[1-9][0-9]*$/, 'example keys are tab-stop numbers'), exampleValue),
  })
  .strict();

const workspaceSchema = z
  .object({
    name: oneLine.optional(),
    description: oneLine.optional(),
    kind: z.enum(TEMPLATE_KINDS).optional(),
    titleStop: z.number().int().positive().optional(),
  })
  .strict();

export interface SplitSource {
  /** The YAML between the `---` fences, undefined when there is no front matter. */
  yaml: string | undefined;
  /** The snippet: without the blank lines that follow the front matter, without trailing whitespace. */
  body: string;
  /** 1-based line of the source where `body` starts, for messages. */
  bodyLine: number;
}

/** Separates front matter from the body; drops a BOM and turns CRLF into LF. */
export function splitFrontMatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  const rest = match ? text.slice(match[0].length) : text;
  const blank = /^(?:[ \t]*\n)*/.exec(rest)![0];
  const skipped = match ? match[0] + blank : blank;
  return {
    yaml: match ? (match[1] ?? '') : undefined,
    body: rest.slice(blank.length).trimEnd(),
    bodyLine: skipped.split('\n').length,
  };
}

/** Front matter YAML starts on line 2, after the opening fence. */
const YAML_FIRST_LINE = 2;

export class TemplateError extends Error {}

function readYaml(split: SplitSource): unknown {
  if (split.yaml === undefined) return {};
  try {
    return parseYaml(split.yaml) ?? {};
  } catch (error) {
    if (error instanceof YAMLParseError && error.linePos) {
      const { line, col } = error.linePos[0];
      // yaml's own message repeats a position counted from the YAML's first line; ours counts file lines
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new TemplateError(`front matter line ${line + YAML_FIRST_LINE - 1}, column ${col}: ${message}`);
    }
    throw new TemplateError(`front matter: ${(error as Error).message}`);
  }
}

function check<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `"${issue.path.join('.')}"` : 'front matter';
  throw new TemplateError(`front matter ${where}: ${issue.message}`);
}

function describeSnippetProblem(problem: SnippetProblem, bodyLine: number): string {
  return `line ${problem.line + bodyLine - 1}, column ${problem.column}: ${problem.message}`;
}

/**
 * Reads a built-in template source. Throws a TemplateError naming the problem
 * (front matter, snippet syntax, examples that do not match the tab stops).
 */
export function parseBuiltinTemplate(source: string): BuiltinTemplate {
  const split = splitFrontMatter(source);
  if (split.yaml === undefined) throw new TemplateError('a built-in template needs front matter');
  const meta = check(builtinSchema, readYaml(split));
  const body = split.body;
  const problems = validateSnippet(body);
  if (problems.length) throw new TemplateError(describeSnippetProblem(problems[0]!, split.bodyLine));
  const examples: Record<number, string> = {};
  for (const [key, value] of Object.entries(meta.examples)) examples[Number(key)] = value;
  checkExamples(body, examples);
  checkTitleStop(body, meta.titleStop);
  return {
    id: meta.id,
    name: meta.name,
    description: meta.description,
    kind: meta.kind,
    persona: meta.persona,
    prefix: meta.prefix,
    ...(meta.titleStop === undefined ? {} : { titleStop: meta.titleStop }),
    body,
    source: 'builtin',
    order: meta.order,
    examples,
  };
}

function checkTitleStop(body: string, titleStop: number | undefined): void {
  if (titleStop !== undefined && snippetStops(body).get(titleStop)?.kind !== 'placeholder') {
    throw new TemplateError(`titleStop ${titleStop} is not a placeholder ("\${${titleStop}:...}") of the body`);
  }
}

/** Every typed-in stop needs an example; a choice's example must be one of its options. */
function checkExamples(body: string, examples: Record<number, string>): void {
  const stops = snippetStops(body);
  for (const [index, stop] of stops) {
    if (index === 0) continue;
    const example = examples[index];
    if (stop.kind === 'choice') {
      if (example !== undefined && !stop.options.includes(example)) {
        throw new TemplateError(`example ${index} "${example}" is not one of the choices ${stop.options.join(', ')}`);
      }
    } else if (example === undefined) {
      throw new TemplateError(`tab stop $${index} has no example value`);
    }
  }
  for (const index of Object.keys(examples).map(Number)) {
    if (!stops.has(index)) throw new TemplateError(`example ${index} has no tab stop $${index} in the body`);
  }
}

export type WorkspaceTemplateResult =
  | { ok: true; template: TemplateInfo }
  | { ok: false; fileName: string; message: string };

/**
 * Reads a template from `.outcome-lens/templates/`. `fileName` is how the
 * template is named to the user (a workspace-relative path reads best).
 */
export function parseWorkspaceTemplate(fileName: string, source: string): WorkspaceTemplateResult {
  try {
    const split = splitFrontMatter(source);
    const meta = check(workspaceSchema, readYaml(split));
    const body = split.body;
    if (!body) throw new TemplateError('the template has no body');
    const errors = validateSnippet(body).filter((problem) => problem.severity === 'error');
    if (errors.length) throw new TemplateError(describeSnippetProblem(errors[0]!, split.bodyLine));
    checkTitleStop(body, meta.titleStop);
    const base = baseName(fileName);
    return {
      ok: true,
      template: {
        id: `workspace:${base}`,
        name: meta.name ?? base,
        description: meta.description ?? `Workspace template ${fileName}`,
        kind: meta.kind ?? 'none',
        ...(meta.titleStop === undefined ? {} : { titleStop: meta.titleStop }),
        body,
        source: 'workspace',
        fileName,
      },
    };
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, fileName, message: error.message };
    throw error;
  }
}

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.md$/i, '');
}

export interface WorkspaceTemplates {
  templates: TemplateInfo[];
  problems: { fileName: string; message: string }[];
}

/** Parses each file on its own: one malformed template never hides the others. */
export function parseWorkspaceTemplates(files: readonly { fileName: string; text: string }[]): WorkspaceTemplates {
  const templates: TemplateInfo[] = [];
  const problems: WorkspaceTemplates['problems'] = [];
  for (const file of files) {
    const result = parseWorkspaceTemplate(file.fileName, file.text);
    if (result.ok) templates.push(result.template);
    else problems.push({ fileName: result.fileName, message: result.message });
  }
  templates.sort((a, b) => a.name.localeCompare(b.name));
  return { templates, problems };
}
