// The chat's personas: the built-ins plus the workspace's persona files,
// read with vscode.workspace.fs (so remote and virtual workspaces work) and
// read again when one changes. A file that cannot be used is reported once,
// naming the file and the problem; the others still load.
import * as vscode from 'vscode';
import { BUILTIN_PERSONAS } from '../../chat/personas/builtin';
import { classifyPersonaPath, loadPersonas, locationGlob, PERSONA_LOCATIONS, type PersonaFile } from '../../chat/personas/discovery';
import { MAX_PERSONA_FILE_SIZE, tooLargeMessage } from '../../chat/personas/parse';
import { formatPersonaMessage, type Persona, type PersonaMessage } from '../../chat/personas/persona';

/** Edits often arrive as several file events; one reload covers them. */
const RELOAD_DELAY_MS = 150;

export class PersonaRegistry implements vscode.Disposable {
  private current: Persona[] = [...BUILTIN_PERSONAS];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Problems already shown, so each is reported once while it lasts. */
  private reported = new Set<string>();
  private loading: Promise<void> | undefined;

  constructor(private readonly log: (message: string) => void) {
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.schedule();
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }

  list(): readonly Persona[] {
    return this.current;
  }

  /** Reads every persona file again; resolves when the list is current. */
  reload(): Promise<void> {
    this.loading = (this.loading ?? Promise.resolve())
      .then(() => this.load())
      .catch((error: unknown) => this.log(`personas: reading the persona files failed: ${error instanceof Error ? error.message : String(error)}`));
    return this.loading;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  private watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const location of PERSONA_LOCATIONS) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, locationGlob(location)));
        const onEvent = () => this.schedule();
        this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
    }
  }

  private async load(): Promise<void> {
    const { files, errors, uris } = await readPersonaFiles();
    const loaded = loadPersonas(files);
    const problems = [...errors, ...loaded.errors];
    for (const info of loaded.info) this.log(`personas: ${formatPersonaMessage(info)}`);
    this.report(problems, uris);
    const before = JSON.stringify(this.current);
    this.current = loaded.personas;
    if (JSON.stringify(this.current) !== before) this.changed.fire();
  }

  private report(problems: readonly PersonaMessage[], uris: ReadonlyMap<string, vscode.Uri>): void {
    const now = new Set(problems.map(formatPersonaMessage));
    for (const problem of problems) {
      const key = formatPersonaMessage(problem);
      if (this.reported.has(key)) continue;
      this.log(`personas: skipped ${key}`);
      const open = 'Open File';
      const uri = uris.get(problem.path);
      void vscode.window
        .showWarningMessage(`Outcome Lens skipped the persona file ${problem.path}: ${problem.message}`, ...(uri ? [open] : []))
        .then((choice) => {
          if (choice === open && uri) void vscode.window.showTextDocument(uri);
        });
    }
    // A problem that went away and comes back is news again.
    this.reported = now;
  }
}

interface FilesRead {
  files: PersonaFile[];
  errors: PersonaMessage[];
  /** The file behind each path given to the parser. */
  uris: Map<string, vscode.Uri>;
}

async function readPersonaFiles(): Promise<FilesRead> {
  const out: FilesRead = { files: [], errors: [], uris: new Map() };
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    for (const location of PERSONA_LOCATIONS) {
      const dir = vscode.Uri.joinPath(folder.uri, location.dir);
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        continue; // no such folder: nothing to load
      }
      for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (!(type & vscode.FileType.File)) continue;
        const uri = vscode.Uri.joinPath(dir, name);
        // With several folders the folder's name keeps equal paths apart.
        const path = vscode.workspace.asRelativePath(uri, folders.length > 1);
        if (classifyPersonaPath(path) !== location.format) continue;
        out.uris.set(path, uri);
        try {
          const { size } = await vscode.workspace.fs.stat(uri);
          if (size > MAX_PERSONA_FILE_SIZE) {
            out.errors.push({ path, message: tooLargeMessage(size) });
            continue;
          }
          out.files.push({ path, text: decode(await vscode.workspace.fs.readFile(uri)) });
        } catch (error) {
          out.errors.push({ path, message: `cannot be read (${error instanceof Error ? error.message : String(error)})` });
        }
      }
    }
  }
  return out;
}

/** UTF-8, or UTF-16LE when the file starts with its byte order mark (Windows PowerShell writes those). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}
