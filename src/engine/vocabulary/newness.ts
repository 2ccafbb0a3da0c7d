// Wording that says something does not exist yet, so its value today is zero
// and a baseline has nothing to report. Shared by the metric rules (a missing
// baseline is no gap for something new) and anything else that asks "is this new?".
import type { DocumentModel } from '../types';

/** A metric about something that does not exist yet: "(new)", "net-new", "new capability". */
export const NEW_METRIC = /\(new\)|\bnet[- ]new\b|\bnew (?:capability|feature|metric|measure|product|flow)\b|\b(?:does not|doesn't) exist (?:yet|today)\b/i;

// A product that has not launched: "MVP", "pre-launch", "no users yet", "a new app",
// "Stage: idea". "New feature" is not here: a new feature in a live product still has
// baselines for the behaviour it is meant to change.
const NEW_PRODUCT =
  /\bmvps?\b|\bminimum viable product\b|\bpre-?launch\b|\bpre-?revenue\b|\bnot (?:yet )?(?:launched|live|released)\b|\bhas(?:n't| not) (?:yet )?launched\b|\bno (?:existing |current )?(?:users|customers|traffic|revenue) (?:yet|today)\b|\b(?:a|an|our) (?:brand[- ]new|new) (?:product|app|application|service|platform|tool|startup|business|venture)\b|\bgreenfield\b|\bbuil(?:d|t|ding) (?:it |the (?:product|app) )?from scratch\b/i;

/** How far into a document its stage is told: the title, the metadata and the opening sections. */
const OPENING_CHARS = 4000;

const productIsNewCache = new WeakMap<DocumentModel, boolean>();

/**
 * Whether the document says the product it describes is not live yet. Only the opening
 * is read (title, metadata, summary): a mention deep in a plan ("out of scope for the
 * MVP of the export") says nothing about the product as a whole.
 */
export function productIsNew(model: DocumentModel): boolean {
  let found = productIsNewCache.get(model);
  if (found === undefined) {
    // Front matter ("stage: pre-launch") counts, and does not use up the opening.
    const opening = model.text.slice(0, (model.frontMatter?.span.end ?? 0) + OPENING_CHARS);
    found = NEW_PRODUCT.test(opening) || (model.title !== undefined && NEW_PRODUCT.test(model.title));
    productIsNewCache.set(model, found);
  }
  return found;
}
