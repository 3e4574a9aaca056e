// What the statement page hears about other people's work while it is open: the events the
// server streams (lib/server/statement-events.ts → app/api/statements/[id]/events) and how one is
// merged into the page's lists. Pure: shared by the server, the browser and the tests.
import type { ClaimSummary, HighlightDTO } from "./server/highlights";

/** A change to one statement's highlights, after it was committed. */
export type LiveChange =
  | { type: "highlight.created"; highlight: HighlightDTO }
  | { type: "highlight.updated"; highlight: HighlightDTO }
  | { type: "highlight.deleted"; highlightId: string }
  | { type: "claim.updated"; highlightId: string; claim: ClaimSummary }
  /** An editor corrected the text: the event's `revision` is the new one, every highlight was re-anchored onto it. */
  | { type: "statement.corrected"; by: { id: string; name: string } };

/** A change as delivered: `id` orders events of one server process and lets a stream resume. */
export type LiveEvent = LiveChange & {
  id: string;
  statementId: string;
  actorId: string;
  /** The statement revision a new or moved highlight's offsets count in; for a correction, the new revision. */
  revision?: number;
};

/** Sent instead of a replay when the stream cannot say what was missed: reload the page's data. */
export const RESYNC = "resync";

/** Sent first on every (re)opened stream: the statement's current revision, so a page that missed a correction learns of it. */
export const HELLO = "hello";
export type Hello = { revision: number };

/** What the merge needs of a page's highlight (the page adds `state` to unsaved ones). */
type Listed = Pick<HighlightDTO, "id" | "start" | "end" | "exact" | "kind" | "body" | "orphaned" | "author" | "claim" | "clientId"> & { state?: string };

/**
 * What the page does with an event, given the revision it shows:
 * - "merge": offsets (if any) count in the shown text; merge it into the lists.
 * - "corrected": the text was corrected to a newer revision; tell the reader, swap nothing yet.
 * - "later": offsets in a newer revision the page does not show yet (the reader has not taken in
 *   a correction); showing the corrected text re-reads everything, so nothing is lost by waiting.
 * - "ignore": news of an older revision than the one shown (a late replay).
 * Once the page knows it is behind (`behind`), a whole highlight without a revision waits too: an
 * update made after the correction has the offsets of the corrected text.
 */
export type LiveDecision = "merge" | "corrected" | "later" | "ignore";

export function decideLiveEvent(event: LiveEvent, shownRevision: number, behind: boolean): LiveDecision {
  if (event.type === "statement.corrected") return (event.revision ?? 0) > shownRevision ? "corrected" : "ignore";
  if (event.revision !== undefined) {
    if (event.revision > shownRevision) return "later";
    if (event.revision < shownRevision) return "ignore";
  }
  if (behind && event.revision === undefined && (event.type === "highlight.created" || event.type === "highlight.updated")) return "later";
  return "merge";
}

/** The statement's claims as the page counts them: saved claim highlights, placed or orphaned (as Statement.claimCount). */
export function countClaims(placed: readonly Listed[], orphaned: readonly Listed[]): number {
  let n = 0;
  for (const h of placed) if (h.kind === "claim" && !h.state) n++;
  for (const h of orphaned) if (h.kind === "claim" && !h.state) n++;
  return n;
}

/** The banner's sentence for a correction the reader has not taken in yet. */
export function correctionMessage(correction: { revision: number; by: { id: string; name: string } | null }, readerId: string): string {
  const who = !correction.by ? "Someone" : correction.by.id === readerId ? "You" : correction.by.name || "Someone";
  return `${who} corrected the text — revision ${correction.revision}. Highlights have been moved to the new text.`;
}

function byPosition(a: Listed, b: Listed): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1);
}

/** Everything the page shows of a highlight; equal means the event brings nothing new. */
function sameHighlight(a: Listed, b: HighlightDTO): boolean {
  return (
    !a.state &&
    a.start === b.start &&
    a.end === b.end &&
    a.exact === b.exact &&
    a.kind === b.kind &&
    a.body === b.body &&
    a.orphaned === b.orphaned &&
    a.author.id === b.author.id &&
    a.author.name === b.author.name &&
    a.author.color === b.author.color &&
    sameClaim(a.claim, b.claim)
  );
}

function sameClaim(a: ClaimSummary | null, b: ClaimSummary | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One list of the page (`placed` highlights in text order, or the `orphaned` ones) after `event`.
 * Idempotent: an event already applied — the reader's own change that its action's answer put in
 * place, or an event heard twice after a reconnect — returns the very same array, so nothing
 * re-renders. A new highlight whose clientId matches one still saving here is the reader's own
 * optimistic one: it becomes the saved highlight instead of appearing twice.
 */
export function applyLiveEvent<H extends Listed>(list: H[], event: LiveChange, which: "placed" | "orphaned"): H[] {
  // A correction moves everything at once: the page re-reads its data when the reader asks (decideLiveEvent).
  if (event.type === "statement.corrected") return list;
  if (event.type === "highlight.deleted") {
    return list.some((h) => h.id === event.highlightId) ? list.filter((h) => h.id !== event.highlightId) : list;
  }
  if (event.type === "claim.updated") {
    const at = list.findIndex((h) => h.id === event.highlightId);
    if (at === -1 || sameClaim(list[at]!.claim, event.claim) || list[at]!.kind !== "claim") return list;
    const next = [...list];
    next[at] = { ...list[at]!, claim: event.claim };
    return next;
  }
  const incoming = event.highlight;
  const belongs = incoming.orphaned === (which === "orphaned");
  const at = list.findIndex((h) => h.id === incoming.id || (event.type === "highlight.created" && h.state && h.clientId !== undefined && h.clientId === incoming.clientId));
  if (!belongs) return at === -1 ? list : list.filter((_, i) => i !== at);
  if (at !== -1 && sameHighlight(list[at]!, incoming)) return list;
  const saved = { ...incoming, clientId: undefined } as unknown as H;
  const next = at === -1 ? [...list, saved] : list.map((h, i) => (i === at ? saved : h));
  return which === "placed" ? next.sort(byPosition) : next;
}
