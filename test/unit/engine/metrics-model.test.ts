// Metric extraction (src/engine/model/metrics.ts): which tables and list items
// are metrics, which column means what, and which attributes a metric states,
// with spans that point at the exact text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel } from '../../../src/engine';
import type { MetricField, MetricItem } from '../../../src/engine';

const doc = (body: string) => `# Inbox PRD\n\n## Success Metrics\n\n${body}`;

/** The metric items of a document, each attribute as the exact text its span points at. */
function extract(text: string) {
  const at = (field: MetricField | undefined) => (field ? text.slice(field.span.start, field.span.end) : undefined);
  return buildModel(text)
    .metrics()
    .map((m: MetricItem) => ({
      name: m.name.text,
      baseline: at(m.baseline),
      target: at(m.target),
      timeframe: at(m.timeframe),
      owner: at(m.owner),
      source: at(m.dataSource),
      type: m.type,
    }));
}

describe('metric tables: columns by header wording', () => {
  const headers: Array<[string, Array<string | undefined>]> = [
    ['| Metric | Type | Baseline | Target | Timeframe | Source | Owner |', ['metric', 'type', 'baseline', 'target', 'timeframe', 'source', 'owner']],
    ['| KPI | Current | Goal | By when | DRI |', ['metric', 'baseline', 'target', 'timeframe', 'owner']],
    ['| Measure | As-is | Desired | Deadline | Data source |', ['metric', 'baseline', 'target', 'timeframe', 'source']],
    ['| Key result | Today | Threshold | Due date | Responsible |', ['metric', 'baseline', 'target', 'timeframe', 'owner']],
    ['| **Metric** | _Baseline_ | `Target` | Notes |', ['metric', 'baseline', 'target', undefined]],
    ['| Signal | Leading / lagging | Now | Realistic Target | Measurement |', ['metric', 'type', 'baseline', 'target', 'source']],
  ];
  for (const [header, columns] of headers) {
    test(header, () => {
      const cells = header.split('|').length - 2;
      const text = doc(`${header}\n|${' --- |'.repeat(cells)}\n|${' x |'.repeat(cells)}\n`);
      const [table] = buildModel(text).metricTables();
      assert.ok(table, 'recognised as a metric table');
      assert.deepEqual(table.columns, columns);
    });
  }

  test('with a target column but no metric column, the first unlabelled column names the metric', () => {
    const [table] = buildModel(doc('| Outcome area | Target |\n| --- | --- |\n| Reply time | 2 h |\n')).metricTables();
    // "Outcome area" reads as a metric column itself; a plain label column is taken as the name.
    assert.deepEqual(table!.columns, ['metric', 'target']);
    const [plain] = buildModel(doc('| Area | Target |\n| --- | --- |\n| Reply time | 2 h |\n')).metricTables();
    assert.deepEqual(plain!.columns, ['metric', 'target']);
    assert.equal(plain!.rows[0]!.name.text, 'Reply time');
  });

  test('a table without metric, target or baseline columns is not a metric table', () => {
    const model = buildModel(doc('| Category | Ease of use | Health |\n| --- | --- | --- |\n| KPI | | |\n'));
    assert.equal(model.metricTables().length, 0);
    assert.equal(model.metrics().length, 0);
  });

  test('header and delimiter spans cover their lines', () => {
    const text = doc('| Metric | Target |\n|:---|---:|\n| Activation | 40% |\n');
    const [table] = buildModel(text).metricTables();
    assert.equal(text.slice(table!.headerSpan.start, table!.headerSpan.end), '| Metric | Target |');
    assert.equal(text.slice(table!.delimiterSpan.start, table!.delimiterSpan.end), '|:---|---:|');
  });
});

