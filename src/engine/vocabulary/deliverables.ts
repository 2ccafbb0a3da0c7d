// What a team does or delivers, in words: the verbs of delivery and their forms,
// the nouns of things delivered, and the states that report a thing as done.
// A success statement made of these, with no change it should cause, is an output.
import { escapeRegExp } from '../phrases';
import { trieAlternation } from '../text/alternation-trie';

/** Verbs that deliver a thing rather than change someone's behaviour or result. */
export const DELIVERY_VERBS: readonly string[] = [
  'launch',
  'ship',
  'release',
  'deliver',
  'deploy',
  'build',
  'implement',
  'develop',
  'create',
  'complete',
  'roll out',
  'go live',
  'publish',
  'introduce',
  'add',
  'migrate',
  'integrate',
  'finish',
  'code',
  'design',
  'redesign',
  'provide',
  'support',
  'enable',
  'allow',
  'let',
  'offer',
  'define',
  'write',
  'draft',
  'document',
  'hire',
  'recruit',
  'form',
  'host',
  'run',
  'organize',
  'organise',
  'establish',
  'set up',
  'stand up',
  'begin',
  'start',
  'present',
  'expose',
  'deprecate',
  'replace',
  'rewrite',
  'refactor',
  'upgrade',
  'onboard',
  'adopt',
  'produce',
  'generate',
  'finalize',
  'finalise',
  'gather',
  'decide',
  'address',
  'position',
  'ensure',
  'get',
  'make available',
  'put in place',
  'scan',
  'translate',
  'automate',
  // Work the team does on the way to a result: looking into things, tidying up, telling people.
  'investigate',
  'evaluate',
  'research',
  'explore',
  'prepare',
  'send',
  'collect',
  'update',
  'refresh',
  'clean up',
  'rework',
  'announce',
  'localize',
  'localise',
  'sunset',
  'kick off',
  'partner with',
  'fix',
  'train',
  'configure',
  'conduct',
  'interview',
  'audit',
  'coordinate',
  'attend',
  'speak at',
  'submit',
  'open-source',
  'archive',
  'consolidate',
  'standardize',
  'standardise',
  'pilot',
  'prototype',
  'schedule',
  'reach out',
  'hold',
  'give',
  'contribute',
  'participate in',
  'apply for',
  'switch',
  'refine',
  'polish',
  'revamp',
  'overhaul',
  'restructure',
  'reorganize',
  'reorganise',
  'benchmark',
  'instrument',
  'obtain',
  'move',
  // Checking, sorting and tidying: tasks in a key-result list, not results.
  'review',
  'test',
  'verify',
  'validate',
  'identify',
  'determine',
  'assess',
  'analyze',
  'analyse',
  'map',
  'plan',
  'outline',
  'spec',
  'specify',
  'scope',
  'estimate',
  'prioritize',
  'prioritise',
  'triage',
  'label',
  'tag',
  'categorize',
  'categorise',
  'curate',
  'compile',
  'summarize',
  'summarise',
  'remove',
  'delete',
  'merge',
  'retire',
  'decommission',
  'rename',
  'restructure',
  'harden',
  'patch',
  'debug',
  'reproduce',
  'port',
  'package',
  'install',
  'upload',
  'distribute',
  'expand',
  'extend',
  'edit',
  'proofread',
  'approve',
  'sign off',
  'sketch',
  'wireframe',
  'mock up',
  'diagram',
  'illustrate',
  'author',
  'transcribe',
  'caption',
  'rebrand',
  'certify',
  'request',
  // Telling, teaching and asking people: work aimed at them, not a change in them.
  'share',
  'promote',
  'advertise',
  'invite',
  'email',
  'post',
  'tweet',
  'blog',
  'record',
  'film',
  'demo',
  'showcase',
  'pitch',
  'mentor',
  'coach',
  'teach',
  'educate',
  'survey',
  'contact',
  'negotiate',
  'sponsor',
  'assign',
  'allocate',
];

