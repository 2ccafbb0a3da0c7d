// The document model: the heading tree with a role per section, front matter,
// and (lazily) parsed section content and metric items. Rules read this model,
// never the raw text, so they agree on what a "section" or a "metric" is.
import type { RootContent } from 'mdast';
import type { DocumentModel, MetricItem, MetricTable, Section, SectionRole, Span } from '../types';
import { keptSectionMetrics, type SectionMetrics } from '../memo/codecs';
import { cachedByText, detached } from '../memo/detached';
import { SectionMemo, type MemoSession, type SectionCodec } from '../memo/section-memo';
import { ParseCache } from '../parse';
import { MAX_NESTING, nestingDepth } from '../text/nesting';
import { lowerBound } from '../text/sorted';
import { judge } from '../judgement/classify';
import { readFrontMatter } from './front-matter';
import { extractMetrics } from './metrics';
import { createRoleMatcher } from './roles';

export interface BuildOptions {
  fileName?: string;
  sectionAliases?: Partial<Record<SectionRole, readonly string[]>>;
  /** Shared between lints of the same document so unchanged sections are not parsed again. */
  cache?: ParseCache;
  /** Shared the same way, so what rules derived from unchanged sections is not derived again. */
  memo?: SectionMemo;
}

/** Heading text without inline Markdown: emphasis, code marks, links, images, html. Kept by raw heading. */
export const plainHeading = cachedByText((raw) => detached(stripInline(raw)));

function stripInline(raw: string): string {
  return raw
    // Each class stops at the next opening bracket too, so a long run of `[`, `(` or `<`
    // is scanned once, not once per start (these were quadratic on 100,000-character headings).
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/<[^<>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}


// Under a success section, "Phase 1", "Launch gates" or "Month 1-3 timeline" headings are
// milestones stated as targets: they keep the success role instead of taking their own.
const SUCCESS_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['success-metrics', 'key-results', 'goals']);
const MILESTONE_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['timeline', 'launch']);

const APART_FROM_RESULTS: ReadonlySet<SectionRole> = new Set<SectionRole>(['non-goals', 'appendix', 'risks', 'open-questions', 'background', 'summary', 'dependencies', 'assumptions']);

function effectiveRoleOf(own: SectionRole | undefined, inherited: SectionRole | undefined): SectionRole | undefined {
  if (own && inherited && SUCCESS_ROLES.has(inherited) && MILESTONE_ROLES.has(own)) return inherited;
  // On an OKR page an objective's heading holds its key results, whatever words it uses
  // ("Help new users ...", "Ship the requirements tool"); only sections that set themselves
  // apart (non-goals, risks, background, an appendix) keep their own role.
  if (inherited === 'key-results' && own && !APART_FROM_RESULTS.has(own)) return inherited;
  return own ?? inherited;
}

// "Build the first product metrics", "Metrics dashboard spec": a title about making something
// that has metrics in it names a deliverable, not the document's success.
const DELIVERABLE_TITLE = /^\W{0,8}(?:build|building|implement|create|add|design|launch|ship)\b|\b(?:prd|spec|specification|rfc|pitch|proposal|feature)\b/i;
const successRole = (role: SectionRole | undefined, title: string) => (role && SUCCESS_ROLES.has(role) && !DELIVERABLE_TITLE.test(title) ? role : undefined);

/**
 * A document with no heading above its content whose first line is bold alone
 * ("**2024 Mobile Team OKRs**") is titled by that line when the title makes the whole
 * document a statement of success, as a heading would; the preamble takes it as its title.
 */
function boldTitleOf(preamble: string, roleOf: (title: string) => SectionRole | undefined): { title: string; role: SectionRole } | undefined {
  const first = /^\s{0,200}(?:\*\*|__)([^*_\n]{1,160})(?:\*\*|__)[ \t]{0,8}(?:\r?\n|$)/.exec(preamble);
  const role = first ? successRole(roleOf(first[1]!), first[1]!) : undefined;
  return role ? { title: first![1]!.trim(), role } : undefined;
}

/**
 * The metric items and tables of every section, deliverables left out; each section's are
 * kept between lints under the same context as its extraction (`extractMetrics`), and the
 * judgement that drops deliverables reads only the item and its section's role.
 */
