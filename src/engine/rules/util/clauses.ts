// The statements a document makes in given sections: table cells, list items
// and sentences, with the raw text (markup included) and its offset, so rules
// can match phrases and report the exact span.
import type { Nodes, RootContent } from 'mdast';
import type { SectionCodec } from '../../memo/section-memo';
import { cellContent, columnOf } from '../../model/metrics';
import type { DocumentModel, Section, SectionRole, Span } from '../../types';

export interface Clause {
  /** Raw source text of the statement. */
  text: string;
  /** Offset of `text` in the document. */
  start: number;
  section: Section;
  /** Where the statement sits; a table's non-metric columns are 'cell'; 'heading' is a section's title. */
  origin: 'metric-cell' | 'cell' | 'list-item' | 'sentence' | 'heading';
  /** The block the statement belongs to: its paragraph, list item (nested items included) or table row. */
  unit: Span;
}

function sentences(text: string, start: number, section: Section, origin: Clause['origin'], unit: Span): Clause[] {
  const out: Clause[] = [];
  const re = /[^.!?;\n]+(?:[.!?;]+(?=\s|$)|$)|[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ text: m[0], start: start + m.index, section, origin, unit });
  }
  return out;
}

function walk(model: DocumentModel, section: Section, nodes: readonly (RootContent | Nodes)[], out: Clause[]): void {
  const raw = (span: Span) => model.text.slice(span.start, span.end);
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        const span = section.spanOf(node);
        out.push(...sentences(raw(span), span.start, section, 'sentence', span));
        break;
      }
      case 'list':
        for (const item of node.children) walk(model, section, [item], out);
        break;
      case 'listItem': {
        const item = section.spanOf(node);
        for (const child of node.children) {
          if (child.type === 'paragraph') {
            const span = section.spanOf(child);
            out.push(...sentences(raw(span), span.start, section, 'list-item', item));
          } else walk(model, section, [child], out);
        }
        break;
      }
      case 'blockquote':
        walk(model, section, node.children, out);
        break;
      case 'table': {
        const [header, ...rows] = node.children;
        const columns = header ? header.children.map((c) => columnOf(model.text.slice(section.spanOf(c).start, section.spanOf(c).end))) : [];
        const hasMetric = columns.includes('metric');
        for (const row of rows) {
          const unit = section.spanOf(row);
          row.children.forEach((cell, i) => {
            const span = cellContent(model.text, section.spanOf(cell));
            const text = raw(span);
            const offset = span.start;
            const metricColumn = hasMetric ? columns[i] === 'metric' : i === 0;
            if (text.trim()) out.push({ text, start: offset, section, origin: metricColumn ? 'metric-cell' : 'cell', unit });
          });
        }
        break;
      }
      default:
        break;
    }
  }
}

// Stored without its section, offsets from where the section's body starts. Fields written out
// rather than spread: a long list's clauses are stored and restored one by one.
const clauseList: SectionCodec<Clause[], Array<Omit<Clause, 'section'>>> = {
  store: (list, base, keep) => list.map((c) => ({ text: keep(c.text), start: c.start - base, origin: c.origin, unit: { start: c.unit.start - base, end: c.unit.end - base } })),
  restore: (list, base, section) => list.map((c) => ({ text: c.text, start: c.start + base, section, origin: c.origin, unit: { start: c.unit.start + base, end: c.unit.end + base } })),
};

/** A section's statements, from its body alone (kept between lints by the model's memo). */
export function sectionClauses(model: DocumentModel, section: Section): Clause[] {
  section.readable();
  return model.memo.get('clauses', section, '', 'body', clauseList, () => {
    const found: Clause[] = [];
    walk(model, section, section.nodes(), found);
    return found;
  });
}

/** Statements in sections whose effective role is one of `roles`. */
export function clausesIn(model: DocumentModel, roles: ReadonlySet<SectionRole>): Clause[] {
  const out: Clause[] = [];
  for (const section of model.sections) {
    if (!section.effectiveRole || !roles.has(section.effectiveRole)) continue;
    for (const clause of sectionClauses(model, section)) out.push(clause);
  }
  return out;
}
