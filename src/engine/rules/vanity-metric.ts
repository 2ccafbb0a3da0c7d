// Success measured by audience, attention or a running total (sign-ups, page views,
// downloads, followers, stars, mentions...). The judgement decides by the head of the
// measure: a count turned into a rate, share or per-user figure, or tied to a
// qualifying action ("% of sign-ups who activate", "members who post weekly"), passes.
import * as z from 'zod';
import { statementJudge, successStatements, type SuccessStatement } from '../judgement/statements';
import { defineRule } from './rule';
import { keptCalls } from './util/kept-calls';
import { reportByObjective, type CalledStatement } from './util/objective-groups';
import { rewriteKeepingFiguresOut } from './util/rewrite-figures';

export default defineRule({
  meta: {
    id: 'vanity-metric',
    description: 'Success is measured by a count that grows whether or not anyone gets value (sign-ups, page views, downloads, followers...).',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case', 'okr'],
    options: z
      .object({
        allow: z.array(z.string()).default([]).describe('Vanity words acceptable in your context (e.g. "subscribers" for a paid newsletter).'),
      })
      .strict(),
  },
  check({ model, kind, options, config, report }) {
    const judgeOptions = { vanityPhrases: config.vanityPhrases, allowVanity: options.allow, outputVerbs: config.outputVerbs };
    const judged = statementJudge(judgeOptions, model.memo.keep);
    const optionsKey = JSON.stringify(judgeOptions);
    const called: CalledStatement[] = [];
    const callOf = (statement: SuccessStatement): CalledStatement | undefined => {
      const call = judged(statement);
      if (call.call !== 'vanity') return undefined;
      const words = statement.text.slice(call.start, call.end).replace(/[*_`]+/g, '').trim();
      const at = statement.start + call.end;
      const qualifier = qualifierFor(words);
      return {
        statement,
        label: words,
        place: `"${words}" ${call.reason}`,
        report: {
          span: { start: statement.start + call.start, end: statement.start + call.end },
          fixes: [qualifier && rewriteKeepingFiguresOut(model, statement.unit, at, { title: `Tie "${words}" to what they do (${qualifier.title})`, text: qualifier.text })].filter((fix) => !!fix),
          message: `"${words}" is a vanity metric: it ${call.reason}. Measure what people get from it instead: the share of them who reach the result they came for within a set time, or a count tied to a qualifying action ("% of new ${noun(words)} who [do what the product is for] within [N] days").`,
        },
      };
    };
    for (const statement of successStatements(model)) {
      if (statement.origin === 'cell') continue;
      const made = kept(model, statement, optionsKey, callOf);
      if (made) called.push(made);
    }
    reportByObjective(model, called, GROUP_WORDING, report, { wholePage: kind === 'okr' });
  },
});

// What this rule made of each statement, kept while the memo moves the statement between lints.
const kept = keptCalls();

const GROUP_WORDING = {
  verdict: 'count attention or a running total',
  advice: 'Measure what people get instead: the share of them who reach the result they came for within a set time, or a count tied to a qualifying action.',
};

/**
 * A qualifying action to add after the count, when the count is of people or of things
 * people did: "Community members who [post or answer] within [14] days". Attention and
 * rank ("press mentions", "#1 on Product Hunt") have no such rewrite; the message advises.
 */
function qualifierFor(words: string): { title: string; text: string } | undefined {
  if (/\b(?:sign[- ]?ups|members|subscribers|followers|visitors|users|customers|players|creators|registrations|people|audience)$/i.test(words)) {
    return { title: 'who ... within N days', text: ' who [do what the product is for] within [N] days' };
  }
  if (/\b(?:downloads|installs|installations|views|visits|sessions|clicks|searches)$/i.test(words)) {
    return { title: 'that lead to ... within N days', text: ' that lead to [the result people came for] within [N] days' };
  }
  return undefined;
}

/** The people behind the count, for the suggestion: "sign-ups", "members", else "users". */
function noun(words: string): string {
  const m = /\b(sign[- ]?ups|members|subscribers|followers|visitors|users|customers|players|creators)\b/i.exec(words);
  return m ? m[1]!.toLowerCase() : 'users';
}