describe('metric tables: cells', () => {
  test('values and spans point at the cell text, without pipes or padding', () => {
    const text = doc('| KPI | Current | Goal | By when | DRI |\n| --- | --- | --- | --- | --- |\n| Checkout conversion |  2.1%  | 3% | end of Q3 | Ana |\n');
    assert.deepEqual(extract(text), [
      { name: 'Checkout conversion', baseline: '2.1%', target: '3%', timeframe: 'end of Q3', owner: 'Ana', source: undefined, type: undefined },
    ]);
  });

  test('blank, dash, TBD, question marks and ellipses state nothing', () => {
    for (const blank of ['', '-', '—', 'TBD', 'tbc', '?', '...', 'to be confirmed', '[ ]', '**TBD**']) {
      const [item] = extract(doc(`| Metric | Baseline | Target |\n| --- | --- | --- |\n| Activation | ${blank} | 40% |\n`));
      assert.equal(item!.baseline, undefined, JSON.stringify(blank));
      assert.equal(item!.target, '40%');
    }
  });

  test('"0 (new)", "n/a - new capability" and "none" are stated baselines', () => {
    for (const stated of ['0 (new)', 'n/a - new capability', 'none']) {
      const [item] = extract(doc(`| Metric | Baseline | Target |\n| --- | --- | --- |\n| Exports | ${stated} | 40% |\n`));
      assert.equal(item!.baseline, stated);
    }
  });

  test('a row without a metric name is not a metric; missing trailing cells are blank', () => {
    const items = extract(doc('| Metric | Baseline | Target |\n| --- | --- | --- |\n|  | 1% | 2% |\n| Retention | 40% |\n'));
    assert.deepEqual(
      items.map((i) => [i.name, i.baseline, i.target]),
      [['Retention', '40%', undefined]],
    );
  });

  test('the Type column classifies; otherwise the metric name may', () => {
    const text = doc('| Metric | Type | Target |\n| --- | --- | --- |\n| Invites per team | Leading | 3 |\n| Revenue | lagging | $1M |\n| Spam reports | Guardrail | < 1 |\n| Reply quality | | 4.5 |\n');
    assert.deepEqual(
      extract(text).map((i) => i.type),
      ['leading', 'lagging', 'guardrail', undefined],
    );
  });

  test('CRLF line endings keep spans exact', () => {
    const text = doc('| Metric | Baseline | Target |\n| --- | --- | --- |\n| Activation | 12% | 20% |\n').replace(/\n/g, '\r\n');
    assert.deepEqual(extract(text).map((i) => [i.name, i.baseline, i.target]), [['Activation', '12%', '20%']]);
  });
});

describe('metric list items: attributes from phrasing', () => {
  const cases: Array<[string, Partial<ReturnType<typeof extract>[number]>]> = [
    ['Activation rate from 12% to 20% by Q3', { baseline: 'from 12%', target: 'to 20%', timeframe: 'by Q3' }],
    ['Median reply time down from 3.5 hours to under 2 hours within 90 days of launch', { baseline: 'down from 3.5 hours', target: 'under 2 hours', timeframe: 'within 90 days' }],
    ['Target: 40% of agents use assignment weekly', { target: '40% of agents use assignment weekly' }],
    ['**Target:** 40%', { target: '40%' }],
    ['Retention: 60% at Day 30', { target: '60%' }],
    ['**Hallucination rate**: <5% (industry-leading is <2%)', { target: '<5%', type: undefined }],
    ['Revenue: $500K ARR', { target: '$500K' }],
    ['1,000 paying teams by 2026', { target: '1,000', timeframe: 'by 2026' }],
    ['$7,000+ monthly recurring revenue', { target: '$7,000+' }],
    ['Downloads: 50K in Year 1', { target: '50K', timeframe: 'in Year 1' }],
    ['Conversion ($2.99): Target 10-12%', { target: 'Target 10-12%' }],
    ['KR2: 4,000 teams activate', { target: '4,000' }],
    ['Baseline: 12%', { baseline: '12%', target: undefined }],
    ['Churn (new): TBD', { target: undefined, baseline: undefined }],
    ['Crash-free sessions ≥ 99.8% (currently 99.1%) in H2 2025', { target: '≥ 99.8%', baseline: 'currently 99.1%', timeframe: 'in H2 2025' }],
    ['Paid seats from 2,000 to 3,500 by September 30, 2025', { baseline: 'from 2,000', target: 'to 3,500', timeframe: 'by September 30, 2025' }],
    ['Share of invoices paid on time to 75% by end of Q3 2025', { target: 'to 75%', timeframe: 'by end of Q3 2025' }],
    ['Exports per team: 3 a week, H2 2025', { target: '3', timeframe: 'H2 2025' }],
    ['Invoices paid on time: 75%, reviewed 30 Sep 2025', { target: '75%', timeframe: '30 Sep 2025' }],
    ['Owner: Ana; Source: Mixpanel; Timeframe: end of Q3', { owner: 'Ana', source: 'Mixpanel', timeframe: 'end of Q3' }],
    ['Support tickets stay below 4 per 1,000 agents (guardrail)', { target: 'below 4', type: 'guardrail' }],
    ['Invites sent per new team (leading): 3 by Q3', { type: 'leading', target: '3', timeframe: 'by Q3' }],
  ];
  for (const [line, expected] of cases) {
    test(line, () => {
      const [item] = extract(doc(`- ${line}\n`));
      assert.ok(item, 'extracted');
      for (const [key, value] of Object.entries(expected)) assert.equal(item[key as keyof typeof item], value, key);
    });
  }

  test('nested "- Baseline: ..." details belong to the item', () => {
    const text = doc('- Weekly exporters\n  - Baseline: 1,100\n  - Target: 2,500\n  - Timeframe: end of Q3\n  - Owner: Ana\n  - Source: Mixpanel export\n- Churn\n');
    assert.deepEqual(extract(text), [
      { name: 'Weekly exporters', baseline: '1,100', target: '2,500', timeframe: 'end of Q3', owner: 'Ana', source: 'Mixpanel export', type: undefined },
      { name: 'Churn', baseline: undefined, target: undefined, timeframe: undefined, owner: undefined, source: undefined, type: undefined },
    ]);
  });

  test('a label that introduces its details ("Activation:") is a metric', () => {
    const [item] = extract(doc('- **Activation:**\n  - Baseline: 10%\n  - Target: 20%\n'));
    assert.deepEqual([item!.name, item!.baseline, item!.target], ['Activation:', '10%', '20%']);
  });

  test('CRLF line endings keep spans exact', () => {
    const [item] = extract(doc('- Weekly exporters\n  - Baseline: 1,100\n  - Target: 2,500 by Q3\n').replace(/\n/g, '\r\n'));
    assert.deepEqual([item!.baseline, item!.target, item!.timeframe], ['1,100', '2,500 by Q3', 'by Q3']);
  });
});

