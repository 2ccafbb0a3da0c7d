// VS Code snippet syntax: parse, validate, expand. VS Code itself silently turns
// anything it cannot parse into literal text, so a stray `$120k` in a template
// becomes tab stop 120 followed by "k". This parser is stricter and says where.

export interface SourceSpan {
  start: number;
  end: number;
}

export type SnippetNode =
  | { type: 'text'; value: string; span: SourceSpan }
  | { type: 'tabstop'; index: number; span: SourceSpan }
  | { type: 'placeholder'; index: number; children: SnippetNode[]; span: SourceSpan; inner: SourceSpan }
  | { type: 'choice'; index: number; options: string[]; span: SourceSpan }
  | { type: 'variable'; name: string; children: SnippetNode[] | undefined; span: SourceSpan };

export interface SnippetProblem {
  /** `error`: VS Code would expand it differently from what was meant; `warning`: style. */
  severity: 'error' | 'warning';
  message: string;
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Variables VS Code resolves when it inserts a snippet; any other name is a mistake here. */
export const SNIPPET_VARIABLES: ReadonlySet<string> = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

const DIGIT = /[0-9]/;
const NAME_START = /[_a-zA-Z]/;
const NAME_PART = /[_a-zA-Z0-9]/;

class Parser {
  pos = 0;
  readonly problems: SnippetProblem[] = [];
  constructor(readonly src: string) {}

  problem(offset: number, message: string, severity: SnippetProblem['severity'] = 'error'): void {
    this.problems.push({ severity, message, offset, ...lineColumn(this.src, offset) });
  }

  readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (this.pos < this.src.length && pattern.test(this.src[this.pos]!)) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** Nodes up to the end of input, or up to an unescaped `}` when inside a placeholder. */
  sequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    let textStart = this.pos;
    const flush = (end: number): void => {
      if (text) nodes.push({ type: 'text', value: text, span: { start: textStart, end } });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === '}' && nested) break;
      if (ch === '$') {
        const start = this.pos;
        const node = this.dollar();
        if (node) {
          flush(start);
          nodes.push(node);
          textStart = this.pos;
          continue;
        }
        // not a construct: VS Code keeps it as literal text, and so do we
        text += this.src.slice(start, this.pos);
        continue;
      }
      text += ch;
      this.pos++;
    }
    flush(this.pos);
    return nodes;
  }

  /** At a `$`: returns a construct, or undefined (position moved past what is literal). */
  dollar(): SnippetNode | undefined {
    const start = this.pos;
    this.pos++;
    const next = this.src[this.pos] ?? '';
    if (DIGIT.test(next)) {
      const index = Number(this.readWhile(DIGIT));
      return { type: 'tabstop', index, span: { start, end: this.pos } };
    }
    if (NAME_START.test(next)) {
      const name = this.readWhile(NAME_PART);
      this.checkVariable(name, start);
      return { type: 'variable', name, children: undefined, span: { start, end: this.pos } };
    }
    if (next !== '{') return undefined;
    this.pos++;
    const head = this.src[this.pos] ?? '';
    if (DIGIT.test(head)) return this.braced(start, Number(this.readWhile(DIGIT)));
    if (NAME_START.test(head)) return this.braced(start, this.readWhile(NAME_PART));
    this.problem(start, '"${" must be followed by a tab-stop number or a variable name; write "\\${" for a literal');
    return undefined;
  }

  /** After `${N` or `${NAME`. */
  braced(start: number, key: number | string): SnippetNode | undefined {
    const ch = this.src[this.pos] ?? '';
    const isVariable = typeof key === 'string';
    if (isVariable) this.checkVariable(key, start);
    if (ch === '}') {
      this.pos++;
      const span = { start, end: this.pos };
      return isVariable
        ? { type: 'variable', name: key, children: undefined, span }
        : { type: 'tabstop', index: key, span };
    }
    if (ch === ':') {
      this.pos++;
      const innerStart = this.pos;
      const children = this.sequence(true);
      const inner = { start: innerStart, end: this.pos };
      if (this.src[this.pos] !== '}') {
        this.problem(start, `"${this.src.slice(start, innerStart)}" is never closed with "}"`);
        return undefined;
      }
      this.pos++;
      const span = { start, end: this.pos };
      return isVariable
        ? { type: 'variable', name: key, children, span }
        : { type: 'placeholder', index: key, children, span, inner };
    }
    if (ch === '|' && !isVariable) return this.choice(start, key);
    if (ch === '/') {
      this.problem(start, 'snippet transforms ("${N/regex/format/}") are not supported in templates');
      return undefined;
    }
    this.problem(start, `unexpected ${ch ? `"${ch}"` : 'end of text'} after "${this.src.slice(start, this.pos)}"; expected "}", ":" or "|"`);
    return undefined;
  }

  /** After `${N` at `|`: options separated by `,`, ended by `|}`; `\,` `\|` `\\` escape. */
  choice(start: number, index: number): SnippetNode | undefined {
    this.pos++;
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\' && ',|\\'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        if (options.some((option) => option.trim() === '')) this.problem(start, `choice \${${index}|...|} has an empty option`);
        return { type: 'choice', index, options, span: { start, end: this.pos } };
      } else {
        current += ch;
        this.pos++;
      }
    }
    this.problem(start, `choice "\${${index}|" is never closed with "|}"`);
    this.pos = start + 1;
    return undefined;
  }

  checkVariable(name: string, start: number): void {
    if (!SNIPPET_VARIABLES.has(name)) {
      this.problem(start, `"$${name}" is not a snippet variable VS Code knows; write "\\$" for a literal dollar sign`);
    }
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export interface ParsedSnippet {
  nodes: SnippetNode[];
  problems: SnippetProblem[];
}

export function parseSnippet(body: string): ParsedSnippet {
  const parser = new Parser(body);
  const nodes = parser.sequence(false);
  return { nodes, problems: parser.problems };
}

/** Every node in reading order, nested ones after their parent. */
function* walk(nodes: readonly SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if ((node.type === 'placeholder' || node.type === 'variable') && node.children) yield* walk(node.children);
  }
}

