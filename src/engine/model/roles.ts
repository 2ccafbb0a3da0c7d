// Section roles from heading wording. Documents name the same idea in many
// ways ("Success Metrics", "How we'll know", "KPIs", "Measuring success"), so
// each role has a list of patterns, tried in order; the first match wins.
// Users add wordings through `sectionAliases`; those are tried first.
import { cachedByText } from '../memo/detached';
import type { SectionRole } from '../types';

const PATTERNS: ReadonlyArray<readonly [SectionRole, RegExp]> = [
  // Combined and qualified wordings that the general patterns below would misread.
  ['goals', /^goals?\s*(?:and|&|\/|,)\s*non[- ]?goals?\b/],
  // "Feature milestones", "Community milestones": the last word says what the heading lists.
  ['timeline', /\bmilestones?$/],
  ['solution', /\b(?:design|ui|ux|interface|technical|engineering|architectur(?:e|al)) (?:goals?|principles|objectives?)\b/],
  ['needs', /\b(user needs?|needs? statements?|jobs?[- ]to[- ]be[- ]done|jtbd|^stories$)\b/],
  ['non-goals', /\b(non[- ]?goals?|anti[- ]goals?|out of scope|not in scope|what (?:we|this) (?:will not|won't|isn't|is not)|scope exclusions?)\b/],
  // Definitions and dictionaries of metrics describe the product's data, not its success.
  ['appendix', /\b(?:metrics?|kpis?|events?|data) (?:definitions|definition(?! of)|dictionary|glossary|catalog(?:ue)?)\b|^definitions?\b(?! of)/],
  ['key-results', /\b(key results?|krs?|okrs?)\b/],
  // Milestones stated as targets, gates and criteria that a release must meet, north stars and guardrails.
  [
    'success-metrics',
    /\b(?:(?:launch|release|go[- ]live|quality|exit|ship|stage|phase) gates?|graduation criteria|exit criteria|(?:go[- ]live|launch|release) (?:criteria|readiness)|readiness criteria|north[- ]star|guardrails?|what (?:does )?(?:great|good) looks? like|benefits? (?:realis|realiz)ation|benefits? (?:measurement|tracking)|expected (?:impact|results?)|\d+[- ]?(?:day|week|month)s? (?:targets?|kpis?|goals?)|(?<!customer )success\b|^results?$|measures?\b|targets?\b(?! (?:audience|users?|customers?|market|segments?|personas?|group|platforms?|devices?|architecture|state)))/,
  ],
  [
    'success-metrics',
    /\b(success (?:metrics?|criteria|measures?|indicators?|signals?)|metrics?|kpis?|key performance indicators?|measur(?:es|ing|ement)(?: of success| success| plan| framework)?|how (?:we|will we|we'll|we will|do we) (?:know|measure)|definition of success|what (?:does )?success looks? like|defining success|success definition|measures? of success|^success$|evaluation(?: criteria)?|impact measurement|(?:impact|outcome|success) tracking|tracking plan)\b/,
  ],
  ['goals', /\b(goals?|objectives?|aims?|desired outcomes?|outcomes?|what we want to achieve|purpose|intent)\b|^(?:expected|intended|desired|anticipated|project|social|community) impacts?$|^impacts?$/],
  ['problem', /\b(problem(?: statement| definition| space)?s?|pain points?|motivation|why (?:now|this|we)|opportunity|the challenge|challenges?|current (?:pain|issues?)|cost of inaction)\b/],
  ['users', /\b(users?|personas?|target (?:audience|users?|customers?|market)|audience|customers?|who (?:is|it's) (?:this |it )?for|stakeholders?|segments?)\b/],
  ['needs', /\b(user needs?|needs?|jobs? to be done|jtbd|user stories|use cases?|user journeys?|scenarios?)\b/],
  ['roi', /\b(roi|return on investment|payback(?: period)?|npv|net present value|irr|cost[- ]benefit(?: analysis)?|financial (?:analysis|case|summary|impact|projections?)|financials|business impact)\b/],
  ['costs', /\b(costs?|investment(?: required)?|budget|resourc(?:es|ing)(?: required)?|funding|expenses?|effort(?: estimate)?|tco|total cost of ownership|pricing)\b/],
  ['benefits', /\b(benefits?|value(?: proposition)?|business value|expected value|returns?|gains?)\b/],
  ['options', /\b(options?(?: considered| analysis)?|alternatives?(?: considered)?|do[- ]nothing|approaches considered)\b/],
  ['risks', /\b(risks?|risks? and mitigations?|threats?|concerns?|drawbacks?|mitigations?)\b/],
  ['assumptions', /\b(assumptions?|hypothes[ie]s|constraints?|sensitivity(?: analysis)?)\b/],
  ['recommendation', /\b(recommendations?|recommended (?:option|approach)|decision|conclusion|the ask|ask|next steps)\b/],
  ['requirements', /\b(requirements?|functional|non[- ]functional|features?|feature list|scope|specifications?|acceptance criteria|definition of done|must haves?|capabilities)\b/],
  ['solution', /\b(solution|proposal|proposed (?:solution|approach|design)|approach|design(?: details)?|implementation(?: details)?|architecture|how it works|technical (?:design|approach))\b/],
  ['launch', /\b(launch(?: plan)?|go[- ]to[- ]market|gtm|release(?: plan)?|rollout|roll[- ]out)\b/],
  ['timeline', /\b(timeline|milestones?|roadmap|schedule|phases?|delivery plan|plan|project plan|timing|graduation criteria)\b/],
  ['dependencies', /\b(dependenc(?:y|ies))\b/],
  ['open-questions', /\b(open (?:questions?|issues?)|questions|unresolved|faqs?)\b/],
  ['summary', /\b(summary|executive summary|overview|tl;?dr|abstract|at a glance|elevator pitch)\b/],
  ['background', /\b(background|context|introduction|current state|history|situation)\b/],
  ['appendix', /\b(appendix|appendices|references|^reference$|glossary|resources and links|links|changelog|revision history|document history)\b/],
];

/** Lower-case the heading and drop numbering, emoji and punctuation that carry no meaning here. */
export function normalizeHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/^[\s\d.)(-]*(?:section|part|step)?\s*[\d.]*\s*[:.)\-–—]?\s*/, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}'&;/ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createRoleMatcher(aliases: Partial<Record<SectionRole, readonly string[]>> = {}) {
  const custom: Array<[SectionRole, string]> = [];
  for (const [role, wordings] of Object.entries(aliases) as Array<[SectionRole, readonly string[]]>) {
    for (const w of wordings) custom.push([role, normalizeHeading(w)]);
  }
  return function roleOf(title: string): SectionRole | undefined {
    const { heading, role } = builtInRole(title);
    if (heading === '') return undefined;
    for (const [alias, wording] of custom) if (heading === wording || heading.includes(wording)) return alias;
    return role;
  };
}

// Headings by title, with the role the built-in patterns give them.
const builtInRole = cachedByText((title): { heading: string; role: SectionRole | undefined } => {
  const heading = normalizeHeading(title);
  return { heading, role: PATTERNS.find(([, pattern]) => pattern.test(heading))?.[0] };
});
