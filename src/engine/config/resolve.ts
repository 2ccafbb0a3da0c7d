// Reading, validating and resolving configuration. A bad config never stops
// linting: every problem is reported with the path (and, for config files, the
// span) of the offending value, that value is dropped, and defaults fill in.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { rules } from '../rules';
import type { SectionRole, SeveritySetting, Span } from '../types';
import { configSchema, type KindSetting, type OutcomeLensConfig } from './schema';

export interface ResolvedRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Plain data (no functions, no Maps) so it can cross a worker boundary. */
export interface ResolvedConfig {
  rules: Record<string, ResolvedRule>;
  /** Extra phrases from the user; rules add them to their built-in lists. */
  vanityPhrases: string[];
  outputVerbs: string[];
  sectionAliases: Partial<Record<SectionRole, string[]>>;
  documents: { include: string[]; exclude: string[] };
  kind: KindSetting;
}

export interface ConfigProblem {
  message: string;
  /** JSON path of the offending value, e.g. ['rules', 'vanity-metric']. */
  path: Array<string | number>;
  /** Where in the config text, when it came from a file. */
  span?: Span;
}

export interface ParsedConfig {
  /** The valid part of the configuration. */
  config: OutcomeLensConfig;
  problems: ConfigProblem[];
}

type Path = Array<string | number>;

export function formatPath(path: Path): string {
  return path.length === 0 ? '(root)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function removeAt(root: unknown, path: Path): boolean {
  if (path.length === 0) return false;
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === null || typeof parent !== 'object') return false;
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<string | number, unknown>)[last];
  return true;
}

function describeIssue(issue: z.core.$ZodIssue, path: Path): string {
  if (path[0] === 'rules' && path.length === 2) {
    return `${formatPath(path)}: expected "off", "info", "warning", "error" or { "severity", "options" }`;
  }
  return `${formatPath(path)}: ${issue.message}`;
}

/**
 * Validate `value` against `schema`, dropping what is invalid: each bad array item,
 * unknown key or bad value is reported at its own path in `value` (not at the
 * index it had after earlier items were dropped), and every valid item is kept.
 */
function validateDropping<T>(schema: z.ZodType<T>, value: unknown, basePath: Path = []): { data: T | undefined; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const draft = structuredClone(value);
  // For each array items were dropped from (keyed by its path in `value`): the original index of each item left.
  const kept = new Map<string, number[]>();
  const original = (path: Path): Path => {
    const out: Path = [];
    for (const key of path) out.push(typeof key === 'number' ? (kept.get(JSON.stringify(out))?.[key] ?? key) : key);
    return out;
  };
  for (let round = 0; round < 50; round++) {
    const result = schema.safeParse(draft);
    if (result.success) return { data: result.data, problems };
    const removals: Array<{ draftPath: Path; path: Path }> = [];
    for (const issue of result.error.issues) {
      const base = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const draftPath = key === undefined ? base : [...base, key];
        const path = [...basePath, ...original(draftPath)];
        problems.push({ message: key === undefined ? describeIssue(issue, path) : `${formatPath(path)}: unknown setting`, path });
        removals.push({ draftPath, path });
      }
    }
    // Last items first, so dropping one never moves another still to drop.
    removals.sort((a, b) => compareDesc(a.draftPath, b.draftPath));
    for (const { draftPath } of removals) {
      const last = draftPath[draftPath.length - 1];
      if (typeof last === 'number') {
        const arrayPath = original(draftPath.slice(0, -1));
        const key = JSON.stringify(arrayPath);
        const parent = valueAt(draft, draftPath.slice(0, -1));
        if (!kept.has(key) && Array.isArray(parent)) kept.set(key, parent.map((_, i) => i));
        kept.get(key)?.splice(last, 1);
      }
      if (!removeAt(draft, draftPath)) return { data: undefined, problems };
    }
  }
  return { data: undefined, problems };
}

function compareDesc(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? (b[i] as number) - (a[i] as number) : String(b[i]).localeCompare(String(a[i]));
  }
  return b.length - a.length;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** Validate a config value; invalid parts are reported and removed. */
export function validateConfig(value: unknown): ParsedConfig {
  if (value === undefined || value === null) return { config: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { config: {}, problems: [{ message: 'configuration must be a JSON object', path: [] }] };
  }
  const { data, problems } = validateDropping(configSchema, value);
  return { config: data ?? {}, problems };
}

