// Streams an 80 KB Markdown answer in 2,000 chunks through the chat's
// incremental renderer and through a naive full re-render per chunk (same
// micromark options, same sanitizer), in one Chromium page, and prints the
// main-thread time of each and their ratio (target: at most 0.2). Prints, does
// not assert: machines differ.
//
//   node --import tsx bench/chat-render.ts [--size 80000] [--chunks 2000]
import { pathToFileURL } from 'node:url';
import { startUi } from '../test/ui/harness';
import type { RenderLab, RenderTiming } from '../test/ui/lab-api';

export interface ChatRenderResult {
  size: number;
  chunks: number;
  incremental: RenderTiming;
  naive: RenderTiming;
  /** incremental / naive main-thread work. */
  ratio: number;
  sameOutput: boolean;
}

export async function runChatRenderBench(size = 80_000, chunks = 2_000): Promise<ChatRenderResult> {
  const ui = await startUi();
  try {
    const page = await ui.openLab();
    const run = (kind: 'incremental' | 'naive') =>
      page.evaluate(
        ([kind, size, chunks]) => (globalThis as unknown as { renderLab: RenderLab }).renderLab.timeRender(kind, size, chunks),
        [kind, size, chunks] as const,
      );
    const incremental = await run('incremental');
    const naive = await run('naive');
    return {
      size,
      chunks,
      incremental,
      naive,
      ratio: incremental.workMs / naive.workMs,
      sameOutput: incremental.html === naive.html,
    };
  } finally {
    await ui.close();
  }
}

export function formatChatRender(result: ChatRenderResult): string {
  const line = (name: string, timing: RenderTiming) =>
    `  ${name.padEnd(12)} ${timing.workMs.toFixed(0).padStart(7)} ms main thread ` +
    `(${(timing.workMs / result.chunks).toFixed(2)} ms/chunk), ` +
    `${timing.longTasks} long tasks (${timing.longTaskMs.toFixed(0)} ms), ${timing.wallMs.toFixed(0)} ms wall`;
  return [
    `chat render: ${(result.size / 1000).toFixed(0)} KB Markdown answer in ${result.chunks} chunks, headless Chromium`,
    line('incremental', result.incremental),
    line('naive', result.naive),
    `  ratio        ${result.ratio.toFixed(3)} (target <= 0.2)`,
    `  same final HTML from both: ${result.sameOutput ? 'yes' : 'NO'}`,
  ].join('\n');
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runChatRenderBench(option('size', 80_000), option('chunks', 2_000)).then(
    (result) => console.log(formatChatRender(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
