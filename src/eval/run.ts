// `npm run eval` without the printing: reads a labels file and the documents it names, lints
// each in-process the way `outcome-lens lint --kind K --format json FILE` would (nearest
// config file, same kind mapping as score.mjs) and scores the findings.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { defaultConfig, LineIndex, Linter, successStatements, type ResolvedConfig } from '../engine';
import { posixRelative } from '../cli/report';
import { ConfigFinder, loadConfigFile } from '../node/config-files';
import { describeFsError, readDocument } from '../node/files';
import { lintKindOf, parseLabels, type LabeledDocument } from './labels';
import { selectSplit, type Split } from './split';
import { scoreDocuments, type EvalScore, type LintedDocument } from './score';

export interface EvalInputs {
  /** The labels file (RUBRIC.md's format). */
  labels: string;
  /** Folder that the labels' `file` names are relative to. */
  docs: string;
  /** Lint without a kind, as a user gets it (score.mjs --auto); by default each label's kind. */
  auto?: boolean;
  /** Which documents to score (split.ts); all by default. */
  split?: Split;
}

export interface EvalRun extends EvalScore {
  /** Config files that applied and had problems, one line each (the CLI prints the same on stderr). */
  warnings: string[];
}

/** A labels file or document that cannot be used; the message names the path and what is wrong. */
export class EvalInputError extends Error {}

async function readLabels(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new EvalInputError(`${path}: cannot read the labels file: ${describeFsError(error)}`);
  }
  const labels = parseLabels(text);
  if (labels instanceof Error) throw new EvalInputError(`${path}: not a labels file: ${labels.message}`);
  return labels;
}

/** Nearest `.outcome-lens.json(c)` per folder, as the CLI finds it; defaults when there is none. */
class Configs {
  private readonly finder = new ConfigFinder({ exists: (path) => stat(path).then((s) => s.isFile(), () => false) });
  readonly warnings: string[] = [];

  async forFolder(folder: string): Promise<{ config: ResolvedConfig; root: string }> {
    const path = await this.finder.find(folder);
    if (path === undefined) return { config: defaultConfig(), root: folder };
    const loaded = await loadConfigFile(path).catch((error: unknown) => {
      throw new EvalInputError(`${path}: cannot read config: ${describeFsError(error)}`);
    });
    for (const p of loaded.problems) {
      const warning = `${path}:${p.line}:${p.column}: ${p.message}`;
      if (!this.warnings.includes(warning)) this.warnings.push(warning);
    }
    return { config: loaded.config, root: dirname(path) };
  }
}

async function lintOne(linter: Linter, configs: Configs, label: LabeledDocument, inputs: EvalInputs & { labelsPath: string }): Promise<LintedDocument> {
  const { docs, labelsPath } = inputs;
  const path = resolve(docs, label.file);
  let read;
  try {
    read = await readDocument(path);
  } catch (error) {
    throw new EvalInputError(`${path} (labeled in ${labelsPath}): ${describeFsError(error)}`);
  }
  // The CLI reports a binary or oversized file as skipped, with no findings; so does this.
  if (read.kind !== 'text') return { label, findings: [], lines: [], statementLines: new Set() };
  const { config, root } = await configs.forFolder(dirname(path));
  const result = linter.lint(read.text, { fileName: path, relativePath: posixRelative(root, path), config, ...(inputs.auto ? {} : { kind: lintKindOf(label) }), disableFixes: false });
  const index = new LineIndex(read.text);
  // Statement coverage: which lines the engine read as success statements (none when skipped).
  const statementLines = new Set<number>();
  if (result.model && result.kind !== 'none') {
    for (const { start, text } of successStatements(result.model)) statementLines.add(index.lineOf(start + text.length - text.trimStart().length) + 1);
  }
  return {
    statementLines,
    label,
    // A grouped finding stands for each of its related places, as score.mjs counts it.
    findings: result.findings.flatMap((f) => [f.start, ...(f.related ?? []).map((r) => r.start)].map((at) => ({ ruleId: f.ruleId, line: at.line }))),
    lines: Array.from({ length: index.lineCount }, (_, i) => index.lineText(i)),
  };
}

export async function runEval(inputs: EvalInputs): Promise<EvalRun> {
  const labelsPath = resolve(inputs.labels);
  const docs = resolve(inputs.docs);
  const labels = await readLabels(labelsPath);
  const linter = new Linter();
  const configs = new Configs();
  const linted: LintedDocument[] = [];
  for (const label of selectSplit(labels.documents, inputs.split ?? 'all')) linted.push(await lintOne(linter, configs, label, { ...inputs, docs, labelsPath }));
  return { ...scoreDocuments(linted), warnings: configs.warnings };
}

/** Where `npm run eval` looks when not told: the shared labels and corpus beside the project. */
export function defaultInputs(projectRoot: string): EvalInputs {
  return { labels: join(projectRoot, '..', 'shared', 'eval', 'labels.json'), docs: join(projectRoot, '..', 'shared', 'corpus') };
}