type Stop = Extract<SnippetNode, { index: number }>;

function isStop(node: SnippetNode): node is Stop {
  return node.type === 'tabstop' || node.type === 'placeholder' || node.type === 'choice';
}

/** Parse problems plus the checks VS Code does not make: numbering and conflicting defaults. */
export function validateSnippet(body: string): SnippetProblem[] {
  const parser = new Parser(body);
  const nodes = parser.sequence(false);
  const firstDefinition = new Map<number, string>();
  let expected = 1;
  let finalStops = 0;
  for (const node of walk(nodes)) {
    if (!isStop(node)) continue;
    if (node.index === 0) {
      if (++finalStops === 2) parser.problem(node.span.start, 'the final tab stop $0 appears more than once', 'warning');
      continue;
    }
    if (node.index === expected) expected++;
    else if (node.index > expected) {
      parser.problem(node.span.start, `tab stop $${node.index} comes before $${expected}: number tab stops 1, 2, 3... in reading order`, 'warning');
      expected = node.index + 1;
    }
    if (node.type === 'tabstop') continue;
    const definition = body.slice(node.span.start, node.span.end);
    const earlier = firstDefinition.get(node.index);
    if (earlier === undefined) firstDefinition.set(node.index, definition);
    else if (earlier !== definition) {
      parser.problem(node.span.start, `tab stop $${node.index} is defined twice differently ("${earlier}" and "${definition}"); repeat it as $${node.index}`, 'warning');
    }
  }
  return parser.problems.sort((a, b) => a.offset - b.offset);
}

export interface ExpandedStop {
  index: number;
  kind: 'tabstop' | 'placeholder' | 'choice';
  /** Offsets in the expanded text. */
  start: number;
  end: number;
}

export interface Expansion {
  text: string;
  /** Outermost tab stops first; nested placeholders follow their parent. */
  stops: ExpandedStop[];
}

export interface ExpandOptions {
  /** Text per tab stop; a stop without a value shows its default (a choice: its first option). */
  values?: Readonly<Record<number, string>>;
  /** Values of `$VARIABLES`; a missing one shows its default or its name. */
  variables?: Readonly<Record<string, string>>;
}

/**
 * The text a snippet leaves in the editor, as if the user had typed `values`
 * into the tab stops (or nothing, leaving the defaults), and where each stop is.
 */
export function expandSnippet(body: string, options: ExpandOptions = {}): Expansion {
  const { nodes } = parseSnippet(body);
  const values = options.values ?? {};
  const variables = options.variables ?? {};
  // VS Code gives a bare `$1` the text of a `${1:default}` elsewhere (mirrors)
  const defaults = new Map<number, SnippetNode[] | string>();
  for (const node of walk(nodes)) {
    if (node.type === 'placeholder' && !defaults.has(node.index)) defaults.set(node.index, node.children);
    if (node.type === 'choice' && !defaults.has(node.index)) defaults.set(node.index, node.options[0] ?? '');
  }
  const stops: ExpandedStop[] = [];
  let text = '';
  const emit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.type === 'text') {
        text += node.value;
        continue;
      }
      if (node.type === 'variable') {
        const value = variables[node.name];
        if (value !== undefined) text += value;
        else if (node.children) emit(node.children);
        else text += node.name;
        continue;
      }
      const start = text.length;
      const stop: ExpandedStop = { index: node.index, kind: node.type, start, end: start };
      stops.push(stop);
      const value = values[node.index];
      if (value !== undefined) text += value;
      else if (node.type === 'placeholder') emit(node.children);
      else if (node.type === 'choice') text += node.options[0] ?? '';
      else {
        const fallback = defaults.get(node.index);
        if (typeof fallback === 'string') text += fallback;
        else if (fallback) emit(fallback);
      }
      stop.end = text.length;
    }
  };
  emit(nodes);
  return { text, stops };
}

/** Escapes text so that a snippet shows it literally. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** Replaces the default text of every `${index:...}` with `text`; the stop stays live. */
export function setPlaceholderDefault(body: string, index: number, text: string): string {
  const { nodes } = parseSnippet(body);
  const inners = [...walk(nodes)]
    .filter((node): node is Extract<SnippetNode, { type: 'placeholder' }> => node.type === 'placeholder' && node.index === index)
    .map((node) => node.inner);
  // nested copies of the same stop sit inside an outer one that is replaced anyway
  const outermost = inners.filter((span) => !inners.some((other) => other !== span && other.start <= span.start && span.end <= other.end));
  let result = body;
  for (const span of outermost.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, span.start) + escapeSnippetText(text) + result.slice(span.end);
  }
  return result;
}

/** The tab-stop numbers of a snippet, each with how it is defined. */
export function snippetStops(body: string): Map<number, { kind: ExpandedStop['kind']; options: string[] }> {
  const stops = new Map<number, { kind: ExpandedStop['kind']; options: string[] }>();
  for (const node of walk(parseSnippet(body).nodes)) {
    if (!isStop(node)) continue;
    const known = stops.get(node.index);
    if (known && known.kind !== 'tabstop') continue;
    stops.set(node.index, { kind: node.type, options: node.type === 'choice' ? node.options : [] });
  }
  return stops;
}
