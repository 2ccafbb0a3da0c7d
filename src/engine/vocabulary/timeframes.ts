// The one grammar of timeframes: "by Q3", "within 90 days", "in their first month",
// "for 3 consecutive months", "Day 30", "end of FY26", "March 2027", "post-launch".
// The metric model, the metric rules and the offline coach all read this; none keeps
// its own. Alternations only, with bounded repetition: linear on any line.

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?`;
// Durations under a day ("3-minute sessions") measure how long, not by when.
const UNIT = String.raw`(?:days?|weeks?|months?|quarters?|years?|sprints?)`;
const YEAR = String.raw`(?:19|20)\d\d`;
const MILESTONE = String.raw`(?:launch|ga|general availability|release|go[- ]live|rollout|roll[- ]out|pilot|beta|alpha|mvp|deployment|kickoff|onboarding|sign[- ]?up|signup|first use|install)`;

/** A point or span of time, on its own: "Q3 2026", "H1", "FY26", "2027", "March 2027", "Day 30", "Week 4", "Phase 2", "90 days". */
const POINT = [
  String.raw`(?:q[1-4]|h[12])(?:\s{0,8}(?:fy)?\s{0,8}'?\d{2,4})?`,
  String.raw`fy\s?'?\d{2,4}`,
  String.raw`${YEAR}(?:-\d\d(?:-\d\d)?)?`,
  String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s{1,8})?${MONTH}(?:\s{1,8}\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s{1,8}${YEAR})?`,
  String.raw`(?:day|week|month|quarter|year|sprint|phase|stage|wave|cycle)s?\s{0,8}\d{1,3}(?:\s{0,8}[-–+]\s{0,8}\d{0,3})?`,
  String.raw`d\d{1,3}`,
  String.raw`\d{1,4}\s{0,8}-?\s{0,8}${UNIT}`,
].join('|');

/** What may stand between the preposition and the time: "the end of the", "their first", "3 consecutive". */
const BRIDGE = String.raw`(?:(?:the|their|its|our|your|each|every|a|an)\s{1,8})?(?:end\s{1,8}of\s{1,8}(?:the\s{1,8})?)?(?:(?:next|first|following|coming|last|initial|consecutive|\d{1,3}\s{1,8}consecutive)\s{1,8})?`;

const PREPOSITION = String.raw`(?:by|within|in|over|before|until|till|through|throughout|during|after|from|for|at|end of|as of|no later than)`;

/**
 * A timeframe in prose: a preposition with a time ("within 90 days", "by the end of Q3",
 * "in their first month", "for 3 consecutive months", "30 days after launch"), a bare
 * point that only a time can be ("Q3 2026", "FY26", "March 2027", "2027-03-01"), or a
 * moment relative to a release ("post-launch", "pre-rollout", "at GA").
 */
export const TIMEFRAME = new RegExp(
  [
    String.raw`\b${PREPOSITION}\s{1,8}${BRIDGE}(?:${POINT}|${UNIT}|${MILESTONE})\b`,
    String.raw`\b\d{1,4}\s{0,8}-?\s{0,8}${UNIT}\s{1,8}(?:after|post|from|of|since|following)\s{1,8}(?:the\s{1,8})?${MILESTONE}\b`,
    String.raw`\b(?:q[1-4]|h[12])\s{0,8}(?:fy)?\s{0,8}'?\d{2,4}\b`,
    String.raw`\bfy\s?'?\d{2,4}\b`,
    String.raw`\b${YEAR}-\d\d(?:-\d\d)?\b`,
    String.raw`\b(?:\d{1,2}\s{1,8})?${MONTH}\s{1,8}(?:\d{1,2}(?:st|nd|rd|th)?,?\s{1,8})?${YEAR}\b`,
    String.raw`\b(?:pre|post)[- ]?${MILESTONE}\b`,
  ].join('|'),
  'i',
);

/**
 * A timeframe in a heading or a lead-in that applies to everything under it: the above,
 * or a milestone or period named alone ("Phases 1-3", "First 90 days", "Launch week", "Year 1").
 */
export const CONTEXT_TIMEFRAME = new RegExp(
  [
    TIMEFRAME.source,
    String.raw`\b(?:${POINT})\b`,
    String.raw`\bfirst (?:\d{1,3} )?${UNIT}\b`,
    String.raw`\b(?:launch|release|rollout|go[- ]live|ga) (?:day|week|month|gates?|readiness)\b`,
    String.raw`\b(?:at|after|before) ${MILESTONE}\b`,
    // A day of a launch plan: "Tuesday (Launch Day)", "Mercredi", "Day 3", "Hacker News Day".
    String.raw`\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|lunes|martes|miércoles|jueves|viernes)\b`,
    String.raw`\([^()\n]{0,40}\bday\)`,
  ].join('|'),
  'i',
);

// A metric measured over the first or next stretch of time carries its own period:
// "3 songs in their first month", "within the next 14 days", "for 3 consecutive months".
// A bare window ("pays within 7 days") is part of what is measured, not a period.
export const MEASURE_WINDOW = /\b(?:in|within|during|over|for)[ \t]{1,8}(?:their|its|the|each|his|her|your)[ \t]{1,8}(?:first|next)[ \t]{1,8}(?:\d+[ \t]{1,8})?(?:days?|weeks?|months?|quarters?|years?)\b|\bfor[ \t]{1,8}\d+[ \t]{1,8}consecutive[ \t]{1,8}(?:days|weeks|months|quarters|years)\b/i;

/** "by Q3", "within 90 days": the timeframe a text states, if any. */
export function timeframeIn(text: string): string | undefined {
  return TIMEFRAME.exec(text)?.[0];
}
