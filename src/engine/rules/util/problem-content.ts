// Whether a passage states a problem, judged by its content rather than its
// heading: something goes wrong or costs someone (trouble), for someone, with
// evidence (a number, tickets, a survey). A Background that only tells history
// ("built in 2019, rebuilt in 2022") has people and numbers but no trouble.
import type { DocumentModel, Section } from '../../types';

// Something failing, hurting or costing: "cannot", "struggle", "by hand", "lose", "today it takes".
export const TROUBLE =
  /\b(?:problems?|pain(?:s|ful| points?)?|struggl\w*|cannot|can['’]t|can not|unable to|frustrat\w*|hard to|difficult\w*|too (?:long|slow|hard|many|much|often|expensive|late)|wasted?|wastes|wasting|error[- ]prone|fail(?:s|ed|ing|ures?)? to|no way to|lack(?:s|ing)?|gaps?|los(?:e|es|ing|t) (?:track|time|money|customers|users|revenue|data|deals|sales|hours|days)|miss(?:es|ed|ing)? (?:deadlines?|appointments?|meetings?|payments?|renewals?|orders?|out)|churn\w*|abandon\w*|complain\w*|complaints?|g(?:ive|ave|iving) up|drop(?:s|ped|ping)? (?:off|out)|by hand|manually|delays?|delayed|double[- ]book\w*|overdue|confus\w*|broken|mistakes?|costs? (?:us|them|each|every|about|around|roughly)|risk of)\b|\btoday\b[^.\n]{0,80}\btak(?:e|es|ing)\b|\bcurrently\b[^.\n]{0,80}\b(?:takes?|requires?|have to|has to|must|rel(?:y|ies))\b/i;

// TROUBLE without its word boundaries matches wherever TROUBLE matches on part of a text,
// a word cut short included: a section body it misses states no trouble in any opening or
// prose taken from it, which is then not parsed.
const MAY_TROUBLE = new RegExp(TROUBLE.source.replaceAll(String.raw`\b`, ''), 'i');
const mayStateTrouble = (model: DocumentModel, section: Section) => MAY_TROUBLE.test(model.text.slice(section.body.start, section.body.end)) || !section.readable();

// Someone the problem happens to.
const SOMEONE =
  /\b(?:users?|customers?|clients?|buyers?|shoppers?|sellers?|merchants?|members?|teams?|admins?|administrators?|managers?|owners?|staff|employees?|agents?|developers?|engineers?|operators?|people|patients?|clinicians?|students?|teachers?|parents?|drivers?|riders?|partners?|visitors?|readers?|applicants?|citizens?|residents?|analysts?|designers?|reviewers?|planners?|organi[sz]ers?|hosts?|guests?|founders?|companies|businesses|organi[sz]ations?|accounts?|households?)\b/i;

// How we know: a number, or where the knowledge comes from.
const EVIDENCE =
  /\d|\b(?:surveys?|surveyed|interviews?|interviewed|tickets?|complaints?|feedback|research|stud(?:y|ies)|analytics|logs?|data (?:shows?|from|says)|according to|measured|observed|reported|half|twice|most|majority)\b/i;

/** The prose of a section body: paragraphs, lists and quotes, not tables or code, up to `limit` characters. */
function proseOf(model: DocumentModel, section: Section, limit: number): string {
  let out = '';
  for (const node of section.nodes()) {
    if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'blockquote') continue;
    const span = section.spanOf(node);
    out += `${model.text.slice(span.start, Math.min(span.end, span.start + limit - out.length))}\n`;
    if (out.length >= limit) break;
  }
  return out;
}

/** Whether the first paragraph or list states trouble: the opening of a summary is where a problem is told, if anywhere. */
export function opensWithTrouble(model: DocumentModel, section: Section): boolean {
  if (!mayStateTrouble(model, section)) return false;
  const first = section.nodes().find((n) => n.type === 'paragraph' || n.type === 'list');
  if (!first) return false;
  const span = section.spanOf(first);
  return TROUBLE.test(model.text.slice(span.start, Math.min(span.end, span.start + 600)));
}

/** Whether a section's prose states a problem anywhere in it: trouble, for someone, with evidence. */
export function statesProblemIn(model: DocumentModel, section: Section): boolean {
  if (!mayStateTrouble(model, section)) return false;
  const prose = proseOf(model, section, 3000);
  return TROUBLE.test(prose) && SOMEONE.test(prose) && EVIDENCE.test(prose);
}
