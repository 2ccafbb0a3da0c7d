// Personas are told to open their answers with their name in bold
// ("**💰 Value Realization:**"), which the answer's header already shows. The
// view and the Markdown export leave that first line out when it repeats the
// label exactly. Only what is shown changes: the answer's text, as copied and
// kept in the history, still has it.
//
// Answers stream, so the line may arrive a few characters at a time. The
// filter holds back the start of an answer while it could still be the label
// line and lets it through as soon as it cannot.

type Verdict = 'undecided' | 'label' | 'text';

export class SpeakerLineFilter {
  private readonly line: string;
  private held = '';
  private decided = false;

  /** `label` is what the header shows, e.g. "💰 Value Realization". */
  constructor(label: string) {
    this.line = `**${label}:**`;
  }

  /** Takes the next chunk and returns the text to render now. */
  push(chunk: string): string {
    if (this.decided) return chunk;
    this.held += chunk;
    const verdict = this.judge();
    if (verdict === 'undecided') return '';
    return this.release(verdict);
  }

  /** The answer ended: returns whatever is still held back. */
  end(): string {
    if (this.decided) return '';
    // An answer that is nothing but the label line shows nothing more than the header.
    return this.release(this.held.startsWith(this.line) ? 'label' : 'text');
  }

  private judge(): Verdict {
    const { held, line } = this;
    if (line.startsWith(held)) return 'undecided';
    if (!held.startsWith(line)) return 'text';
    const after = held.slice(line.length);
    if (/^[ \t]*\r?$/.test(after)) return 'undecided';
    return /^[ \t]*\r?\n/.test(after) ? 'label' : 'text';
  }

  private release(verdict: Exclude<Verdict, 'undecided'>): string {
    const text = verdict === 'label' ? this.held.replace(/^[^\n]*\n?/, '') : this.held;
    this.decided = true;
    this.held = '';
    return text;
  }
}

/** A whole answer as the view shows it: without a first line that repeats the header's `label`. */
export function withoutSpeakerLine(text: string, label: string): string {
  const filter = new SpeakerLineFilter(label);
  return filter.push(text) + filter.end();
}
