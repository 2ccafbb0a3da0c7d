// Steps 2 and 3 of the judgement: what a success statement measures, and the call.
// A statement is read as lead (list marks, checkboxes, "KR1:"), an optional label
// ("**Downloads:**", "**Launch MVP** -") and its text. The call is
// - output: a deliverable stated as success (a delivery verb and its object, a thing
//   reported done, a capability granted, an artefact named) with no change it should cause;
// - vanity: the head of the measure counts audience, attention or a running total, and
//   nothing normalises it (a rate, a share, per user, a qualifying action);
// - outcome: a result worth measuring, a change, or a number to hold it to;
// - unsure: none of these.
// The words that decided it come back with the call, so messages can quote them.
import { PhraseSet } from '../phrases';
import {
  ALWAYS_DELIVERY,
  baseOf,
  CAPABILITY,
  CONSISTS_OF,
  DELIVERABLE_NOUNS,
  DELIVERED_COUNT,
  DELIVERY_VERBS,
  DONE_STATE,
  METRIC_SUBJECT,
  NOUN_LIKE_VERBS,
  PASSIVE_DELIVERY,
  PRODUCT_BEHAVIOUR,
  PRODUCT_SHOWN,
  PRODUCT_SUBJECT,
  RESULT_OBJECTS,
  VERB_AS_MODIFIER,
  verbAlternation,
} from '../vocabulary/deliverables';
import { BARE_USER_COUNT, BOUND, CHANGE_WORDS, MORE_USE, NORMALISERS, RESULT_WORDS, SINGULAR_COUNT, VANITY_ACTIONS, VANITY_HEADS, VISIBILITY } from '../vocabulary/measures';

export type Call = 'vanity' | 'output' | 'outcome' | 'unsure';

export interface Judgement {
  call: Call;
  /** Offsets in the statement's text of the words that decided the call. */
  start: number;
  end: number;
  /** Why, in a phrase the message can use ("sign-ups: people who registered, not ..."). */
  reason: string;
  /** It names something that can be measured (for success-metrics-missing). */
  measure: boolean;
}

export interface JudgeOptions {
  /** Extra phrases counted as vanity (config `vanityPhrases`). */
  vanityPhrases?: readonly string[];
  /** Vanity words accepted in this context (the rule's `allow`). */
  allowVanity?: readonly string[];
  /** Extra delivery verbs (config `outputVerbs`). */
  outputVerbs?: readonly string[];
  /** Delivery verbs not to report (the rule's `allow`). */
  allowVerbs?: readonly string[];
}

export interface StatementInput {
  text: string;
  place: 'metric' | 'goal';
  /** A table row's target cell. */
  value?: string;
  /** Where the statement sits; a label alone names a capability only as a list item. */
  origin?: 'metric-cell' | 'cell' | 'list-item' | 'sentence' | 'heading';
  /** The text goes on a sentence from the line before: its first word is not where the statement starts. */
  continuation?: boolean;
  /** A list follows on the next line, which this statement introduces. */
  introduces?: boolean;
  /** The rest of the sentence after the statement ("; on-time payments rise from 62% to 75%"). */
  rest?: string;
  /** It stands where key results or milestones are listed (an OKR page, a key-results or milestones section). */
  keyResult?: boolean;
}

/**
 * Plain text with the same offsets: emphasis, code marks, link brackets and their
 * targets, and HTML tags become spaces, so patterns see words and spans stay exact.
 */
