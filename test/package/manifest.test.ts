// What the Marketplace and Open VSX ask of package.json and the files beside it, and the
// walkthrough's shape: checked here so a release does not fail at upload time.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('package metadata', () => {
  test('the icon is a 128x128 PNG (the galleries do not take SVG)', () => {
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height are the first two big-endian words of its data.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  test('repository, bugs, homepage, banner, license and changelog are there', () => {
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+$/);
    assert.ok(manifest.bugs.url.startsWith(manifest.repository.url));
    assert.ok(manifest.homepage.startsWith(manifest.repository.url));
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /MIT License/);
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replaceAll('.', '\\.')}$`, 'm'));
  });

  test('the publisher can be an Open VSX namespace and the categories are ones the galleries know', () => {
    assert.match(manifest.publisher, /^[a-z0-9][a-z0-9-]*$/);
    const known = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing', 'AI', 'Chat'];
    assert.deepEqual(manifest.categories.filter((c: string) => !known.includes(c)), []);
    assert.ok(manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
  });

  test('the walkthrough has five steps, each with its media file and a command link', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.steps.length, 5);
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      const link = /\(command:([\w.]+)\)/.exec(step.description);
      assert.ok(link, `${step.id} has a command link`);
      if (link[1]!.startsWith('outcomeLens.')) assert.ok(commands.has(link[1]), `${link[1]} is a contributed command`);
    }
  });

  test('the README opens the walkthrough through menus current VS Code has: Help > Welcome, not Help > Get Started (issue 15)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.doesNotMatch(readme, /Help(?: >|:) Get Started/);
    assert.match(readme, /\*\*Help > Welcome\*\* lists \*Get Started with Outcome\s+Lens\*/);
    assert.match(readme, new RegExp(`\\*${manifest.contributes.walkthroughs[0].title.replace(/ /g, '\\s+')}\\*`), 'by the title it has');
  });

  test('the steps that ask the user to do something complete when it is done, not when it is shown (issue 15)', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const eventsOf = (id: string) => walkthrough.steps.find((step: { id: string }) => step.id === id)?.completionEvents;
    assert.deepEqual(eventsOf('applyFix'), ['onContext:outcomeLens.fixApplied']);
    assert.deepEqual(eventsOf('askPersona'), ['onContext:outcomeLens.questionSent']);
  });
});
