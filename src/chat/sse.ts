// Server-Sent Events (`text/event-stream`) for the chat client. The framing
// itself is done by eventsource-parser, a maintained parser; this adapter
// decodes network bytes (a read can split a UTF-8 character anywhere), hands
// back the events each piece completed, and can flush the last event of a
// stream that closed without its blank line. Pure: no Node APIs.
import { createParser, type EventSourceParser } from 'eventsource-parser';

export interface SseEvent {
  /** The `event:` field, or `message` when the event had none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

/** What a piece completes when it ends no line; shared, so a byte-at-a-time stream allocates nothing per byte. */
const NO_EVENTS: readonly SseEvent[] = Object.freeze([]);

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly parser: EventSourceParser;
  private completed: SseEvent[] = [];
  private atStreamStart = true;
  /**
   * Text of a line still open. eventsource-parser joins its pending line with each
   * piece it is fed and searches the result again, which is quadratic when a long
   * line arrives a few bytes at a time; holding the text here until a line ends
   * keeps it linear. Appending builds a rope that is flattened once, when the line
   * ends, so a line that arrives byte by byte costs the same per byte however long it gets.
   */
  private openLine = '';

  constructor() {
    // `id:` and `retry:` only matter to a reconnecting EventSource; a chat answer is never resumed.
    this.parser = createParser({
      onEvent: (event) => void this.completed.push({ event: event.event || 'message', data: event.data }),
    });
  }

  /** Feeds the next piece of the stream; returns the events it completed. */
  push(chunk: Uint8Array | string): readonly SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text.length === 0) return NO_EVENTS;
    // The decoder drops a byte order mark of byte input; string input gets the same rule here.
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // indexOf, not a regex test: this runs for every byte of a byte-at-a-time stream, and a regex match allocates.
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      this.openLine += text;
      return NO_EVENTS;
    }
    this.parser.feed(this.flushOpenLine(text));
    return this.take();
  }

  /**
   * The end of the stream: an event whose blank line never came is still an
   * event (servers often close right after the last `data:` line).
   */
  finish(): SseEvent[] {
    // Two line ends finish a pending line and then its event; after a complete event they are empty lines.
    this.parser.feed(this.flushOpenLine(`${this.decoder.decode()}\n\n`));
    return this.take();
  }

  private flushOpenLine(text: string): string {
    if (this.openLine === '') return text;
    const whole = this.openLine + text;
    this.openLine = '';
    return whole;
  }

  private take(): SseEvent[] {
    const events = this.completed;
    this.completed = [];
    return events;
  }
}
