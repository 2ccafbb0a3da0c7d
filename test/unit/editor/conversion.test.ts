// The one conversion of findings for editors (src/editor): what the language server
// sends and what the VS Code extension wraps in its own classes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { disableFixesOf, findingActions, FIX_ALL_KIND, wantsFixAll, wantsQuickFixes } from '../../../src/editor/code-actions';
import { configProblemDiagnostic, findingDiagnostic, isDiagnosticOf, sameDiagnostic } from '../../../src/editor/diagnostics';
import { applyEdits, LineIndex, lint, parseConfigText } from '../../../src/engine';

const PRD = `# PRD: Reading Lists

## Goals

- Launch reading lists by the end of Q2.

## Success Metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Total list page views | 4,000 / week | 9,000 / week |
| Share of readers who finish a listed article | 12% | 20% |
`;

describe('findings as LSP diagnostics', () => {
  const findings = lint(PRD, { fileName: 'reading-lists-prd.md' }).findings;

  test('two findings make the same diagnostic exactly when all it shows is equal, offsets aside', () => {
    const uri = 'file:///tmp/reading-lists-prd.md';
    // Text typed earlier on the line before: every offset moves, no line or column does.
    const onLine = (f: (typeof findings)[number]) => ({ ...f, start: { ...f.start, offset: f.start.offset + 9 }, end: { ...f.end, offset: f.end.offset + 9 } });
    for (const f of findings) {
      assert.ok(sameDiagnostic(f, onLine(f)), f.ruleId);
      assert.deepEqual(findingDiagnostic(onLine(f), uri), findingDiagnostic(f, uri));
      assert.ok(!sameDiagnostic(f, { ...f, message: `${f.message} ` }));
      assert.ok(!sameDiagnostic(f, { ...f, start: { ...f.start, column: f.start.column + 1 } }));
      assert.ok(!sameDiagnostic(f, { ...f, end: { ...f.end, line: f.end.line + 1 } }));
      assert.ok(!sameDiagnostic(f, { ...f, severity: f.severity === 'error' ? 'warning' : 'error' }));
    }
    const grouped = findings.find((f) => f.related?.length);
    assert.ok(grouped, 'a grouped finding');
    const related = grouped.related!;
    assert.ok(!sameDiagnostic(grouped, { ...grouped, related: related.map((r, k) => (k === 0 ? { ...r, message: `${r.message}!` } : r)) }));
    assert.ok(!sameDiagnostic(grouped, { ...grouped, related: related.slice(1) }));
    assert.ok(!sameDiagnostic(grouped, { ...grouped, related: undefined }));
  });

  test('0-based ranges, LSP severities, the rule id as code with its docs link, grouped places as related information', () => {
    const grouped = findings.find((f) => f.related)!;
    assert.ok(grouped, 'the table has a grouped finding');
    const d = findingDiagnostic(grouped, 'file:///docs/reading-lists-prd.md');
    assert.deepEqual(d.range.start, { line: grouped.start.line - 1, character: grouped.start.column - 1 });
    assert.equal(d.code, grouped.ruleId);
    assert.equal(d.codeDescription?.href, grouped.docsUrl);
    assert.equal(d.source, 'outcome-lens');
    assert.equal(d.relatedInformation?.length, grouped.related!.length);
    assert.equal(d.relatedInformation![0]!.location.uri, 'file:///docs/reading-lists-prd.md');
    const severities = new Map(findings.map((f) => [f.severity, findingDiagnostic(f, 'file:///x').severity]));
    for (const [severity, lsp] of severities) assert.equal(lsp, { error: 1, warning: 2, info: 3 }[severity]);
  });

  test('a diagnostic sent back by a client finds its finding, and no other', () => {
    const [a, b] = findings;
    const sent = { ...findingDiagnostic(a!, 'file:///x'), code: { value: a!.ruleId } };
    assert.ok(isDiagnosticOf(findingDiagnostic(a!, 'file:///x'), a!));
    assert.ok(isDiagnosticOf(sent, a!), 'a code given as { value }');
    assert.ok(!isDiagnosticOf(findingDiagnostic(a!, 'file:///x'), b!));
    assert.ok(!isDiagnosticOf({ ...findingDiagnostic(a!, 'file:///x'), source: 'markdownlint' }, a!));
  });

  test('a config problem is an error on the offending value', () => {
    const text = '{\n  "rules": { "vanity-metric": "loud" }\n}\n';
    const [problem] = parseConfigText(text).problems;
    const d = configProblemDiagnostic(problem!, new LineIndex(text));
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 1);
    assert.equal(text.split('\n')[1]!.slice(d.range.start.character, d.range.end.character), '"vanity-metric": "loud"');
    assert.match(d.message, /The default applies instead\.$/);
  });
});

describe('code actions of a finding', () => {
  test('its own fixes first (the preferred one marked), then the disable comments; the preferred edit removes the finding', () => {
    // As the lint worker sends them: without the disable fixes, which are made from the text on demand.
    const finding = lint(PRD, { fileName: 'reading-lists-prd.md', disableFixes: false }).findings.find((f) => f.ruleId === 'metric-missing-timeframe')!;
    const disable = disableFixesOf(PRD, finding);
    const actions = findingActions(PRD, finding, disable);
    assert.deepEqual(actions.map((a) => a.kind), [...finding.fixes.map(() => 'fix'), 'disable', 'disable']);
    const preferred = actions.find((a) => a.isPreferred)!;
    const fixed = applyEdits(PRD, preferred.edits);
    assert.ok(!lint(fixed, { fileName: 'reading-lists-prd.md' }).findings.some((f) => f.ruleId === 'metric-missing-timeframe'));
  });

  test('which requested kinds mean Fix All and which mean quick fixes', () => {
    for (const only of [['source'], ['source.fixAll'], [FIX_ALL_KIND], ['quickfix', 'source.fixAll'], ['']]) assert.ok(wantsFixAll(only), only.join());
    for (const only of [undefined, ['quickfix'], ['refactor'], ['source.organizeImports'], ['source.fixAll.eslint']]) assert.ok(!wantsFixAll(only), String(only));
    assert.ok(wantsQuickFixes(undefined));
    assert.ok(wantsQuickFixes(['quickfix']));
    assert.ok(!wantsQuickFixes(['source.fixAll']));
  });
});
