import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogue, pickerEntries, slugify, snippetFor } from '../../../src/templates/catalogue';
import {
  parseBuiltinTemplate,
  parseWorkspaceTemplate,
  parseWorkspaceTemplates,
  splitFrontMatter,
} from '../../../src/templates/template';
import { expandSnippet } from '../../../src/templates/snippet';

const builtin = (meta: string, body = '# ${1:[Title]}\n\n${2|a,b|} $0') =>
  `---\nid: demo\nname: Demo\ndescription: A demo.\npersona: product-owner\nkind: none\nprefix: demo\norder: 1\n${meta}---\n\n${body}\n\n`;

describe('splitFrontMatter', () => {
  test('separates YAML from the body, drops a BOM, normalises CRLF and remembers where the body starts', () => {
    const split = splitFrontMatter('\uFEFF---\r\nname: x\r\n---\r\n\r\n\r\n# Body\r\ntext\r\n\r\n');
    assert.deepEqual(split, { yaml: 'name: x\n', body: '# Body\ntext', bodyLine: 6 });
  });

  test('a file without front matter is all body', () => {
    assert.deepEqual(splitFrontMatter('\n# Only body\n'), { yaml: undefined, body: '# Only body', bodyLine: 2 });
  });
});

describe('parseBuiltinTemplate', () => {
  test('reads metadata, trims the body and keys examples by tab-stop number', () => {
    const template = parseBuiltinTemplate(builtin('titleStop: 1\nexamples:\n  1: Real title\n  2: b\n'));
    assert.equal(template.body, '# ${1:[Title]}\n\n${2|a,b|} $0');
    assert.deepEqual(template.examples, { 1: 'Real title', 2: 'b' });
    assert.equal(template.titleStop, 1);
    assert.equal(template.persona, 'product-owner');
  });

  test('numbers in examples are read as text', () => {
    assert.deepEqual(parseBuiltinTemplate(builtin('examples:\n  1: 12.5\n')).examples, { 1: '12.5' });
  });

  for (const [what, meta, body, message] of [
    ['a stop without an example', 'examples: {}\n', undefined, 'tab stop $1 has no example value'],
    ['an example for a missing stop', 'examples:\n  1: t\n  7: x\n', undefined, 'example 7 has no tab stop $7 in the body'],
    ['a choice example that is not an option', 'examples:\n  1: t\n  2: c\n', undefined, 'example 2 "c" is not one of the choices a, b'],
    ['a title stop that is a choice', 'titleStop: 2\nexamples:\n  1: t\n', undefined, 'titleStop 2 is not a placeholder ("${2:...}") of the body'],
    ['an unknown persona', 'examples: {}\n', undefined, 'front matter "persona": Invalid option: expected one of "value-realization"|"product-owner"'],
    ['snippet syntax', 'examples:\n  1: t\n', '# ${1:[Title]}\n\ncosts $USD', 'line 15, column 7: "$USD" is not a snippet variable VS Code knows; write "\\$" for a literal dollar sign'],
  ] as const) {
    test(`rejects ${what}`, () => {
      const source = what === 'an unknown persona' ? builtin(meta, body).replace('product-owner', 'cfo') : builtin(meta, body);
      assert.throws(() => parseBuiltinTemplate(source), { message });
    });
  }
});

