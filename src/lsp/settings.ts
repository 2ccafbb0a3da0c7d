// The `outcomeLens.*` settings as an LSP client sends them: in initializationOptions
// or workspace/didChangeConfiguration, either nested ({ outcomeLens: { documents:
// { exclude } } }) or with dotted keys ({ "outcomeLens.documents.exclude": [...] }).
// Each value is validated by the same zod schema the extension uses.
import type { OutcomeLensConfig } from '../engine';
import { lintSettings, readSetting, type SettingKey, type SettingValue } from '../settings/schema';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function lookUp(root: Record<string, unknown>, key: string): unknown {
  if (key in root) return root[key];
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const head = root[key.slice(0, dot)];
  return isObject(head) ? lookUp(head, key.slice(dot + 1)) : undefined;
}

export class ServerSettings {
  private raw: Record<string, unknown> = {};
  /** Problems found in the last settings sent, one line each ("outcomeLens.debounceMs: ..."). */
  problems: string[] = [];

  /** Take what the client sent; the outcomeLens section may be the payload itself. */
  update(payload: unknown): void {
    const root = isObject(payload) ? payload : {};
    const section = lookUp(root, 'outcomeLens');
    this.raw = isObject(section) ? section : Object.fromEntries(Object.entries(root).flatMap(([k, v]) => (k.startsWith('outcomeLens.') ? [[k.slice('outcomeLens.'.length), v]] : [])));
    this.problems = [];
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const { value, problem } = readSetting(key, lookUp(this.raw, key));
    if (problem && !this.problems.includes(problem)) this.problems.push(problem);
    return value;
  }

  /** The lint settings, which a config file found near the document overrides. */
  lintConfig(): OutcomeLensConfig {
    return lintSettings((key) => this.get(key));
  }
}
