// Incremental parser for Server-Sent Events (the `text/event-stream` format of
// the WHATWG HTML standard). Network reads split the stream anywhere: inside a
// UTF-8 character, between `\r` and `\n`, in the middle of a field. The parser
// keeps what it cannot finish yet and emits each event once its blank line has
// arrived. Pure: no Node APIs, so it works the same in the extension host, the
// CLI and a browser.

export interface SseEvent {
  /** The `event:` field, or `message` when the event had none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

// `id:` and `retry:` only matter to a reconnecting EventSource; a chat answer is
// never resumed, so they are skipped like any unknown field.
const LINE_END = /[\r\n]/g;

export class SseParser {
  // ignoreBOM keeps a leading BOM in the decoded text so that string and byte
  // input are treated alike: the parser strips it once, at the stream start.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Pieces of a line whose end has not arrived yet (kept apart so a long line costs linear time). */
  private partial: string[] = [];
  private atStreamStart = true;
  /** The previous input ended with `\r`; a `\n` starting the next one belongs to it. */
  private skipLineFeed = false;
  private dataLines: string[] = [];
  private eventType = '';

  /** Feeds the next piece of the stream; returns the events it completed. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text.length === 0) return [];
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLineFeed) {
      this.skipLineFeed = false;
      if (text.charCodeAt(0) === 0x0a) text = text.slice(1);
    }
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const end = lineEnd(text, start);
      if (end < 0) break;
      let line = text.slice(start, end);
      if (this.partial.length > 0) {
        line = this.partial.join('') + line;
        this.partial = [];
      }
      start = end + 1;
      if (text.charCodeAt(end) === 0x0d) {
        if (start === text.length) this.skipLineFeed = true;
        else if (text.charCodeAt(start) === 0x0a) start += 1;
      }
      const event = this.takeLine(line);
      if (event) events.push(event);
    }
    if (start < text.length) this.partial.push(text.slice(start));
    return events;
  }

  private takeLine(line: string): SseEvent | undefined {
    if (line.length === 0) return this.dispatch();
    if (line.charCodeAt(0) === 0x3a) return undefined; // `:` starts a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      default:
        break; // unknown fields are ignored, as the standard requires
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const lines = this.dataLines;
    const event = this.eventType || 'message';
    this.dataLines = [];
    this.eventType = '';
    // An event without data lines is not dispatched (the standard's rule).
    return lines.length === 0 ? undefined : { event, data: lines.join('\n') };
  }
}

/** Index of the next `\r` or `\n` at or after `from`, or -1. */
function lineEnd(text: string, from: number): number {
  LINE_END.lastIndex = from;
  return LINE_END.exec(text)?.index ?? -1;
}
