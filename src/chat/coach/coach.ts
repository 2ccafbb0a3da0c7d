// The offline coach: deterministic answers in a persona's voice, built from the
// open document's lint findings and structure. It is what the chat uses when no
// model is configured, so it must be useful on its own and honest about being
// rules, not a model. Pure: no vscode, no file system, no network, no clock.
import type { Finding } from '../../engine';
import type { Persona } from '../personas/persona';
import { personaLabel } from '../personas/persona';
import { analyse, byCatalogue, reach, within, type Facts, type Group, type Passage } from './analysis';
import { metricsTable, proposeMetrics, unlabelledLeading } from './outcomes';
import { roiCheck } from './roi';
import { asksReadiness, RULE_AREA, rulesFor, TOPIC_NAMES, topicsIn } from './talk';
import { andList, count, firstSentence, lowerFirst, mention, mentionList, plain, quotable, quoteList } from './text';
import { strengthsOf, talkFor, voiceFor, type Voice } from './voices';

export interface CoachContext {
  persona: Persona;
  document?: { text: string; fileName?: string; selection?: string };
  /** Findings for `document.text`; when absent the coach lints the text itself with the default configuration. */
  findings?: Finding[];
  command?: 'review' | 'metrics' | 'ask';
  question: string;
  /** The finding the user asked about (the "Ask … about this" code action): the answer is about it. */
  finding?: { ruleId: string; message: string; line?: number };
  /** On a panel, the personas that answered this question before this one: their points are not repeated. */
  panelBefore?: readonly Persona[];
}

/** The last line of every answer. */
export const COACH_LABEL = "_Offline coach: built-in guidance from Outcome Lens's rules, not an AI model._";

/** The first line of every answer: the persona's name in bold, as the personas open their answers. */
export function coachOpening(persona: Persona): string {
  return `**${personaLabel(persona)}:**\n\n`;
}

export function coachAnswer(context: CoachContext): string {
  return `${coachOpening(context.persona)}${coachBody(context).trim()}\n\n${COACH_LABEL}\n`;
}

/** Everything between the opening and the label. */
export function coachBody(context: CoachContext): string {
  const voice = voiceFor(context.persona);
  const document = context.document;
  if (!document || !document.text.trim()) return voice.introduce(context.persona);
  const facts = analyse(document, context.findings);
  if (facts.kind === 'none' && facts.findings.length === 0) return notProductDocument(facts);
  switch (context.command) {
    case 'review':
      return review(facts, voice, covered(context, (v) => ordered(scoped(facts).groups, v)));
    case 'metrics':
      return metrics(facts, voice);
    default:
      return context.finding
        ? aboutFinding(facts, voice, context.finding)
        : ask(facts, voice, context.question, covered(context, (v) => shownFor(facts, v, context.question)));
  }
}

function notProductDocument(facts: Facts): string {
  return (
    `I don't think this is a PRD or a business case, so Outcome Lens's checks didn't run on it (${facts.kindReason}). ` +
    "If it is one, give it a title or front matter that says so (for example `type: prd`), or sections such as Problem, Goals and Success Metrics, and ask me again."
  );
}

/** Groups in the order the persona raises them: its priorities first, then the catalogue. */
function ordered(groups: readonly Group[], voice: Voice): Group[] {
  const rank = (g: Group) => {
    const i = voice.priorities.indexOf(g.ruleId);
    return i < 0 ? voice.priorities.length : i;
  };
  return [...groups].sort((a, b) => rank(a) - rank(b) || byCatalogue(a, b));
}

/** Finding counts by rule, in the catalogue's order: "3 × `vanity-metric`, 2 × `output-as-outcome`". */
function countsByRule(facts: Facts): string {
  const counts = new Map<string, number>();
  for (const g of facts.groups) counts.set(g.ruleId, (counts.get(g.ruleId) ?? 0) + g.findings.length);
  return [...counts].map(([ruleId, n]) => `${n} × \`${ruleId}\``).join(', ');
}

