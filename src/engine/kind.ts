// Is this text a PRD, a business case, or not a product document at all?
// Explicit signals win (setting, front matter, file name, title); otherwise the
// shape of the sections decides. A README or changelog gets no findings.
import { judge } from './judgement/classify';
import { successStatements } from './judgement/statements';
import type { DocumentKind, DocumentModel, SectionRole } from './types';

/** The front matter `type` of an exported persona chat (src/chat/export.ts writes it). */
export const CHAT_EXPORT_TYPE = 'chat-export';

export interface KindDecision {
  kind: DocumentKind;
  /** Why, in words a user understands ("front matter type: prd"). */
  reason: string;
}

// Proposals of work are judged as PRDs: an RFC, a KEP, a pitch, a project charter, a grant application.
const PRD_WORDS =
  /\b(prds?|product requirements?(?: documents?)?|requirements? doc(?:ument)?|(?:feature|product|functional) spec(?:ification)?s?|one[- ]pager|product brief|product outline|feature brief|rfcs?|request for comments|(?:enhancement|project|product|feature|grant) proposals?|keps?|pitch|project charter|grant application|grant\b[^.\n]{0,40}\b(?:application|proposal))\b/i;
const BUSINESS_CASE_WORDS = /\b(business[- ]cases?|investment (?:case|proposal)|cost[- ]benefit analysis|funding (?:request|proposal))\b/i;
const OKR_WORDS = /\b(okrs?|objectives? (?:and|&) key results?|kpis?|key performance indicators?|north[- ]star metrics?)\b/i;
const NOT_PRODUCT_FILES = /^(readme|changelog|changes|history|contributing|code_of_conduct|license|licence|security|authors|notice|todo)(\.|$)/i;

function fromWords(value: string): DocumentKind | undefined {
  if (BUSINESS_CASE_WORDS.test(value) || /^business[-_ ]?case$/i.test(value)) return 'business-case';
  if (PRD_WORDS.test(value) || /^(prd|spec|requirements)$/i.test(value)) return 'prd';
  if (OKR_WORDS.test(value)) return 'okr';
  return undefined;
}

