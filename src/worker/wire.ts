// How a lint reply crosses from the worker thread: its findings as JSON strings of a
// few hundred findings each. A structured clone of thousands of findings (5,456 on a
// 1 MB page, 3 MB) is decoded in one go on the receiving thread, the extension host,
// at about three times the cost of JSON.parse; strings cross as copies, and the client
// parses one part per turn of the event loop, so typing never waits for a whole reply.
import type { Finding } from '../engine';
import type { LintReply, ReplyDelta } from './protocol';

/** Findings per part: about 0.5 ms of JSON.parse each. */
const PART = 256;

/** A reply as the worker posts it: with a delta, `findings` holds only the literal ones. */
export interface WireReply extends Omit<LintReply, 'findings'> {
  findings: string[];
  delta?: ReplyDelta;
}

export function toWire(reply: LintReply, delta?: ReplyDelta): WireReply {
  const parts: string[] = [];
  for (let i = 0; i < reply.findings.length; i += PART) parts.push(JSON.stringify(reply.findings.slice(i, i + PART)));
  return { ...reply, findings: parts, ...(delta ? { delta } : {}) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The reply's literal findings, decoded one part per turn of the event loop. */
export async function fromWire(wire: WireReply): Promise<LintReply> {
  const findings: Finding[] = [];
  for (let i = 0; i < wire.findings.length; i++) {
    if (i > 0) await nextTurn();
    for (const finding of JSON.parse(wire.findings[i]!) as Finding[]) findings.push(finding);
  }
  const { delta: _delta, ...reply } = wire;
  return { ...reply, findings };
}
