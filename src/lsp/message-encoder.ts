// How the server's messages become bytes. Each keystroke in a 1 MB page publishes
// its thousands of diagnostics again, nearly all of them unchanged (a diagnostic
// counts lines and characters, so one after the edit only changes when lines were
// added or removed). JSON.stringify and UTF-8 encoding of the whole set cost tens of
// milliseconds per publish; this encoder keeps each diagnostic's bytes until the next
// publish for the same document and encodes only the ones that are new.
import type { ContentTypeEncoderOptions, Message, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');

/** The plain fields of a diagnostic as the server makes them; one with any other field is encoded afresh each time. */
const PLAIN_FIELDS = 6;

/** Identifies a plain diagnostic's JSON: everything it holds. */
function plainKey(d: Diagnostic): string | undefined {
  if (Object.keys(d).length !== PLAIN_FIELDS || typeof d.code !== 'string' || d.codeDescription === undefined || d.source === undefined || d.severity === undefined) return undefined;
  const { start, end } = d.range;
  return `${start.line},${start.character},${end.line},${end.character},${d.severity},${d.code},${d.source},${d.codeDescription.href}\n${d.message}`;
}

const isPublish = (msg: Message): msg is NotificationMessage & { params: PublishDiagnosticsParams } => (msg as NotificationMessage).method === PUBLISH && (msg as NotificationMessage).params !== undefined;

export class MessageEncoder {
  readonly name = 'application/json';
  /** By document: each plain diagnostic's bytes from its last publish. */
  private readonly published = new Map<string, Map<string, Buffer>>();

  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(isPublish(msg) ? this.encodePublish(msg) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private encodePublish(msg: NotificationMessage & { params: PublishDiagnosticsParams }): Buffer {
    const { diagnostics, ...params } = msg.params;
    const before = this.published.get(params.uri);
    const kept = new Map<string, Buffer>();
    // The message without its diagnostics, params last and left open for them: `{..."params":{"uri":...` + `,"diagnostics":[...]}}`.
    const head = JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params });
    const parts: Buffer[] = [Buffer.from(`${head.slice(0, -2)},"diagnostics":[`)];
    for (const [i, diagnostic] of diagnostics.entries()) {
      if (i > 0) parts.push(COMMA);
      const key = plainKey(diagnostic);
      let bytes = key === undefined ? undefined : (before?.get(key) ?? kept.get(key));
      bytes ??= Buffer.from(JSON.stringify(diagnostic));
      if (key !== undefined) kept.set(key, bytes);
      parts.push(bytes);
    }
    parts.push(Buffer.from(']}}'));
    if (kept.size) this.published.set(params.uri, kept);
    else this.published.delete(params.uri);
    return Buffer.concat(parts);
  }
}
