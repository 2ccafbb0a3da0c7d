// Kind detection from content: a document that states objectives, key results, KPIs or
// success metrics is checked whatever its title or file name; READMEs, changelogs and
// ordinary docs stay skipped. The product documents here are written for these tests; the
// ordinary docs are the real ones that ship inside this project's node_modules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../../src/engine';

const kindOf = (text: string, fileName = 'notes.md') => lint(text, { fileName });

describe('kind from content', () => {
  test('a launch metrics plan with no PRD words is an OKR/KPI page', () => {
    const plan = '# Desk booking: launch week\n\n## Launch day\n\n| Measure | Target | Actual |\n| --- | --- | --- |\n| Forum points | 40 | ___ |\n| Repo forks | 20 | ___ |\n| Share of trials that book twice | 30% | ___ |\n';
    const result = kindOf(plan);
    assert.equal(result.kind, 'okr');
    assert.match(result.kindReason, /measures of success/);
  });
  test('a grant plan with a KPI heading is checked', () => {
    const grant = '# Soil sensor grant\n\n## Background\n\nFarmers guess when to water.\n\n## 90-day KPIs\n\n- 40 farms install a sensor\n- 25% of them water by the sensor weekly\n- 2 workshops hosted\n';
    const result = kindOf(grant);
    assert.equal(result.kind, 'okr');
    assert.match(result.kindReason, /under "90-day KPIs"/);
  });
  test('a grant application is a PRD by its name, even with the project\'s name between the words', () => {
    const text = '# Soil sensors for small farms\n\n## Team\n\nTwo engineers.\n\n## Milestones\n\n- Month 1: firmware\n';
    assert.equal(kindOf(text, 'fund-grant-soil-sensors-application.md').kind, 'prd');
    assert.equal(kindOf(text, 'notes.md').kind, 'none');
  });
  test('two bold objectives with key results under them make an OKR page, and "Week 1 goals" is a success heading', () => {
    assert.equal(kindOf('# Platform, spring\n\n**Objective: Dull releases**\n\n- Ship the new pipeline\n- Write the runbook\n\n**Objective: More plugins**\n\n- 300 plugins listed\n').kind, 'okr');
    assert.match(kindOf('# Launch\n\n## Week 1 goals\n\n- 200 stars\n- Launch on the forum\n- 50 subscribers\n').kindReason, /under "Week 1 goals"/);
  });
  test('a title that says OKRs or success metrics, as a heading or a bold first line', () => {
    assert.equal(kindOf('# Community success metrics\n\n- 500 forum members\n').kind, 'okr');
    assert.equal(kindOf('**Mobile team OKRs 2026**\n\nObjective 1: Faster check-ins\n\n- Check-in time falls from 3 to 1 minute\n').kind, 'okr');
  });
  test('an RFC or proposal that states its goals next to a problem or a plan is a PRD', () => {
    assert.equal(kindOf('# RFC: Shared billing accounts\n\n## Summary\n\nOne bill per company.\n').kind, 'prd');
    const proposal = '# New getting-started guide\n\n## Current challenges\n\nNew users give up in the first hour.\n\n## Goals\n\n- Publish a guide for each language\n- Half of new users finish the guide in their first week\n\n## Timeline\n\n- June: drafts\n';
    const result = kindOf(proposal);
    assert.equal(result.kind, 'prd');
    assert.match(result.kindReason, /states goals under "Goals"/);
  });
  test('a library page with design goals and a telemetry page with metrics stay skipped', () => {
    const library = '# fastqueue\n\n## Goals\n\n- Small: no dependencies\n- Fast: a million jobs a second\n\n## Usage\n\n```js\nqueue.add(job)\n```\n';
    assert.equal(kindOf(library).kind, 'none');
    const telemetry = '# Exporter\n\n## Metrics\n\n- `jobs_total` counter\n- `job_seconds` histogram\n\n## Configuration\n\nSet `PORT`.\n';
    assert.equal(kindOf(telemetry).kind, 'none');
  });
  test('a README or changelog is skipped by its name, even when it states goals', () => {
    assert.equal(kindOf('# Project\n\n## Success metrics\n\n- 40% of trials convert\n- 20% fewer tickets\n- NPS 45\n', 'README.md').kind, 'none');
  });
});

/** Every Markdown file that the installed packages ship: their READMEs, changelogs and docs. */
function packageDocs(dir: string, found: string[] = [], depth = 0): string[] {
  if (depth > 6 || found.length >= 1500) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) packageDocs(path, found, depth + 1);
    else if (/\.md$/i.test(name) && stat.size < 400_000) found.push(path);
  }
  return found;
}

describe('real READMEs and docs are not product documents', () => {
  const docs = packageDocs('node_modules');
  test('hundreds of real documents are available to check', () => {
    assert.ok(docs.length >= 300, `only ${docs.length} Markdown files under node_modules`);
  });
  test('none is taken for a product document, read under a neutral name so that its content decides', () => {
    const taken = docs.filter((path) => kindOf(readFileSync(path, 'utf8'), 'page.md').kind !== 'none');
    assert.deepEqual(taken, []);
  });
});
