// Configuration for one document: the `outcomeLens.*` settings of its workspace
// folder, overridden by the nearest `.outcome-lens.json(c)` between the file and
// that folder. Problems in a config file become diagnostics on that file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LineIndex, mergeConfigs, parseConfigText, resolveConfig, type OutcomeLensConfig, type ResolvedConfig } from '../engine';
import { configProblemDiagnostic } from '../editor/diagnostics';
import { lintSettings, readSetting, type SettingKey, type SettingValue } from '../settings/schema';
import { toVsRange } from './diagnostics';

export const CONFIG_FILE_NAMES = ['.outcome-lens.json', '.outcome-lens.jsonc'] as const;

export interface DocumentConfig {
  config: ResolvedConfig;
  /** Folder against which documents.include/exclude globs are matched. */
  root: vscode.Uri | undefined;
  configFile: vscode.Uri | undefined;
}

export function setting<K extends SettingKey>(key: K, scope: vscode.Uri | undefined, problems?: string[]): SettingValue<K> {
  const raw = vscode.workspace.getConfiguration('outcomeLens', scope).get<unknown>(key);
  const { value, problem } = readSetting(key, raw);
  if (problem) problems?.push(problem);
  return value;
}

function settingsConfig(scope: vscode.Uri | undefined, problems: string[]): OutcomeLensConfig {
  return lintSettings((key) => setting(key, scope, problems));
}

export class ConfigService implements vscode.Disposable {
  /** Parsed config files by URI string; undefined = no such file. */
  private readonly files = new Map<string, Promise<{ config: OutcomeLensConfig } | undefined>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('outcome-lens-config');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  private settingProblems: string[] = [];
  private changes = 0;
  /** Per config file, how often it changed: a read of an older version must not post its problems. */
  private readonly fileVersions = new Map<string, number>();

  /** Goes up on every config change; a lint or read that started under an older value is stale. */
  get generation(): number {
    return this.changes;
  }

  constructor(private readonly log: (message: string) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const isConfig = (uri: vscode.Uri) => CONFIG_FILE_NAMES.includes(path.basename(uri.path) as (typeof CONFIG_FILE_NAMES)[number]);
    const invalidate = (uri: vscode.Uri) => {
      this.changes++;
      this.fileVersions.set(uri.toString(), (this.fileVersions.get(uri.toString()) ?? 0) + 1);
      this.files.delete(uri.toString());
      this.problems.delete(uri);
      this.changed.fire();
    };
    const invalidateConfigs = (uris: readonly vscode.Uri[]) => uris.filter(isConfig).forEach(invalidate);
    watcher.onDidCreate(invalidate, undefined, this.disposables);
    watcher.onDidChange(invalidate, undefined, this.disposables);
    watcher.onDidDelete(invalidate, undefined, this.disposables);
    this.disposables.push(
      watcher,
      // An edited config in an editor counts before it is saved: users see their mistakes at once.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfig(e.document.uri)) invalidate(e.document.uri);
      }),
      // File watchers can miss a file created right after its folder; these events cannot.
      vscode.workspace.onDidSaveTextDocument((d) => invalidateConfigs([d.uri])),
      vscode.workspace.onDidCreateFiles((e) => invalidateConfigs(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => invalidateConfigs(e.files)),
      vscode.workspace.onDidRenameFiles((e) => invalidateConfigs(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('outcomeLens')) return;
        this.changes++;
        this.changed.fire();
      }),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  async forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const problems: string[] = [];
    const fromSettings = settingsConfig(uri, problems);
    this.reportSettingProblems(problems);
    let configFile: vscode.Uri | undefined;
    let fromFile: OutcomeLensConfig | undefined;
    if (uri.scheme !== 'untitled') {
      for (let dir = vscode.Uri.joinPath(uri, '..'); ; dir = vscode.Uri.joinPath(dir, '..')) {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = vscode.Uri.joinPath(dir, name);
          const loaded = await this.load(candidate);
          if (loaded) {
            configFile = candidate;
            fromFile = loaded.config;
            break;
          }
        }
        if (configFile || !folder || dir.path === folder.uri.path || dir.path === '/' || !dir.path.startsWith(folder.uri.path)) break;
      }
    }
    const { config } = resolveConfig(mergeConfigs(fromSettings, fromFile));
    return { config, root: configFile ? vscode.Uri.joinPath(configFile, '..') : folder?.uri, configFile };
  }

  private reportSettingProblems(problems: string[]): void {
    const fresh = problems.filter((p) => !this.settingProblems.includes(p));
    this.settingProblems = problems;
    for (const p of fresh) {
      this.log(`settings: ${p}`);
      void vscode.window.showWarningMessage(`Outcome Lens: ${p}. The default is used instead.`);
    }
  }

  private load(uri: vscode.Uri): Promise<{ config: OutcomeLensConfig } | undefined> {
    const key = uri.toString();
    let entry = this.files.get(key);
    if (!entry) {
      entry = this.read(uri);
      this.files.set(key, entry);
    }
    return entry;
  }

  private async read(uri: vscode.Uri): Promise<{ config: OutcomeLensConfig } | undefined> {
    const version = this.fileVersions.get(uri.toString()) ?? 0;
    let text: string;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) text = open.getText();
    else {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    }
    const parsed = parseConfigText(text);
    // The file changed while we read it: the newer read reports its problems.
    if ((this.fileVersions.get(uri.toString()) ?? 0) !== version) return { config: parsed.config };
    const lines = new LineIndex(text);
    this.problems.set(
      uri,
      parsed.problems.map((p) => {
        const shared = configProblemDiagnostic(p, lines);
        const d = new vscode.Diagnostic(toVsRange(shared.range), shared.message, vscode.DiagnosticSeverity.Error);
        d.source = shared.source;
        return d;
      }),
    );
    const problems = parsed.problems.length ? `, ${parsed.problems.length} problem(s): ${parsed.problems.map((p) => p.message).join('; ')}` : '';
    this.log(`config read: ${vscode.workspace.asRelativePath(uri)}${problems}`);
    return { config: parsed.config };
  }
}