/**
 * Verbs that are nouns as often as not ("Code coverage", "Design review", "Run rate",
 * "Form completion"): they count only with a determiner or a deliverable noun after them.
 */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set([
  'code', 'design', 'add', 'complete', 'finish', 'create', 'form', 'run', 'start', 'get', 'present', 'document', 'draft', 'support', 'position', 'address', 'produce', 'generate', 'host', 'scan', 'translate', 'offer', 'replace', 'upgrade',
  'research', 'update', 'train', 'interview', 'audit', 'pilot', 'prototype', 'schedule', 'fix', 'send', 'archive', 'sunset', 'benchmark', 'instrument', 'move', 'switch', 'hold',
  'review', 'test', 'map', 'plan', 'outline', 'spec', 'scope', 'estimate', 'label', 'tag', 'compile', 'patch', 'port', 'package', 'request', 'share', 'email', 'post', 'blog', 'record',
  'film', 'demo', 'pitch', 'mentor', 'coach', 'survey', 'contact', 'invite', 'tweet', 'showcase', 'sponsor', 'sketch', 'wireframe', 'diagram', 'edit', 'caption', 'install', 'merge', 'extend', 'expand', 'remove', 'delete',
]);

/**
 * Verbs that always deliver: what follows is never a result they achieve
 * ("Launch to 500 customers" is still a launch; "Onboard 500 users" is still onboarding).
 */
export const ALWAYS_DELIVERY = /^(?:launch|ship|releas|deploy|roll|go|publish|onboard|support|hire|recruit|host|migrat|deprecat|integrat|implement|introduc|interview|survey|mentor|coach|teach|educat|invit|email|contact|demo|promot|advertis)/;

/**
 * Objects that are results, not deliverables: "Add 500 paying customers", "Build trust",
 * "Generate early revenue", "Complete onboarding". They excuse the verbs that can mean "achieve".
 */
export const RESULT_OBJECTS =
  /(?<![\w-])(?:(?:paying|paid|active|new|retained)\s{1,8}(?:teams?|workspaces?|organi[sz]ations?|companies|partners|stores|sellers|clinics)|customers?|users?|accounts?|subscribers?|members?|clients?|buyers?|revenue|arr|mrr|profits?|margins?|sales|value|trust|confidence|loyalty|habits?|awareness|momentum|impact|savings|growth|engagement|adoption|retention|satisfaction|delight|understanding|alignment|clarity|community|audience|onboarding|checkout|setup|sign[- ]?ups?|registration|purchases?|payments?|demand|traction|following|followers|steeps?|tasks?|orders?|conversions?|results?|outcomes?)(?![\w-])/;

/** Things a team delivers: what an article-led or adjective-led noun phrase names when it is an output. */
export const DELIVERABLE_NOUNS =
  /\b(?:app|application|apps|tool|tools|guide|guides|suite|dashboard|api|apis|sdk|library|plugin|extension|integration|page|pages|site|website|portal|feature|features|module|template|templates|playbook|plan|strategy|roadmap|process|processes|system|systems|framework|platform|prototype|mvp|beta|pilot|version|release|rollout|implementation|deployment|migration|redesign|refactor|documentation|docs|tutorial|course|workshop|events?|webinars?|hackathons?|report|audit|backend|frontend|pipeline|workflow|flow|experience|interface|ui|prompt|dialog|form|forms|service|services|infrastructure|components?|file|option|options|support|capability|capabilities|mode|modes|paywall|campaign|newsletter|communication plan|communications plan|test suite|reference (?:app|application|implementation)|project|feedback|environment|hires?|engineers?|designers?|squad|interviews?|surveys?|experiments?|studies|trainings?)\b/;

/** A thing reported done: "Internal beta launched", "Roadmap finalized", "Payments working". */
export const DONE_STATE =
  /\b(?:launched|shipped|released|deployed|rolled out|live|completed?|finali[sz]ed|implemented|delivered|built|published|in place|done|working|running|signed off|migrated|integrated|set up|stood up|hired|staffed|documented|written|drafted|created|trained|hosted|held|approved|accepted|announced|submitted|signed|established|formed|setup|kicked off|agreed|merged|closed)(?:\s{1,8}(?:in|on|at|to|for)\s{1,8}(?:the\s{1,8}|our\s{1,8}|all\s{1,8})?[\w'’-]+(?:\s{1,8}[\w'’-]+){0,2})?\s{0,8}[.!]?\s{0,8}$/;