/** Parse `.outcome-lens.json(c)` text: comments and trailing commas allowed. */
export function parseConfigText(text: string): ParsedConfig {
  // An empty file is a config that sets nothing, not a syntax error.
  if (text.replace(/^\uFEFF/, '').trim() === '') return { config: {}, problems: [] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `syntax error: ${printParseErrorCode(e.error)}`,
    path: [],
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
  }));
  if (!tree) {
    return { config: {}, problems: problems.length ? problems : [{ message: 'not valid JSON', path: [], span: { start: 0, end: 1 } }] };
  }
  const value = nodeValue(tree);
  const validated = validateConfig(value);
  const resolved = resolveConfig(validated.config).problems;
  for (const problem of [...validated.problems, ...resolved]) {
    problems.push({ ...problem, span: spanOfPath(tree, problem.path) });
  }
  return { config: validated.config, problems };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).flatMap((p) => (p.children?.length === 2 ? [[p.children[0]!.value as string, nodeValue(p.children[1]!)]] : [])),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function spanOfPath(tree: Node, path: Path): Span {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (!node) continue;
    // Underline the whole `"key": value` pair, so unknown keys and bad values both show.
    const target = node.parent?.type === 'property' ? node.parent : node;
    return { start: target.offset, end: target.offset + target.length };
  }
  return { start: tree.offset, end: tree.offset + 1 };
}

/** Later configs override earlier ones; lists of phrases and aliases add up. */
export function mergeConfigs(...configs: Array<OutcomeLensConfig | undefined>): OutcomeLensConfig {
  const out: OutcomeLensConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.vanityPhrases) out.vanityPhrases = [...(out.vanityPhrases ?? []), ...c.vanityPhrases];
    if (c.outputVerbs) out.outputVerbs = [...(out.outputVerbs ?? []), ...c.outputVerbs];
    if (c.sectionAliases) {
      const merged: Partial<Record<SectionRole, string[]>> = { ...out.sectionAliases };
      for (const [role, list] of Object.entries(c.sectionAliases) as Array<[SectionRole, string[]]>) {
        merged[role] = [...(merged[role] ?? []), ...list];
      }
      out.sectionAliases = merged;
    }
    if (c.documents) out.documents = { ...out.documents, ...c.documents };
    if (c.kind) out.kind = c.kind;
  }
  return out;
}

function suggest(id: string): string {
  const close = rules.map((r) => r.meta.id).find((known) => known.includes(id) || id.includes(known) || known.split('-')[0] === id.split('-')[0]);
  return close ? ` (did you mean "${close}"?)` : '';
}

/** Turn a validated config into the full settings every rule reads. */
export function resolveConfig(config: OutcomeLensConfig = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const resolvedRules: Record<string, ResolvedRule> = {};
  const known = new Set(rules.map((r) => r.meta.id));
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) problems.push({ message: `rules.${id}: unknown rule${suggest(id)}`, path: ['rules', id] });
  }
  for (const rule of rules) {
    const setting = config.rules?.[rule.meta.id];
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.meta.defaultSeverity);
    const given = typeof setting === 'object' ? (setting.options ?? {}) : {};
    // Bad options are dropped one by one, like the rest of the config; the valid ones stay.
    const parsed = validateDropping(rule.meta.options, given, ['rules', rule.meta.id, 'options']);
    problems.push(...parsed.problems);
    const options = (parsed.data ?? rule.meta.options.parse({})) as Record<string, unknown>;
    resolvedRules[rule.meta.id] = { severity, options };
  }
  return {
    config: {
      rules: resolvedRules,
      vanityPhrases: config.vanityPhrases ?? [],
      outputVerbs: config.outputVerbs ?? [],
      sectionAliases: config.sectionAliases ?? {},
      documents: { include: config.documents?.include ?? [], exclude: config.documents?.exclude ?? [] },
      kind: config.kind ?? 'auto',
    },
    problems,
  };
}

let defaults: ResolvedConfig | undefined;
/** Defaults for every rule; computed on first use (the rule registry must be loaded). */
export function defaultConfig(): ResolvedConfig {
  defaults ??= resolveConfig({}).config;
  return defaults;
}