function keptMetrics(sections: readonly Section[], text: string, memo: MemoSession): SectionMetrics {
  const items: MetricItem[] = [];
  const tables: MetricTable[] = [];
  for (const section of sections) {
    const role = section.effectiveRole;
    if (role !== 'goals' && role !== 'success-metrics' && role !== 'key-results') continue;
    section.readable();
    const found = memo.get('kept-metrics', section, `${section.role}\u0000${role}\u0000${section.title}`, 'body', keptSectionMetrics, () =>
      withoutDeliverables(extractMetrics([section], text, memo)),
    );
    for (const item of found.items) items.push(item);
    for (const table of found.tables) tables.push(table);
  }
  return { items, tables };
}

/** Metric items that are deliverables ("Release the v2 API") are outputs, not metrics to give a baseline. */
function withoutDeliverables(found: SectionMetrics): SectionMetrics {
  const isMetric = (item: MetricItem) =>
    judge({
      text: item.name.text,
      place: 'metric',
      value: item.target?.text,
      origin: item.source === 'list' ? 'list-item' : 'metric-cell',
      keyResult: item.section.effectiveRole === 'key-results',
    }).call !== 'output';
  for (const table of found.tables) table.rows = table.rows.filter(isMetric);
  return { items: found.items.filter(isMetric), tables: found.tables };
}

const BLANK = /^[ \t\r\n]*$/;

type SectionInit = Pick<Section, 'title' | 'depth' | 'role' | 'heading' | 'titleSpan' | 'body' | 'span' | 'parent'>;

/** What a section reads its body from: the document's text, the parse cache, the memo, the code blocks within a span. */
interface SectionReading {
  text: string;
  cache: ParseCache;
  memo: MemoSession;
  codeWithin(body: Span): Span[];
}

/** A value kept as it is: it holds no offsets. */
const asIs: SectionCodec<number, number> = { store: (value) => value, restore: (value) => value };

// The fields a section is made with are declared once, by `Section` (through `SectionInit`).
interface ModelSection extends SectionInit {}

/**
 * A section of one lint's model. A class, not a literal with closures: a re-lint builds every
 * section again, and six closures each were most of what building them allocated.
 */
class ModelSection implements Section {
  effectiveRole: SectionRole | undefined;
  children: Section[] = [];
  index: number;
  unparsed: string | undefined = undefined;
  private readableKept: boolean | undefined = undefined;
  private bodyKept: string | undefined = undefined;
  private ownKept: string | undefined = undefined;
  private nodesKept: readonly RootContent[] | undefined = undefined;

  constructor(
    init: SectionInit,
    index: number,
    private readonly read: SectionReading,
  ) {
    // Listed one by one: a spread of `init` made each section cost several times more to build.
    this.title = init.title;
    this.depth = init.depth;
    this.role = init.role;
    this.effectiveRole = effectiveRoleOf(init.role, init.parent?.effectiveRole);
    this.heading = init.heading;
    this.titleSpan = init.titleSpan;
    this.body = init.body;
    this.span = init.span;
    this.parent = init.parent;
    this.index = index;
  }

  readable(): boolean {
    if (this.readableKept === undefined) {
      // The code blocks in a body are its own: a section never starts inside one.
      const depth = this.read.memo.get('nesting', this, '', 'body', asIs, () => nestingDepth(this.read.text, this.body.start, this.body.end, this.read.codeWithin(this.body)));
      this.readableKept = depth <= MAX_NESTING;
      if (!this.readableKept) this.unparsed = `lists or quotes nest ${depth} levels deep (the limit is ${MAX_NESTING})`;
    }
    return this.readableKept;
  }

  bodyText(): string {
    return (this.bodyKept ??= this.read.text.slice(this.body.start, this.body.end));
  }

  ownText(): string {
    return (this.ownKept ??= this.read.text.slice(this.heading.start, this.body.end));
  }

  nodes(): readonly RootContent[] {
    if (this.nodesKept === undefined) {
      if (!this.readable()) {
        this.nodesKept = [];
        return this.nodesKept;
      }
      const body = this.bodyText();
      try {
        // Blank lines alone parse to nothing; many sections hold only their subsections.
        this.nodesKept = BLANK.test(body) ? [] : this.read.cache.parse(body, this.read.memo.keep).children;
      } catch {
        // Pathological input (e.g. nesting deeper than the parser's stack): the
        // section is treated as having no content rather than failing the lint.
        this.nodesKept = [];
      }
    }
    return this.nodesKept;
  }

  spanOf(node: RootContent): Span {
    const base = this.body.start;
    return { start: base + (node.position?.start.offset ?? 0), end: base + (node.position?.end.offset ?? 0) };
  }
}

