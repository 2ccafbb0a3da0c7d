// Success defined as delivering something: a goal, key result or success criterion
// made of a delivery ("Launch the dashboard", "Hire two engineers", "Publish 5 guides"),
// a thing reported done ("Beta launched"), a capability granted ("Users can export")
// or an artefact named ("A reference app in every language"), with no change it
// should cause. A statement with an outcome clause ("so that ...", "from 5 days to 1")
// or a measured object ("Generate 80% accurate drafts") passes. Delivery words
// outside the places where success is stated (timelines, requirements) are never judged.
import * as z from 'zod';
import { statementJudge, successStatements, type SuccessStatement } from '../judgement/statements';
import { timeframeIn } from '../vocabulary/timeframes';
import { defineRule } from './rule';
import { keptCalls } from './util/kept-calls';
import { reportByObjective, type CalledStatement } from './util/objective-groups';

export default defineRule({
  meta: {
    id: 'output-as-outcome',
    description: 'Success is defined as shipping something ("Launch the dashboard by Q3") instead of the change it should cause.',
    defaultSeverity: 'warning',
    kinds: ['prd', 'business-case', 'okr'],
    options: z
      .object({
        allow: z.array(z.string()).default([]).describe('Delivery verbs from the built-in list that should not be reported (e.g. "migrate").'),
      })
      .strict(),
  },
  check({ model, kind, options, config, report }) {
    const judgeOptions = { vanityPhrases: config.vanityPhrases, outputVerbs: config.outputVerbs, allowVerbs: options.allow };
    const judged = statementJudge(judgeOptions, model.memo.keep);
    const optionsKey = JSON.stringify(judgeOptions);
    const called: CalledStatement[] = [];
    const callOf = (statement: SuccessStatement): CalledStatement | undefined => {
      const call = judged(statement);
      if (call.call !== 'output') return undefined;
      const raw = statement.text.slice(call.start, call.end);
      const phrase = raw.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
      const trimmed = trimEndOf(raw, ' \t\r\n*_');
      // The rewrite goes at the end of the statement, before its closing punctuation; in the
      // editor its placeholders are tab stops. Never applied by Fix All: it needs the author.
      const end = statement.start + trimEndOf(statement.text, ' \t\r\n*_.;:!').length;
      return {
        statement,
        label: phrase,
        place: `"${phrase}" ${call.reason}`,
        report: {
          span: { start: statement.start + call.start, end: statement.start + call.start + trimmed.length },
          message: `"${phrase}" defines success as a delivery: it ${call.reason}. Restate it as the change the delivery should cause: whose behaviour or which result moves, from what to what, by when (e.g. "${example(phrase)}").`,
          fixes: [{ title: 'Add the change it should cause ("so that ... from ... to ...")', edits: [{ start: end, end, text: changeClause(statement.text) }] }],
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
  verdict: 'are deliveries, not changes',
  advice: 'Keep the deliveries as the plan, and state what they should change: whose behaviour or which result moves, from what to what, by when.',
};

/** The text without trailing characters from `chars`: a loop, since `/[...]+$/` is quadratic on long runs. */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The outcome clause to add; a statement that already says when ("by the end of Q1") gets no second "by". */
function changeClause(statement: string): string {
  return ` so that [who] [do what differently], from [today] to [target]${timeframeIn(statement) ? '' : ' by [when]'}`;
}

/** A rewrite in the statement's own words where it starts with a verb, else a neutral shape. */
function example(phrase: string): string {
  const short = phrase.split(/\s+/).slice(0, 6).join(' ');
  return /^[a-z]/i.test(short) ? `${short} so that [who] [do what] [from N to M] by [when]` : '[who] [do what], from [N] to [M], by [when]';
}