describe('workspace templates', () => {
  test('front matter is optional: the file name names the template', () => {
    const result = parseWorkspaceTemplate('.outcome-lens/templates/team-brief.md', '# ${1:Brief}\n\nText $0\n');
    assert.ok(result.ok);
    assert.deepEqual(result.template, {
      id: 'workspace:team-brief',
      name: 'team-brief',
      description: 'Workspace template .outcome-lens/templates/team-brief.md',
      kind: 'none',
      body: '# ${1:Brief}\n\nText $0',
      source: 'workspace',
      fileName: '.outcome-lens/templates/team-brief.md',
    });
  });

  test('name, description, kind and titleStop come from front matter', () => {
    const result = parseWorkspaceTemplate('t/x.md', '---\nname: Experiment brief\ndescription: One bet.\nkind: prd\ntitleStop: 1\n---\n# ${1:Name}\n');
    assert.ok(result.ok);
    assert.equal(result.template.name, 'Experiment brief');
    assert.equal(result.template.description, 'One bet.');
    assert.equal(result.template.kind, 'prd');
    assert.equal(result.template.titleStop, 1);
  });

  for (const [what, source, message] of [
    ['broken YAML', '---\nname: ok\ndescription: [unclosed\n---\nBody', /^front matter line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a \]$/],
    ['an unknown key', '---\nnmae: Typo\n---\nBody', /^front matter front matter: Unrecognized key: "nmae"$/],
    ['a bad kind', '---\nkind: memo\n---\nBody', /^front matter "kind": Invalid option: expected one of "prd"\|"business-case"\|"okr"\|"none"$/],
    ['front matter that is not a mapping', '---\n- a\n- b\n---\nBody', /^front matter front matter: Invalid input: expected object, received array$/],
    ['an unclosed placeholder', '---\nname: Broken\n---\n\n# Title\n\nSee ${1:here\n', /^line 7, column 5: "\$\{1:" is never closed with "\}"$/],
    ['an empty body', '---\nname: Empty\n---\n\n', /^the template has no body$/],
  ] as const) {
    test(`${what} makes a template malformed, with the problem named`, () => {
      const result = parseWorkspaceTemplate('.outcome-lens/templates/bad.md', source);
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.fileName, '.outcome-lens/templates/bad.md');
      assert.match(result.message, message);
    });
  }

  test('numbering style is not a reason to skip a workspace template', () => {
    assert.equal(parseWorkspaceTemplate('a.md', '${2:b} ${1:a}').ok, true);
  });

  test('one malformed file does not hide the others; templates come sorted by name', () => {
    const { templates, problems } = parseWorkspaceTemplates([
      { fileName: 'z.md', text: '---\nname: Zebra\n---\nZ' },
      { fileName: 'bad.md', text: '---\nkind: memo\n---\nB' },
      { fileName: 'a.md', text: '---\nname: Aardvark\n---\nA' },
    ]);
    assert.deepEqual(templates.map((t) => t.name), ['Aardvark', 'Zebra']);
    assert.deepEqual(problems.map((p) => p.fileName), ['bad.md']);
  });
});

describe('catalogue and picker', () => {
  const a = parseBuiltinTemplate(builtin('titleStop: 1\nexamples:\n  1: t\n'));
  const ws = parseWorkspaceTemplates([
    { fileName: '.outcome-lens/templates/zz.md', text: 'Z' },
    { fileName: '.outcome-lens/templates/aa.md', text: 'A' },
  ]).templates;

  test('built-ins come first, then workspace templates; entries show name, source and description', () => {
    const entries = pickerEntries(catalogue([a], [...ws].reverse()));
    assert.deepEqual(
      entries.map((e) => [e.label, e.description, e.detail]),
      [
        ['Demo', 'Product Owner', 'A demo.'],
        ['aa', 'workspace: .outcome-lens/templates/aa.md', 'Workspace template .outcome-lens/templates/aa.md'],
        ['zz', 'workspace: .outcome-lens/templates/zz.md', 'Workspace template .outcome-lens/templates/zz.md'],
      ],
    );
  });

  test('a given title fills the title stop and keeps it a live placeholder', () => {
    const body = snippetFor(a, 'Pay in $ {fast}');
    assert.equal(body, '# ${1:Pay in \\$ {fast\\}}\n\n${2|a,b|} $0');
    assert.equal(expandSnippet(body).text, '# Pay in $ {fast}\n\na ');
    assert.equal(snippetFor(a), a.body);
    assert.equal(snippetFor(ws[0]!, 'ignored without a title stop'), ws[0]!.body);
  });

  test('slugify makes a file name from a title', () => {
    assert.equal(slugify('  Faster Invoice Reminders!  '), 'faster-invoice-reminders');
    assert.equal(slugify('Crème brûlée: Q3/Q4 plan'), 'creme-brulee-q3-q4-plan');
    assert.equal(slugify('???'), 'untitled');
    assert.equal(slugify('a'.repeat(59) + ' b c'), 'a'.repeat(59));
  });
});
