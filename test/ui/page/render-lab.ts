// A page for the renderer tests and bench/chat-render.ts: the chat's real
// sanitizer and renderers, without the chat around them.
import '../../../src/webview/zod-jitless';
import { markdownToHtml } from '../../../src/webview/markdown';
import { StreamingMarkdown } from '../../../src/webview/markdown-view';
import { toSafeFragment } from '../../../src/webview/sanitize';
import { chunkText, sampleAnswer } from '../sample-answer';

export interface RenderTiming {
  /** Sum of the time spent in each chunk's render, forced layout included. */
  workMs: number;
  /** Tasks over 50 ms the browser reported while rendering, and their total duration. */
  longTasks: number;
  longTaskMs: number;
  wallMs: number;
}

type Renderer = (host: HTMLElement) => (chunk: string) => void;

const renderers: Record<'incremental' | 'naive', Renderer> = {
  incremental: (host) => {
    const stream = new StreamingMarkdown(host);
    return (chunk) => stream.append(chunk);
  },
  // What we avoid: the whole answer through micromark and the sanitizer per chunk.
  naive: (host) => {
    let text = '';
    return (chunk) => {
      text += chunk;
      host.replaceChildren(toSafeFragment(markdownToHtml(text)));
    };
  },
};

// Each chunk is its own task, as streamed messages are.
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function timeRender(kind: keyof typeof renderers, chunks: string[]): Promise<RenderTiming> {
  const host = document.createElement('div');
  host.className = 'markdown';
  document.body.replaceChildren(host);
  const render = renderers[kind](host);
  let longTasks = 0;
  let longTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longTaskMs += entry.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  let workMs = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    const before = performance.now();
    render(chunk);
    void host.offsetHeight; // include the layout the change causes
    workMs += performance.now() - before;
    await nextTask();
  }
  const wallMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of observer.takeRecords()) {
    longTasks++;
    longTaskMs += entry.duration;
  }
  observer.disconnect();
  return { workMs, longTasks, longTaskMs, wallMs };
}

/** The rendered HTML of a chunked stream through one renderer, to compare renderers. */
function renderedHtml(kind: keyof typeof renderers, chunks: string[]): string {
  const host = document.createElement('div');
  const render = renderers[kind](host);
  for (const chunk of chunks) render(chunk);
  const parts = host.querySelectorAll(':scope > .md-part');
  return parts.length > 0 ? [...parts].map((part) => part.innerHTML).join('') : host.innerHTML;
}

const lab = { toSafeFragment, sampleAnswer, chunkText, timeRender, renderedHtml };
export type RenderLab = typeof lab;
(window as unknown as { renderLab: RenderLab }).renderLab = lab;
