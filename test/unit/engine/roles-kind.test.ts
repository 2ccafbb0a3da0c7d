// Heading wording -> section role, and text -> document kind, over the many
// ways real documents phrase the same thing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, detectKind } from '../../../src/engine';
import { createRoleMatcher, normalizeHeading } from '../../../src/engine/model/roles';
import type { SectionRole } from '../../../src/engine';

const roleOf = createRoleMatcher();

const WORDINGS: ReadonlyArray<readonly [string, SectionRole | undefined]> = [
  // problem
  ['Problem', 'problem'],
  ['Problem Statement', 'problem'],
  ['2. The problem', 'problem'],
  ["What's the problem", 'problem'],
  ['Pain points', 'problem'],
  ['Motivation', 'problem'],
  ['Why now?', 'problem'],
  ['Current challenges', 'problem'],
  ['Cost of inaction', 'problem'],
  ['🔥 Problem', 'problem'],
  // goals
  ['Goals', 'goals'],
  ['Objectives', 'goals'],
  ['Project Objective', 'goals'],
  ['Desired outcomes', 'goals'],
  ['Year 1 Goals', 'goals'],
  ['Goals and Non-Goals', 'goals'],
  ['1.3. Goals & non-goals', 'goals'],
  // non-goals
  ['Non-Goals', 'non-goals'],
  ['Non goals', 'non-goals'],
  ['Out of scope', 'non-goals'],
  ['What we will not do', 'non-goals'],
  // success metrics
  ['Success Metrics', 'success-metrics'],
  ['Success criteria', 'success-metrics'],
  ['KPIs', 'success-metrics'],
  ['Key Performance Indicators (KPIs)', 'success-metrics'],
  ["How we'll know", 'success-metrics'],
  ['How will we measure success?', 'success-metrics'],
  ['Measuring success', 'success-metrics'],
  ['Definition of Success', 'success-metrics'],
  ['What success looks like', 'success-metrics'],
  ['What does success look like?', 'success-metrics'],
  ['Metrics', 'success-metrics'],
  ['**Success metrics**', 'success-metrics'],
  ['Goals & Success Metrics', 'success-metrics'],
  // key results
  ['Key Results', 'key-results'],
  ['OKRs', 'key-results'],
  ['Objectives and Key Results', 'key-results'],
  // users and needs
  ['Users', 'users'],
  ['Target audience', 'users'],
  ['Personas', 'users'],
  ['User Stories', 'users'],
  ['User needs', 'needs'],
  ['Need statement', 'needs'],
  ['Jobs to be done', 'needs'],
  ['1.3 Jobs-to-be-Done (First Principles)', 'needs'],
  ['Use cases', 'needs'],
  ['Stories', 'needs'],
  // business case topics
  ['Costs', 'costs'],
  ['Cost Analysis', 'costs'],
  ['Investment required', 'costs'],
  ['Budget', 'costs'],
  ['Benefits', 'benefits'],
  ['Business value', 'benefits'],
  ['Expected benefits', 'benefits'],
  ['ROI', 'roi'],
  ['Return on investment', 'roi'],
  ['Payback period', 'roi'],
  ['Financial Summary', 'roi'],
  ['Cost-benefit analysis', 'roi'],
  ['Options considered', 'options'],
  ['Alternatives', 'options'],
  ['Alternative Solutions Considered', 'options'],
  ['Risks', 'risks'],
  ['Risks and mitigations', 'risks'],
  ['Assumptions', 'assumptions'],
  ['Key assumptions', 'assumptions'],
  ['Recommendation', 'recommendation'],
  // the rest
  ['Requirements', 'requirements'],
  ['Functional Requirements', 'requirements'],
  ['Proposed solution', 'solution'],
  ['Technical design', 'solution'],
  ['User Interface Design Goals', 'solution'],
  ['Timeline', 'timeline'],
  ['Milestones', 'timeline'],
  ['Launch plan', 'launch'],
  ['Rollout', 'launch'],
  ['Go-to-market', 'launch'],
  ['Dependencies', 'dependencies'],
  ['Open questions', 'open-questions'],
  ['Executive Summary', 'summary'],
  ['TL;DR', 'summary'],
  ['Overview', 'summary'],
  ['Background', 'background'],
  ['Context', 'background'],
  ['Appendix', 'appendix'],
  ['References', 'appendix'],
  // document titles and unrelated headings that must not take a role
  ['Order tracking', undefined],
  ['Tracking plan', 'success-metrics'],
  ['New Getting Started Documentation and Reference Application', undefined],
  ['Team members', undefined],
  ['Screenshots', undefined],
  ['', undefined],
];

