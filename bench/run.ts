// `npm run bench`: every speed target, each reported as a ratio (or a bound)
// against a baseline measured in the same run. Reports; never fails a build.
import { chatClientBench } from './chat-client';
import { cliBench } from './cli';
import { adversarialBench } from './adversarial';
import { formatChatRender, runChatRenderBench } from './chat-render';
import { coachLatencyBench } from './coach-latency';
import { codeActionBench } from './code-actions';
import { floorBench, lintBench } from './lint';
import { lspBench } from './lsp';
import { packageBench } from './package';
import { report } from './report';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

async function main(): Promise<void> {
  if (wanted('floor')) report('lint: the floor (issue 16), ratio to a markdown-it parse', floorBench());
  if (wanted('lint')) report('lint', await lintBench());
  if (wanted('lint') || wanted('code-actions')) report('editor: code actions', codeActionBench());
  if (wanted('lsp')) report('language server (issue 17)', await lspBench());
  if (wanted('cli')) report('cli: whole processes', cliBench());
  if (wanted('adversarial')) report('adversarial (issue 11): ratio to linting a plain PRD', await adversarialBench());
  if (wanted('coach')) report('chat: offline coach', await coachLatencyBench());
  if (wanted('client')) report('chat: client', await chatClientBench());
  if (wanted('chat')) console.log(`\nchat:\n${formatChatRender(await runChatRenderBench())}`);
  if (wanted('package')) await packageBench();
}

void main();
