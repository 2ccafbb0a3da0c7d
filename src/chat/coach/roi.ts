// "Is the ROI credible?": the coach checks a business case's return against
// the document's own numbers, as a finance reviewer would. It reads the ROI
// section's claims (a percentage, a payback period), the costs, the benefits
// and the problem's volumes; works out what the claims imply; and says what
// does not add up, which figures are missing, and which sections are missing
// and why they matter for this ROI. It never invents a number: every figure it
// shows is the document's or arithmetic on the document's.
import type { Facts } from './analysis';
import { mention } from './text';

interface Money {
  amount: number;
  text: string;
}

// Bounded patterns only: each runs once per sentence and stays linear on long lines.
const PERCENT = /(\d{1,5}(?:\.\d{1,3})?)\s?%/;
const PAYBACK = /payback[^.\n]{0,60}?(\d{1,3}(?:\.\d)?)\s*(months?|years?|weeks?)/i;
const MONEY = /\$\s?(\d[\d,]{0,15}(?:\.\d{1,2})?)\s*(k|m|million|thousand)?\b/gi;
const VOLUME = /(\d[\d,]{0,12})\s+([a-z][a-z -]{0,40}?)\s+(?:a|per|each)\s+(month|week|year|day)\b/i;
const MINUTES = /(\d{1,4}(?:\.\d)?)\s*(minutes?|mins?|hours?)\b/i;
const SHARE = /(\d{1,3}(?:\.\d{1,2})?)\s?%\s+(?:of\s+(?:them|these|those|all)\s+)?(?:are|is|get|gets|need|needs|were)?\s*([a-z][a-z -]{0,30})/i;

function moneyIn(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const scale = /^(k|thousand)$/i.test(m[2] ?? '') ? 1_000 : /^(m|million)$/i.test(m[2] ?? '') ? 1_000_000 : 1;
    out.push({ amount: Number(m[1]!.replace(/,/g, '')) * scale, text: m[0].trim() });
  }
  return out;
}