// "Objective 1: ...", "O2 -", "KR1.3:", "Key Results:" as headings, list items or lines.
const OKR_LINE = /^[ \t]{0,3}(?:#{1,6}[ \t]{1,8}|[-*+][ \t]{1,8}(?:\[[ xX]\][ \t]{1,8})?|\d{1,3}[.)][ \t]{1,8})?(?:\*\*|__)?(?:[\p{L}-]+ )?(?:objective|key results?|krs?|o)[ \t]{0,8}#?\d{0,3}(?:\.\d{1,3})?(?:\*\*|__)?[ \t]{0,8}[:.)\-–—]/gimu;

/** An OKR page: objectives and key results make up most of what it states. */
function okrShape(model: DocumentModel): boolean {
  const lines = model.text.match(OKR_LINE)?.length ?? 0;
  const krSections = model.sections.filter((s) => s.role === 'key-results').length;
  const objectives = /\bobjectives?\b/i.test(model.text);
  // Two objectives whose lists or tables hold key results are enough.
  const keyResults = () => successStatements(model).filter((s) => s.keyResult).length;
  return objectives && (lines >= 3 || krSections >= 2 || (krSections >= 1 && lines >= 2) || (lines >= 2 && keyResults() >= 3));
}

// Headings that state how success is measured, not merely "Metrics" (telemetry docs have those)
// or "Goals" (a library README's design goals).
const SUCCESS_HEADING =
  /\b(?:success (?:metrics?|criteria|measures?|indicators?|signals?)|kpis?|key performance indicators?|key results?|okrs?|north[- ]star(?: metrics?)?|how (?:we|we'll|we will|will we|do we) (?:know|measure)|measur(?:es|ing) (?:of )?success|definition of success|impact (?:metrics|measurement)|\d+[- ]?(?:day|week|month) (?:goals|targets|kpis)|(?:day|week|month|quarter|sprint)[ \t]?\d{1,3} (?:goals|targets|kpis|milestones))\b/i;

/** Why the document counts as stating its success measures, or undefined when it does not. */
function successHeading(model: DocumentModel): string | undefined {
  const headed = model.sections.find((s) => s.depth > 0 && SUCCESS_HEADING.test(s.title) && !/\blearning\b/i.test(s.title));
  if (!headed || successStatements(model).length < 3) return undefined;
  return `it states success measures under "${headed.title}"`;
}

/** A page of KPI tables and tracking fields under no telling heading: three measures or more. */
// A review, retrospective or report reads measures back after the fact; it does not set them.
const LOOKING_BACK = /\b(?:review|retrospective|retro|report|scorecard|post[- ]?mortem|results|recap|readout)\b/i;

function measuresStated(model: DocumentModel): string | undefined {
  if (model.title && LOOKING_BACK.test(model.title)) return undefined;
  // Rows of measure tables and blank fields to fill in; labeled sentences in reference docs
  // ("**target** `string`") are too easily met to count.
  const measures = successStatements(model).filter((s) => (s.origin === 'metric-cell' || /:\s{0,8}(?:\*\*|__)?\s{0,8}_{3,}/.test(s.text)) && judge(s).measure).length;
  return measures >= 3 ? `it states ${measures} measures of success (tables or fields of measures and targets)` : undefined;
}

/** How many goal statements the judgement can call (a delivery, a count, an outcome). */
function judgedGoals(model: DocumentModel): number {
  return successStatements(model).filter((s) => s.place === 'goal' && judge(s).call !== 'unsure').length;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

const PRD_SHAPE: readonly SectionRole[] = ['problem', 'goals', 'non-goals', 'success-metrics', 'key-results', 'requirements', 'users', 'needs'];
const BUSINESS_SHAPE: readonly SectionRole[] = ['costs', 'benefits', 'roi', 'options', 'recommendation'];

export function detectKind(
  model: DocumentModel,
  options: { setting?: 'auto' | 'prd' | 'business-case' | 'okr'; included?: boolean } = {},
): KindDecision {
  // An exported persona chat quotes product documents but is none, whatever the settings say.
  if (model.frontMatter?.data.type === CHAT_EXPORT_TYPE) return { kind: 'none', reason: `front matter type: ${CHAT_EXPORT_TYPE} (an exported persona chat)` };
  if (options.setting && options.setting !== 'auto') return { kind: options.setting, reason: `kind set to ${options.setting}` };

  const fm = model.frontMatter?.data ?? {};
  for (const key of ['type', 'doc_type', 'docType', 'kind', 'document_type']) {
    const value = fm[key];
    if (typeof value !== 'string' || !value.trim()) continue;
    const kind = fromWords(value.replace(/[-_]/g, ' ')) ?? fromWords(value);
    return kind
      ? { kind, reason: `front matter ${key}: ${value}` }
      : { kind: 'none', reason: `front matter ${key}: ${value} is not a product document type` };
  }

  const roles = new Set(model.sections.map((s) => s.role).filter((r): r is SectionRole => r !== undefined));
  const score = (shape: readonly SectionRole[]) => shape.filter((r) => roles.has(r)).length;
  const name = model.fileName ? baseName(model.fileName) : undefined;

  if (name) {
    if (NOT_PRODUCT_FILES.test(name) && !options.included) {
      return { kind: 'none', reason: `${name} is not a product document` };
    }
    const kind = fromWords(name.replace(/\.[^.]+$/, '').replace(/[-_.]/g, ' '));
    if (kind) return { kind, reason: `file name ${name}` };
  }

  if (model.title) {
    const kind = fromWords(model.title);
    if (kind) return { kind, reason: `title "${model.title}"` };
  }

  // A page titled as OKRs or success metrics ("Launch success metrics", a bold "2024 OKRs").
  const titled = model.sections.find((s) => s.depth <= 1 && (s.role === 'key-results' || s.role === 'success-metrics'));
  if (titled) return { kind: 'okr', reason: `its title states success measures ("${titled.title}")` };

  // An OKR page owes no problem statement or requirements: it is judged on its key results.
  if (okrShape(model) && score(BUSINESS_SHAPE) < 2 && !roles.has('requirements') && !roles.has('problem')) {
    return { kind: 'okr', reason: 'objectives and key results' };
  }
  const business = score(BUSINESS_SHAPE);
  const prd = score(PRD_SHAPE);
  if (business >= 3 && business >= prd - 1) return { kind: 'business-case', reason: `sections for ${business} business-case topics` };
  if (prd >= 3 && (roles.has('goals') || roles.has('problem') || roles.has('success-metrics'))) {
    return { kind: 'prd', reason: `sections for ${prd} PRD topics` };
  }
  // A short spec with stories or requirements and success criteria ("Stories", "Success
  // Criteria") is a PRD, however small; a launch plan or a memo with metrics is not.
  const specBody = roles.has('needs') || roles.has('requirements');
  if (specBody && (roles.has('success-metrics') || roles.has('key-results'))) {
    return { kind: 'prd', reason: 'stories or requirements with success criteria' };
  }
  // A launch metrics plan, a grant's KPIs, a roadmap with success metrics: whatever its title,
  // a document that states how its success is measured is checked, as an OKR/KPI page.
  const stated = successHeading(model) ?? measuresStated(model);
  if (stated) return { kind: 'okr', reason: stated };
  // A proposal or RFC that states its goals and what it will deliver or change is a PRD in all
  // but name; a library's design goals with nothing else around them are not.
  const goals = model.sections.find((s) => s.depth > 0 && s.role === 'goals');
  if (goals && (roles.has('problem') || roles.has('requirements') || roles.has('non-goals') || roles.has('timeline')) && judgedGoals(model) >= 2) {
    return { kind: 'prd', reason: `it states goals under "${goals.title}" with a problem, requirements or a plan around them` };
  }
  if (options.included) return { kind: 'prd', reason: 'listed in documents.include' };
  return { kind: 'none', reason: 'no product-document signals (front matter type, file name, title or sections)' };
}
