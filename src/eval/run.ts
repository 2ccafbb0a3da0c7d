// `npm run eval` without the printing: reads a labels file and the documents it names, lints
// each in-process the way `outcome-lens lint --kind K --format json FILE` would (nearest
// config file, same kind mapping as score.mjs) and scores the findings.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { defaultConfig, LineIndex, Linter, type ResolvedConfig } from '../engine';
import { posixRelative } from '../cli/report';
import { ConfigFinder, loadConfigFile } from '../node/config-files';
import { describeFsError, readDocument } from '../node/files';
import { lintKindOf, parseLabels, type LabeledDocument } from './labels';
import { scoreDocuments, type EvalScore, type LintedDocument } from './score';

export interface EvalInputs {
  /** The labels file (RUBRIC.md's format). */
  labels: string;
  /** Folder that the labels' `file` names are relative to. */
  docs: string;
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

async function lintOne(linter: Linter, configs: Configs, label: LabeledDocument, docs: string, labelsPath: string): Promise<LintedDocument> {
  const path = resolve(docs, label.file);
  let read;
  try {
    read = await readDocument(path);
  } catch (error) {
    throw new EvalInputError(`${path} (labeled in ${labelsPath}): ${describeFsError(error)}`);
  }
  // The CLI reports a binary or oversized file as skipped, with no findings; so does this.
  if (read.kind !== 'text') return { label, findings: [], lines: [] };
  const { config, root } = await configs.forFolder(dirname(path));
  const result = linter.lint(read.text, { fileName: path, relativePath: posixRelative(root, path), config, kind: lintKindOf(label), disableFixes: false });
  const index = new LineIndex(read.text);
  return {
    label,
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, line: f.start.line })),
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
  for (const label of labels.documents) linted.push(await lintOne(linter, configs, label, docs, labelsPath));
  return { ...scoreDocuments(linted), warnings: configs.warnings };
}

/** Where `npm run eval` looks when not told: the shared labels and corpus beside the project. */
export function defaultInputs(projectRoot: string): EvalInputs {
  return { labels: join(projectRoot, '..', 'shared', 'eval', 'labels.json'), docs: join(projectRoot, '..', 'shared', 'corpus') };
}
