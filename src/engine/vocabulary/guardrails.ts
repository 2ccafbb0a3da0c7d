// The one wording of guardrails: what must not get worse while a team chases its
// targets. Read by the metric rules (no-guardrail-metric) and the offline coach.

/** Phrasing that holds something in place: "without increasing", "stays below", "no more than". */
export const GUARD_PHRASE =
  /\bwithout (?:increasing|raising|hurting|harming|reducing|lowering|degrading|worsening)\b|\bno (?:increase|rise|drop|decrease|regression|degradation|worsening)\b|\b(?:does|do|must|should|will)(?: not|n't) (?:increase|rise|exceed|drop|fall|decrease|regress|worsen|get worse)\b|\b(?:stays?|remains?|kept|keep|holds?) (?:below|under|above|within|at or|steady|flat)\b|\bno (?:more|worse) than\b|\bat or (?:below|above)\b|\bguard ?rails?\b|\bcounter[- ]?metrics?\b/i;

/** Things that usually must not get worse: errors, latency, churn, refunds, support load. */
export const GUARD_SUBJECT =
  /\b(?:errors?|error rates?|failures?|failure rates?|latency|response times?|load times?|p9\d|crash\w*|uptime|availability|downtime|incidents?|churn\w*|cancell?ations?|refunds?|support (?:tickets|contacts|volume|requests|calls)|tickets|complaints?|unsubscribe\w*|opt[- ]?outs?|spam|bounce rates?|abandonment|chargebacks?|escalat\w*)\b/i;

/** A limit: "below", "< 2%", "at most", "cap". */
export const LIMIT = /[<>≤≥]|\b(?:below|under|above|at (?:most|least)|max(?:imum)?|min(?:imum)?|(?:less|fewer|more) than|limit|cap|ceiling|within)\b/i;

/** Text that sets a limit on something that must not get worse: "churn stays below 3%", "no increase in tickets". */
export function isGuardrailText(text: string): boolean {
  return GUARD_PHRASE.test(text) || (GUARD_SUBJECT.test(text) && LIMIT.test(text));
}
