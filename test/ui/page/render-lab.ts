// A page for the renderer tests and bench/chat-render.ts: the chat's real
// sanitizer and renderers, without the chat around them.
import '../../../src/webview/zod-jitless';
import { markdownToHtml } from '../../../src/webview/markdown';
import { StreamingMarkdown, toAnswerFragment } from '../../../src/webview/markdown-view';
import { toSafeFragment } from '../../../src/webview/sanitize';
import type { RenderLab, RenderTiming } from '../lab-api';
import { chunkText, sampleAnswer } from '../sample-answer';

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
      host.replaceChildren(toAnswerFragment(markdownToHtml(text)));
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

function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function timeRender(kind: keyof typeof renderers, size: number, count: number): Promise<RenderTiming> {
  const chunks = chunkText(sampleAnswer(size), count);
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
  await settle(100);
  for (const entry of observer.takeRecords()) {
    longTasks++;
    longTaskMs += entry.duration;
  }
  observer.disconnect();
  // The streaming renderer wraps its output in two display:contents parts.
  const parts = host.querySelectorAll(':scope > .md-part');
  const html = parts.length > 0 ? [...parts].map((part) => part.innerHTML).join('') : host.innerHTML;
  return { workMs, longTasks, longTaskMs, wallMs, html };
}

async function probeSanitizer(html: string) {
  const flags = window as unknown as { __pwned?: unknown; __control?: unknown };
  const control = document.createElement('div');
  control.innerHTML = '<img src="x" onerror="window.__control = 1">';
  const host = document.createElement('div');
  host.append(toSafeFragment(html));
  document.body.replaceChildren(control, host);
  await settle(200);
  return { html: host.innerHTML, pwned: flags.__pwned, control: flags.__control };
}

const lab: RenderLab = { timeRender, probeSanitizer };
(window as unknown as { renderLab: RenderLab }).renderLab = lab;
