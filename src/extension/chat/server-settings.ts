// Where the OpenAI-compatible server settings may come from. In an untrusted
// workspace only the user's own settings count: a cloned folder must not be
// able to send documents or the API key to a server of its choosing.
import * as vscode from 'vscode';
import { readSetting } from '../../settings/schema';

const SERVER_SETTINGS = ['chat.openai.baseUrl', 'chat.openai.model', 'chat.openai.headers'] as const;

export interface ServerSettings {
  baseUrl: string;
  model: string;
  headers: Record<string, string>;
  /** Workspace values not used because the workspace is untrusted, as `outcomeLens.*` names. */
  ignored: string[];
  /** The base URL came from the workspace's (or a folder's) settings. */
  baseUrlFromWorkspace: boolean;
  /** The user's own base URL (user or remote settings), for deciding where the key may go. */
  userBaseUrl: string;
}

/** The OpenAI-compatible server settings that may be used in this workspace. */
export function serverSettings(trusted = vscode.workspace.isTrusted): ServerSettings {
  const config = vscode.workspace.getConfiguration('outcomeLens');
  const ignored: string[] = [];
  const value = <K extends (typeof SERVER_SETTINGS)[number]>(key: K) => {
    if (trusted) return readSetting(key, config.get(key)).value;
    const inspected = config.inspect(key);
    if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) ignored.push(`outcomeLens.${key}`);
    return readSetting(key, inspected?.globalValue).value;
  };
  const inspectedUrl = config.inspect('chat.openai.baseUrl');
  const fromWorkspace = inspectedUrl?.workspaceFolderValue !== undefined || inspectedUrl?.workspaceValue !== undefined;
  return {
    baseUrlFromWorkspace: trusted && fromWorkspace,
    userBaseUrl: readSetting('chat.openai.baseUrl', inspectedUrl?.globalValue).value.trim(),
    baseUrl: value('chat.openai.baseUrl').trim(),
    model: value('chat.openai.model').trim(),
    headers: value('chat.openai.headers'),
    ignored,
  };
}
