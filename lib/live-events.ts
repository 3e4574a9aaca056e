// What the statement page hears about other people's work while it is open: the events the
// server streams (lib/server/statement-events.ts → app/api/statements/[id]/events) and how one is
// merged into the page's lists. Pure: shared by the server, the browser and the tests.
import type { ClaimSummary, HighlightDTO } from "./server/highlights";

/** A change to one statement's highlights, after it was committed. */
export type LiveChange =
  | { type: "highlight.created"; highlight: HighlightDTO }
  | { type: "highlight.updated"; highlight: HighlightDTO }
  | { type: "highlight.deleted"; highlightId: string }
  | { type: "claim.updated"; highlightId: string; claim: ClaimSummary };

/** A change as delivered: `id` orders events of one server process and lets a stream resume. */
export type LiveEvent = LiveChange & {
  id: string;
  statementId: string;
  actorId: string;
  /** The statement revision a new or moved highlight's offsets count in. */
  revision?: number;
};

/** Sent instead of a replay when the stream cannot say what was missed: reload the page's data. */
export const RESYNC = "resync";

/** What the merge needs of a page's highlight (the page adds `state` to unsaved ones). */
type Listed = Pick<HighlightDTO, "id" | "start" | "end" | "exact" | "kind" | "body" | "orphaned" | "author" | "claim" | "clientId"> & { state?: string };

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
