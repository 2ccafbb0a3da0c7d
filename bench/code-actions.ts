// The cursor on a diagnostic in a 1 MB document: the work the extension host does to list its
// code actions (find the finding the diagnostic stands for among every finding, build its
// fixes and its "disable here" comments from the lines around it). Reported in milliseconds
// per cursor, a bound (issue 16: at most 10 ms), with a full lint of the document beside it.
import { findingActions, disableFixesOf } from '../src/editor/code-actions';
import { findingDiagnostic, isDiagnosticOf } from '../src/editor/diagnostics';
import { Linter } from '../src/engine';
import { syntheticPrd } from './lint';
import { median, type BenchResult } from './report';

export function codeActionBench(): BenchResult[] {
  const text = syntheticPrd();
  const t0 = performance.now();
  const { findings } = new Linter().lint(text, { fileName: 'synthetic.md' });
  const lintMs = performance.now() - t0;
  const samples: number[] = [];
  // Twenty cursors spread over the document, each asked three times (the first warms up).
  for (let i = 0; i < 20; i++) {
    const finding = findings[Math.floor(((i + 0.5) * findings.length) / 20)]!;
    const diagnostic = findingDiagnostic(finding, 'file:///synthetic.md');
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const found = findings.find((f) => isDiagnosticOf({ ...diagnostic, code: finding.ruleId }, f));
      if (!found) throw new Error(`no finding for the diagnostic at ${finding.start}`);
      const actions = findingActions(text, found, disableFixesOf(text, found));
      if (actions.length === 0) throw new Error(`no code action for ${found.ruleId}`);
      if (round > 0) samples.push(performance.now() - started);
    }
  }
  return [
    {
      name: 'code actions at a diagnostic, 1 MB document (ms per cursor)',
      value: median(samples),
      target: 10,
      detail: `max ${Math.max(...samples).toFixed(2)} ms over ${samples.length} asks, ${findings.length} findings; a full lint of it ${lintMs.toFixed(0)} ms`,
    },
  ];
}
