// What the picker shows and what a chosen template turns into; no VS Code here,
// so the extension glue stays thin and this stays unit-testable.
import { PERSONAS, type TemplateInfo } from './template';
import { setPlaceholderDefault } from './snippet';

/** Built-ins first, in their catalogue order, then workspace templates by name. */
export function catalogue(builtins: readonly TemplateInfo[], workspace: readonly TemplateInfo[]): TemplateInfo[] {
  return [...builtins, ...[...workspace].sort((a, b) => a.name.localeCompare(b.name))];
}

export interface PickerEntry {
  label: string;
  /** Where the template comes from: its persona, or the workspace file. */
  description: string;
  /** The one-line description. */
  detail: string;
  template: TemplateInfo;
}

export function pickerEntries(templates: readonly TemplateInfo[]): PickerEntry[] {
  return templates.map((template) => ({
    label: template.name,
    description: template.persona ? PERSONAS[template.persona] : `workspace: ${template.fileName ?? template.id}`,
    detail: template.description,
    template,
  }));
}

/** A file name for a title: "Faster Invoice Reminders!" -> "faster-invoice-reminders". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** The snippet to insert; with a title, the template's title stop starts out holding it. */
export function snippetFor(template: TemplateInfo, title?: string): string {
  if (!title || template.titleStop === undefined) return template.body;
  return setPlaceholderDefault(template.body, template.titleStop, title);
}
