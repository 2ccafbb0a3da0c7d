// Config files for the language server: the CLI's discovery (the nearest
// .outcome-lens.json(c) from the document's folder up), read once and kept until
// the client says a config file changed. Problems in a file become diagnostics
// on that file, published through `publish`.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { configProblemDiagnostic } from '../editor/diagnostics';
import { LineIndex, mergeConfigs, resolveConfig, type OutcomeLensConfig, type ResolvedConfig } from '../engine';
import { CONFIG_FILE_NAMES, ConfigFinder, configFromText, type LoadedConfig } from '../node/config-files';
import { stripBom } from '../node/files';

export interface DocumentConfig {
  config: ResolvedConfig;
  /** Folder the documents.include/exclude globs are relative to, when there is one. */
  root: string | undefined;
}

/** What the server asks clients to watch. */
export const CONFIG_FILE_GLOBS = CONFIG_FILE_NAMES.map((name) => `**/${name}`);

export const isConfigFile = (uri: string) => (CONFIG_FILE_NAMES as readonly string[]).includes(basename(uri));

/** The file system path of a file: URI, or undefined for untitled buffers and other schemes. */
export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class ServerConfigs {
  private finder = this.newFinder();
  private readonly loaded = new Map<string, Promise<LoadedConfig | undefined>>();
  /** Config files whose problems are on show, so a fixed or deleted file gets its diagnostics cleared. */
  private readonly shown = new Set<string>();
  private changes = 0;

  constructor(
    private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void,
    /** The workspace folder: globs are relative to it when no config file is found. */
    private readonly workspaceRoot: string | undefined,
  ) {}

  /** Goes up on every config change; a lint that started under an older value is stale. */
  get generation(): number {
    return this.changes;
  }

  /** Forget every file read: they are read again on the next lint. */
  invalidate(): void {
    this.changes++;
    this.finder = this.newFinder();
    this.loaded.clear();
    for (const path of this.shown) this.publish(pathToFileURL(path).href, []);
    this.shown.clear();
  }

  async forDocument(uri: string, settings: OutcomeLensConfig): Promise<DocumentConfig> {
    const file = filePathOf(uri);
    const path = file === undefined ? undefined : await this.finder.find(dirname(file));
    const loaded = path === undefined ? undefined : await this.load(path);
    const { config } = resolveConfig(mergeConfigs(settings, loaded?.config));
    return { config, root: loaded ? dirname(loaded.path) : this.workspaceRoot };
  }

  /** Walks up to the file system root, as the CLI does, so both find the same file. */
  private newFinder(): ConfigFinder {
    return new ConfigFinder({ exists: (path) => stat(path).then((s) => s.isFile(), () => false) });
  }

  private load(path: string): Promise<LoadedConfig | undefined> {
    const entry = this.loaded.get(path) ?? this.read(path);
    this.loaded.set(path, entry);
    return entry;
  }

  private async read(path: string): Promise<LoadedConfig | undefined> {
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch {
      return undefined; // gone between the walk and the read: defaults apply
    }
    const loaded = configFromText(path, raw);
    const lines = new LineIndex(stripBom(raw));
    this.publish(pathToFileURL(path).href, loaded.problems.map((p) => configProblemDiagnostic(p, lines)));
    this.shown.add(path);
    return loaded;
  }
}
