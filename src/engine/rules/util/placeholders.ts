// Recognising placeholders: shared by placeholder-left, which reports them, and
// by the prose rules, which blank them out so they judge only what the author wrote.

// [template text] that is not a link, image, footnote, wiki link or escaped bracket.
const BRACKET = String.raw`(?<![\\!\][])\[([^[\]\n]{1,200})\](?![([])`;
const VARIABLE = String.raw`\{\{[^{}\n]{0,200}\}\}`;
// One alternation, case-sensitive on purpose: "TODO" is a marker, "Todo" is an app name.
// Groups: 1 word marker, 2 {{variable}}, 3 <...placeholder...>, 4 lorem ipsum, 5 the text inside [...].
export const PLACEHOLDER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])([Tt][Bb][DdCc]|TODO|FIXME|XXX)(?![\p{L}\p{N}_])|(${VARIABLE})|(<[^<>\n]{0,100}[Pp][Ll][Aa][Cc][Ee][Hh][Oo][Ll][Dd][Ee][Rr][^<>\n]{0,100}>)|(?<!\p{L})([Ll]orem [Ii]psum)(?!\p{L})|${BRACKET}`,
  'gu',
);
const BLANKABLE = new RegExp(`${BRACKET}|${VARIABLE}`, 'gu');

// Brackets that are not templates: editorial notes in quotations, a task box,
// a URL (a link written the wrong way round), a variable name in product copy.
const NOT_TEMPLATE = /^(?:(?:sic|emphasis (?:added|mine|ours)|redacted|citation needed|x)$|[a-z][a-z\d+.-]*:\/\/|www\.|\p{L}[\p{L}\d]*(?:_[\p{L}\d]+)+$)/iu;

/** Text inside brackets that reads as template text: starts with a letter, not an editorial note. */
export function isTemplateText(inner: string): boolean {
  return /^\p{L}/u.test(inner) && !NOT_TEMPLATE.test(inner.trim());
}

/**
 * The same text with bracketed template text and {{variables}} blanked out
 * (offsets kept), so prose rules judge what the author wrote and leave the
 * unfilled parts to this rule.
 */
export function blankPlaceholders(text: string): string {
  if (!text.includes('[') && !text.includes('{{')) return text;
  return text.replace(BLANKABLE, (whole, inner: string | undefined) =>
    inner === undefined || isTemplateText(inner) ? ' '.repeat(whole.length) : whole,
  );
}
