// How the server's messages become bytes. Each keystroke in a 1 MB page publishes
// its thousands of diagnostics again, nearly all of them unchanged (a diagnostic
// counts lines and characters, so one after the edit only changes when lines were
// added or removed). JSON.stringify and UTF-8 encoding of the whole set cost tens of
// milliseconds per publish; this encoder keeps each diagnostic's bytes until the next
// publish for the same document and encodes only the ones that are new: a diagnostic the
// server kept for an unchanged finding is the same object, found at once at its index (or
// as far from the end); one made afresh is found by its line and compared. It relies on
// the ranges being plain { line, character } pairs, as the server makes them.
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

/** A document's last publish: its diagnostics and their bytes, index by index; by start line once a later publish asks. */
interface Published {
  diagnostics: readonly Diagnostic[];
  bytes: readonly Buffer[];
  byLine?: Map<number, number[]>;
}

/** The plain diagnostics of a publish by the line they start on (a key that costs no hashing), as indices. */
function byLine(published: Published): Map<number, number[]> {
  if (published.byLine) return published.byLine;
  const lines = new Map<number, number[]>();
  published.diagnostics.forEach((d, i) => {
    if (!isPlain(d)) return;
    const at = lines.get(d.range.start.line);
    if (at) at.push(i);
    else lines.set(d.range.start.line, [i]);
  });
  published.byLine = lines;
  return lines;
}

const isPublish = (msg: Message): msg is NotificationMessage & { params: PublishDiagnosticsParams } => (msg as NotificationMessage).method === PUBLISH && (msg as NotificationMessage).params !== undefined;

export class MessageEncoder {
  readonly name = 'application/json';
  /** By document: its last publish. The server never changes a diagnostic it has published. */
  private readonly published = new Map<string, Published>();

  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(isPublish(msg) ? this.encodePublish(msg) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The bytes `diagnostic` had in the last publish: the same object at its index or as far from the end, else an equal plain one on its line. */
  private known(before: Published | undefined, diagnostic: Diagnostic, i: number, fromEnd: number): Buffer | undefined {
    if (!before) return undefined;
    if (before.diagnostics[i] === diagnostic) return before.bytes[i];
    if (before.diagnostics[i + fromEnd] === diagnostic) return before.bytes[i + fromEnd];
    if (!isPlain(diagnostic)) return undefined;
    const same = byLine(before)
      .get(diagnostic.range.start.line)
      ?.find((k) => samePlain(before.diagnostics[k]!, diagnostic));
    return same === undefined ? undefined : before.bytes[same];
  }

  private encodePublish(msg: NotificationMessage & { params: PublishDiagnosticsParams }): Buffer {
    const { diagnostics, ...params } = msg.params;
    const before = this.published.get(params.uri);
    const fromEnd = before ? before.diagnostics.length - diagnostics.length : 0;
    // The message without its diagnostics, params last and left open for them: `{..."params":{"uri":...` + `,"diagnostics":[...]}}`.
    const head = JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params });
    const parts: Buffer[] = [Buffer.from(`${head.slice(0, -2)},"diagnostics":[`)];
    const bytes: Buffer[] = [];
    for (const [i, diagnostic] of diagnostics.entries()) {
      if (i > 0) parts.push(COMMA);
      const encoded = this.known(before, diagnostic, i, fromEnd) ?? Buffer.from(JSON.stringify(diagnostic));
      bytes.push(encoded);
      parts.push(encoded);
    }
    parts.push(Buffer.from(']}}'));
    if (diagnostics.length) this.published.set(params.uri, { diagnostics, bytes });
    else this.published.delete(params.uri);
    return Buffer.concat(parts);
  }
}
