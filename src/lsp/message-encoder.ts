// How the server's messages become bytes. Each keystroke in a 1 MB page publishes
// its thousands of diagnostics again, nearly all of them unchanged (a diagnostic
// counts lines and characters, so one after the edit only changes when lines were
// added or removed). JSON.stringify and UTF-8 encoding of the whole set cost tens of
// milliseconds per publish; this encoder keeps each diagnostic's bytes until the next
// publish for the same document and encodes only the ones that are new: a diagnostic the
// server made again for an unchanged finding is the same object, found at once; one made
// afresh is found by its line and compared. It relies on the ranges being plain
// { line, character } pairs, as the server makes them.
import type { ContentTypeEncoderOptions, Message, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');

/**
 * A diagnostic as the server makes one for a finding without related places: exactly
 * range, severity, source, code, codeDescription and message. Any other is encoded afresh.
 */
const isPlain = (d: Diagnostic) =>
  Object.keys(d).length === 6 && d.severity !== undefined && d.source !== undefined && typeof d.code === 'string' && d.codeDescription !== undefined && d.message !== undefined;

/** Whether two plain diagnostics that start on the same line encode the same. */
const samePlain = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character &&
  a.severity === b.severity &&
  a.code === b.code &&
  a.source === b.source &&
  a.codeDescription!.href === b.codeDescription!.href &&
  a.message === b.message;

interface Encoded {
  diagnostic: Diagnostic;
  bytes: Buffer;
}

const isPublish = (msg: Message): msg is NotificationMessage & { params: PublishDiagnosticsParams } => (msg as NotificationMessage).method === PUBLISH && (msg as NotificationMessage).params !== undefined;

export class MessageEncoder {
  readonly name = 'application/json';
  /** By document, then by the line a diagnostic starts on (a key that costs no hashing): each plain diagnostic's bytes from its last publish. */
  private readonly published = new Map<string, Map<number, Encoded[]>>();
  /** By document: each diagnostic object of its last publish, its bytes and whether it is plain. */
  private readonly encodedOf = new Map<string, WeakMap<Diagnostic, { bytes: Buffer; plain: boolean }>>();

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
    const known = this.encodedOf.get(params.uri);
    const kept = new Map<number, Encoded[]>();
    const encodedOf = new WeakMap<Diagnostic, { bytes: Buffer; plain: boolean }>();
    // The message without its diagnostics, params last and left open for them: `{..."params":{"uri":...` + `,"diagnostics":[...]}}`.
    const head = JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params });
    const parts: Buffer[] = [Buffer.from(`${head.slice(0, -2)},"diagnostics":[`)];
    for (const [i, diagnostic] of diagnostics.entries()) {
      if (i > 0) parts.push(COMMA);
      const line = diagnostic.range.start.line;
      let encoded = known?.get(diagnostic);
      if (!encoded) {
        const plain = isPlain(diagnostic);
        encoded = { plain, bytes: (plain && before?.get(line)?.find((e) => samePlain(e.diagnostic, diagnostic))?.bytes) || Buffer.from(JSON.stringify(diagnostic)) };
      }
      const { bytes } = encoded;
      encodedOf.set(diagnostic, encoded);
      if (encoded.plain) {
        const onLine = kept.get(line);
        if (onLine) onLine.push({ diagnostic, bytes });
        else kept.set(line, [{ diagnostic, bytes }]);
      }
      parts.push(bytes);
    }
    parts.push(Buffer.from(']}}'));
    if (kept.size) this.published.set(params.uri, kept);
    else this.published.delete(params.uri);
    if (diagnostics.length) this.encodedOf.set(params.uri, encodedOf);
    else this.encodedOf.delete(params.uri);
    return Buffer.concat(parts);
  }
}