describe('metric list items: which items are metrics', () => {
  test('template guidance (questions, italic instructions) is not a metric', () => {
    const text = doc('- *What data will you look at to know it works?*\n- _Include links to dashboards_\n- Which cohort matters most?\n- Activation rate\n');
    assert.deepEqual(extract(text).map((i) => i.name), ['Activation rate']);
  });

  test('a bare label over other things ("Cohort split:") is not a metric, nor are its parts', () => {
    const text = doc('- **Cohort split:**\n  - early_2.99: 150 users\n  - early_4.99: 150 users\n- Key result:\n- Conversion: 12%\n');
    assert.deepEqual(extract(text).map((i) => i.name), ['Conversion: 12%']);
  });

  test('an objective with key results nested under it yields the key results', () => {
    const text = '# OKRs brief\n\n## Key results\n\n- Objective: better experiences\n  - KR1: CSAT from 70 to 75 by Q4\n  - KR2: App rating 4.8+\n';
    assert.deepEqual(
      extract(text).map((i) => [i.name, i.target]),
      [
        ['KR1: CSAT from 70 to 75 by Q4', 'to 75'],
        ['KR2: App rating 4.8+', undefined],
      ],
    );
  });

  test('in goals, only key results and metric tables are metrics', () => {
    const text = '# Tea timer PRD\n\n## Goals\n\n- Make brewing effortless.\n- Objective: first brew without friction\n  - KR1: 60% of new users brew within 2 minutes, by Q2\n  - Ship the timer widget\n- KR2: Day-30 retention from 20% to 35% by Q3\n\n| Goal | Metric | Target |\n| --- | --- | --- |\n| Faster start | Time to first brew | under 1 min |\n';
    assert.deepEqual(extract(text).map((i) => i.name), ['KR1: 60% of new users brew within 2 minutes, by Q2', 'KR2: Day-30 retention from 20% to 35% by Q3', 'Time to first brew']);
  });

  test('"Goals & Success Metrics": lists before a metrics lead-in are goals', () => {
    const text = '# Licence form PRD\n\n## Goals & Success Metrics\n\n- **Accessible:** use GOV.UK components.\n- **Resumable:** users come back to a saved form.\n\n_Success Metrics:_\n\n- Completion rate of forms\n- Resumed forms per week\n';
    assert.deepEqual(extract(text).map((i) => i.name), ['Completion rate of forms', 'Resumed forms per week']);
  });

  test('tables and lists outside goal and metric sections are not metrics', () => {
    const text = '# PRD\n\n## Requirements\n\n| Metric | Target |\n| --- | --- |\n| Export | 1 |\n\n- Target: 40%\n';
    assert.equal(buildModel(text).metrics().length, 0);
  });
});
