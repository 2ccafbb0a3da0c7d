// Comparative and praise words that say something should get better without
// saying by how much: "easier", "faster", "more reliable". Used where a goal is
// phrased as "make X easier" rather than with an improvement verb.

/** Words a goal uses to ask for "better" with no measure: "easier", "simple", "more reliable". */
const BETTER = String.raw`(?:(?:much|far|a lot|a bit|even|way)[ \t]+)?(?:easier|easy|faster|fast|quicker|quick|simpler|simple|smoother|smooth|clearer|clear|better|cheaper|safer|nicer|friendlier|effortless|painless|frictionless|seamless|delightful|intuitive|(?:more|less)[ \t]+(?:reliable|efficient|productive|useful|consistent|accessible|visible|secure|intuitive|engaging|predictable|transparent|flexible|robust|stable|responsive|convenient|enjoyable|valuable|effective|relevant|personal|painful|confusing|frustrating|tedious|error[- ]prone))`;

/**
 * "Make scheduling easier", "making it simpler to invite guests", "make the editor more
 * reliable": make, up to four words of object, then a "better" word. Bounded repeats keep
 * it linear on long lines.
 */
export const MAKE_BETTER = new RegExp(String.raw`\bmak(?:e|es|ing)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?${BETTER}(?![\w-])`, 'i');

/**
 * "Increase user engagement", "Drive adoption", "Grow our presence": a change verb and an
 * abstract aim, with up to two words between. Nothing names who does what, or how much.
 */
export const VAGUE_CHANGE = new RegExp(
  String.raw`\b(?:increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|driv(?:e|es|ing)|grow(?:s|ing)?|rais(?:e|es|ed|ing)|foster(?:s|ed|ing)?|expand(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|build(?:s|ing)?|deepen(?:s|ed|ing)?|maximi[sz](?:e|es|ed|ing)|accelerat(?:e|es|ed|ing))[ \t]+(?:[\w'’-]+[ \t]+){0,2}?(?:engagement|adoption|presence|awareness|visibility|usage|loyalty|growth|traction|momentum|interest|participation|brand|reach|mindshare)(?![\w-])`,
  'i',
);
