// Success defined as shipping: a goal, success metric or key result whose main
// verb is an output verb ("Launch the new dashboard by Q3", "Ship SSO") and
// which says nothing about what should change for users or the business.
// "launch" as a noun ("30 days after launch"), output verbs outside goal and
// success sections, and statements with an outcome clause ("so that ...",
// "to cut ...", "from 5 days to 1") pass.
import * as z from 'zod';
import { escapeRegExp, OUTPUT_VERBS } from '../phrases';
import { OUTCOME_ROLES } from '../types';
import { blankPlaceholders } from './util/placeholders';
import { defineRule } from './rule';
import { clausesIn } from './util/clauses';

const IRREGULAR_PAST: Readonly<Record<string, readonly string[]>> = {
  build: ['built'],
  go: ['went', 'gone'],
  make: ['made'],
  write: ['wrote', 'written'],
  run: ['ran'],
  do: ['did', 'done'],
  set: ['set'],
  put: ['put'],
};

/** Whether the last consonant doubles before -ed/-ing (ship -> shipped, but add -> added). */
const doubles = (word: string) => /^[^aeiou]*[aeiou][bdgmnprt]$/.test(word) && word.length <= 4;

function inflect(word: string): { base: string[]; past: string[]; ing: string[] } {
  const stem = word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
  const doubled = doubles(word) ? word + word.at(-1) : stem;
  const third = /(?:s|sh|ch|x|z)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  const past = IRREGULAR_PAST[word] ?? [/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : word.endsWith('e') ? `${word}d` : `${doubled}ed`];
  return { base: [word, third], past: [...past], ing: [`${doubled}ing`] };
}

/** Alternations for every form of the verb phrases: the first word inflects, the rest ("out", "live") stays. */
function verbPatterns(phrases: readonly string[]): { active: string; past: string } {
  const active: string[] = [];
  const past: string[] = [];
  for (const phrase of new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))) {
    const [first, ...rest] = phrase.split(/[\s-]+/);
    const tail = rest.length ? `[\\s-]+${rest.map(escapeRegExp).join('[\\s-]+')}` : '';
    const forms = inflect(first!);
    for (const f of [...forms.base, ...forms.ing, ...forms.past]) active.push(escapeRegExp(f) + tail);
    for (const f of forms.past) past.push(escapeRegExp(f) + tail);
  }
  const alt = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).join('|');
  return { active: alt(active), past: alt(past) };
}

