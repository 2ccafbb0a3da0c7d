import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, LineIndex } from '../../../src/engine';

describe('document model', () => {
  test('builds the heading tree with roles, spans and inherited roles', () => {
    const text = '# Inbox PRD\n\nIntro.\n\n## Goals\n\n### For support leads\n\n- Own every thread.\n\n## Success metrics\n\n- x\n';
    const model = buildModel(text);
    const titles = model.sections.map((s) => `${s.depth}:${s.title}:${s.role ?? '-'}:${s.effectiveRole ?? '-'}`);
    assert.deepEqual(titles, ['0::-:-', '1:Inbox PRD:-:-', '2:Goals:goals:goals', '3:For support leads:-:goals', '2:Success metrics:success-metrics:success-metrics']);
    const goals = model.sections[2]!;
    assert.equal(text.slice(goals.titleSpan.start, goals.titleSpan.end), 'Goals');
    assert.equal(text.slice(goals.span.start, goals.span.end), '## Goals\n\n### For support leads\n\n- Own every thread.\n\n');
    assert.equal(goals.children.length, 1);
    assert.equal(model.title, 'Inbox PRD');
  });

  test('setext headings, closing hashes, and headings inside code fences', () => {
    const text = 'Checkout PRD\n============\n\nProblem\n-------\n\n```md\n## Not a heading\n```\n\n## Goals ##\n';
    const model = buildModel(text);
    assert.deepEqual(model.sections.slice(1).map((s) => `${s.depth}:${s.title}`), ['1:Checkout PRD', '2:Problem', '2:Goals']);
    assert.equal(model.codeSpans.length, 1);
  });

  test('a list item followed by --- is a thematic break, not a heading', () => {
    const model = buildModel('# T\n\n- item\n---\n');
    assert.equal(model.sections.length, 2);
  });

  test('front matter is read with YAML; broken YAML is reported, not thrown', () => {
    assert.equal(buildModel('---\ntitle: Inbox\ntype: prd\n---\n# X\n').title, 'Inbox');
    const broken = buildModel('---\ntitle: [unclosed\n---\n# X\n');
    assert.ok(broken.frontMatter?.error);
    assert.equal(broken.title, 'X');
  });

  test('CRLF, BOM and no trailing newline keep spans exact', () => {
    const text = '\uFEFF# PRD\r\n\r\n## Success Metrics\r\n\r\n| Metric | Target |\r\n| --- | --- |\r\n| Activation | 40% |';
    const model = buildModel(text);
    const [item] = model.metrics();
    assert.ok(item);
    assert.equal(text.slice(item.name.span.start, item.name.span.end), 'Activation');
    assert.equal(text.slice(item.target!.span.start, item.target!.span.end), '40%');
    assert.deepEqual(model.position(text.indexOf('Activation')), { line: 7, column: 3, offset: text.indexOf('Activation') });
  });

  test('section aliases from config add heading wordings', () => {
    const model = buildModel('# X\n\n## How we will judge it\n', { sectionAliases: { 'success-metrics': ['How we will judge it'] } });
    assert.equal(model.sections[2]!.role, 'success-metrics');
  });
});

test('a lone H1 title gives its sections no role; H1s used as sections keep theirs', () => {
  const titled = buildModel('# Feature Spec: Bond Search\n\n## Notes\n\nx\n');
  assert.equal(titled.sections[1]!.role, undefined);
  assert.equal(titled.sections[2]!.effectiveRole, undefined);
  const sectioned = buildModel('# Problem\n\nx\n\n# Goals\n\ny\n');
  assert.deepEqual(sectioned.sections.slice(1).map((s) => s.role), ['problem', 'goals']);
});

test('line starts are the same with or without carriage returns, for LF, CRLF and lone CR', () => {
  const lf = 'a\n\nbb\nccc\n';
  assert.deepEqual(new LineIndex(lf).starts, [0, 2, 3, 6, 10]);
  assert.deepEqual(new LineIndex(lf.replace(/\n/g, '\r\n')).starts, [0, 3, 5, 9, 14]);
  assert.deepEqual(new LineIndex(lf.replace(/\n/g, '\r')).starts, [0, 2, 3, 6, 10]);
  assert.deepEqual(new LineIndex('x\r\ny\nz\rw').starts, [0, 3, 5, 7]);
  assert.deepEqual(new LineIndex('').starts, [0]);
  assert.deepEqual(new LineIndex('\n').starts, [0, 1]);
});
