// Slash commands as the extension reads them: the command, the question
// after it, and the template a name means.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTemplate, interpretMessage, parseSlash, templateNames } from '../../../src/chat/slash';
import { BUILTIN_TEMPLATES } from '../../../src/templates/builtin.generated';

describe('parseSlash', () => {
  it('reads each command and the question after it', () => {
    assert.deepEqual(parseSlash('/review'), { ok: true, command: { name: 'review' }, question: '' });
    assert.deepEqual(parseSlash('  /metrics for the goals  '), { ok: true, command: { name: 'metrics' }, question: 'for the goals' });
    assert.deepEqual(parseSlash('/panel Is this\nready?'), { ok: true, command: { name: 'panel' }, question: 'Is this\nready?' });
    assert.deepEqual(parseSlash('/template prd fill it from my notes'), {
      ok: true,
      command: { name: 'template', template: 'prd' },
      question: 'fill it from my notes',
    });
  });

  it('asks for a template name', () => {
    const parsed = parseSlash('/template   ');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.problem : '', /Name a template/);
  });

  it('leaves text that only looks like a command as a question', () => {
    assert.deepEqual(parseSlash('/etc/hosts is where?'), { ok: true, question: '/etc/hosts is where?' });
    assert.deepEqual(parseSlash('/reviewers please'), { ok: true, question: '/reviewers please' });
    assert.deepEqual(parseSlash('What about /review?'), { ok: true, question: 'What about /review?' });
  });
});

describe('interpretMessage', () => {
  it('prefers the command the view sent, and strips it from the question', () => {
    assert.deepEqual(interpretMessage({ text: '/review the goals', command: { name: 'review' } }), {
      command: { name: 'review' },
      question: 'the goals',
    });
  });

  it('finds a command only spelled in the text (other callers than the view)', () => {
    assert.deepEqual(interpretMessage({ text: '/metrics' }), { command: { name: 'metrics' }, question: '' });
  });

  it('keeps the whole text when the command came from the panel toggle', () => {
    assert.deepEqual(interpretMessage({ text: 'Ready to ship?', command: { name: 'panel' } }), {
      command: { name: 'panel' },
      question: 'Ready to ship?',
    });
  });
});

describe('templates for /template', () => {
  it('offers every built-in template by id', () => {
    assert.deepEqual(templateNames(BUILTIN_TEMPLATES), BUILTIN_TEMPLATES.map((t) => t.id));
    assert.ok(templateNames(BUILTIN_TEMPLATES).includes('business-case'));
  });

  it('finds a template by id, snippet prefix or name, ignoring case', () => {
    assert.equal(findTemplate('prd', BUILTIN_TEMPLATES)?.id, 'prd');
    assert.equal(findTemplate('PRD-Outline', BUILTIN_TEMPLATES)?.id, 'prd-outline');
    assert.equal(findTemplate('value-report', BUILTIN_TEMPLATES)?.id, 'value-realization-report');
    assert.equal(findTemplate('Business case', BUILTIN_TEMPLATES)?.id, 'business-case');
    assert.equal(findTemplate('roadmap', BUILTIN_TEMPLATES), undefined);
  });
});