export function buildModel(text: string, options: BuildOptions = {}): DocumentModel {
  const memo = (options.memo ?? new SectionMemo()).session(text);
  const { lines } = memo;
  const scanned = memo.scan(text);
  const cache = options.cache ?? new ParseCache();
  const roleOf = createRoleMatcher(options.sectionAliases);
  const sections: Section[] = [];
  // Code spans are disjoint and in order: a section looks only at those inside it, not at
  // every one of the document (that was sections × code blocks on every lint).
  const codeEnds = scanned.codeSpans.map((span) => span.end);
  const codeWithin = (body: Span): Span[] => {
    const within: Span[] = [];
    for (let i = lowerBound(codeEnds, body.start + 1); i < codeEnds.length && scanned.codeSpans[i]!.start < body.end; i++) within.push(scanned.codeSpans[i]!);
    return within;
  };

  const read: SectionReading = { text, cache, memo, codeWithin };
  const makeSection = (init: SectionInit): Section => {
    const section = new ModelSection(init, sections.length, read);
    sections.push(section);
    return section;
  };

  const headings = scanned.headings;
  const bodyStartAfter = (line: number) => lines.starts[line + 1] ?? text.length;
  const preambleEnd = headings.length > 0 ? lines.starts[headings[0]!.firstLine]! : text.length;
  const boldTitle = boldTitleOf(text.slice(0, preambleEnd), roleOf);
  const preamble = makeSection({
    title: boldTitle?.title ?? '',
    depth: 0,
    role: boldTitle?.role,
    heading: { start: 0, end: 0 },
    titleSpan: { start: 0, end: 0 },
    body: { start: 0, end: preambleEnd },
    span: { start: 0, end: text.length },
    parent: undefined,
  });

  const soleH1 = headings.filter((h) => h.depth === 1).length === 1;
  const stack: Section[] = [preamble];
  headings.forEach((h, i) => {
    const headingStart = lines.starts[h.firstLine]!;
    // A section ends where the next heading of the same or a higher level begins.
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= h.depth) {
      const closed = stack.pop()!;
      closed.span = { start: closed.span.start, end: headingStart };
    }
    const parent = stack[stack.length - 1]!;
    const next = headings[i + 1];
    const bodyEnd = next ? lines.starts[next.firstLine]! : text.length;
    const title = plainHeading(h.raw);
    const section = makeSection({
      title,
      depth: h.depth,
      // A lone H1 at the top is the document's title ("Feature Spec: Bond Search"): its
      // wording names the document, not a section role its children should inherit, unless
      // the whole document states success ("OKRs 2026 Q3", "Launch success metrics").
      role: i === 0 && h.depth === 1 && soleH1 ? successRole(roleOf(title), title) : roleOf(title),
      heading: { start: lines.starts[h.firstLine]!, end: lines.lineEnd(h.lastLine) },
      titleSpan: h.titleSpan,
      body: { start: Math.min(bodyStartAfter(h.lastLine), bodyEnd), end: bodyEnd },
      span: { start: lines.starts[h.firstLine]!, end: text.length },
      parent,
    });
    parent.children.push(section);
    stack.push(section);
  });
  memo.sectionsBuilt(sections.length);
  const frontMatter = readFrontMatter(scanned.frontMatter);
  const fmTitle = frontMatter?.data.title;
  const h1 = sections.find((s) => s.depth === 1);
  let metrics: SectionMetrics | undefined;
  const byRole = new Map<SectionRole, Section[]>();
  for (const s of sections) {
    if (!s.effectiveRole) continue;
    const list = byRole.get(s.effectiveRole) ?? [];
    list.push(s);
    byRole.set(s.effectiveRole, list);
  }

  return {
    text,
    fileName: options.fileName,
    frontMatter,
    title: typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : (h1?.title ?? boldTitle?.title),
    sections,
    sectionsWithRole: (role) => byRole.get(role) ?? [],
    metrics() {
      metrics ??= keptMetrics(sections, text, memo);
      return metrics.items;
    },
    metricTables() {
      metrics ??= keptMetrics(sections, text, memo);
      return metrics.tables;
    },
    codeSpans: scanned.codeSpans,
    memo,
    lineOf: (offset) => lines.lineOf(offset),
    lineStart: (line) => lines.starts[line] ?? text.length,
    lineCount: lines.lineCount,
    position: (offset) => lines.position(offset),
  };
}
