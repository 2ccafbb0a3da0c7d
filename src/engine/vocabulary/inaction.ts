// The one wording of "doing nothing": the option a business case must weigh, the
// part of a need statement that says what happens without action, and the cost of
// inaction the offline coach praises. Read by business-case-section-missing,
// need-statement-incomplete and the coach.

/** Doing nothing named as an option or a situation: "do nothing", "status quo", "business as usual". */
export const DO_NOTHING = /\b(?:do(?:ing)?[- ]nothing|status quo|no action|business as usual|inaction|keep(?:ing)? (?:the )?(?:current|existing)|not (?:to )?proceed|null option|baseline option)\b/i;

/** What happens without action, said in a sentence: "if we don't", "without this", "otherwise", "cost of delay". */
export const IF_WE_DO_NOTHING =
  /\bdo(?:ing)? nothing\b|\bif we (?:don['’]t|do not|didn['’]t|did not|wait)\b|\bwithout (?:this|it|a fix|action)\b|\bstatus quo\b|\binaction\b|\bcost of (?:delay|doing nothing)\b|\botherwise,? (?:they|we|the|it|customers|users|people|teams)\b|\bwithout (?:this|it), \w+|\bif (?:nothing|left alone|this is not)\b/i;

/** A heading or lead-in that answers "what if we do nothing" for the whole document. */
export const INACTION_HEADING = /\b(?:cost of (?:inaction|delay)|do(?:ing)? nothing|why now|status quo|if we do nothing)\b/i;
