// The templates and the linter must agree: a template filled in with its
// realistic examples is clean, and one left unfilled is flagged only where a
// placeholder was left, nowhere else.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, type Finding } from '../../../src/engine';
import { buildOutputs } from '../../../src/templates/outputs';
import { expandSnippet, type ExpandedStop } from '../../../src/templates/snippet';
import type { BuiltinTemplate } from '../../../src/templates/template';
import { loadBuiltinSources } from './sources';

const { templates } = buildOutputs(loadBuiltinSources());
const byId = new Map(templates.map((t) => [t.id, t]));

interface Doc {
  text: string;
  /** Where the unfilled placeholders ended up: the only places a finding may be. */
  placeholders: ExpandedStop[];
}

function render(template: BuiltinTemplate, filled: boolean): Doc {
  const { text, stops } = expandSnippet(template.body, filled ? { values: template.examples } : {});
  return { text, placeholders: filled ? [] : stops.filter((s) => s.kind === 'placeholder') };
}

const describeFinding = (text: string, f: { ruleId: string; severity: string; start: { line: number; offset: number }; end: { offset: number }; message: string }) =>
  `${f.ruleId} (${f.severity}) line ${f.start.line} "${text.slice(f.start.offset, f.end.offset)}": ${f.message}`;

function assertClean(doc: Doc): void {
  const result = lint(doc.text);
  const serious = result.findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(serious.map((f) => describeFinding(doc.text, f)), []);
}

/** A finding's places: the places it lists when it groups several, else itself. */
const placesOf = (f: Finding) => (f.related ? f.related.map((r) => ({ ...f, ...r })) : [f]);

function assertOnlyPlaceholders(doc: Doc, kind: string): void {
  const { findings } = lint(doc.text);
  const places = findings.flatMap(placesOf);
  const outside = places.filter(
    (f) => f.ruleId !== 'placeholder-left' || !doc.placeholders.some((p) => p.start <= f.start.offset && f.end.offset <= p.end),
  );
  assert.deepEqual(outside.map((f) => describeFinding(doc.text, f)), []);
  if (kind === 'none') return;
  // each placeholder left in a product document is pointed out, alone or listed under a grouped finding
  const missed = doc.placeholders.filter((p) => !places.some((f) => p.start <= f.start.offset && f.end.offset <= p.end));
  assert.deepEqual(missed.map((p) => `$${p.index} "${doc.text.slice(p.start, p.end)}"`), []);
}

describe('every built-in template agrees with the linter', () => {
  test('the document kinds the linter knows each have a template: PRD, business case and OKR page (issue 15)', () => {
    assert.deepEqual([...new Set(templates.map((t) => t.kind).filter((kind) => kind !== 'none'))].sort(), ['business-case', 'okr', 'prd']);
    assert.equal(byId.get('okr-page')?.kind, 'okr');
  });

  for (const template of templates) {
    describe(template.id, () => {
      test(`is detected as ${template.kind === 'none' ? 'not a product document' : `a ${template.kind}`}, filled or not`, () => {
        assert.equal(lint(render(template, true).text).kind, template.kind);
        assert.equal(lint(render(template, false).text).kind, template.kind);
      });

      test('filled with its examples: no errors or warnings', () => {
        assertClean(render(template, true));
      });

      test('left unfilled: only placeholder-left, at the placeholders', () => {
        assertOnlyPlaceholders(render(template, false), template.kind);
      });

      if (template.kind !== 'none') {
        test('left unfilled: says once what is left to fill in', () => {
          const doc = render(template, false);
          const findings = lint(doc.text).findings;
          assert.equal(findings.length, 1, findings.map((f) => describeFinding(doc.text, f)).join('\n'));
          assert.equal(findings[0]!.related?.length, doc.placeholders.filter((p) => /^\[/.test(doc.text.slice(p.start, p.end))).length);
        });
      }
    });
  }
});

/** Fragments are written into bigger documents; check them where they end up, inside a PRD. */
function prdWithFragments(filled: boolean): Doc {
  let text = '';
  const placeholders: ExpandedStop[] = [];
  const add = (part: string | BuiltinTemplate) => {
    if (typeof part === 'string') {
      text += part;
      return;
    }
    const doc = render(part, filled);
    placeholders.push(...doc.placeholders.map((p) => ({ ...p, start: p.start + text.length, end: p.end + text.length })));
    text += doc.text.trimEnd();
  };
  const parts: (string | BuiltinTemplate)[] = [
    '# Team invitations: PRD outline\n\n## Problem\n\n',
    'Trial workspaces with a single member rarely become customers: 9% of them convert, against 31% of workspaces with two or more members (trials started in Q1 2025).\n\n',
    byId.get('need')!,
    '\n\n## Goal\n\nRaise the share of trial workspaces that become paying customers from 14% to 20% by the end of Q4 2025.\n\n',
    byId.get('success-metrics')!,
    '\n',
    byId.get('metric-row')!,
    '\n\n## Requirements\n\n',
    byId.get('user-story')!,
    '\n',
  ];
  parts.forEach(add);
  return { text, placeholders };
}

describe('fragments inside a PRD (need, success-metrics, metric-row, user-story)', () => {
  test('filled: no errors or warnings', () => {
    const doc = prdWithFragments(true);
    assert.equal(lint(doc.text).kind, 'prd');
    assertClean(doc);
  });

  test('unfilled: only placeholder-left, at the placeholders', () => {
    assertOnlyPlaceholders(prdWithFragments(false), 'prd');
  });
});
