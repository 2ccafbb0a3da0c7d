// "New Document from Template..." and "Insert Template": a picker over the
// built-in templates (bundled, no fs) and the workspace's own
// `.outcome-lens/templates/*.md`, inserted as a snippet so the placeholders are live.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUILTIN_TEMPLATES } from '../templates/builtin.generated';
import { catalogue, pickerEntries, slugify, snippetFor } from '../templates/catalogue';
import { parseWorkspaceTemplates, type TemplateInfo, type WorkspaceTemplates } from '../templates/template';
import { setting } from './config';

export const TEMPLATES_DIR = '.outcome-lens/templates';

/** Arguments for running the commands without UI (tests, other commands, keybindings). */
export interface TemplateCommandOptions {
  /** Skip the picker: a built-in id (`prd`) or `workspace:<file name without .md>`. */
  templateId?: string;
  /** Skip the title prompt; also fills the template's title placeholder. */
  title?: string;
  /** Create the file in this folder (or next to this file), as the Explorer menu does. */
  folder?: vscode.Uri;
}

export interface TemplateCommandResult {
  templateId: string;
  /** The document the template went into. */
  uri: string;
  /** Every template the picker offered, in its order. */
  available: string[];
  /** Workspace templates that could not be read, and why. */
  skipped: WorkspaceTemplates['problems'];
}

interface FoundTemplates extends WorkspaceTemplates {
  /** Where each file came from, by the name the user sees. */
  uris: Map<string, vscode.Uri>;
}

async function readWorkspaceTemplates(): Promise<FoundTemplates> {
  const files: { fileName: string; text: string }[] = [];
  const uris = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const dir = vscode.Uri.joinPath(folder.uri, TEMPLATES_DIR);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue; // no templates folder in this workspace folder
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (type !== vscode.FileType.File || !name.toLowerCase().endsWith('.md')) continue;
      const uri = vscode.Uri.joinPath(dir, name);
      const fileName = vscode.workspace.asRelativePath(uri);
      uris.set(fileName, uri);
      files.push({ fileName, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
    }
  }
  return { ...parseWorkspaceTemplates(files), uris };
}

function reportSkipped({ problems, uris }: FoundTemplates): void {
  for (const problem of problems) {
    const open = 'Open Template';
    // not awaited: the warning stays up while the user goes on choosing a template
    void vscode.window.showWarningMessage(`Outcome Lens skipped the template ${problem.fileName}: ${problem.message}`, open).then((choice) => {
      const uri = uris.get(problem.fileName);
      if (choice === open && uri) void vscode.window.showTextDocument(uri);
    });
  }
}

async function pickTemplate(templates: readonly TemplateInfo[], title: string): Promise<TemplateInfo | undefined> {
  type Item = vscode.QuickPickItem & { template?: TemplateInfo };
  const items: Item[] = [];
  let source: TemplateInfo['source'] | undefined;
  for (const entry of pickerEntries(templates)) {
    if (entry.template.source !== source) {
      source = entry.template.source;
      items.push({ label: source === 'builtin' ? 'Built-in' : `Workspace (${TEMPLATES_DIR})`, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push(entry);
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Choose a template', matchOnDescription: true, matchOnDetail: true });
  return picked?.template;
}

/** The template named in the options, or the user's choice; undefined when cancelled or unknown. */
async function chooseTemplate(options: TemplateCommandOptions, title: string): Promise<{ template: TemplateInfo; available: string[]; skipped: WorkspaceTemplates['problems'] } | undefined> {
  const workspace = await readWorkspaceTemplates();
  reportSkipped(workspace);
  const templates = catalogue(BUILTIN_TEMPLATES, workspace.templates);
  const template = options.templateId ? templates.find((t) => t.id === options.templateId) : await pickTemplate(templates, title);
  if (options.templateId && !template) {
    void vscode.window.showErrorMessage(`Outcome Lens: there is no template "${options.templateId}".`);
  }
  return template && { template, available: templates.map((t) => t.id), skipped: workspace.problems };
}

/** A folder stays itself; a file stands for the folder it is in; a missing path is a folder to create. */
async function folderOf(uri: vscode.Uri): Promise<vscode.Uri> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } catch {
    return uri;
  }
}

/** `outcomeLens.templates.folder` of the active document's workspace folder, if set. */
function configuredFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const workspaceFolder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) return undefined;
  const folder = setting('templates.folder', workspaceFolder.uri).trim();
  if (!folder) return undefined;
  return path.isAbsolute(folder) ? vscode.Uri.file(folder) : vscode.Uri.joinPath(workspaceFolder.uri, folder);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `<slug>.md`, or `<slug>-2.md`... when taken: never overwrite someone's document. */
async function freeFile(folder: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; n <= 100; n++) {
    const uri = vscode.Uri.joinPath(folder, `${n === 1 ? slug : `${slug}-${n}`}.md`);
    if (!(await exists(uri))) return uri;
  }
  throw new Error(`Outcome Lens: ${slug}.md and 99 numbered variants already exist in ${folder.fsPath}.`);
}

/** Menus pass the resource they were opened on; other callers may pass options. */
function optionsFrom(arg: unknown): TemplateCommandOptions {
  if (arg instanceof vscode.Uri) return { folder: arg };
  return typeof arg === 'object' && arg !== null ? (arg as TemplateCommandOptions) : {};
}

async function newFromTemplate(arg?: unknown): Promise<TemplateCommandResult | undefined> {
  const options = optionsFrom(arg);
  const chosen = await chooseTemplate(options, 'New Document from Template');
  if (!chosen) return undefined;
  const { template } = chosen;
  const folder = options.folder ? await folderOf(options.folder) : configuredFolder();
  let editor: vscode.TextEditor;
  let title = options.title;
  if (folder) {
    title ??= await vscode.window.showInputBox({
      title: `New ${template.name}`,
      prompt: `Title of the document; the file is created in ${vscode.workspace.asRelativePath(folder)}`,
      validateInput: (value) => (value.trim() ? undefined : 'Enter a title'),
    });
    if (title === undefined) return undefined;
    const uri = await freeFile(folder, slugify(title));
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    editor = await vscode.window.showTextDocument(uri);
  } else {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown' }));
  }
  await editor.insertSnippet(new vscode.SnippetString(snippetFor(template, title?.trim())), new vscode.Position(0, 0));
  return { templateId: template.id, uri: editor.document.uri.toString(), available: chosen.available, skipped: chosen.skipped };
}

async function insertTemplate(arg?: unknown): Promise<TemplateCommandResult | undefined> {
  // inserting goes where the cursor is, whatever resource a menu passed
  const options = arg instanceof vscode.Uri ? {} : optionsFrom(arg);
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Outcome Lens: open a Markdown file to insert a template into it.');
    return undefined;
  }
  const chosen = await chooseTemplate(options, 'Insert Template');
  if (!chosen) return undefined;
  await editor.insertSnippet(new vscode.SnippetString(snippetFor(chosen.template, options.title)));
  return { templateId: chosen.template.id, uri: editor.document.uri.toString(), available: chosen.available, skipped: chosen.skipped };
}

export function registerTemplates(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('outcomeLens.newFromTemplate', newFromTemplate),
    vscode.commands.registerCommand('outcomeLens.insertTemplate', insertTemplate),
  );
}
