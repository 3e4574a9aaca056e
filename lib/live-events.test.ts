import { describe, expect, it } from "vitest";
import { applyLiveEvent, correctionMessage, countClaims, decideLiveEvent, type LiveChange, type LiveEvent } from "./live-events";
import type { HighlightDTO } from "./server/highlights";

type H = HighlightDTO & { state?: "saving" | "failed" };

const author = { id: "u1", name: "Chris Checker", color: "#3f7fd9" };
const at = new Date("2026-01-01T00:00:00Z");

function hl(id: string, start: number, end: number, extra: Partial<H> = {}): H {
  return { id, start, end, exact: "x".repeat(end - start), prefix: "", suffix: "", kind: "note", body: "", orphaned: false, author, createdAt: at, claim: null, ...extra };
}

const claim = (status: string) => ({ id: "c1", claimReviewed: "303 people were hurt", status, assignee: null, tags: [] });

describe("applyLiveEvent", () => {
  it("puts a new highlight in text order, once however often it is heard", () => {
    const list = [hl("a", 0, 5), hl("c", 20, 30)];
    const created: LiveChange = { type: "highlight.created", highlight: hl("b", 10, 12) };
    const once = applyLiveEvent(list, created, "placed");
    expect(once.map((h) => h.id)).toEqual(["a", "b", "c"]);
    expect(applyLiveEvent(once, created, "placed")).toBe(once);
  });

  it("turns the reader's own saving highlight into the saved one (matched by clientId), not a second one", () => {
    const pending = hl("pending-1", 10, 12, { clientId: "client-1", state: "saving" });
    const list = [hl("a", 0, 5), pending];
    const next = applyLiveEvent(list, { type: "highlight.created", highlight: hl("b", 10, 12, { clientId: "client-1" }) }, "placed");
    expect(next.map((h) => [h.id, h.state, h.clientId])).toEqual([
      ["a", undefined, undefined],
      ["b", undefined, undefined],
    ]);
  });

  it("ignores the reader's own change once its action's answer put it in place", () => {
    const saved = hl("b", 10, 12, { kind: "claim", claim: claim("to_check") });
    const list = [hl("a", 0, 5), saved];
    // The event's copy is another object with the same content (and a clientId, which is not shown).
    expect(applyLiveEvent(list, { type: "highlight.created", highlight: { ...saved, claim: claim("to_check"), clientId: "client-1" } }, "placed")).toBe(list);
    expect(applyLiveEvent(list, { type: "claim.updated", highlightId: "b", claim: claim("to_check") }, "placed")).toBe(list);
  });

  it("replaces a changed highlight and removes a deleted one; deleting twice changes nothing", () => {
    const list = [hl("a", 0, 5), hl("b", 10, 12)];
    const updated = applyLiveEvent(list, { type: "highlight.updated", highlight: hl("b", 10, 12, { body: "Source?" }) }, "placed");
    expect(updated.find((h) => h.id === "b")!.body).toBe("Source?");
    const deleted = applyLiveEvent(updated, { type: "highlight.deleted", highlightId: "b" }, "placed");
    expect(deleted.map((h) => h.id)).toEqual(["a"]);
    expect(applyLiveEvent(deleted, { type: "highlight.deleted", highlightId: "b" }, "placed")).toBe(deleted);
  });

  it("updates a claim's summary in place, and only on a claim", () => {
    const list = [hl("a", 0, 5, { kind: "claim", claim: claim("to_check") }), hl("n", 6, 8)];
    const next = applyLiveEvent(list, { type: "claim.updated", highlightId: "a", claim: claim("researching") }, "placed");
    expect(next[0]!.claim!.status).toBe("researching");
    expect(next[1]).toBe(list[1]);
    expect(applyLiveEvent(list, { type: "claim.updated", highlightId: "n", claim: claim("researching") }, "placed")).toBe(list);
    expect(applyLiveEvent(list, { type: "claim.updated", highlightId: "elsewhere", claim: claim("researching") }, "placed")).toBe(list);
  });

  it("moves a re-attached orphan from the orphans to the placed highlights", () => {
    const orphan = hl("o", 3, 4, { orphaned: true });
    const placed = [hl("a", 0, 5)];
    const orphans = [orphan];
    const event: LiveChange = { type: "highlight.updated", highlight: { ...orphan, orphaned: false, start: 6, end: 9 } };
    expect(applyLiveEvent(placed, event, "placed").map((h) => h.id)).toEqual(["a", "o"]);
    expect(applyLiveEvent(orphans, event, "orphaned")).toEqual([]);
    // The other list is left alone when the highlight was never in it.
    expect(applyLiveEvent(placed, { type: "highlight.updated", highlight: orphan }, "placed")).toBe(placed);
  });

  it("leaves a failed highlight of the reader alone unless the saved one arrives for it", () => {
    const failed = hl("pending-2", 1, 3, { clientId: "client-2", state: "failed" });
    const list = [failed];
    expect(applyLiveEvent(list, { type: "highlight.created", highlight: hl("z", 1, 3, { clientId: "someone-else" }) }, "placed").map((h) => h.id)).toEqual(["pending-2", "z"]);
    expect(applyLiveEvent(list, { type: "highlight.created", highlight: hl("z", 1, 3, { clientId: "client-2" }) }, "placed").map((h) => [h.id, h.state])).toEqual([["z", undefined]]);
  });
});