function dollars(amount: number): string {
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

function sectionText(facts: Facts, role: Parameters<Facts['statements']>[0]): string {
  return facts.statements(role)
    .map((p) => p.text)
    .join(' ');
}

/** The cost to judge the return against: a stated total ("$150,000 in the first year"), else the sum of the amounts. */
function totalCost(costs: string): Money | undefined {
  const amounts = moneyIn(costs);
  if (amounts.length === 0) return undefined;
  const first = amounts[0]!;
  const rest = amounts.slice(1).reduce((sum, m) => sum + m.amount, 0);
  // "$150,000: $90,000 licence and $60,000 integration": the first amount is the total of the others.
  if (amounts.length > 1 && Math.abs(rest - first.amount) < 1) return first;
  return amounts.length === 1 ? first : { amount: amounts.reduce((sum, m) => sum + m.amount, 0), text: amounts.map((m) => m.text).join(' + ') };
}

/** A volume and the time each item takes, from the problem: the raw material of a benefit line. */
function effortIn(problem: string): string | undefined {
  const volume = VOLUME.exec(problem);
  const minutes = MINUTES.exec(problem);
  if (!volume || !minutes) return undefined;
  const count = Number(volume[1]!.replace(/,/g, ''));
  const each = Number(minutes[1]) * (/^h/i.test(minutes[2]!) ? 60 : 1);
  const hours = (count * each) / 60;
  const per = volume[3];
  const share = SHARE.exec(problem.slice(volume.index + volume[0].length)) ?? SHARE.exec(problem);
  const redo =
    share && Number(share[1]) < 100 && Number(share[1]) !== count
      ? ` If the ${share[1]}% ${share[2]!.trim()} take the same ${minutes[1]} ${minutes[2]} again, that is another ${Math.round((hours * Number(share[1])) / 100).toLocaleString('en-US')} hours.`
      : '';
  return `Your own problem statement has the inputs: ${volume[1]} ${volume[2]!.trim()} a ${per} at ${minutes[1]} ${minutes[2]} each is about ${Math.round(hours).toLocaleString('en-US')} hours a ${per}.${redo} Multiply the hours the change saves by a loaded hourly cost you write down, and that is a benefit line a reader can check.`;
}

/** The paragraph that answers "is the ROI credible?", or undefined when the document is not a business case. */
export function roiCheck(facts: Facts): string | undefined {
  if (facts.kind !== 'business-case') return undefined;
  const roi = sectionText(facts, 'roi');
  const costs = sectionText(facts, 'costs');
  const benefits = facts.statements('benefits');
  const problem = sectionText(facts, 'problem');
  const parts: string[] = [];

  const claimed = PERCENT.exec(roi);
  const payback = PAYBACK.exec(roi);
  const cost = totalCost(costs);
  if (!roi.trim()) {
    parts.push("There's no ROI section, so there is no return to judge yet.");
  } else if (/\[[^\]]{1,200}\]/.test(roi) && !claimed && !payback) {
    parts.push(`The ROI section is still a placeholder (${mention(roi)}), so there is no return to judge yet.`);
  } else if (!claimed && !payback) {
    parts.push(`The ROI section (${mention(roi)}) states no percentage or payback period, so there is nothing to check it against.`);
  } else {
    const said = [claimed ? `a ${claimed[1]}% return` : '', payback ? `a payback of ${payback[1]} ${payback[2]}` : ''].filter(Boolean).join(' and ');
    parts.push(`The ROI section claims ${said}.`);
    if (cost && claimed) {
      const implied = cost.amount * (1 + Number(claimed[1]) / 100);
      parts.push(`Against the ${dollars(cost.amount)} of costs, ${claimed[1]}% means about ${dollars(implied)} of benefits in that period.`);
    }
    if (cost && payback && /^month/i.test(payback[2]!)) {
      const monthly = cost.amount / Number(payback[1]);
      const yearReturn = ((monthly * 12 - cost.amount) / cost.amount) * 100;
      const consistent = claimed ? Math.abs(yearReturn - Number(claimed[1])) <= 10 : true;
      parts.push(
        `A ${payback[1]}-month payback means about ${dollars(monthly)} of benefit a month${claimed ? `, or about ${Math.round(yearReturn)}% over the first year${consistent ? ', which agrees with the claim' : `, not ${claimed[1]}%: the two figures do not agree`}` : ''}.`,
      );
    }
  }

  const counted = benefits.filter((b) => /\d/.test(b.text));
  if (benefits.length === 0) parts.push('There is no Benefits section to say where the return comes from.');
  else if (counted.length === 0) {
    parts.push(
      `None of the ${benefits.length} benefits has a number (${benefits.slice(0, 3).map((b) => mention(b.text)).join(', ')}), so nothing in the document adds up to the return${claimed ? ' it claims' : ''}.`,
    );
  } else if (counted.length < benefits.length) {
    parts.push(`${counted.length} of the ${benefits.length} benefits have a number; the others (${benefits.filter((b) => !counted.includes(b)).slice(0, 3).map((b) => mention(b.text)).join(', ')}) do not.`);
  }
  const effort = effortIn(problem);
  if (effort && counted.length < benefits.length) parts.push(effort);

  const missing: string[] = [];
  if (facts.statements('assumptions').length === 0 && !/assumption/i.test(roi)) {
    missing.push('an **Assumptions** section (volumes, time saved, hourly cost, how fast people adopt it), because a return is only as credible as the assumptions a reader can check');
  }
  if (facts.statements('risks').length === 0) {
    missing.push('a **Risks** section, because whatever could delay adoption also delays the payback');
  }
  if (!/sensitiv|worst|best case|range|if .{0,40} only/i.test(roi) && (claimed || payback)) {
    missing.push('a range in the ROI itself (what the return is if adoption or the time saved is half what you expect), because a single figure hides how fragile it is');
  }
  const adds = missing.length > 0 ? `\n\nWhat I'd add before anyone signs:\n\n${missing.map((m) => `- ${m}`).join('\n')}` : '';
  return `${parts.join(' ')}${adds}`;
}
