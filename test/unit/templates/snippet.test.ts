import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  escapeSnippetText,
  expandSnippet,
  parseSnippet,
  setPlaceholderDefault,
  snippetStops,
  validateSnippet,
} from '../../../src/templates/snippet';

const messages = (body: string) => validateSnippet(body).map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`);

describe('parseSnippet', () => {
  test('reads tab stops, placeholders, choices and variables with their source spans', () => {
    const body = 'A ${1:name} is $2 or ${3|x,y|} on $CURRENT_YEAR$0';
    const { nodes, problems } = parseSnippet(body);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      nodes.map((n) => [n.type, body.slice(n.span.start, n.span.end)]),
      [
        ['text', 'A '],
        ['placeholder', '${1:name}'],
        ['text', ' is '],
        ['tabstop', '$2'],
        ['text', ' or '],
        ['choice', '${3|x,y|}'],
        ['text', ' on '],
        ['variable', '$CURRENT_YEAR'],
        ['tabstop', '$0'],
      ],
    );
  });

  test('nests placeholders and honours escapes in text and in choices', () => {
    const { nodes } = parseSnippet('${1:outer ${2:inner} \\} \\$5}${3|a\\,b,c\\|d|}');
    const [outer, choice] = nodes;
    assert.equal(outer?.type, 'placeholder');
    assert.deepEqual(
      outer?.type === 'placeholder' && outer.children.map((c) => c.type),
      ['text', 'placeholder', 'text'],
    );
    assert.deepEqual(choice?.type === 'choice' && choice.options, ['a,b', 'c|d']);
  });
});

describe('validateSnippet', () => {
  test('accepts a well-formed body', () => {
    assert.deepEqual(messages('# ${1:Title}\n\n| ${2:m} | ${3|leading,lagging|} |\n$1 again\n$0'), []);
  });

  test('a bare dollar amount is a tab stop or an unknown variable, and says how to escape it', () => {
    assert.deepEqual(messages('costs $USD'), [
      'error 1:7 "$USD" is not a snippet variable VS Code knows; write "\\$" for a literal dollar sign',
    ]);
    assert.deepEqual(messages('costs \\$120k and $ 5'), []);
    // "$120k" silently becomes tab stop 120: the numbering check catches it
    assert.match(messages('${1:a} costs $120k')[0] ?? '', /^warning 1:14 tab stop \$120 comes before \$2/);
  });

  test('reports unclosed and malformed constructs with their line and column', () => {
    assert.deepEqual(messages('line one\n  ${1:never closed'), ['error 2:3 "${1:" is never closed with "}"']);
    assert.deepEqual(messages('x ${ y'), ['error 1:3 "${" must be followed by a tab-stop number or a variable name; write "\\${" for a literal']);
    assert.deepEqual(messages('${1|a,b}'), ['error 1:1 choice "${1|" is never closed with "|}"']);
    assert.deepEqual(messages('${1|a,,b|}'), ['error 1:1 choice ${1|...|} has an empty option']);
    assert.deepEqual(messages('${1/x/y/}'), ['error 1:1 snippet transforms ("${N/regex/format/}") are not supported in templates']);
    assert.deepEqual(messages('${1 }'), ['error 1:1 unexpected " " after "${1"; expected "}", ":" or "|"']);
  });

  test('warns about numbering out of reading order, conflicting defaults and a repeated $0', () => {
    assert.deepEqual(messages('${2:b} ${1:a}'), ['warning 1:1 tab stop $2 comes before $1: number tab stops 1, 2, 3... in reading order']);
    assert.deepEqual(messages('${1:a} ${1:b}'), ['warning 1:8 tab stop $1 is defined twice differently ("${1:a}" and "${1:b}"); repeat it as $1']);
    assert.deepEqual(messages('$0 $0'), ['warning 1:4 the final tab stop $0 appears more than once']);
  });
});

describe('expandSnippet', () => {
  const body = 'Hi ${1:name}, ${2|leading,lagging|} ${3:outer ${4:inner}} $1 $5.$0';

  test('leaves defaults, first choices and mirrors, and records where each stop ended up', () => {
    const { text, stops } = expandSnippet(body);
    assert.equal(text, 'Hi name, leading outer inner name .');
    assert.deepEqual(
      stops.map((s) => [s.index, s.kind, text.slice(s.start, s.end)]),
      [
        [1, 'placeholder', 'name'],
        [2, 'choice', 'leading'],
        [3, 'placeholder', 'outer inner'],
        [4, 'placeholder', 'inner'],
        [1, 'tabstop', 'name'],
        [5, 'tabstop', ''],
        [0, 'tabstop', ''],
      ],
    );
  });

  test('fills values everywhere a stop appears; a filled outer placeholder replaces its nested ones', () => {
    const { text, stops } = expandSnippet(body, { values: { 1: 'Ana', 2: 'lagging', 3: 'all of it', 5: '$5' } });
    assert.equal(text, 'Hi Ana, lagging all of it Ana $5.');
    assert.equal(stops.some((s) => s.index === 4), false);
  });

  test('variables take given values, else their default, else their name', () => {
    assert.equal(expandSnippet('$CURRENT_YEAR ${TM_FILENAME:untitled} $UUID', { variables: { CURRENT_YEAR: '2025' } }).text, '2025 untitled UUID');
  });
});

describe('placeholder editing', () => {
  test('setPlaceholderDefault replaces every copy of a placeholder and escapes the text', () => {
    const body = '# ${1:Title}\n${2:x ${1:Title}} $1';
    const changed = setPlaceholderDefault(body, 1, 'Costs $5 {ok}');
    assert.equal(changed, '# ${1:Costs \\$5 {ok\\}}\n${2:x ${1:Costs \\$5 {ok\\}}} $1');
    assert.equal(expandSnippet(changed).text, '# Costs $5 {ok}\nx Costs $5 {ok} Costs $5 {ok}');
    assert.deepEqual(validateSnippet(changed), []);
  });

  test('escapeSnippetText round-trips through expansion', () => {
    const text = 'a \\ b $1 ${2} }';
    assert.equal(expandSnippet(escapeSnippetText(text)).text, text);
  });

  test('snippetStops tells placeholders, tab stops and choices apart', () => {
    const stops = snippetStops('$1 ${1:a} ${2|x,y|} $3');
    assert.deepEqual([...stops], [
      [1, { kind: 'placeholder', options: [] }],
      [2, { kind: 'choice', options: ['x', 'y'] }],
      [3, { kind: 'tabstop', options: [] }],
    ]);
  });
});
