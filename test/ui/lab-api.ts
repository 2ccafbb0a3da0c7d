// What the renderer lab page (page/render-lab.ts) offers to Node: the bench and
// the tests call it through page.evaluate. Plain data only, so this file
// type-checks without the DOM library.

export interface RenderTiming {
  /** Sum of the time spent in each chunk's render, forced layout included. */
  workMs: number;
  /** Tasks over 50 ms the browser reported while rendering, and their total duration. */
  longTasks: number;
  longTaskMs: number;
  wallMs: number;
  /** The final rendered HTML, so runs of different renderers can be compared. */
  html: string;
}

export interface SanitizerProbe {
  /** What the sanitized HTML looks like once in the page. */
  html: string;
  /** Set by any handler in the input that ran. */
  pwned: unknown;
  /** Set by an unsanitized handler, to show that the page would run one. */
  control: unknown;
}

export interface RenderLab {
  /** Streams a generated answer of `size` characters in `chunks` chunks through one renderer. */
  timeRender(kind: 'incremental' | 'naive', size: number, chunks: number): Promise<RenderTiming>;
  /** Sanitizes `html`, puts it in the page and reports whether anything in it ran. */
  probeSanitizer(html: string): Promise<SanitizerProbe>;
}
