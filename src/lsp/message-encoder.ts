// How the server's messages become bytes. Each keystroke in a 1 MB page publishes
// its thousands of diagnostics again, nearly all of them unchanged (a diagnostic
// counts lines and characters, so one after the edit only changes when lines were
// added or removed). JSON.stringify and UTF-8 encoding of the whole set cost tens of
// milliseconds per publish; this encoder keeps each diagnostic's bytes until the next
// publish for the same document and encodes only the ones that are new: a diagnostic the
// server kept for an unchanged finding is the same object, found at once at its index (or
// as far from the end); one made afresh is found by its line and compared. It relies on
// the ranges being plain { line, character } pairs, as the server makes them.
// A publish is written into a buffer an earlier one used, once the stream has written
// that one and no publish copies from it: the first writes into a fresh 2 MB buffer
// fault its pages in, 5-8 ms on this kind of machine, against 0.1 ms into a used one.
import { StreamMessageWriter, type ContentTypeEncoderOptions, type Message, type NotificationMessage, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = 0x2c;
const CLOSE = Buffer.from(']}}');
/** Buffers kept for reuse: enough for one document typed in, and one other published meanwhile. */
const SPARES = 2;

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

/**
 * A document's last publish: its diagnostics, the message's bytes, and where diagnostic i
 * lies in them (from `at[i]` to `at[i + 1] - 1`, the comma after it excluded); by start line once a later publish asks.
 */
interface Published {
  diagnostics: readonly Diagnostic[];
  message: Buffer;
  /** The buffer `message` is the start of. */
  store: Buffer;
  at: Int32Array;
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
  /** Buffers of publishes the stream has not written yet, by message: never reused before. */
  private readonly writing = new Map<Message, Buffer>();
  /** Buffers neither being written nor copied from. */
  private readonly spare: Buffer[] = [];

  /** The stream has written `msg`, or failed to (`ok` false): its buffer, which the stream may still hold, is then dropped, and not copied from either. */
  written(msg: Message, ok: boolean): void {
    const store = this.writing.get(msg);
    if (!store) return;
    this.writing.delete(msg);
    const source = [...this.published].find(([, p]) => p.store === store);
    if (ok && !source) this.reuse(store);
    else if (!ok && source) this.published.delete(source[0]);
  }

  /** Keeps the largest spares: a small one (a clear, a short document) must not keep a long page's buffer out. */
  private reuse(store: Buffer): void {
    this.spare.push(store);
    this.spare.sort((x, y) => y.length - x.length);
    this.spare.length = Math.min(this.spare.length, SPARES);
  }

  /** A buffer of at least `length` bytes: a spare one, else a new one with room for the document to grow. */
  private buffer(length: number): Buffer {
    const at = this.spare.findIndex((b) => b.length >= length);
    return at >= 0 ? this.spare.splice(at, 1)[0]! : Buffer.allocUnsafe(length + (length >> 4));
  }

  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(isPublish(msg) ? this.encodePublish(msg) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Which of the last publish's diagnostics has the bytes of `diagnostic`: the same object at its index or as far from the end, else an equal plain one on its line; -1 when none. */
  private known(before: Published | undefined, diagnostic: Diagnostic, i: number, fromEnd: number): number {
    if (!before) return -1;
    if (before.diagnostics[i] === diagnostic) return i;
    if (before.diagnostics[i + fromEnd] === diagnostic) return i + fromEnd;
    if (!isPlain(diagnostic)) return -1;
    const same = byLine(before)
      .get(diagnostic.range.start.line)
      ?.find((k) => samePlain(before.diagnostics[k]!, diagnostic));
    return same ?? -1;
  }

  /**
   * The message is written into one buffer: kept diagnostics come from the last message in
   * runs (after a keystroke nearly all of them are two or three runs, each one copy), new
   * ones from their JSON. Copying thousands of small buffers one by one cost more than the rest of the encoding.
   */
  private encodePublish(msg: NotificationMessage & { params: PublishDiagnosticsParams }): Buffer {
    const { diagnostics, ...params } = msg.params;
    const before = this.published.get(params.uri);
    const fromEnd = before ? before.diagnostics.length - diagnostics.length : 0;
    // The message without its diagnostics, params last and left open for them: `{..."params":{"uri":...` + `,"diagnostics":[...]}}`.
    const head = JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params });
    const open = Buffer.from(`${head.slice(0, -2)},"diagnostics":[`);
    // Per diagnostic: the index of the kept one it copies, or -1 and its fresh bytes.
    const from = new Int32Array(diagnostics.length);
    const fresh: Buffer[] = [];
    let length = open.length + CLOSE.length + Math.max(0, diagnostics.length - 1);
    for (let i = 0; i < diagnostics.length; i++) {
      const k = this.known(before, diagnostics[i]!, i, fromEnd);
      from[i] = k;
      if (k >= 0) length += before!.at[k + 1]! - 1 - before!.at[k]!;
      else {
        const bytes = Buffer.from(JSON.stringify(diagnostics[i]));
        fresh.push(bytes);
        length += bytes.length;
      }
    }
    const store = this.buffer(length);
    const message = store.subarray(0, length);
    const at = new Int32Array(diagnostics.length + 1);
    let pos = open.copy(message, 0);
    let next = 0;
    for (let i = 0; i < diagnostics.length; ) {
      at[i] = pos;
      const k = from[i]!;
      if (k < 0) {
        pos += fresh[next++]!.copy(message, pos);
        if (++i < diagnostics.length) message[pos++] = COMMA;
        continue;
      }
      // The longest run of kept diagnostics that follow each other in the last message too, with their commas.
      let end = i + 1;
      while (end < diagnostics.length && from[end] === k + end - i) end++;
      const last = k + end - i - 1;
      const start = pos;
      pos += before!.message.copy(message, pos, before!.at[k]!, before!.at[last + 1]! - 1);
      for (let j = i + 1; j < end; j++) at[j] = start + before!.at[k + j - i]! - before!.at[k]!;
      i = end;
      if (i < diagnostics.length) message[pos++] = COMMA;
    }
    at[diagnostics.length] = pos + 1;
    CLOSE.copy(message, pos);
    if (diagnostics.length) this.published.set(params.uri, { diagnostics, message, store, at });
    else this.published.delete(params.uri);
    // The last publish's buffer, now copied from no more, is reused once the stream has written it (at once, if it has).
    if (before && ![...this.writing.values()].includes(before.store)) this.reuse(before.store);
    this.writing.set(msg, store);
    return message;
  }
}

/** Writes messages to `stream` through a MessageEncoder, telling it when each publish is written so that its buffer can be reused. */
export class DiagnosticsWriter extends StreamMessageWriter {
  private readonly encoder: MessageEncoder;

  constructor(stream: NodeJS.WritableStream, encoder = new MessageEncoder()) {
    super(stream, { contentTypeEncoder: encoder });
    this.encoder = encoder;
  }

  override async write(msg: Message): Promise<void> {
    // Settled once the stream's own callback for the message's bytes has run: it holds them no longer.
    try {
      await super.write(msg);
      this.encoder.written(msg, true);
    } catch (error) {
      this.encoder.written(msg, false);
      throw error;
    }
  }
}
