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
