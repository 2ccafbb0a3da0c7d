// The engine's public data shapes. Everything here is plain data so that the
// same findings can cross a worker boundary, be printed by the CLI, or be
// turned into VS Code diagnostics without conversion code knowing the rules.
import type { RootContent } from 'mdast';
import type { MemoSession } from './memo/section-memo';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** What kind of product document a text is; `okr` is an OKR or KPI page; `none` means "not a product document". */
export type DocumentKind = 'prd' | 'business-case' | 'okr' | 'none';
export type ProductKind = Exclude<DocumentKind, 'none'>;

/** A point in the text. `line` and `column` are 1-based (like unist), `offset` 0-based UTF-16. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** Half-open offset span [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of [start, end) by `text`, in offsets of the linted text. */
export interface TextEdit extends Span {
  text: string;
}

/**
 * A change offered for a finding. As in ESLint, a *fix* (no `kind`) is safe to apply
 * unattended and Fix All and `lint --fix` apply it; a *suggestion* needs a person (it
 * scaffolds with placeholders such as "[who]" or "[target]") and is only offered in the
 * light bulb. The engine marks every fix that writes a placeholder as a suggestion.
 */
export interface Fix {
  /** Shown as the quick-fix title: says what the edit does. */
  title: string;
  edits: TextEdit[];
  /** The best of the finding's fixes: first in the light bulb; a preferred safe fix is the one Fix All applies. */
  isPreferred?: boolean;
  /** `suggestion` needs a person (never applied by Fix All or --fix); `disable` for the "disable this rule here" fixes every finding gets. */
  kind?: 'suggestion' | 'disable';
}

/** One of the places a grouped finding stands for ("7 metrics have no baseline": each of the 7). */
export interface RelatedPlace {
  message: string;
  start: Position;
  end: Position;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: Position;
  end: Position;
  fixes: Fix[];
  docsUrl: string;
  /** The individual places a grouped finding stands for, so each stays reachable; absent when it stands for one. */
  related?: RelatedPlace[];
}

/** Roles a section can play, recognised from its heading wording. */
export const SECTION_ROLES = [
  'summary',
  'problem',
  'users',
  'needs',
  'goals',
  'non-goals',
  'success-metrics',
  'key-results',
  'requirements',
  'solution',
  'timeline',
  'launch',
  'costs',
  'benefits',
  'roi',
  'options',
  'risks',
  'assumptions',
  'recommendation',
  'dependencies',
  'open-questions',
  'background',
  'appendix',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

/** Roles in which a document states what success is; vanity/output rules judge only these. */
export const OUTCOME_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>([
  'goals',
  'success-metrics',
  'key-results',
]);

export interface Section {
  /** Heading text with inline Markdown stripped; for the preamble, '' or the bold first line that titles an OKR or metrics page. */
  title: string;
  /** 1-6 for headings, 0 for the preamble. */
  depth: number;
  /** Role recognised from this heading's own wording. */
  role: SectionRole | undefined;
  /** Own role, or the nearest ancestor's when the heading says nothing recognisable. */
  effectiveRole: SectionRole | undefined;
  /** Span of the heading line (the whole line, without the line break). */
  heading: Span;
  /** Span of the heading's text inside the line (no `#` marks or setext underline). */
  titleSpan: Span;
  /** Own content: after the heading line up to the next heading of any depth. */
  body: Span;
  /** Whole section: heading plus content plus all subsections. */
  span: Span;
  parent: Section | undefined;
  children: Section[];
  /** Index in `DocumentModel.sections` (document order). */
  index: number;
  /** Why the body was not parsed (nesting beyond the limit), or undefined when it was. */
  unparsed: string | undefined;
  /** Whether the body can be parsed, found without parsing it; when not, `unparsed` says why. */
  readable(): boolean;
  /**
   * The body's text, and the heading's with it (`heading.start` to `body.end`), sliced once per
   * lint: the memo and the parse cache key on them, and one string hashes once, not per lookup.
   */
  bodyText(): string;
  ownText(): string;
  /** The body's block nodes, parsed on first use; positions are relative to `body.start`. */
  nodes(): readonly RootContent[];
  /** Absolute span of a node returned by `nodes()`. */
  spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span;
}

export type MetricType = 'leading' | 'lagging' | 'guardrail';

/** One cell (or list-item fragment) that carries a metric attribute. */
export interface MetricField {
  text: string;
  span: Span;
}

export interface MetricItem {
  section: Section;
  source: 'table' | 'list';
  /** The metric's name or sentence. */
  name: MetricField;
  /** The whole row or list item. */
  span: Span;
  baseline: MetricField | undefined;
  target: MetricField | undefined;
  timeframe: MetricField | undefined;
  owner: MetricField | undefined;
  dataSource: MetricField | undefined;
  type: MetricType | undefined;
  table: MetricTable | undefined;
}

export type MetricColumn = 'metric' | 'type' | 'baseline' | 'target' | 'timeframe' | 'owner' | 'source';

export interface MetricTable {
  section: Section;
  span: Span;
  /** Span of the header row line. */
  headerSpan: Span;
  /** Span of the delimiter row (`| --- |`) line. */
  delimiterSpan: Span;
  /** Column role by index; undefined for columns we do not understand. */
  columns: (MetricColumn | undefined)[];
  rows: MetricItem[];
}

export interface FrontMatter {
  data: Record<string, unknown>;
  span: Span;
  /** A YAML error, when the block could not be read; data is then {}. */
  error: string | undefined;
}

export interface DocumentModel {
  text: string;
  fileName: string | undefined;
  frontMatter: FrontMatter | undefined;
  /** Document title: front matter `title`, else the first depth-1 heading, else undefined. */
  title: string | undefined;
  /** Every section in document order, index 0 being the preamble. */
  sections: readonly Section[];
  /** Sections whose effective role is `role`. */
  sectionsWithRole(role: SectionRole): Section[];
  /** Metric items from tables and lists in success-metrics / key-results / goals sections. */
  metrics(): readonly MetricItem[];
  metricTables(): readonly MetricTable[];
  /** Spans of fenced/indented code and front matter, where prose rules must not look. */
  codeSpans: readonly Span[];
  /** 0-based line index of an offset, and the offset where each line starts. */
  lineOf(offset: number): number;
  lineStart(line: number): number;
  lineCount: number;
  position(offset: number): Position;
  /** What rules derived from each section, kept between lints by the same Linter. */
  memo: MemoSession;
}