function overview(facts: Facts): string {
  const kind = facts.kind === 'business-case' ? 'a business case' : facts.kind === 'prd' ? 'a PRD' : 'a document';
  const title = facts.title ? `${mention(facts.title)}, ${kind}` : `this ${kind.replace(/^an? /, '')}`;
  const heads = facts.headings.slice(0, 6).map((h) => h.text);
  const sections = facts.headings.length === 0 ? ' with no sections yet' : ` with ${count(facts.headings.length, 'section')} (${mentionList(heads)}${facts.headings.length > 6 ? ', ...' : ''})`;
  const total = facts.findings.length;
  const flags = total === 0 ? "Outcome Lens's rules flag nothing in it." : `Outcome Lens flags ${count(total, 'thing')} in it: ${countsByRule(facts)}.`;
  return `I read ${title}${sections}. ${flags}`;
}

const MAX_QUOTES = 3;

/**
 * What the findings the quotes cannot show say for themselves (a missing section
 * is reported at the title; a table without a Target column at its delimiter):
 * the first sentence of each message, with its quotes made single.
 */
function unplacedMessages(group: Group): string {
  const said = [...new Set(group.unplaced.map((f) => firstSentence(f.message).replace(/[.!]$/, '').replace(/"([^"]*)"/g, '‘$1’')).filter(Boolean))];
  if (said.length === 0) return '';
  const more = said.length > 3 ? `; and ${said.length - 3} more` : '';
  return ` Outcome Lens says: ${said.slice(0, 3).join('; ')}${more}.`;
}

/**
 * The persona's concern about a group, made fair where the document deserves
 * it: "no leading indicator" names the metrics that read as early signals
 * but are not labelled, instead of saying everything lags.
 */
function concernOf(facts: Facts, voice: Voice, group: Group): string {
  const early = group.ruleId === 'no-leading-indicator' ? unlabelledLeading(facts) : [];
  if (early.length > 0) {
    return `Nothing is labelled as a leading indicator, though ${mentionList(early)} ${early.length === 1 ? 'reads' : 'read'} like an early sign of take-up: label ${early.length === 1 ? 'it' : 'them'} leading (a Type column does it), so the first weeks after launch have something to watch.`;
  }
  return talkFor(voice, group).concern(reach(facts, group));
}

/** The persona's advice for a group; with an unlabelled early metric, labelling it comes before adding one. */
function adviceOf(facts: Facts, voice: Voice, group: Group): string {
  const early = group.ruleId === 'no-leading-indicator' ? unlabelledLeading(facts) : [];
  if (early.length > 0) return `I'd label ${mentionList(early)} as leading, and look at ${early.length === 1 ? 'it' : 'them'} in the first two weeks after launch.`;
  return talkFor(voice, group).advice;
}

/** A concern as a review shows it: the quoted passages, then what worries the persona (what to do is listed after). */
function concernBlock(facts: Facts, voice: Voice, group: Group): string {
  const shown = group.passages.slice(0, MAX_QUOTES);
  // The line number lets a reader (and the review notes in the editor) find the right one of repeated words.
  const quotes = shown.map((p) => `> "${quotable(p.text)}" (line ${facts.model.lineOf(p.offset) + 1})`).join('\n>\n');
  const more = group.passages.length > MAX_QUOTES ? ` (${group.passages.length - MAX_QUOTES} more like ${group.passages.length - MAX_QUOTES === 1 ? 'it' : 'these'} in the document.)` : '';
  const example = voice.examples[group.ruleId]?.(facts, group);
  const source = ` _(\`${group.ruleId}\`, ${count(group.findings.length, 'finding')})_`;
  const text = `${concernOf(facts, voice, group)}${unplacedMessages(group)}${more}${example ? ` Something I could measure instead: ${example}.` : ''}${source}`;
  return quotes ? `${quotes}\n\n${text}` : text;
}

/** The groups for a selection, or all of them with a note when the selection has none. */
function scoped(facts: Facts): { groups: Group[]; note: string; narrowed: boolean } {
  if (!facts.selection) return { groups: facts.groups, note: '', narrowed: false };
  const selected = plain(facts.text.slice(facts.selection.start, facts.selection.end));
  const inside = within(facts.groups, facts.selection);
  if (inside.length > 0) return { groups: inside, note: `I'm looking at the passage you selected, ${mention(selected)}.`, narrowed: true };
  return { groups: facts.groups, narrowed: false, note: `Outcome Lens finds nothing to raise in the passage you selected (${mention(selected)}), so I'm looking at the whole document.` };
}

function recommendations(facts: Facts, voice: Voice, groups: readonly Group[]): string[] {
  return [...new Set(groups.map((g) => adviceOf(facts, voice, g)))].slice(0, 5);
}

/** What the panelists before this persona raised: each group by its talk key, with who raised it first. */
interface Covered {
  keys: Map<string, string>;
}

function covered(context: CoachContext, raised: (voice: Voice) => readonly Group[]): Covered {
  const keys = new Map<string, string>();
  for (const persona of context.panelBefore ?? []) {
    for (const g of raised(voiceFor(persona))) if (!keys.has(g.talkKey)) keys.set(g.talkKey, personaLabel(persona));
  }
  return { keys };
}

/** "Value Realization has already raised the vanity counts and the missing timeframes; I'll add what I'd look at." */
function panelNote(skipped: readonly Group[], by: Covered): string {
  if (skipped.length === 0) return '';
  const who = [...new Set(skipped.map((g) => by.keys.get(g.talkKey)!))];
  const rules = [...new Set(skipped.map((g) => `\`${g.ruleId}\``))];
  return `${andList(who)} ${who.length === 1 ? 'has' : 'have'} already raised ${andList(rules)}; I agree and won't repeat ${rules.length === 1 ? 'it' : 'them'}. Here's what I'd add.`;
}

function review(facts: Facts, voice: Voice, by: Covered = { keys: new Map() }): string {
  const { groups, note } = scoped(facts);
  const all = ordered(groups, voice);
  const worries = all.filter((g) => !by.keys.has(g.talkKey));
  const skipped = all.filter((g) => by.keys.has(g.talkKey));
  const strengths = strengthsOf(voice, facts).slice(0, 4);
  const steps = recommendations(facts, voice, worries);
  // On a panel the overview was given by the first persona; later ones start with what they add.
  const parts = [by.keys.size > 0 ? panelNote(skipped, by) || overview(facts) : overview(facts) + (note ? ` ${note}` : '')];
  const focus = voice.focus?.(facts);
  if (focus) parts.push(focus.text);
  const money = roiCheck(facts);
  if (money) parts.push(money);
  parts.push(`**${voice.sections.strong}**\n\n${strengths.length > 0 ? strengths.map((s) => `- ${s}`).join('\n') : voice.nothingStrong}`);
  const noneLeft = skipped.length > 0 ? 'Nothing beyond what was raised before me.' : voice.nothingWrong;
  parts.push(`**${voice.sections.worries}**\n\n${worries.length > 0 ? worries.map((g) => concernBlock(facts, voice, g)).join('\n\n') : noneLeft}`);
  if (steps.length > 0) parts.push(`**${voice.sections.recommend}**\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  parts.push(voice.nextStep(steps[0] ?? focus?.step));
  return parts.join('\n\n');
}

function metrics(facts: Facts, voice: Voice): string {
  const proposal = proposeMetrics(facts);
  const parts = [voice.metricsLead];
  if (proposal.notes.length > 0) parts.push(proposal.notes.map((n) => `- ${n}`).join('\n'));
  parts.push(metricsTable(proposal.rows));
  parts.push(
    proposal.rows.some((row) => Object.values(row).some((cell) => cell.includes('[')))
      ? "The bracketed cells are placeholders: I won't invent numbers. Measure each baseline now, before anything ships; agree on the targets with whoever owns the result; and paste the table under your Success Metrics heading, where Outcome Lens will check it."
      : 'Every cell is filled in. Keep the table where it is, and look at it again at the first outcome review.',
  );
  parts.push(voice.nextStep(undefined));
  return parts.join('\n\n');
}

/**
 * A concern in a conversational answer: the quoted passages, then the persona's
 * point. `whole` is false for part of a group (one finding of several), which
 * the persona's own lead, counting the whole group, would misstate.
 */
function concernLine(facts: Facts, voice: Voice, group: Group, whole = true): string {
  const shown = group.passages.slice(0, MAX_QUOTES).map((p) => p.text);
  const example = voice.examples[group.ruleId]?.(facts, group);
  const lead = whole ? voice.lead?.(facts, group) : undefined;
  if (lead) return `- ${lead} ${adviceOf(facts, voice, group)}${example ? ` Something I could measure instead: ${example}.` : ''}`;
  const point = `${concernOf(facts, voice, group)}${unplacedMessages(group)} ${adviceOf(facts, voice, group)}${example ? ` Something I could measure instead: ${example}.` : ''}`;
  return shown.length > 0 ? `- ${quoteList(shown)}: ${lowerFirst(point)}` : `- ${point}`;
}

/** A question about one finding: that rule's concerns, not whatever the question's words suggest. */
function aboutFinding(facts: Facts, voice: Voice, finding: NonNullable<CoachContext['finding']>): string {
  const { groups } = scoped(facts);
  const same = ordered(groups, voice).filter((g) => g.ruleId === finding.ruleId);
  const where = finding.line ? ` on line ${finding.line}` : '';
  const parts = [`You asked about the \`${finding.ruleId}\` finding${where}: ${finding.message}`];
  // The passage on the finding's line first, on its own; the rule's other passages are only named.
  const onLine = (p: Passage) => facts.model.lineOf(p.offset) + 1 === finding.line;
  const here = same
    .map((g) => ({ ...g, findings: g.findings.filter((f) => f.start.line === finding.line), unplaced: g.unplaced.filter((f) => f.start.line === finding.line), passages: g.passages.filter(onLine) }))
    .filter((g) => g.findings.length > 0);
  const shown = here.length > 0 ? here : same.slice(0, 4);
  if (shown.length > 0) parts.push(`Here's how I see it:\n\n${shown.map((g) => concernLine(facts, voice, g, here.length === 0)).join('\n')}`);
  const elsewhere = here.length > 0 ? same.flatMap((g) => g.passages.filter((p) => !onLine(p)).map((p) => p.text)) : [];
  if (elsewhere.length > 0) parts.push(`The same goes for ${mentionList(elsewhere.slice(0, 3))}${elsewhere.length > 3 ? ` and ${count(elsewhere.length - 3, 'more passage')}` : ''}.`);
  parts.push(`The rule's page explains it with a bad and a good example: run "Outcome Lens: Show Rule Documentation" and pick \`${finding.ruleId}\`.`);
  return parts.join('\n\n');
}

/**
 * For a question about the whole document: the most important concern of each
 * part of it (goals, metrics, problem, unfinished parts, ...) in the persona's
 * order, then the next most important ones, up to `max`.
 */
function acrossAreas(groups: readonly Group[], max: number): Group[] {
  const areaOf = (g: Group) => RULE_AREA[g.ruleId] ?? g.ruleId;
  const picked = new Set(groups.filter((g, i) => groups.findIndex((h) => areaOf(h) === areaOf(g)) === i).slice(0, max));
  for (const g of groups) if (picked.size < max) picked.add(g);
  return groups.filter((g) => picked.has(g));
}

/** The opening of an answer about the whole document: how much is flagged and where; for "is it ready?", a verdict. */
function verdict(facts: Facts, groups: readonly Group[], readiness: boolean): string {
  const total = facts.findings.length;
  if (total === 0) return readiness ? "As far as Outcome Lens's checks go, yes: they flag nothing in it." : "Outcome Lens's checks flag nothing in it.";
  const areas = [...new Set(groups.map((g) => RULE_AREA[g.ruleId]).filter((t) => t !== undefined))].map((t) => TOPIC_NAMES[t]);
  const flagged = `Outcome Lens flags ${count(total, 'thing')} in it${areas.length > 0 ? `, about ${andList(areas)}` : ''}.`;
  if (!readiness) return `Overall: ${flagged}`;
  return facts.findings.some((f) => f.severity !== 'info') ? `Not yet, I'd say. ${flagged}` : `Nearly: what's left are suggestions. ${flagged}`;
}

const MAX_CONCERNS = 4;
const MAX_OVERALL = 5;

/** The concerns an answer to `question` shows, in the persona's order (what ask() lists). */
function shownFor(facts: Facts, voice: Voice, question: string, by: Covered = { keys: new Map() }): Group[] {
  const { groups, narrowed } = scoped(facts);
  const asked = topicsIn(question);
  const topics = asked.length === 0 && facts.selection ? (['overall'] as const) : asked;
  if (topics.length === 0) return [];
  const wanted = rulesFor(topics);
  const all = ordered(groups, voice).filter((g) => !by.keys.has(g.talkKey));
  const relevant = wanted === 'all' ? all : all.filter((g) => wanted.has(g.ruleId));
  return topics[0] === 'overall' && !narrowed ? acrossAreas(relevant, MAX_OVERALL) : relevant.slice(0, MAX_CONCERNS);
}

function ask(facts: Facts, voice: Voice, question: string, by: Covered = { keys: new Map() }): string {
  const { groups, note, narrowed } = scoped(facts);
  // A question about a selected passage with no topic of its own ("Is this OK?") is about the passage as a whole.
  const asked = topicsIn(question);
  const topics = asked.length === 0 && facts.selection ? (['overall'] as const) : asked;
  const every = ordered(groups, voice);
  // On a panel, what an earlier persona raised is left to them.
  const all = every.filter((g) => !by.keys.has(g.talkKey));
  if (topics.length === 0) {
    const top = all.slice(0, 2);
    return [
      `I can't answer that one properly: I'm the offline coach, not a model, so I only know what Outcome Lens's checks and the document's structure tell me. ${note}`.trim(),
      top.length > 0 ? `What I can tell you is what I'd look at first in ${facts.title ? mention(facts.title) : 'this document'}:\n\n${top.map((g) => concernLine(facts, voice, g)).join('\n')}` : voice.nothingWrong,
      `Ask me about ${Object.values(TOPIC_NAMES).slice(0, 7).join(', ')}, or use \`/review\` or \`/metrics\`. For a question like yours, pick a language model in the chat's model picker (a VS Code language model, or an OpenAI-compatible server set in the \`outcomeLens.chat.openai\` settings).`,
    ].join('\n\n');
  }
  const wanted = rulesFor(topics);
  const relevant = wanted === 'all' ? all : all.filter((g) => wanted.has(g.ruleId));
  const whole = topics[0] === 'overall' && !narrowed;
  const shown = shownFor(facts, voice, question, by);
  const parts: string[] = [];
  if (note) parts.push(note);
  const skipped = every.filter((g) => by.keys.has(g.talkKey) && (wanted === 'all' || wanted.has(g.ruleId)));
  const onPanel = panelNote(skipped, by);
  if (whole && !onPanel) parts.push(verdict(facts, relevant, asksReadiness(question)));
  if (onPanel) parts.push(onPanel);
  // The persona's own check is about the whole document: not for a question about a selected passage.
  const focus = voice.focus && !narrowed && topics.some((t) => voice.focusTopics.includes(t)) ? voice.focus(facts) : undefined;
  if (focus) parts.push(focus.text);
  // A question about money gets the return checked against the document's own figures.
  const money = (topics as readonly string[]).includes('business') && !narrowed ? roiCheck(facts) : undefined;
  if (money) parts.push(money);
  const about = narrowed && topics[0] === 'overall' ? ['the passage you selected'] : topics.map((t) => TOPIC_NAMES[t]);
  if (shown.length > 0) {
    const lines = shown.map((g) => concernLine(facts, voice, g)).join('\n');
    parts.push(whole ? `What I'd deal with first:\n\n${lines}` : `On ${about.join(' and ')}, here's what I see:\n\n${lines}`);
    if (relevant.length > shown.length) parts.push(`There's more: ${count(relevant.length - shown.length, 'other concern')}; \`/review\` lists them all.`);
  } else if (!focus && !whole) {
    const strengths = strengthsOf(voice, facts).slice(0, 2);
    parts.push(`Outcome Lens's checks find nothing to raise about ${about.join(' or ')} here.${strengths.length > 0 ? ` ${strengths.join(' ')}` : ''}`);
  }
  parts.push(voice.nextStep(shown[0] ? adviceOf(facts, voice, shown[0]) : focus?.step));
  return parts.join('\n\n');
}