describe('section roles from heading wording', () => {
  for (const [heading, role] of WORDINGS) {
    test(`"${heading}" -> ${role ?? 'no role'}`, () => {
      assert.equal(roleOf(heading), role);
    });
  }

  test('numbering, emoji and punctuation are dropped before matching', () => {
    assert.equal(normalizeHeading('3.2) Success Metrics:'), 'success metrics');
    assert.equal(normalizeHeading('Section 4 - Risks'), 'risks');
    assert.equal(normalizeHeading('🎯 Goals'), 'goals');
    assert.equal(normalizeHeading('How We’ll Know'), "how we'll know");
  });

  test('user aliases are tried before the built-in wordings', () => {
    const custom = createRoleMatcher({ 'success-metrics': ['North star'], costs: ['What it takes'] });
    assert.equal(custom('Our North Star'), 'success-metrics');
    assert.equal(custom('What it takes'), 'costs');
    assert.equal(custom('Goals'), 'goals');
  });

  test('a heading without a role inherits its parent section role', () => {
    const model = buildModel('# Plan\n\n## Goals\n\n### For admins\n\nText.\n\n## Risks\n');
    const admins = model.sections.find((s) => s.title === 'For admins')!;
    assert.equal(admins.role, undefined);
    assert.equal(admins.effectiveRole, 'goals');
    assert.deepEqual(model.sectionsWithRole('goals').map((s) => s.title), ['Goals', 'For admins']);
  });
});

function kindOf(text: string, fileName?: string, options: Parameters<typeof detectKind>[1] = {}) {
  return detectKind(buildModel(text, { fileName }), options);
}

const PRD_SHAPE = '# Notes\n\n## Problem\n\nSlow.\n\n## Goals\n\n- Faster.\n\n## Success metrics\n\n- Time to pay.\n';
const BUSINESS_SHAPE = '# Notes\n\n## Costs\n\n$1.\n\n## Benefits\n\n$2.\n\n## Options\n\n- Do nothing.\n\n## Recommendation\n\nGo.\n';

