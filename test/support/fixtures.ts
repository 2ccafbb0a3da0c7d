// Rule fixtures are Markdown files that carry their expectations in a trailing
// comment block, so the examples are the tests:
//
//   <!-- fixture
//   kind: prd                                  (optional: auto | prd | business-case | okr)
//   config: {"vanityPhrases": ["stars"]}       (optional, one line of JSON)
//   expect:
//   16:3 vanity-metric                         (line:column ruleId, one per finding)
//   5:26 metric-missing-target related 7:3 8:3 (a grouped finding and the places it lists)
//   -->
//
// An empty `expect:` list means the rule must not flag anything in the file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, type OutcomeLensConfig, type ResolvedConfig } from '../../src/engine';

export interface Expectation {
  line: number;
  column: number | undefined;
  ruleId: string;
  /** For a grouped finding: the line:column of each place it lists, in order. */
  related: string[] | undefined;
}

export interface Fixture {
  path: string;
  text: string;
  kind: 'auto' | 'prd' | 'business-case' | 'okr';
  config: ResolvedConfig;
  expect: Expectation[];
}

const BLOCK = /<!--\s*fixture\s*\n([\s\S]*?)-->\s*$/;

export function readFixture(path: string): Fixture {
  const text = readFileSync(path, 'utf8');
  const block = BLOCK.exec(text);
  if (!block) throw new Error(`${path}: no <!-- fixture ... --> block at the end`);
  let kind: Fixture['kind'] = 'auto';
  let raw: OutcomeLensConfig = {};
  const expect: Expectation[] = [];
  let inExpect = false;
  for (const line of block[1]!.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (line.startsWith('kind:')) kind = line.slice(5).trim() as Fixture['kind'];
    else if (line.startsWith('config:')) raw = JSON.parse(line.slice(7)) as OutcomeLensConfig;
    else if (line === 'expect:') inExpect = true;
    else if (inExpect) {
      const m = /^(\d+)(?::(\d+))?\s+([a-z-]+)(?:\s+related((?:\s+\d+:\d+)+))?$/.exec(line);
      if (!m) throw new Error(`${path}: bad expectation "${line}"`);
      expect.push({ line: Number(m[1]), column: m[2] ? Number(m[2]) : undefined, ruleId: m[3]!, related: m[4]?.trim().split(/\s+/) });
    } else throw new Error(`${path}: unknown fixture line "${line}"`);
  }
  const resolved = resolveConfig(raw);
  if (resolved.problems.length) throw new Error(`${path}: bad fixture config: ${resolved.problems.map((p) => p.message).join('; ')}`);
  return { path, text, kind, config: resolved.config, expect };
}

export function fixturesOf(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFixture(join(dir, f)));
}