export function plainOf(text: string): string {
  return text
    .replace(/^(\s{0,8})\[[ xX]\](?=\s)/, (m) => ' '.repeat(m.length))
    // "[STAR] **100 stars**": an emoji written out as a tag in capitals leads the item; it is not a word of it.
    .replace(/^(\s{0,8}(?:[-*+]\s{1,8})?)\[[A-Z][A-Z ]{1,12}\](?=\s)/, (m) => ' '.repeat(m.length))
    .replace(/\]\([^)\s]{0,2048}\)/g, (m) => ' '.repeat(m.length))
    .replace(/<[^<>\n]{0,200}>|&(?:#x?[\da-f]{1,6}|[a-z]{2,8});/gi, (m) => ' '.repeat(m.length))
    .replace(/[*_`~[\]\\]/g, ' ')
    .toLowerCase();
}

// What comes before the statement proper: spaces, checkboxes, bullets, emoji, numbering,
// labels that only say a goal or key result follows ("KR1:", "Goal:", "OCTO Objective 2:"), and
// the period of a rung of a ladder ("Month 2 -", "Week 1:"): a timeframe, not what is measured.
const LEAD =
  /^(?:\s|[•·▪◦‣-](?=\s)|\p{Extended_Pictographic}\uFE0F?|[✓✔✅⭐]|\d{1,3}(?:\.\d{1,3})*[.)](?!\d)|(?:(?:[\p{L}-]+ )?(?:key results?|krs?|objectives?|okrs?|goals?|outcomes?|targets?|aims?|purpose|results?|milestones?|kpis?|success (?:criteria|criterion|metrics?)|what does (?:great|good|success) look like|north[- ]star(?: metric)?|o|g)\s{0,8}#?\d{0,3}(?:\.\d{1,3})?\s{0,8}(?::|\?|\s[-–—]\s)|(?:week|month|day|quarter|sprint|phase|year|q)\s{0,2}\d{1,3}(?:\s{0,2}[-–]\s{0,2}\d{1,3})?\s{0,8}(?::|\s[-–—]\s)))+/iu;
const PLACEHOLDER = /^\s{0,8}\[[^\]\n]{0,200}\]\s{0,8}$/;
const BLANK_VALUE = /^\s{0,8}(?:_{2,}|\.{3,}|…|\[\s{0,4}\]|tbd|yes\s{0,2}\/\s{0,2}no)?\s{0,8}$/;
// "downloads: 50k", "launch mvp in 4 weeks - ship ...": a short label, then its text.
const LABEL = /^([^:\n]{1,60}?)\s{0,8}(?::|\s[-–—]\s)\s{0,8}/;
const PARENS = /\([^()]{0,200}\)/g;
const SUBJECT =
  String.raw`(?:(?:we|i|the team|our team|the company|engineering|product|they)\s{1,8}(?:will|shall|must|should|need to|plan to|aim to|intend to|want to|are going to|commit to|would like to)\s{1,8}|we['’]ll\s{1,8}|(?:(?:our|the|my|an?|one|another)\s{1,8})?(?:[\w-]+\s{1,8}){0,2}?(?:goal|objective|aim|target|mission|purpose|success)s?\s{1,8}(?:is|are|means|will be|=)\s{1,8}(?:to\s{1,8})?|(?:this|the|our)\s{1,8}(?:project|initiative|work|effort|proposal|team|feature|product|program|programme)\s{1,8}(?:aims|intends|seeks|wants|plans)\s{1,8}to\s{1,8}|to\s{1,8})?`;
const ADVERB = String.raw`(?:(?:successfully|fully|finally|officially|publicly|first|quickly|continue to|begin to)\s{1,8})?`;
const DETERMINED = /^\s{0,8}(?:(?:the|a|an|our|all|every|each|its|their|this|these|new|one|two|three)\b|\d)/;
// Where a verb's object stops: a timeframe, audience, purpose or the end of the clause.
// A comma or point between digits is part of a number ("50,000", "2.5"), not the end of the object.
const OBJECT_END = /\s(?:by|before|in|on|during|within|at|for|to|across|until|that|which|with|without|so|and|as|through|via|from|behind|while|using)\s|[;:!?()|]|[,.](?!\d)|\s[-–—]\s/;
// A stated change the delivery should cause, anywhere in the statement.
const OUTCOME_CLAUSE = new RegExp(
  [
    String.raw`\bso that\b`,
    String.raw`\bso (?:[\p{L}'’-]+\s{1,8}){1,3}(?:can|could|will|no longer|stop|start|are able|get|spend|save)\b`,
    String.raw`\b(?:resulting in|leading to|measured by)\b`,
    String.raw`\bwhich (?:will |should |would )?(?:reduce|increase|cut|raise|lower|lift|improve|grow|drive)`,
    String.raw`\bto (?:help|reduce|increase|decrease|cut|grow|raise|lower|lift|halve|double|triple|improve|boost|drive|shorten|speed up|save|prevent|eliminate|minimi[sz]e|maximi[sz]e|retain|convert|win|keep|stop)\b`,
    String.raw`\bfrom\s{1,8}[$€£~]?\d[^\n]{0,40}?\bto\s{1,8}[$€£~]?\d`,
    String.raw`\b(?:increase|decrease|reduce|raise|lower|cut|grow|lift|improve|boost|drop|fall)(?:s|d|ed|ing)?\b[^\n.]{0,60}?\bby\s{1,8}[$€£~]?\d`,
  ].join('|'),
  'iu',
);
const LEAD_IN = /^(?:success|metrics?|kpis?|goals?|objectives?|outcomes?|targets?|criteria|measures?|indicators?|key results?|business|product|user|technical|phase|month|week|year|quarter|primary|secondary|north star)(?![\w-])/;

interface Compiled {
  verbs: string[];
  verb: RegExp;
  extraVanity: PhraseSet | undefined;
  allowVanity: Set<string>;
  /** Judgements by statement: a re-lint after an edit judges only the statements that changed. */
  memo: Map<string, Judgement>;
}

const MEMO_LIMIT = 20_000;

// Each rule judges with its own options; keep a few compilations so they do not evict each other.
const compilations = new Map<string, Compiled>();

// A list's content gets a small id once per list object, so the key of a compilation costs
// nothing per statement however many phrases a config lists, and two lists with the same
// phrases (a config resolved again) share one compilation and its memo.
const listIds = new WeakMap<readonly string[], number>();
const contentIds = new Map<string, number>();
const NONE: readonly string[] = [];

function listId(list: readonly string[] = NONE): number {
  let id = listIds.get(list);
  if (id === undefined) {
    const content = list.join('\n');
    id = contentIds.get(content);
    if (id === undefined) {
      id = contentIds.size;
      contentIds.set(content, id);
    }
    listIds.set(list, id);
  }
  return id;
}

function compile(options: JudgeOptions): Compiled {
  const key = [options.vanityPhrases, options.allowVanity, options.outputVerbs, options.allowVerbs].map(listId).join(',');
  const known = compilations.get(key);
  if (known) return known;
  const allowVerbs = new Set((options.allowVerbs ?? []).map((v) => v.trim().toLowerCase()));
  const verbs = [...DELIVERY_VERBS, ...(options.outputVerbs ?? [])].filter((v) => !allowVerbs.has(v.trim().toLowerCase()));
  const allowVanity = new Set((options.allowVanity ?? []).map((p) => p.trim().toLowerCase()));
  const extra = (options.vanityPhrases ?? []).filter((p) => p.trim() && !allowVanity.has(p.trim().toLowerCase()));
  const compiled: Compiled = {
    verbs,
    verb: verbs.length ? new RegExp(String.raw`^${SUBJECT}${ADVERB}(${verbAlternation(verbs).any})(?=\s{1,8}[\p{L}\p{N}"'“$#])`, 'iu') : /(?!)/,
    extraVanity: extra.length ? new PhraseSet(extra) : undefined,
    allowVanity,
    memo: new Map(),
  };
  if (compilations.size >= 8) compilations.delete(compilations.keys().next().value!);
  compilations.set(key, compiled);
  return compiled;
}

/** Judge one success statement. */
export function judge(input: StatementInput, options: JudgeOptions = {}): Judgement {
  const compiled = compile(options);
  const key = [input.place, input.origin ?? '', input.continuation ? 1 : 0, input.introduces ? 1 : 0, input.keyResult ? 1 : 0, input.value ?? '', input.rest ?? '', input.text].join('\u0000');
  const known = compiled.memo.get(key);
  if (known) return known;
  const judgement = judgeAfresh(input, compiled);
  if (compiled.memo.size >= MEMO_LIMIT) compiled.memo.clear();
  compiled.memo.set(key, judgement);
  return judgement;
}

function judgeAfresh(input: StatementInput, compiled: Compiled): Judgement {
  const plain = plainOf(input.text);
  let lead = LEAD.exec(plain)?.[0].length ?? 0;
  // "Stars goal: ___": with the value left blank, the label's own words are what is measured.
  if (lead > 0 && BLANK_VALUE.test(plain.slice(lead))) lead = /^[^\p{L}\p{N}]*/u.exec(plain)![0].length;
  const body = plain.slice(lead);
  const at = (start: number, end: number) => ({ start: lead + start, end: lead + end });
  const label = splitLabel(body);
  const resultish = (s: string) => RESULT_WORDS.test(s) || NORMALISERS.test(s) || CHANGE_WORDS.test(s);

  // "[what must not get worse]": a template's placeholder names no delivery; placeholder-left reports it.
  const placeholder = PLACEHOLDER.test(input.text) || PLACEHOLDER.test(input.text.slice(lead));
  const output = input.continuation || placeholder ? undefined : deliverable(body, label, compiled, input);
  if (output) return { call: 'output', ...at(output.start, output.end), reason: output.reason, measure: false };

  const vanity = vanityIn(body, compiled, input.value);
  // "Veterans use the search tools more" as a goal asks for a direction; it names no measure yet.
  if (vanity) return { call: 'vanity', ...at(vanity.start, vanity.end), reason: vanity.reason, measure: !(vanity.direction && input.place === 'goal') };

  const trimmed = body.trimEnd();
  const numbered = /\d/.test(body) || /\d/.test(input.value ?? '');
  if (resultish(body) || numbered) return { call: 'outcome', ...at(0, trimmed.length), reason: 'a result to measure', measure: input.place === 'metric' || numbered };
  return { call: 'unsure', ...at(0, trimmed.length), reason: '', measure: false };
}

interface Label {
  label: string;
  /** Offset of the text after the label. */
  valueAt: number;
  value: string;
}

function splitLabel(body: string): Label | undefined {
  const m = LABEL.exec(body);
  if (!m || m[1]!.trim().split(/\s+/).length > 8) return undefined;
  return { label: m[1]!, valueAt: m[0].length, value: body.slice(m[0].length) };
}

interface Hit {
  start: number;
  end: number;
  reason: string;
  /** Only a direction ("use it more"), no count named. */
  direction?: boolean;
}

function deliverable(body: string, label: Label | undefined, compiled: Compiled, input: StatementInput): Hit | undefined {
  // A list item or a table's measure cell: where a bare noun phrase can stand for a key result.
  const itemised = input.origin === 'list-item' || input.origin === 'metric-cell';
  const sentence = body.replace(PARENS, (m) => ' '.repeat(m.length));
  const whole = input.rest === undefined ? sentence : `${sentence} ${plainOf(input.rest)}`;
  if (OUTCOME_CLAUSE.test(whole)) return undefined;
  // "Integrate billing so finance closes the month 3 days sooner": a purpose that names a change.
  const purpose = /\bso\s/.exec(whole);
  if (purpose && CHANGE_WORDS.test(whole.slice(purpose.index, purpose.index + 120))) return undefined;
  const measured = (s: string) => RESULT_WORDS.test(s) || NORMALISERS.test(s);
  // A metric's label with its value ("Launch readiness: 100%") is a measure, not a delivery.
  const valued = label !== undefined && /^\s{0,8}[<>≤≥~≈+−-]?\s{0,8}[$€£]?\d/.test(label.value);
  const segments: Array<[string, number]> = label && !valued ? [[label.label, 0], [label.value, label.valueAt]] : [[body, 0]];
  if (!valued) {
    for (const [segment, offset] of segments) {
      const hit = deliveryVerb(segment, compiled);
      if (hit) return { start: offset + hit.start, end: offset + hit.end, reason: hit.reason };
    }
  }
  const text = sentence.trimEnd();
  const passive = PASSIVE_DELIVERY.exec(text);
  if (passive && !METRIC_SUBJECT.test(passive[1]!)) return { start: 0, end: passive[0].length, reason: 'reports a delivery' };

  // "100% rollout complete": a share of a delivery is still a delivery.
  // ("1,000 wallet addresses created" counts an audience, however it is worded.)
  if (DONE_STATE.test(text) && !RESULT_WORDS.test(text) && !/^\s*(?:users?|customers?|people)\b/.test(text) && !anyVanity(text, compiled)) {
    return { start: 0, end: text.length, reason: 'reports a thing as done' };
  }
  // "Cost dashboard for each team", "Incident review template": a key result whose head noun is
  // a thing to build, whatever result words modify it.
  if (input.keyResult && itemised && thingByHead(text) && !anyVanity(text, compiled)) {
    return { start: 0, end: text.length, reason: 'names a thing to build or work to do, with nothing to measure and no change it should cause' };
  }
  // "5 case studies", "3 new integrations": a count of things made is still a delivery.
  if ((input.keyResult || input.place === 'goal') && itemised && countedThing(text, compiled)) {
    return { start: 0, end: text.length, reason: 'counts things the team makes, not a change they should cause' };
  }
  if (measured(text)) return undefined;
  const produced = DELIVERED_COUNT.exec(text);
  // A share as the target ("stays below 6%") makes the count a rate of something going wrong or right.
  const shareTarget = input.value !== undefined && NORMALISERS.test(input.value.toLowerCase());
  // "50 teams run Rivet weekly": people before "run" are doing the running, not being run.
  const peopleRunning = produced?.[2] === 'run' && PEOPLE.test(produced[1]!);
  if (produced && !peopleRunning && !shareTarget && !METRIC_SUBJECT.test(text.slice(0, produced.index + produced[0].length)) && !RESULT_WORDS.test(produced[1]!) && !anyVanity(text, compiled)) {
    return { start: 0, end: produced[0].length, reason: `counts ${produced[1]} ${produced[2]}, work the team does` };
  }
  if (CONSISTS_OF.test(text)) return { start: 0, end: text.length, reason: 'lists what will be delivered' };
  if (CHANGE_WORDS.test(text)) return undefined;
  // "The platform succeeds when:" introduces what follows; it describes nothing itself.
  if (label && label.value.trim() === '' && input.origin !== 'list-item') return undefined;
  // "App downloads after the release" counts something; it does not describe the product.
  if (anyVanity(text, compiled)) return undefined;
  for (const [segment, offset] of segments) {
    const s = segment.trimEnd();
    if (s === '') continue;
    if (CAPABILITY.test(s)) return { start: offset, end: offset + s.length, reason: 'grants a capability' };
    if (PRODUCT_SUBJECT.test(s) || PRODUCT_BEHAVIOUR.test(s) || (PRODUCT_SHOWN.test(s) && !BOUND.test(s) && !/\bwithin\b/.test(s))) return { start: offset, end: offset + s.length, reason: 'describes what the product does' };
    if (artefact(s)) return { start: offset, end: offset + s.length, reason: 'names a thing to deliver' };
  }
  if (label && (capabilityLabel(label, input, compiled) || featureLabel(label, input))) return { start: 0, end: label.label.trimEnd().length, reason: 'names a capability as the goal' };
  if (input.keyResult && (itemised || input.origin === 'heading') && bareThing(text, compiled)) {
    return { start: 0, end: text.length, reason: 'names a thing to build or work to do, with nothing to measure and no change it should cause' };
  }
  return undefined;
}

// People and value: a key result about them ("Regular contributors", "Solving real problems")
// points at a change in someone, not at a thing to build. People only count as the phrase's
// head or its subject: in "Office hours for contributors" they are whom the thing is for.
const PEOPLE =
  /^(?:users?|customers?|people|persons?|contributors?|community|communities|members?|developers?|teams?|partners?|veterans?|admins?|visitors?|clients?|students?|patients?|buyers?|sellers?|employees?|staff|readers?|learners?|maintainers?)$/;
const VALUE = /\b(?:problems?|pain|needs?|value|health|wellbeing|pace|adoption|usage|demand)\b/;

// Where a noun phrase's head ends: a preposition, a clause or an aside.
const HEAD_END = /\s(?:for|of|in|on|with|per|to|by|from|across|at|into|that|which|so)\s|[,;:(]/;
// Things a team builds, writes or runs: documents, software, programmes, channels, gatherings.
const THING_HEADS =
  /^(?:runbooks?|handbooks?|playbooks?|guides?|guidelines?|checklists?|templates?|calendars?|dashboards?|reports?|policy|policies|scripts?|bots?|kits?|logs?|pages?|docs|documentation|tutorials?|faqs?|glossary|specs?|specifications?|proposals?|rfcs?|plans?|roadmaps?|prototypes?|mvp|pilot|apps?|tools?|portal|api|sdk|cli|plugins?|extensions?|widgets?|integrations?|pipelines?|workflows?|features?|modules?|libraries|library|charts?|images?|releases?|alerts?|alerting|routing|automation|programs?|programmes?|system|framework|model|board|channels?|forum|website|site|blog|newsletter|repository|repo|registry|directory|catalog(?:ue)?|badges?|awards?|swag|merch|survey|summit|conference|meetups?|hackathon|workshops?|webinars?|calls?|courses?|curriculum|series)$/;

// "Users complete setup", "Partners ship integrations": a plural of people opens a sentence about
// what they do ("User guide" is a guide).
function peopleSubject(text: string): boolean {
  const first = /^\s*([a-z]+)\s/.exec(text)?.[1];
  return first !== undefined && (first === 'people' || (first.endsWith('s') && PEOPLE.test(first)));
}

/** The words of the noun phrase up to its head: everything before the first preposition or clause. */
function headPhrase(text: string): string[] {
  return text.split(HEAD_END)[0]!.trim().split(/\s+/);
}

/** The noun phrase's head (its last word before a preposition) names a thing to build. */
function thingByHead(text: string): boolean {
  if (/\d|%|\b(?:than|who|whose)\b/.test(text) || NORMALISERS.test(text) || peopleSubject(text)) return false;
  const head = headPhrase(text);
  return head.length <= 6 && THING_HEADS.test(head.at(-1) ?? '');
}

/** People are the phrase's head ("More maintainers") or the subject of a sentence ("Users complete setup"). */
function aboutPeople(text: string): boolean {
  return peopleSubject(text) || PEOPLE.test(headPhrase(text).at(-1) ?? '');
}

// A number, up to three words, and the noun they count; it stops at a preposition, a dash or punctuation.
const COUNTED = /^\s{0,8}[<>~≈]?\s{0,4}\d[\d,.]*\s{0,2}[km]?\+?\s{1,8}(?:[a-z][\w'’/-]*\s{1,8}){0,3}?([a-z][\w'’/-]*)\s{0,8}(?:$|\s(?:for|of|on|about|in|with|to|by|per|across|at)\s|[,;:(]|\s[-–—]\s)/;
const MADE_THINGS =
  /^(?:studies|talks|appearances|keynotes|panels|interviews|posts|articles|videos|webinars|workshops|events|meetups|demos|courses|tutorials|episodes|whitepapers|ebooks|guides|integrations|connectors|examples|samples|translations|releases|features|templates|plugins|docs|pages|newsletters|podcasts|livestreams|streams|hackathons|campaigns|prototypes|apps|tools|dashboards|reports|runbooks|playbooks)$/;

// "Increase the number of tutorials", "More integrations": the count of things made, asked to grow.
const MORE_OF = /^\s{0,8}(?:(?:increase|grow|raise|double|triple|expand)\s{1,8}(?:the\s{1,8})?(?:number|count|amount)\s{1,8}of|(?:the\s{1,8})?(?:number|count)\s{1,8}of|more)\s{1,8}(?:[a-z][\w'’/-]*\s{1,8}){0,2}?([a-z][\w'’/-]*)\s{0,8}(?:$|\s(?:for|of|on|about|in|with|to|by|per|across|at)\s|[,;:(]|\s[-–—]\s)/;

function countedThing(text: string, compiled: Compiled): boolean {
  const m = COUNTED.exec(text) ?? MORE_OF.exec(text);
  return m !== null && MADE_THINGS.test(m[1]!) && !NORMALISERS.test(text) && !anyVanity(text, compiled);
}

/**
 * "Retry logic for failed uploads", "Audit log for every import": a key result that names a
 * thing and nothing to measure: no result, rate, change, count of attention,
 * comparison or people whose behaviour should move.
 */
function bareThing(text: string, compiled: Compiled): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12 || /[:?]$/.test(text)) return false;
  if (/^\s*[<>~≈]?\d|%|\bpercent\b|\b(?:than|who|that|which|whose)\b/.test(text) || BOUND.test(text)) return false;
  return !(RESULT_WORDS.test(text) || NORMALISERS.test(text) || CHANGE_WORDS.test(text) || VALUE.test(text) || aboutPeople(text) || anyVanity(text, compiled));
}

/**
 * "- **Data persistence:**" with its description on the next line: a capability named as a
 * goal. Not a lead-in to a list ("**Cohort split:**"), a category ("**Business metrics:**"),
 * or a measure's name ("**Retention:**").
 */
function capabilityLabel(label: Label, input: StatementInput, compiled: Compiled): boolean {
  const name = label.label.trim();
  return label.value.trim() === '' && input.origin === 'list-item' && !input.introduces && boldLead(input.text)
    && !RESULT_WORDS.test(name) && !NORMALISERS.test(name) && !LEAD_IN.test(name) && !anyVanity(name, compiled);
}

// Nouns that name what a product does: "Version management", "IDE integration", "global.json support".
const CAPABILITY_HEAD =
  /(?:^|[\s-])(?:management|installation|installer|integration|support|maintenance|synchroni[sz]ation|sync|import|export|configuration|authentication|authori[sz]ation|notifications?|localization|localisation|caching|logging|monitoring|versioning|provisioning|packaging|distribution|compatibility|interoperability|extensibility|customi[sz]ation|discovery|mode)$/;

/**
 * "- **User-local installation**: Focus on folders users can write to": a bold label naming
 * a capability, described rather than tied to a change (the caller has ruled out change words
 * and measures).
 */
function featureLabel(label: Label, input: StatementInput): boolean {
  return input.origin === 'list-item' && boldLead(input.text) && CAPABILITY_HEAD.test(label.label.trim());
}

/** The item's text opens in bold, after any list mark. */
function boldLead(text: string): boolean {
  return /^\s{0,8}(?:\*\*|__)/.test(text.replace(/^\s{0,8}(?:[-*+]\s{1,8}|\d+[.)]\s{0,8})?/, ''));
}

/** "A reference app in every language", "Initial implementation behind a flag": an artefact, named. */
function artefact(s: string): boolean {
  const m = /^\s{0,8}(?:a|an|one|two|three|four|five|\d{1,3}|new|initial|first|basic|production|public|internal|closed|open)\s{1,8}((?:[\w'’/-]+\s{1,8}){0,5}?)?/.exec(s);
  if (!m) return false;
  const head = s.slice(0, m[0].length + 40);
  return DELIVERABLE_NOUNS.test(head) && !/\b(?:users?|customers?|people|veterans?|teams?)\s{1,8}(?:\w+\s{1,8}){0,2}?(?:who|that)\b/.test(s);
}

function deliveryVerb(segment: string, compiled: Compiled): Hit | undefined {
  const m = compiled.verb.exec(segment);
  if (!m) return undefined;
  const form = m[1]!;
  const verb = baseOf(form, compiled.verbs) ?? form;
  const verbAt = m[0].length - form.length;
  const rest = segment.slice(m[0].length);
  if (VERB_AS_MODIFIER.test(rest)) return undefined;
  const stop = OBJECT_END.exec(rest);
  const object = rest.slice(0, stop ? stop.index : undefined).trim();
  const first = verb.split(/\s+/)[0]!;
  // "Launch on Product Hunt", "Ship by August": a launch needs no object to be a delivery.
  if (object === '' && LAUNCH_VERB.test(first) && /^\s{1,8}(?:on|in|at|to|by|before|during)\s/.test(rest)) {
    const end = /[,;:.!?()|]|\s[-–—]\s/.exec(rest);
    return { start: verbAt, end: m[0].length + (end ? end.index : rest.trimEnd().length), reason: `opens with "${form}", something the team does` };
  }
  if (object === '') return undefined;
  // Without an article a noun-like verb needs a deliverable after it, and its gerund never
  // delivers ("Scheduling support tickets", "Training data quality" name things); followed by
  // "of" it is the noun ("Share of requests answered", "Review of the API").
  if (NOUN_LIKE_VERBS.has(first) && (/^\s{1,8}of\s/.test(rest) || (!DETERMINED.test(rest) && (!DELIVERABLE_NOUNS.test(object) || /ing$/.test(form.split(/\s+/)[0]!))))) return undefined;
  // "Enable users to define aliases": the object of enabling is the capability after "to".
  // "Launch thread comments", "Release week sign-ups": the verb names the occasion of a count.
  if (!DETERMINED.test(rest) && anyVanity(object, compiled) && !/\d/.test(object)) return undefined;
  const enabling = /^(?:enable|allow|help|let|give)$/.test(first);
  // The object's head noun decides whether it is a result ("the community forum" is still a
  // forum); words after the head that only say how ("3 steeps end-to-end") do not count as one.
  const headWords = object.split(HEAD_END)[0]!.trim();
  const words = headWords.split(/\s+/).filter((w) => !MANNER.test(w));
  if (!enabling && !ALWAYS_DELIVERY.test(first) && (RESULT_HEAD.test(words.slice(-2).join(' ')) || anyVanity(object, compiled))) return undefined;
  // "Generate 80% accurate reports", "Ensure 99.9% uptime": the object is a measured result.
  // Only its head decides: a "refund flow" or "reliability engineers" is still a thing to deliver,
  // and "Build failures per week" counts failures, whatever the period after them.
  const objectHead = headWords.split(/[^a-z'’-]+/).filter(Boolean).at(-1) ?? '';
  if (RESULT_WORDS.test(objectHead) || NORMALISERS.test(object)) return undefined;
  // "Enable teams to build with confidence": enabling a change, not delivering a feature.
  if (enabling && CHANGE_WORDS.test(segment)) return undefined;
  // Quote what is enabled too: "Enable users to define aliases", not "Enable users".
  const until = enabling ? /[,;:.!?()|]/.exec(rest) : stop;
  const end = m[0].length + (until ? until.index : rest.trimEnd().length);
  return { start: verbAt, end, reason: `opens with "${form}", something the team does` };
}

// A result noun at the end of the object's head phrase ("400 paying teams", not "community forum").
const RESULT_HEAD = new RegExp(`(?:${RESULT_OBJECTS.source})$`);
const MANNER = /^(?:end-to-end|successfully|together|again|quickly|weekly|monthly|daily|independently|themselves|unaided|alone|online|[\d+%]+)$/;
const LAUNCH_VERB = /^(?:launch|ship|release|go)$/;

function anyVanity(s: string, compiled: Compiled): boolean {
  return VANITY_HEADS.some(([re]) => re.test(s)) || SINGULAR_COUNT.test(s) || (compiled.extraVanity?.find(s) !== undefined);
}

/** "1 fork", "Download count": a vanity head in the singular, with the reason its plural has. */
function singularCount(head: string, compiled: Compiled): Hit | undefined {
  const m = SINGULAR_COUNT.exec(head);
  const word = m?.[1] ?? m?.[2];
  if (!m || !word) return undefined;
  const plural = /(?:s|sh|ch|x)$/.test(word) ? `${word}es` : `${word}s`;
  if (compiled.allowVanity.has(word) || compiled.allowVanity.has(plural)) return undefined;
  const reason = VANITY_HEADS.find(([re]) => re.test(plural))?.[1];
  return reason ? { start: compoundStart(head, m.index), end: m.index + m[0].length, reason } : undefined;
}

function vanityIn(body: string, compiled: Compiled, value: string | undefined): Hit | undefined {
  // The measure's head: the label and its value, without asides in parentheses.
  const head = body.replace(PARENS, (m) => ' '.repeat(m.length));
  // A count that grows by a percentage ("traffic up 30%") is still a count: only a share,
  // a rate or a ratio normalises it.
  const share = (s: string) => NORMALISERS.test(s.replace(GROWTH, (m) => ' '.repeat(m.length)));
  const normalised = (s: string) => share(s) || qualified(s) || (value !== undefined && share(value.toLowerCase()));
  if (compiled.extraVanity) {
    const m = compiled.extraVanity.find(head);
    if (m && !normalised(head)) return { start: m.start, end: m.end, reason: 'is a count your configuration lists as vanity: it can grow while nobody gets value' };
  }
  if (normalised(head) || RESULT_WORDS.test(head)) return undefined;
  for (const [re, reason] of VANITY_HEADS) {
    const m = re.exec(head);
    if (!m || compiled.allowVanity.has(m[0].trim())) continue;
    if (/stars\b/.test(m[0]) && rating(head)) continue;
    return { start: compoundStart(head, m.index), end: m.index + m[0].length, reason };
  }
  const single = singularCount(head, compiled);
  if (single) return single;
  const count = BARE_USER_COUNT.exec(head);
  if (count && !/\b(?:concurrent|simultaneous)\b/.test(head)) {
    const start = count.index + (count[0].length - count[0].trimStart().length);
    return { start, end: count.index + count[0].length, reason: 'counts people who arrived, not people who got value' };
  }
  const visible = VISIBILITY.exec(head);
  if (visible) return { start: visible.index, end: visible.index + visible[0].length, reason: 'measures being seen or mentioned: attention, not value' };
  const use = MORE_USE.exec(head);
  if (use) return { start: use.index, end: use.index + use[0].length, reason: 'asks for more use without saying what the use achieves', direction: true };
  return undefined;
}

const GROWTH = /(?:\b(?:up|grows?|grown|growth|increases?|increased|rises?|by)\s{1,8}|\+)\d[\d.,]{0,12}\s{0,2}%|\d[\d.,]{0,12}\s{0,2}%\s{1,8}(?:growth|increase|more|uplift|lift|higher|up|(?:mo|yo|qo|wo)m)\b/g;

const NOT_MODIFIER = /^(?:the|a|an|of|in|on|for|to|and|or|our|their|its|with|by|from|more|new|total|number|grow|get|reach|achieve|have|track|increase|double|at|least|than|over|under|about|around|is|are|be|will|x)$/;

/** Start the quote at the measure's modifiers: "Discord members", not "members". */
function compoundStart(head: string, at: number): number {
  let start = at;
  for (let i = 0; i < 2; i++) {
    const before = /(?:^|\s)([a-z][a-z'’-]+)\s{1,8}$/.exec(head.slice(Math.max(0, start - 40), start));
    if (!before || NOT_MODIFIER.test(before[1]!)) break;
    start -= before[0].length - (/^\s/.test(before[0]) ? 1 : 0);
  }
  return start;
}

/** "Users who connect a second device": a count tied to a qualifying action (not "who install"). */
function qualified(s: string): boolean {
  for (const m of s.matchAll(/\b(?:who|that)\s{1,8}(?:also\s{1,8}|then\s{1,8}|have\s{1,8}|had\s{1,8})?([a-z]+(?:\s[a-z]+)?)/g)) {
    if (!VANITY_ACTIONS.test(m[1]!)) return true;
  }
  // "Users searching the catalogue": a participle says what they do, like "who search".
  for (const m of s.matchAll(/\b(?:users?|people|customers?|members|developers|teams?)\s{1,8}([a-z]{2,20})ing\b/g)) {
    if (!NOT_PARTICIPLE.test(m[1]!) && !VANITY_ACTIONS.test(m[1]!)) return true;
  }
  // "Forks with actual changes", "attendees recognise the content": a condition or a
  // statement about what the people did, not a count of them.
  return QUALIFYING_TAIL.test(s);
}

// "-ing" words after "users" that are prepositions or nouns, not what the users do.
const NOT_PARTICIPLE = /^(?:dur|includ|accord|regard|follow|concern|pend|exclud|rang|bring|onboard|sign|compar)$/;

const QUALIFYING_TAIL =
  /\bwith\s{1,8}(?:actual|real|meaningful|non-trivial|substantive|at least)\b|\b(?:attendees|participants|members|followers|visitors|subscribers)\s{1,8}(?:recogni[sz]e|enjoy|complete|return|find|rate|report|say|succeed|finish|keep|stay|come back|buy|pay|recommend|use|understand)\b/;

/** A star rating ("4.5 stars", "5-star rating") is satisfaction, not a bookmark count. */
function rating(s: string): boolean {
  return /\brat(?:ing|ed)\b/.test(s) || /(?:^|[^\d.,])(?:[0-4](?:\.\d)?|5(?:\.0)?)\+?\s?-?stars?\b/.test(s);
}

/** The words of a deliverable for messages: the verb phrase without trailing markup. */
export function quoted(text: string, judgement: Judgement): string {
  return text.slice(judgement.start, judgement.end).replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}