// Labels and markup before the statement proper: "KR1:", "**Goal:**", "O2 -", "[ ]", "1.2)".
const LEAD =
  /^(?:\s+|\[[ xX]\]|[*_]{1,2}|\p{Extended_Pictographic}\uFE0F?|(?:(?:key results?|kr|objective|okr|goal|outcome|target|aim|milestone|o|g|p)\s*#?\d+(?:\.\d+)*|key results?|objectives?|goals?|outcomes?|targets?|aims?|milestones?|success(?: criteri(?:on|a)| metrics?)?|(?:primary|secondary|main) (?:goal|objective|outcome))\s*[*_]{0,2}\s*[:.)\-–—]|\d+(?:\.\d+)*[.)]\s)+/iu;
// Who commits to the output, or how success is phrased before the verb.
const SUBJECT =
  String.raw`(?:(?:we|i|the team|our team|the company|engineering|product)\s+(?:will|shall|must|should|need to|plan to|aim to|intend to|want to|are going to|commit to)\s+|we['’]ll\s+|(?:our |the )?(?:goal|objective|aim|target|mission|success)\s+(?:is|means|will be|=)\s+(?:to\s+)?|to\s+)?`;
const ADVERB = String.raw`(?:(?:successfully|fully|finally|officially|publicly|first|quickly)\s+)?`;
// What follows the verb must look like an object, not a label ("Launch: Q3") or a sum ("Launch + 30 days").
const OBJECT_START = String.raw`(?=[ \t]+[\p{L}\p{N}"'“*_])`;

// Verbs that are nouns as often as not ("Code coverage", "Design review", "Add-ons"):
// they count only with a determiner before the object ("Design the new checkout").
const AMBIGUOUS_VERBS = new Set(['code', 'design', 'add', 'complete', 'finish', 'create']);
const DETERMINED = /^[*_"'“]*(?:the|a|an|our|all|every|each|its|their|this|these)\b/i;
// Head nouns that are results, not deliverables: "Add 500 paying customers", "Build trust", "Complete onboarding".
// They excuse only verbs that can mean "achieve": a launched, shipped or released thing is always a deliverable.
const DELIVERY_VERBS = /^(?:launch|ship|release|deploy|roll|go|publish)/i;
const RESULT_OBJECT =
  /(?:^|\s)(?:customers?|users?|accounts?|subscribers?|members?|clients?|buyers?|revenue|arr|mrr|profits?|margins?|sales|value|trust|confidence|loyalty|habits?|awareness|momentum|impact|savings|growth|engagement|adoption|retention|satisfaction|delight|understanding|alignment|clarity|community|audience|onboarding|checkout|setup|sign[- ]?ups?|registration|purchases?|payments?)$/i;

// A stated change in behaviour or result, anywhere in the sentence.
const OUTCOME_CLAUSE = new RegExp(
  [
    String.raw`\bso that\b`,
    String.raw`\bso (?:[\p{L}'’-]+\s+){1,3}(?:can|could|will|no longer|stop|start|are able|get|spend|save)\b`,
    String.raw`\bin order to\b`,
    String.raw`\b(?:resulting in|leading to|measured by)\b`,
    String.raw`\bwhich (?:will |should |would )?(?:reduce|increase|cut|raise|lower|lift|improve|grow|drive|help|let|enable)`,
    String.raw`\bto (?:ensure|help|let|allow|enable|reduce|increase|decrease|cut|grow|raise|lower|lift|halve|double|triple|improve|boost|drive|shorten|speed up|save|prevent|eliminate|minimi[sz]e|maximi[sz]e|retain|convert|win|keep|stop|make)\b`,
    String.raw`\bfrom\s+[$€£~]?\d[^\n]{0,40}?\bto\s+[$€£~]?\d`,
    String.raw`\b(?:increase|decrease|reduce|raise|lower|cut|grow|lift|improve|boost|drop|fall)(?:s|d|ed|ing)?\b[^\n.]{0,60}?\bby\s+[$€£~]?\d`,
  ].join('|'),
  'iu',
);
// Where the reported verb phrase stops: a timeframe, audience or the end of the clause.
const PHRASE_END = /\s+(?:by|before|in|on|during|within|at|for|to|across|until|no later than|that|which|with|so|and|as)\b|[,;:.!?()|]|\s+[-–—]\s/iu;

interface Compiled {
  imperative: RegExp;
  passive: RegExp;
}

// The verb list rarely changes between lints (it comes from config): keep the last compilation.
let last: { key: string; compiled: Compiled | undefined } | undefined;

function compile(phrases: readonly string[]): Compiled | undefined {
  const key = phrases.join('\n');
  if (last?.key !== key) last = { key, compiled: build(phrases) };
  return last.compiled;
}

function build(phrases: readonly string[]): Compiled | undefined {
  if (phrases.length === 0) return undefined;
  const { active, past } = verbPatterns(phrases);
  return {
    imperative: new RegExp(String.raw`^${SUBJECT}${ADVERB}(${active})${OBJECT_START}`, 'iu'),
    // "SSO shipped by Q3", "v2 is released to all customers", "The portal goes live in March".
    passive: new RegExp(
      String.raw`^([^,;:.!?|]{1,60}?)\s+(?:(?:is|are|was|were|has been|have been|will be|gets?|got)\s+${ADVERB}(?:${past})\b|(?:${past})(?=\s+(?:by|before|to (?:all|every|\d|production|prod|customers|users|ga\b|general availability|beta|(?:the )?(?:app store|play store|stores?|marketplace|public|web))|in production)\b|\s*[.!]?\s*$)|(?:is|are|goes|go|went|will go)\s+live\b)`,
      'iu',
    ),
  };
}

// A passive subject that is really a metric ("% of orders delivered", "users who completed").
const METRIC_SUBJECT = /%|\b(?:who|that|which|of|per|percentage|percent|share|rate|ratio|number|count|time|average|median|mean)\b/i;

/** End of the sentence that starts at `from`, so an outcome after a ";" or "—" still counts. */
function sentenceEnd(text: string, from: number): number {
  const rest = /[.!?](?=\s|$)|\n/g;
  rest.lastIndex = from;
  const m = rest.exec(text);
  return m ? m.index : text.length;
}

export default defineRule({
  meta: {
    id: 'output-as-outcome',
    description: 'Success is defined as shipping something ("Launch the dashboard by Q3") instead of the change it should cause.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case'],
    options: z
      .object({
        allow: z.array(z.string()).default([]).describe('Output verbs from the built-in list that should not be reported (e.g. "migrate").'),
      })
      .strict(),
  },
  check({ model, options, config, report }) {
    const allowed = new Set(options.allow.map((v) => v.trim().toLowerCase()));
    const compiled = compile([...OUTPUT_VERBS, ...config.outputVerbs].filter((v) => !allowed.has(v.trim().toLowerCase())));
    if (!compiled) return;
    for (const clause of clausesIn(model, OUTCOME_ROLES)) {
      if (clause.origin === 'cell') continue;
      const text = blankPlaceholders(clause.text);
      const lead = LEAD.exec(text)?.[0].length ?? 0;
      const body = text.slice(lead);
      let span: { start: number; end: number } | undefined;

      const imperative = compiled.imperative.exec(body);
      if (imperative) {
        const verb = imperative[1]!;
        const verbAt = imperative[0].length - verb.length;
        const rest = body.slice(imperative[0].length);
        const stop = PHRASE_END.exec(rest);
        const object = rest.slice(0, stop ? stop.index : undefined).replace(/[*_"'”]+/g, '').trim();
        // "Code Coverage: >80%", "Launch readiness: 100%": a short label naming a metric, not a verb.
        const label = stop?.[0] === ':' && object.split(/\s+/).length <= 3;
        const ambiguous = AMBIGUOUS_VERBS.has(verb.toLowerCase()) && !DETERMINED.test(rest.trimStart());
        const achievement = RESULT_OBJECT.test(object) && !DELIVERY_VERBS.test(verb);
        if (!label && !ambiguous && !achievement) {
          span = { start: verbAt, end: imperative[0].length + (stop ? stop.index : rest.trimEnd().length) };
        }
      } else {
        const passive = compiled.passive.exec(body);
        if (passive && !METRIC_SUBJECT.test(passive[1]!)) span = { start: 0, end: passive[0].length };
      }
      if (!span) continue;

      const start = clause.start + lead;
      const sentence = blankPlaceholders(model.text.slice(start, Math.max(clause.start + clause.text.length, sentenceEnd(model.text, start))));
      if (OUTCOME_CLAUSE.test(sentence)) continue;
      const phrase = body.slice(span.start, span.end).replace(/[*_]+$/, '').trimEnd();
      report({
        span: { start: start + span.start, end: start + span.start + phrase.length },
        message: `"${phrase.replace(/[*_`]/g, '')}" defines success as shipping something. Restate it as the change the launch should cause: whose behaviour or which business result moves, from what to what, by when (e.g. "Ship SSO so that enterprise admins cut onboarding from 5 days to 1").`,
      });
    }
  },
});