/**
 * A delivery told in the passive: "SSO shipped by Q3", "v2 is released to all customers",
 * "The portal goes live in June". The subject (group 1) must not be a metric ("% of orders delivered").
 */
export const PASSIVE_DELIVERY =
  /^([^,;:.!?|]{1,60}?)\s{1,8}(?:(?:is|are|was|were|has been|have been|will be|gets?|got)\s{1,8}(?:(?:successfully|fully|finally|officially|publicly)\s{1,8})?)?(?:launched|shipped|released|deployed|rolled out|published|delivered|migrated|went live|goes live|go live|will go live|is live|are live)\b(?!\s{1,8}(?:users?|customers?|orders?)\b)/;

/**
 * A count of things the team produced, named by what was done to them: "PRs merged",
 * "50 issues closed", "Events hosted: 3", "number of talks given". Things others do to
 * the project ("issues opened", "PRs submitted") are not listed: those are behaviour.
 * Group 1 is the counted noun, group 2 the participle.
 */
export const DELIVERED_COUNT =
  /^\s{0,8}(?:[<>~≈+]?\d[\d,.]*[k+]?\s{1,8})?(?:[a-z][\w.'’/-]*\s{1,8}){0,3}?([a-z][\w'’/-]*s)\s{1,8}(merged|closed|resolved|fixed|hosted|held|organi[sz]ed|published|posted|given|delivered|created|written|made|sent|shipped|launched|released|built|completed|recorded|produced|translated|answered|triaged|onboarded|run|trained|hired|recruited|mentored|interviewed|surveyed|reviewed|tested|migrated|deployed|documented)\b(?!\s{1,8}(?:within|in under|in less than|by users|by customers|per|twice|again|more than once|by mistake|in error|to the wrong)\b)/;

/** A delivery verb used as a noun's modifier: "launch day", "release date", "ship week". */
export const VERB_AS_MODIFIER = /^\s{0,8}(?:day|days|week|weeks|month|date|dates|window|spike|traffic|period|plan|checklist|metrics|readiness|party|notes|cadence|train|candidate)\b/;

/** A passive subject that is really a metric: "% of orders delivered", "users who completed". */
export const METRIC_SUBJECT = /%|\b(?:who|that|which|of|per|percentage|percent|share|rate|ratio|number|count|time|average|median|mean)\b/;