describe('document kind', () => {
  test('front matter type and doc_type decide first', () => {
    assert.equal(kindOf('---\ntype: prd\n---\n# Anything\n').kind, 'prd');
    assert.equal(kindOf('---\ntype: PRD\n---\n# Anything\n').kind, 'prd');
    assert.equal(kindOf('---\ndoc_type: business-case\n---\n# Anything\n').kind, 'business-case');
    assert.equal(kindOf('---\ndoc_type: business_case\n---\n# Anything\n').kind, 'business-case');
    assert.equal(kindOf('---\ntype: Product Requirements Document\n---\n# Anything\n').kind, 'prd');
    const blog = kindOf(`---\ntype: blog post\n---\n${PRD_SHAPE}`, 'prd-checkout.md');
    assert.equal(blog.kind, 'none');
    assert.match(blog.reason, /front matter type: blog post/);
  });

  test('file names', () => {
    assert.equal(kindOf('# Checkout\n', 'prd-checkout.md').kind, 'prd');
    assert.equal(kindOf('# Checkout\n', 'docs/checkout-prd.md').kind, 'prd');
    assert.equal(kindOf('# Checkout\n', 'docs\\specs\\prd.md').kind, 'prd');
    assert.equal(kindOf('# Warehouse\n', 'business-case.md').kind, 'business-case');
    assert.equal(kindOf('# Warehouse\n', 'warehouse_business_case_v2.md').kind, 'business-case');
    assert.equal(kindOf('# Checkout\n', 'checkout-feature-spec.md').kind, 'prd');
    assert.match(kindOf('# Checkout\n', 'prd-checkout.md').reason, /file name prd-checkout\.md/);
    // Words that merely contain the letters are not signals.
    assert.equal(kindOf('# Products\n', 'products.md').kind, 'none');
    assert.equal(kindOf('# Notes\n', 'todotomorrow-notes.md').kind, 'none');
  });

  test('README, CHANGELOG and friends are skipped even when shaped like a PRD', () => {
    for (const name of ['README.md', 'readme.markdown', 'CHANGELOG.md', 'docs/CONTRIBUTING.md', 'TODO.md']) {
      const decision = kindOf(PRD_SHAPE, name);
      assert.equal(decision.kind, 'none', name);
      assert.match(decision.reason, /not a product document/);
    }
    assert.equal(kindOf('# Checkout PRD\n', 'README.md').kind, 'none');
  });

  test('a skipped file name is linted when the config lists it', () => {
    assert.equal(kindOf(PRD_SHAPE, 'README.md', { included: true }).kind, 'prd');
    assert.equal(kindOf('# Just notes\n', 'README.md', { included: true }).kind, 'prd');
  });

  test('H1 wording', () => {
    assert.equal(kindOf('# PRD: Checkout redesign\n').kind, 'prd');
    assert.equal(kindOf('# Product Requirements Document: TodoTomorrow\n').kind, 'prd');
    assert.equal(kindOf('# Checkout one-pager\n').kind, 'prd');
    assert.equal(kindOf('# Business Case: DoorDash Nutrition Tracking Feature\n').kind, 'business-case');
    assert.equal(kindOf('# Investment proposal: a second warehouse\n').kind, 'business-case');
    assert.equal(kindOf('---\ntitle: Checkout PRD\n---\nNo heading at all.\n').kind, 'prd');
    assert.equal(kindOf('# Release notes for 2.3\n').kind, 'none');
  });

  test('section shape when nothing else says', () => {
    assert.equal(kindOf(PRD_SHAPE).kind, 'prd');
    assert.equal(kindOf(BUSINESS_SHAPE).kind, 'business-case');
    assert.match(kindOf(BUSINESS_SHAPE).reason, /business-case topics/);
    // Two PRD-ish headings are not enough to call a document a PRD...
    assert.equal(kindOf('# Notes\n\n## Goals\n\n- x\n\n## Requirements\n\n- y\n').kind, 'none');
    // ...unless one of them states success criteria: a small spec is still a spec.
    assert.equal(kindOf('# SMS Install Link\n\n## Stories\n\n- x\n\n## Success Criteria\n\n- y\n').kind, 'prd');
    assert.equal(kindOf('# Notes\n\n## Metrics\n\n- y\n').kind, 'none');
    // A PRD that also lists costs and risks stays a PRD.
    const prdWithCosts = `${PRD_SHAPE}\n## Requirements\n\n- a\n\n## Costs\n\n$1\n\n## Risks\n\n- r\n`;
    assert.equal(kindOf(prdWithCosts).kind, 'prd');
  });

  test('the setting overrides everything', () => {
    assert.equal(kindOf('# Release notes\n', 'README.md', { setting: 'business-case' }).kind, 'business-case');
    assert.equal(kindOf(BUSINESS_SHAPE, undefined, { setting: 'prd' }).kind, 'prd');
    assert.equal(kindOf(PRD_SHAPE, undefined, { setting: 'auto' }).kind, 'prd');
  });
});
