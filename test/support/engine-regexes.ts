// Every regular expression the engine runs, found without any module having to
// list its own: the regex literals in src/engine (read with TypeScript's
// scanner), plus every RegExp whose `exec` runs while the engine lints a set of
// probe documents (which catches patterns built with `new RegExp`, such as
// phrase lists and config phrases). A regex someone adds to the engine joins the
// adversarial suite by itself; one built at run time joins once a probe document
// reaches the code that builds it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { applyFixes, disableFixesAt, lint, parseConfigText, resolveConfig } from '../../src/engine';
import { adversarialDocuments } from './adversarial';

export interface EngineRegex {
  source: string;
  flags: string;
  /** `src/engine/...ts:LINE` of the literal, or of the first engine frame that ran it. */
  where: string;
}

const ENGINE = join(process.cwd(), 'src', 'engine');

/** Files under `dir` whose names end in `ext`, sorted. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path, ext);
      return name.endsWith(ext) ? [path] : [];
    });
}

const shown = (path: string) => relative(process.cwd(), path).split(sep).join('/');

/** The regex literals written in the engine's source files. */
export function literalRegexes(): EngineRegex[] {
  const found: EngineRegex[] = [];
  for (const file of filesUnder(ENGINE, '.ts')) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${shown(file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Regexes whose `exec` runs inside engine code while `run` runs (String methods go through `exec` too). */
export function regexesRunBy(run: () => void): EngineRegex[] {
  const found = new Map<string, EngineRegex>();
  const original = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')!;
  const exec = original.value as RegExp['exec'];
  const engineFrame = new RegExp(`\\(?(${ENGINE.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[^:)]*):(\\d+)`);
  Object.defineProperty(RegExp.prototype, 'exec', {
    ...original,
    value(this: RegExp, input: string) {
      // No regex may run in here (it would come back through this very function).
      const key = `/${this.source}/${[...this.flags].filter((f) => f !== 'g' && f !== 'y').join('')}`;
      if (!found.has(key)) {
        const frame = exec.call(engineFrame, new Error().stack ?? '');
        // Only regexes the engine itself runs; the parser's own are not ours to judge here.
        if (frame) found.set(key, { source: this.source, flags: this.flags, where: `${shown(frame[1]!)}:${frame[2]}` });
        else found.set(key, { source: '', flags: '', where: '' });
      }
      return exec.call(this, input);
    },
  });
  try {
    run();
  } finally {
    Object.defineProperty(RegExp.prototype, 'exec', original);
  }
  return [...found.values()].filter((r) => r.where !== '');
}

/** One entry per distinct pattern (the `g` and `y` flags change how a regex is called, not how it backtracks). */
export function distinct(regexes: readonly EngineRegex[]): EngineRegex[] {
  const seen = new Map<string, EngineRegex>();
  for (const r of regexes) {
    const key = `/${r.source}/${r.flags.replace(/[gy]/g, '')}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

const markdownUnder = (dir: string) => filesUnder(dir, '.md').map((path) => readFileSync(path, 'utf8'));

/** Documents that reach every rule: templates, examples, the rule fixtures, and the issue 11 recipes. */
function probeDocuments(): string[] {
  const docs = adversarialDocuments();
  return [...markdownUnder(resolve('templates')), ...markdownUnder(resolve('examples')), ...markdownUnder(resolve('test/fixtures/rules')), docs.trailer.text, docs.paddedHeading.text];
}

/** Every distinct regex the engine runs: its literals, and those the probe documents make it run. */
export function engineRegexes(): EngineRegex[] {
  const config = resolveConfig({
    // Configured vanity phrases are looked up in a word set; vague-goal's phrases still build a regex.
    vanityPhrases: ['marketplace ratings'],
    rules: { 'vague-goal': { severity: 'warning', options: { phrases: ['marketplace polish'] } } },
    outputVerbs: ['roll out'],
    sectionAliases: { 'success-metrics': ['How we will know'] },
  }).config;
  const run = regexesRunBy(() => {
    for (const text of probeDocuments()) {
      for (const kind of ['prd', 'business-case'] as const) {
        const result = lint(text, { kind, config });
        applyFixes(text, result.findings, { all: true });
      }
      disableFixesAt(text, 'vanity-metric', { line: 1, column: 1, offset: 0 });
    }
    parseConfigText('{"rules": {"vanity-metrik": "on"}, "vanityPhrases": [1]}');
  });
  return distinct([...literalRegexes(), ...run]);
}