/** The product, not a person, is the subject: "The app suggests ...", "Our API will scan ...". */
export const PRODUCT_SUBJECT =
  /^(?:(?:the|our|this|a|an|each|every|new)\s{1,8}(?:[\w.'’/-]+\s{1,8}){0,3}?)?(?:app|application|product|system|platform|tool|site|website|service|api|backend|frontend|dashboard|feature|portal|extension|plugin|bot|engine|widget|it)\s{1,8}(?:(?:will|shall|must|should|can)\s{1,8}[a-z]+|(?!is\b|has\b|was\b|does\b)[a-z]+[^s\s]s)\b/;

/**
 * A capability granted rather than a change observed: "Users can create ...", "Admins will be
 * able to ...", or in the passive, "Forms can be filled in offline".
 */
export const CAPABILITY =
  /^(?:(?:the|our|all|each|every)\s{1,8})?(?:[\w'’-]+\s{1,8}){0,2}?(?:users?|customers?|admins?|administrators?|people|teams?|developers?|members?|visitors?|veterans?|clients?|staff|operators?)\s{1,8}(?:can|could|will be able to|are able to|may|have the ability to)\s{1,8}[a-z]|^(?:[\w'’-]+\s{1,8}){1,4}?(?:can|could|will|may)\s{1,8}be\s{1,8}[a-z]+(?:ed|en|wn|lt|ne)\b/;

/**
 * The product's behaviour in the passive: "Conflict dialog shown when two people edit",
 * "Drafts saved on every keystroke". A deadline or limit ("within 2 s") makes it a measure instead.
 */
export const PRODUCT_SHOWN =
  /^(?:[\w'’-]+\s{1,8}){1,4}?(?:is\s{1,8}|are\s{1,8})?(?:shown|displayed|highlighted|surfaced|presented|hidden|rendered|cached|stored|saved|synced|prefilled|pre-filled|autosaved)\s{1,8}(?:when|whenever|if|on|after|before|for|to|in)\b/;

/** A verb that opens a description of the product's behaviour: "Works offline", "Supports SSO". */
export const PRODUCT_BEHAVIOUR = /^(?:works|supports|provides|allows|lets|offers|runs|integrates|syncs|exports|imports|includes|ships|comes with|handles|scans|suggests|shows|displays|sends|stores|saves)\s{1,8}[a-z0-9]/;

/** Delivery described as what it will consist of: "The experience will consist of two parts". */
export const CONSISTS_OF = /\b(?:will|shall)\s{1,8}(?:consist of|comprise|include|be made up of|contain)\b/;

interface VerbForms {
  base: string[];
  past: string[];
  ing: string[];
}

const IRREGULAR_PAST: Readonly<Record<string, readonly string[]>> = {
  build: ['built'],
  go: ['went', 'gone'],
  make: ['made'],
  write: ['wrote', 'written'],
  run: ['ran'],
  set: ['set'],
  put: ['put'],
  begin: ['began', 'begun'],
  get: ['got', 'gotten'],
  stand: ['stood'],
};

/** Whether the last consonant doubles before -ed/-ing (ship -> shipped, but add -> added). */
const doubles = (word: string) => /^[^aeiou]*[aeiou][bdgmnprt]$/.test(word) && word.length <= 4;

export function inflect(word: string): VerbForms {
  const stem = word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
  const doubled = doubles(word) ? word + word.at(-1) : stem;
  const third = /(?:s|sh|ch|x|z)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  const past = IRREGULAR_PAST[word] ?? [/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : word.endsWith('e') ? `${word}d` : `${doubled}ed`];
  return { base: [word, third], past: [...past], ing: [`${doubled}ing`] };
}

/** Every form of the verb phrases as a pattern of its own: the first word inflects, the rest ("out", "live") stays. */
export function verbForms(phrases: readonly string[]): { any: string[]; past: string[] } {
  const any: string[] = [];
  const past: string[] = [];
  for (const phrase of new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))) {
    const [first, ...rest] = phrase.split(/[\s-]+/);
    const tail = rest.length ? `[\\s-]+${rest.map(escapeRegExp).join('[\\s-]+')}` : '';
    const forms = inflect(first!);
    for (const f of [...forms.base, ...forms.ing, ...forms.past]) any.push(escapeRegExp(f) + tail);
    for (const f of forms.past) past.push(escapeRegExp(f) + tail);
  }
  return { any: [...new Set(any)], past: [...new Set(past)] };
}

/** Alternations of every form of the verb phrases, as tries: the same matches as each flat list sorted longest first, compiled far faster. */
export function verbAlternation(phrases: readonly string[]): { any: string; past: string } {
  const forms = verbForms(phrases);
  return { any: trieAlternation(forms.any), past: trieAlternation(forms.past) };
}

/** The base form a matched verb came from ("shipped" -> "ship"), for the allow list and the noun-like check. */
export function baseOf(form: string, phrases: readonly string[]): string | undefined {
  const word = form.toLowerCase().split(/[\s-]+/)[0]!;
  for (const phrase of phrases) {
    const first = phrase.trim().toLowerCase().split(/[\s-]+/)[0]!;
    const f = inflect(first);
    if ([...f.base, ...f.past, ...f.ing].includes(word)) return phrase.trim().toLowerCase();
  }
  return undefined;
}
