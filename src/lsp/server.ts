// The Outcome Lens language server: Markdown documents in, diagnostics and code
// actions out, over any LSP connection. Diagnostics are pushed after edits
// (debounced) to clients that do not pull, and answered to textDocument/diagnostic
// for those that do; both come from the same lint result per document version.
import { basename } from 'node:path';
import { TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND, QUICK_FIX_KIND } from '../editor/code-actions';
import type { LintClient } from '../worker/lint-client';
import { ServerCodeActions } from './code-actions';
import { CONFIG_FILE_GLOBS, filePathOf, isConfigFile, ServerConfigs } from './configs';
import { DOCUMENT_KIND_REQUEST, kindHover, type DocumentKindParams, type DocumentKindResult } from './document-kind';
import { DocumentLints, isLintable, type DocumentLint } from './document-lints';
import { ServerSettings } from './settings';

export interface ServerOptions {
  client: LintClient;
  version: string;
}

/** Times a pull retries when the document keeps changing under it before it answers "changed, ask again". */
const PULL_ATTEMPTS = 3;

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new ServerSettings();
  const timers = new Map<string, NodeJS.Timeout>();
  let configs: ServerConfigs | undefined;
  let lints: DocumentLints | undefined;
  let actions: ServerCodeActions | undefined;
  let push = true;
  let refreshPulls = false;
  let watchConfigs = false;

  const cancelled = (token: CancellationToken) => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  };
  const diagnosticsOf = (uri: string, result: DocumentLint | undefined): Diagnostic[] => (result && lints ? lints.diagnostics(uri, result) : []);

  const lintAndPublish = async (uri: string) => {
    const document = documents.get(uri);
    if (!document || !lints) return;
    const result = await lints.lint(document);
    // A stale result (the document changed meanwhile) is not published: the newer edit's lint will be.
    if (result || !isLintable(document) || !settings.get('enable')) void connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnosticsOf(uri, result) });
  };

  const schedule = (uri: string, delay: number) => {
    if (!push) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lintAndPublish(uri).catch((error: unknown) => connection.console.error(`lint of ${uri} failed: ${String(error)}`));
      }, delay),
    );
  };

  const lintAll = () => {
    lints?.invalidate();
    if (push) for (const document of documents.all()) schedule(document.uri, 0);
    else if (refreshPulls) void connection.languages.diagnostics.refresh();
  };

  const reportSettingProblems = () => {
    for (const problem of settings.problems) connection.window.showWarningMessage(`Outcome Lens: ${problem}. The default is used instead.`);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings.update(params.initializationOptions);
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    configs = new ServerConfigs((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }), rootUri ? filePathOf(rootUri) : undefined);
    lints = new DocumentLints(options.client, configs, settings, (uri) => documents.get(uri));
    actions = new ServerCodeActions(lints);
    // A client that pulls would show pushed diagnostics a second time.
    push = params.capabilities.textDocument?.diagnostic === undefined;
    refreshPulls = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    watchConfigs = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICK_FIX_KIND, FIX_ALL_KIND] },
        hoverProvider: true,
        diagnosticProvider: { identifier: 'outcome-lens', interFileDependencies: false, workspaceDiagnostics: false },
      },
      serverInfo: { name: 'outcome-lens', version: options.version },
    };
  });

  connection.onInitialized(() => {
    reportSettingProblems();
    // Clients without dynamic registration (Neovim 0.7) still tell us of saves of an open config file.
    if (watchConfigs) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILE_GLOBS.map((globPattern) => ({ globPattern })) });
  });

  // TextDocuments reports an open as a content change too; the open's own, undelayed lint covers it.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    if (settings.get('run') === 'onType') schedule(e.document.uri, settings.get('debounceMs'));
  });
  documents.onDidSave((e) => {
    // A client that cannot watch files (Neovim 0.7, some Emacs set-ups) gets config changes picked up on a save instead.
    if (isConfigFile(e.document.uri) || !watchConfigs) {
      configs?.invalidate();
      lintAll();
    } else schedule(e.document.uri, 0);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    lints?.forget(e.document.uri);
    if (push) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.update(params.settings);
    reportSettingProblems();
    lintAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => isConfigFile(change.uri))) return;
    configs?.invalidate();
    lintAll();
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !lints) return { kind: 'full', items: [] };
    for (let attempt = 0; attempt < PULL_ATTEMPTS; attempt++) {
      const result = await lints.lint(document);
      cancelled(token);
      if (result || !isLintable(document) || !settings.get('enable')) return { kind: 'full', items: diagnosticsOf(document.uri, result) };
    }
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document kept changing while it was linted', { retriggerRequest: true });
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await lints?.lint(document));
    cancelled(token);
    return document && result && actions ? actions.provide(document, params, result) : [];
  });

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await lints?.lint(document));
    cancelled(token);
    return document && result ? kindHover(document, params.position, result) : null;
  });

  connection.onRequest(DOCUMENT_KIND_REQUEST, async (params: DocumentKindParams, token): Promise<DocumentKindResult | null> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(-32602, `${DOCUMENT_KIND_REQUEST} needs { textDocument: { uri } }`);
    const document = documents.get(uri);
    if (!document) throw new ResponseError(-32602, `${basename(uri)} is not open`);
    const result = await lints?.lint(document);
    cancelled(token);
    return result ? { kind: result.kind, reason: result.kindReason } : null;
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    options.client.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