describe("decideLiveEvent", () => {
  const live = (change: LiveChange, revision?: number): LiveEvent => ({ ...change, id: "e-1", statementId: "s1", actorId: "u2", ...(revision !== undefined ? { revision } : {}) });
  const corrected = (revision: number) => live({ type: "statement.corrected", by: { id: "u2", name: "Eda Editor" } }, revision);

  it("tells the reader of a newer revision instead of merging it; an old or current one is no news", () => {
    expect(decideLiveEvent(corrected(2), 1, false)).toBe("corrected");
    expect(decideLiveEvent(corrected(2), 2, false)).toBe("ignore");
    expect(decideLiveEvent(corrected(2), 3, false)).toBe("ignore");
  });

  it("merges highlights of the shown revision, keeps those of a newer one for when the reader takes the correction in", () => {
    const created = live({ type: "highlight.created", highlight: hl("b", 1, 2) }, 2);
    expect(decideLiveEvent(created, 2, false)).toBe("merge");
    expect(decideLiveEvent(created, 2, true)).toBe("merge");
    expect(decideLiveEvent(created, 1, true)).toBe("later");
    expect(decideLiveEvent(created, 3, false)).toBe("ignore");
  });

  it("once behind, waits with whole highlights of unknown revision but still merges deletions and claim changes (ids do not move)", () => {
    const updated = live({ type: "highlight.updated", highlight: hl("b", 1, 2) });
    expect(decideLiveEvent(updated, 1, false)).toBe("merge");
    expect(decideLiveEvent(updated, 1, true)).toBe("later");
    expect(decideLiveEvent(live({ type: "highlight.deleted", highlightId: "b" }), 1, true)).toBe("merge");
    expect(decideLiveEvent(live({ type: "claim.updated", highlightId: "b", claim: claim("checked") }), 1, true)).toBe("merge");
  });

  it("a correction changes no list by itself", () => {
    const list = [hl("a", 0, 5)];
    expect(applyLiveEvent(list, corrected(2), "placed")).toBe(list);
  });
});

describe("countClaims", () => {
  it("counts saved claims, placed and orphaned, as the statement's claim count does", () => {
    const placed = [hl("a", 0, 5, { kind: "claim" }), hl("b", 6, 8), hl("p", 9, 10, { kind: "claim", state: "saving" }), hl("f", 9, 10, { kind: "claim", state: "failed" })];
    const orphaned = [hl("o", 0, 2, { kind: "claim", orphaned: true }), hl("n", 0, 2, { orphaned: true })];
    expect(countClaims(placed, orphaned)).toBe(2);
    expect(countClaims([], [])).toBe(0);
  });
});

describe("correctionMessage", () => {
  it("names who corrected, or says it was the reader, or someone when the page only learnt the revision", () => {
    expect(correctionMessage({ revision: 2, by: { id: "u2", name: "Eda Editor" } }, "u1")).toBe("Eda Editor corrected the text — revision 2. Highlights have been moved to the new text.");
    expect(correctionMessage({ revision: 3, by: { id: "u1", name: "Chris Checker" } }, "u1")).toBe("You corrected the text — revision 3. Highlights have been moved to the new text.");
    expect(correctionMessage({ revision: 4, by: null }, "u1")).toBe("Someone corrected the text — revision 4. Highlights have been moved to the new text.");
  });
});
