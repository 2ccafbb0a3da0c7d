// What a success statement measures, in words: the heads that make a count a
// vanity metric, the qualifiers that normalise a count, and the words that name
// a result worth measuring. The judgement (src/engine/judgement) reads these; no
// rule keeps a list of its own. Every pattern runs on lower-cased plain text and
// has only bounded or single-character repetition, so it stays linear on long lines.

/**
 * Heads of a measure that count audience, attention or a running total: they can
 * grow while nobody gets value. Each entry is [pattern, why], the second finishing
 * the message's sentence ("'Discord members' counts people who joined, ...").
 */
export const VANITY_HEADS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:page ?views?|pageviews|video views|profile views|repo(?:sitory)? views|views)\b/, 'counts people who saw something, not what they got from it'],
  [/\bimpressions\b/, 'counts times something was shown, not what anyone did with it'],
  [/\b(?:site |web |unique |monthly |total )?(?:visits|visitors)\b|\b(?:web|website|site|referral|organic|inbound|blog) traffic\b|\btraffic (?:from|to)\b/, 'counts people who arrived, not whether they found what they came for'],
  [/\b(?:page |press )?hits\b/, 'is a running total of requests or stories, not value'],
  [/\b(?:app |total |new |cumulative )?(?:downloads|installs|installations)\b/, 'is a running total that grows whether or not anyone keeps using it'],
  [/\b(?:total |new |number of )?sign[- ]?ups\b|\bregistrations\b|\bregistered (?:users|accounts|members)\b|\baccounts created\b/, 'counts people who registered, not people who got value'],
  [/\b(?:followers|fans)\b|\b(?:x|twitter|social|instagram|tiktok|linkedin|youtube|organic|community|audience)(?: \([^)]{0,30}\))? following\b/, 'counts an audience that can grow while nobody gets value'],
  [/\b(?:organic |social |online |newsletter |email )?audience(?: size| growth)?\b(?! research)/, 'counts people who can see us, not people who get value'],
  [/\b(?<!team |staff |board |crew |family )members\b(?! of\b)|\bcommunity size\b/, 'counts people who joined, not what they got from it'],
  [/\b(?<!paid |paying )subscribers\b|\bemail list(?: size)?\b|\bmailing list (?:size|sign[- ]?ups)\b/, 'counts a list that grows whether or not anyone reads or acts'],
  [/\b(?:github |repo(?:sitory)? )?stars\b/, 'counts bookmarks, not use'],
  [/\b(?:users|people|visitors|customers|members|developers|players)\s{1,8}(?:who|that)\s{1,8}(?:only\s{1,8})?(?:install|download|sign up|register|visit|view|click|tap|subscribe|follow|join|like|star|open|land)(?:s|ed|red|ing)?\b/, 'counts people who only arrived, not people who got value'],
  [/\b(?:likes|upvotes|retweets|reposts|social shares|reactions|engagements|claps|hearts|karma)\b|\b(?:hn|hacker news|reddit|product hunt|peak|total|post) points\b|(?<!story |bonus |loyalty |reward |percentage )\bpoints\s{0,8}(?::|$)/, 'counts reactions, not value'],
  // Comments on a post or launch thread, not feedback that is read for what it says.
  [/\b(?:hn|hacker news|reddit|twitter|x|youtube|blog|post|thread|social|total|peak|launch) comments\b|^\s{0,8}comments\b|\bcomments\s{0,8}(?::|$)/, 'counts reactions to a post, not value'],
  [/\b(?:total|organic|social|paid|potential|estimated|thread|post|tweet|campaign|media|brand|audience|monthly|weekly|daily) reach\b|^\s{0,8}reach\s{0,8}(?::|\||$)|\b(?:newsletter|post|thread|video|article|organic) reach\b|\breach\s{0,8}:/, 'counts people who could have seen something, not what anyone did'],
  [/\b(?:press |media |news )?(?:mentions|citations)\b|\b(?:press|media|news|blog|podcast|newsletter|influencer) (?:mention|coverage|feature|pickup|attention|interest|outreach)\b|\bmedia reaching out\b|\bpress (?:articles?|stories|pieces|clippings|features)\b|\btier[- ]?\d press\b/, 'counts attention, not a change for users or the business'],
  [/\bfront[- ]page\b|\btrending\b|\bgo(?:es|ing)? viral\b|\bpeak (?:position|placement)\b|\b(?:chart|leaderboard|store|launch) position\b|\brank\b(?! (?:order|the|them|by))/, 'measures attention on a launch platform or store, not value'],
  [/\b(?:attendees|participants|registrants|rsvps|sign[- ]?ins to the event)\b|\b(?:event|webinar|meetup|conference) (?:attendance|turnout)\b/, 'counts people who came, not what they got from it'],
  [/\b(?:repo(?:sitory)? |git |github )?(?:clones|forks)\b/, 'counts copies of the code, not use'],
  [/\b(?:unique |new |total |active )?wallet(?:s| addresses)\b|\bwallets? (?:created|connected|holders?)\b/, 'counts addresses or accounts that exist, not value anyone got'],
  [/\bfeatured (?:placement|spot|listing|in|on|by)\b|\bget(?:ting)? featured\b|(?:\btop|#) ?\d{1,3} (?:rank|ranking|spot|position|product)\b|(?:\btop|#) ?\d{1,3}\b(?: [a-z-]+){0,3} (?:on|in) (?:product hunt|hacker news|hn|reddit|github trending|the (?:app |play )?store|app store|play store|the charts?)\b|\brank(?:ed|ing)? (?:#|number |no\.? )?\d{1,3}\b|\brankings?\b/, 'measures attention on a launch platform or store, not value'],
  [/\b(?:number of |total |raw |more )(?:[a-z-]+ )?(?:clicks|searches|sessions)\b|^\s{0,8}(?:[a-z-]+ )?(?:clicks|searches|sessions)\b|(?<![\d,.])\d[\d,.]*\s?[km]?\+? (?:[a-z-]+ )?(?:clicks|searches|sessions)\b/, 'counts activity, not whether it achieved anything'],
  [/\b(?:daily|weekly|monthly)?\s?active (?:[a-z-]+ )?users\b|\b[dwm]aus?\b/, 'counts people who showed up, not what they achieved'],
  [/\btotal [a-z][\w-]*(?: [a-z][\w-]*){0,2}/, 'is a running total that grows whether or not anyone gets value'],
  [/\b(?:cohort|user|customer) (?:size|count)\b|\b(?:total|number of) (?:users|customers|accounts)\b|\busers? (?:acquired|gained|onboarded)\b/, 'counts people who arrived, not people who got value'],
];

/**
 * A vanity head in the singular where it still names a count: after "1", "one" or "a single"
 * ("1 fork", "one press mention") or before a word that makes it one ("download count",
 * "follower growth", "attendee numbers"). Group 1 or 2 is the singular head; its plural finds
 * the reason among VANITY_HEADS.
 */
const SINGULAR_HEAD = String.raw`(follower|fan|subscriber|member|star|fork|clone|download|install|installation|sign[- ]?up|registration|page ?view|view|visit|visitor|impression|like|upvote|reaction|retweet|repost|mention|citation|attendee|participant|registrant|click|search|session|wallet)`;
export const SINGULAR_COUNT = new RegExp(
  String.raw`(?<![\w.,])(?:1|one|a single)\s{1,4}(?:[a-z][\w-]*\s{1,4})?${SINGULAR_HEAD}(?![\w-])|(?<![\w-])${SINGULAR_HEAD}\s{1,4}(?:count|counts|number|numbers|total|totals|growth|volume|tally|figures?)\b`,
);

/**
 * A bare head count: "50K users", "1,000 new users", "10k monthly active users".
 * The adjectives allowed before "users" do not say what the users achieved.
 */
export const BARE_USER_COUNT =
  /(?:^|[\s(~≈>≥])[$]?(?<![\d,.])\d[\d,.]*\s?[km]?\+?(?:\s?[-–]\s?\d[\d,.]*\s?[km]?\+?)?\s(?:(?:new|total|registered|active|monthly active|weekly active|daily active|beta|pilot|early|launch|free|trial|organic)\s){0,2}(?:users|people|accounts|players|creators)\b/;

/** Attention dressed as a goal: our brand or content included, mentioned or featured somewhere. */
export const VISIBILITY = /\b(?:brand|name|company|content|product|site|app)\b[^.;!?]{0,60}?\b(?:included|mentioned|cited|featured|surfaced|appears?|appearing|visible|listed|ranked)\b(?: (?:in|on|by|across|among))/;

/** Using something more, with nothing said about what the use achieves. */
export const MORE_USE = /\b(?:use|uses|using|visit|visits|open|opens|browse|browses)\b[^.;!?]{0,50}?\bmore\b(?! than| (?:easily|quickly|confidently|effectively|successfully))/;

/** Actions that do not qualify a count: "users who install", "visitors who subscribe". */
export const VANITY_ACTIONS =
  /^(?:install|download|sign|register|visit|view|see|click|tap|subscribe|follow|join|like|star(?!t)|open|land|arrive|come|hear|watch|read|access|create an account|log ?in)/;

/** "% of", "rate", "per user": a count turned into a share, a rate or a ratio. */
export const NORMALISERS =
  /%|\bpercent(?:age)?\b|\bper\s{1,8}(?:a\s{1,8})?(?:hundred|thousand|million|\d[\d,.]*\s{0,2}[km]?)\b|\bshare of\b|\b(?:half|a third|a quarter|two thirds|three quarters|the majority|most) of (?:the |our |all |new |active )?(?:users?|customers?|people|teams?|members?|visitors?|them|those)\b|\bproportion\b|\bfraction\b|\bratio\b|\brates?\b|\bconver(?:sion|ts?|ted|ting)\b|\bretention\b|\bretain(?:ed)?\b|\bchurn(?:ed)?\b|\bcohort (?:of|who|that)\b|\bfunnel\b|\bper (?:active |paying |paid |new )?(?:users?|visitors?|customers?|accounts?|members?|teams?|seats?|subscribers?|sessions?|clinics?|orders?)\b|\b[dwm]au ?\/ ?[dwm]au\b|\b\w+ ?\/ ?\w+ ratio\b|\bctr\b|\bclick[- ]through\b/;

/**
 * Results worth measuring: a change in what users do or get, or in a business result.
 * Their presence makes a statement a measure of outcome rather than of output or reach.
 * Whole words only: the "order" in "pre-order page" is not a result.
 */
export const RESULT_WORDS =
  /(?<![\w-])(?:revenue|arr|mrr|arpu|ltv|cac|payback|profit|margin|gmv|sales|orders?|deals?|bookings|renewals?|contracts? (?:signed|won)|pipeline|purchases?|transactions?|spend|savings?|costs?|roi|nps|csat|ces|satisfaction|sentiment|scores?|rating|retention|retained|churn|conversion|activation|activated|adoption|adopted|engagement|completion|success rate|error|errors|crash(?:es|-free)?|failures?|incidents?|defects?|bugs?|uptime|availability|latency|response times?|load times?|time (?:to|spent|saved|on task)|(?:session|visit|call|queue|wait|page) (?:length|duration|time)|duration|time-to-\w+|minutes|hours|days|accuracy|accurate|quality|reliability|abandonment|drop[- ]?off|bounce|refunds?|complaints|support (?:tickets|calls|contacts)|tickets|deliverability|open rate|paying|paid|repeat|return(?:s|ing)?|recommend|referrals|trust|confidence|lifetime value|cost per \w+|efficiency|productivity|throughput|lead time|cycle time|deployment frequency|mttr|mean time)(?![\w-])/;

/** Comparatives and change words: a statement that says something gets better, faster, cheaper. */
export const CHANGE_WORDS =
  /\b(?:faster|quicker|sooner|easier|simpler|cheaper|safer|better|more (?:easily|quickly|reliably|confidently|often|frequently|likely)|less (?:time|effort|often|likely)|fewer|lower|higher|shorter|longer|more with less|with confidence|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tion)|grow(?:s|n|th)?|cut|halve[sd]?|doubl(?:e|es|ed)|tripl(?:e|es|ed)|improv(?:e|es|ed|ement)|streamlin(?:e|es|ed|ing)|simplif(?:y|ies|ied)|speed(?:s|ing)? up|lift|uplift|drop(?:s|ped)?|rais(?:e|es|ed))\b|[↑↓]/;

/** A number held as a limit: "under 1.5 s", "at least 80", "≤ 2": a target, so the statement measures something. */
export const BOUND = /(?:\bat (?:least|most)\b|≥|≤|>=|<=|<|>|\bunder\b|\bbelow\b|\babove\b|\b(?:less|more|fewer|greater) than\b)\s{0,8}[$€£~]?\d/;

/** A number a statement could be held to: "40%", "$500K", "3x", "≤2", "4.5". */
export const STATED_NUMBER = /\d/;
