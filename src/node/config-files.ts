// Finding and reading `.outcome-lens.json(c)` on disk. The walk up the folder
// tree only asks an injected `exists`, so the extension can run the same search
// over its own file system API; turning config text into settings is pure too.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { parseConfigText, resolveConfig, type ConfigProblem, type ResolvedConfig } from '../engine';
import { LineIndex } from '../engine/text/lines';
import { stripBom } from './files';

/** Looked for in this order in each folder; the first that exists wins. */
export const CONFIG_FILE_NAMES = ['.outcome-lens.json', '.outcome-lens.jsonc'] as const;

export interface ConfigSearchHost {
  /** True when a regular file exists at `path`. */
  exists(path: string): boolean | Promise<boolean>;
}

export interface ConfigSearchOptions {
  /** Last folder to look in (e.g. a workspace folder); the default walks to the file system root. */
  stopAt?: string;
}

/**
 * Nearest config file for files in a folder, remembering the answer for every
 * folder it passes through, so files in sibling folders share the walk.
 */
export class ConfigFinder {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly stopAt: string | undefined;

  constructor(
    private readonly host: ConfigSearchHost,
    options: ConfigSearchOptions = {},
  ) {
    this.stopAt = options.stopAt === undefined ? undefined : resolve(options.stopAt);
  }

  find(folder: string): Promise<string | undefined> {
    const dir = resolve(folder);
    let answer = this.cache.get(dir);
    if (!answer) {
      answer = this.lookIn(dir);
      this.cache.set(dir, answer);
    }
    return answer;
  }

  private async lookIn(dir: string): Promise<string | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (await this.host.exists(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === this.stopAt) return undefined;
    return this.find(parent);
  }
}

/** The nearest config file at or above `startDir`, or undefined. */
export function findConfigFile(startDir: string, host: ConfigSearchHost, options: ConfigSearchOptions = {}): Promise<string | undefined> {
  return new ConfigFinder(host, options).find(startDir);
}

export interface ConfigFileProblem extends ConfigProblem {
  /** 1-based position of the offending value in the file. */
  line: number;
  column: number;
}

export interface LoadedConfig {
  path: string;
  /** Settings from the valid part of the file, defaults for the rest. */
  config: ResolvedConfig;
  problems: ConfigFileProblem[];
  /** True when nothing in the file could be used: it is not a JSON object at all. */
  unusable: boolean;
}

/** Settings and located problems from the text of a config file. */
export function configFromText(path: string, raw: string): LoadedConfig {
  // A BOM is invisible in editors, so dropping it keeps line:column as the user sees them.
  const text = stripBom(raw);
  // An empty file (just created, or emptied to reset) means "defaults", not a syntax error.
  const parsed = text.trim() === '' ? { config: {}, problems: [] } : parseConfigText(text);
  const lines = new LineIndex(text);
  const problems = parsed.problems.map((problem) => {
    const { line, column } = lines.position(problem.span?.start ?? 0);
    return { ...problem, line, column };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const unusable = text.trim() !== '' && parseTree(text, [], { allowTrailingComma: true })?.type !== 'object';
  return { path, config: resolveConfig(parsed.config).config, problems, unusable };
}

/** Read and resolve a config file; rejects with the file system's error when it cannot be read. */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  return configFromText(path, await readFile(path, 'utf8'));
}
