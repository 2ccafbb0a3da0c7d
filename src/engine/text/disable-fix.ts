// "Disable this rule here" as a fix, computed at lint time like every other fix.
// A comment line inside a table would end the table, so for a finding in a
// table the whole table is wrapped in disable/enable comments instead.
import { buildModel } from '../model/build';
import { lineBreakOf } from './lines';
import type { DocumentModel, Fix } from '../types';

const TABLE_LINE = /^\s*\|/;


function lineText(model: DocumentModel, line: number): string {
  const start = model.lineStart(line);
  const end = line + 1 < model.lineCount ? model.lineStart(line + 1) : model.text.length;
  return model.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/**
 * Builds the "disable here" fixes for one lint. The line ending and table
 * bounds are found once and remembered, so thousands of findings stay linear.
 */
export function disablers(model: DocumentModel): { line(ruleId: string, line: number): Fix; file(ruleId: string): Fix } {
  const nl = lineBreakOf(model.text);
  const tableOf = new Map<number, { first: number; last: number }>();
  const tableAt = (line: number) => {
    let table = tableOf.get(line);
    if (!table) {
      let first = line;
      while (first > 0 && TABLE_LINE.test(lineText(model, first - 1))) first--;
      let last = line;
      while (last + 1 < model.lineCount && TABLE_LINE.test(lineText(model, last + 1))) last++;
      table = { first, last };
      for (let l = first; l <= last; l++) tableOf.set(l, table);
    }
    return table;
  };
  const at = model.frontMatter ? model.frontMatter.span.end : model.text.startsWith('\uFEFF') ? 1 : 0;
  const firstContentLine = model.sections.length > 1 ? -1 : model.lineOf(at + (model.text.slice(at).length - model.text.slice(at).trimStart().length));
  const line = (ruleId: string, line: number): Fix => {
    const text = lineText(model, line);
    if (TABLE_LINE.test(text)) {
      const { first, last } = tableAt(line);
      const endOfTable = model.lineStart(last) + lineText(model, last).length;
      return {
        title: `Disable ${ruleId} for this table`,
        kind: 'disable',
        edits: [
          { start: model.lineStart(first), end: model.lineStart(first), text: `<!-- outcome-lens-disable ${ruleId} -->${nl}` },
          { start: endOfTable, end: endOfTable, text: `${nl}<!-- outcome-lens-enable ${ruleId} -->` },
        ],
      };
    }
    if (line === firstContentLine) {
      // Without a heading, a document-level finding sits on the first line of content; a
      // comment above would become that first line and take the finding with it.
      const end = model.lineStart(line) + text.length;
      return {
        title: `Disable ${ruleId} for this line`,
        kind: 'disable',
        edits: [{ start: end, end, text: ` <!-- outcome-lens-disable-line ${ruleId} -->` }],
      };
    }
    const start = model.lineStart(line);
    const indent = /^\s*/.exec(text)![0];
    return {
      title: `Disable ${ruleId} for this line`,
      kind: 'disable',
      edits: [{ start, end: start, text: `${indent}<!-- outcome-lens-disable-next-line ${ruleId} -->${nl}` }],
    };
  };
  const file = (ruleId: string): Fix => ({
    title: `Disable ${ruleId} for this file`,
    kind: 'disable',
    edits: [
      {
        start: at,
        end: at,
        text: model.frontMatter ? `${nl}<!-- outcome-lens-disable-file ${ruleId} -->` : `<!-- outcome-lens-disable-file ${ruleId} -->${nl}`,
      },
    ],
  });
  return { line, file };
}

/** The "disable here" fixes for findings of a text, for callers that dropped them in transit. */
export function disableFixesFor(text: string): (ruleId: string, line: number) => Fix[] {
  const disable = disablers(buildModel(text));
  return (ruleId, line) => [disable.line(ruleId, line), disable.file(ruleId)];
}
