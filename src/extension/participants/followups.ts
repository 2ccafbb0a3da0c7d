// Follow-up suggestions after an answer: the next step of the same work, the way the
// walkthrough goes (review, then metrics, then a template to write them into).
import type * as vscode from 'vscode';
import type { PersonaChatResult } from './handler';

export function followupsFor(result: vscode.ChatResult): vscode.ChatFollowup[] {
  const { command, cancelled } = (result as PersonaChatResult).metadata ?? {};
  if (cancelled || result.errorDetails) return [];
  switch (command) {
    case 'review':
      return [
        { prompt: 'Turn the goals into outcome metrics', command: 'metrics', label: 'Propose success metrics' },
        { prompt: 'Which of these problems should I fix first?', label: 'What to fix first' },
      ];
    case 'metrics':
      return [{ prompt: 'metric-row', command: 'template', label: 'Draft a metric table from the template' }];
    case 'template':
      return [{ prompt: 'Review the draft', command: 'review', label: 'Review the document' }];
    default:
      return [
        { prompt: '', command: 'review', label: 'Review the whole document' },
        { prompt: 'Turn the goals into outcome metrics', command: 'metrics', label: 'Propose success metrics' },
      ];
  }
}
