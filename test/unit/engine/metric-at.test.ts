// metricAt answers by binary search what a scan of every metric item would answer.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildModel } from '../../../src/engine';
import { metricAt } from '../../../src/engine/model/metric-at';

test('metricAt finds the item a scan finds, at every offset of our examples and metric fixtures', () => {
  const files = [
    ...readdirSync('examples').map((n) => join('examples', n)),
    ...['metric-missing-baseline', 'metric-missing-target', 'metric-missing-timeframe', 'vanity-metric'].flatMap((rule) =>
      readdirSync(join('test/fixtures/rules', rule)).map((n) => join('test/fixtures/rules', rule, n)),
    ),
  ].filter((f) => f.endsWith('.md'));
  let found = 0;
  for (const file of files) {
    const model = buildModel(readFileSync(file, 'utf8'));
    const items = model.metrics();
    for (let offset = 0; offset <= model.text.length; offset++) {
      const scanned = items.find((m) => m.span.start <= offset && offset < m.span.end);
      assert.equal(metricAt(model, offset), scanned, `${file} at ${offset}`);
      if (scanned) found++;
    }
  }
  assert.ok(found > 1000, `only ${found} offsets inside items`);
});
