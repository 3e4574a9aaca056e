import { describe, expect, it } from "vitest";
import {
  applyChanges,
  ClaimDraftStore,
  claimChanges,
  clipboardText,
  draftKeyPrefix,
  editDraft,
  keepDeleted,
  keepMine,
  parseStoredDraft,
  resolveDraft,
  settleDraft,
  takeTheirs,
  typedFields,
  valuesOf,
  type DraftStorage,
  type DraftValues,
} from "./claim-drafts";

const stored: DraftValues = { claimReviewed: "303 people were hurt", status: "to_check", assigneeId: "", tagIds: ["t1"], body: "" };
const T0 = 1_000;

/** localStorage's behaviour over a Map, keys in insertion order. */
class MemoryStorage implements DraftStorage {
  items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe("valuesOf", () => {
  it("reads a claim's fields with tag ids sorted, and a note's body", () => {
    const claim = { claimReviewed: "x", status: "researching", assignee: { id: "u2" }, tags: [{ id: "b" }, { id: "a" }] };
    expect(valuesOf({ body: "", claim })).toEqual({ claimReviewed: "x", status: "researching", assigneeId: "u2", tagIds: ["a", "b"], body: "" });
    expect(valuesOf({ body: "Check the date.", claim: null })).toEqual({ claimReviewed: "", status: "", assigneeId: "", tagIds: [], body: "Check the date." });
  });
});

describe("editDraft", () => {
  it("starts from what the server holds and keeps that base while typing goes on", () => {
    const first = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "303 people" }, T0)!;
    expect(first).toEqual({ highlightId: "h1", base: stored, values: { ...stored, claimReviewed: "303 people" }, at: T0 });
    const later = { ...stored, status: "researching" };
    const second = editDraft(first, "h1", later, { ...first.values, claimReviewed: "303 people were" }, T0 + 1)!;
    expect(second.base).toBe(stored);
    expect(second.values.claimReviewed).toBe("303 people were");
  });

  it("is no draft once the typing equals what is stored again; tag order does not count", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "x" }, T0)!;
    expect(editDraft(draft, "h1", stored, stored, T0)).toBeNull();
    const twoTags = { ...stored, tagIds: ["t1", "t2"] };
    expect(editDraft(undefined, "h1", twoTags, { ...stored, tagIds: ["t2", "t1"] }, T0)).toBeNull();
  });
});

describe("resolveDraft", () => {
  const mine = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine" }, T0)!;

  it("shows the typing while nobody else changed anything", () => {
    expect(resolveDraft(mine, stored)).toEqual({ values: mine.values, conflicts: [], unsaved: true });
  });

  it("takes what someone else changed in fields the reader left alone", () => {
    const theirs = { ...stored, status: "researching", tagIds: ["t1", "t9"] };
    const resolved = resolveDraft(mine, theirs);
    expect(resolved.values).toEqual({ ...theirs, claimReviewed: "Mine" });
    expect(resolved.conflicts).toEqual([]);
    // Saving it now sends only the typed field, never back the old status or tags.
    expect(claimChanges(resolved.values, theirs)).toEqual({ claimReviewed: "Mine" });
  });

  it("names a field both changed differently, and shows the reader's own typing there", () => {
    const theirs = { ...stored, claimReviewed: "Theirs" };
    const resolved = resolveDraft(mine, theirs);
    expect(resolved.conflicts).toEqual(["claimReviewed"]);
    expect(resolved.values.claimReviewed).toBe("Mine");
    expect(resolved.unsaved).toBe(true);
  });

  it("has nothing unsaved when the other person saved the same change", () => {
    expect(resolveDraft(mine, { ...stored, claimReviewed: "Mine" })).toEqual({ values: mine.values, conflicts: [], unsaved: false });
  });

  it("treats tags as a set in conflicts too", () => {
    const tagged = editDraft(undefined, "h1", stored, { ...stored, tagIds: ["t2", "t1"] }, T0)!;
    expect(resolveDraft(tagged, { ...stored, tagIds: ["t1", "t3"] }).conflicts).toEqual(["tagIds"]);
    expect(resolveDraft(tagged, { ...stored, tagIds: ["t2", "t1"] }).unsaved).toBe(false);
  });
});

describe("settling a conflict", () => {
  const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine", assigneeId: "u1" }, T0)!;
  const theirs = { ...stored, claimReviewed: "Theirs", status: "researching" };

  it("keep mine: the typing stays over what the server holds now, no conflict left", () => {
    const kept = keepMine(draft, theirs, T0 + 5)!;
    expect(kept.base).toEqual(theirs);
    expect(kept.values).toEqual({ ...theirs, claimReviewed: "Mine", assigneeId: "u1" });
    expect(resolveDraft(kept, theirs).conflicts).toEqual([]);
  });

  it("use theirs: the conflicting field takes their value, the rest of the typing stays", () => {
    const taken = takeTheirs(draft, theirs, T0 + 5)!;
    expect(taken.values).toEqual({ ...theirs, assigneeId: "u1" });
    expect(resolveDraft(taken, theirs)).toMatchObject({ conflicts: [], unsaved: true });
  });

  it("use theirs with nothing else typed leaves no draft", () => {
    const only = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine" }, T0)!;
    expect(takeTheirs(only, theirs, T0)).toBeNull();
  });
});

describe("settleDraft", () => {
  it("drops the draft when the save stored what was typed, even trimmed and normalised", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "  Mine  now " }, T0)!;
    const submitted = draft.values;
    expect(settleDraft(draft, submitted, { ...stored, claimReviewed: "Mine now" }, T0)).toBeNull();
  });

  it("keeps typing that came after the save started, over what was saved", () => {
    const before = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine" }, T0)!;
    const submitted = before.values;
    const after = editDraft(before, "h1", stored, { ...before.values, claimReviewed: "Mine, more" }, T0 + 1)!;
    const saved = { ...stored, claimReviewed: "Mine" };
    const left = settleDraft(after, submitted, saved, T0 + 2)!;
    expect(left.base).toEqual(saved);
    expect(resolveDraft(left, saved)).toEqual({ values: { ...saved, claimReviewed: "Mine, more" }, conflicts: [], unsaved: true });
  });

  it("is nothing when there was no draft", () => {
    expect(settleDraft(undefined, stored, stored, T0)).toBeNull();
  });
});

describe("claimChanges and applyChanges", () => {
  it("send only what differs; no assignee is null; applying them gives back the form", () => {
    const current = { ...stored, assigneeId: "u1" };
    const typed = { ...stored, status: "researching", tagIds: ["t2"] };
    const changes = claimChanges(typed, current);
    expect(changes).toEqual({ status: "researching", assigneeId: null, tagIds: ["t2"] });
    expect(applyChanges(current, changes)).toEqual(typed);
    expect(claimChanges(current, current)).toEqual({});
    expect(applyChanges(current, { body: "Note" })).toEqual({ ...current, body: "Note" });
  });
});

describe("keepDeleted", () => {
  const deleted = { by: { id: "u2", name: "Erin Editor" }, kind: "claim" as const, exact: "303 civilians", at: T0 + 1 };

  it("keeps the typing over what the server last held, marked deleted", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine", body: "A note" }, T0)!;
    const kept = keepDeleted(draft, stored, deleted)!;
    expect(kept).toEqual({ highlightId: "h1", base: stored, values: draft.values, at: T0, deleted });
    expect(typedFields(kept)).toEqual(["claimReviewed", "body"]);
  });

  it("takes in what others changed meanwhile, so only the reader's unsaved fields are shown", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Mine" }, T0)!;
    const theirs = { ...stored, status: "researching" };
    const kept = keepDeleted(draft, theirs, deleted)!;
    expect(kept.values).toEqual({ ...theirs, claimReviewed: "Mine" });
    expect(typedFields(kept)).toEqual(["claimReviewed"]);
  });

  it("drops a draft holding nothing unsaved, and keeps nothing when there is no draft", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "Same" }, T0)!;
    expect(keepDeleted(draft, { ...stored, claimReviewed: "Same" }, deleted)).toBeNull();
    expect(keepDeleted(undefined, stored, deleted)).toBeNull();
  });

  it("without what the server held, keeps what was typed over where the typing started", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, body: "Typed" }, T0)!;
    const kept = keepDeleted(draft, undefined, { ...deleted, by: null })!;
    expect(kept.base).toEqual(stored);
    expect(typedFields(kept)).toEqual(["body"]);
  });

  it("marking again keeps the first news, learning who deleted it if unknown", () => {
    const draft = editDraft(undefined, "h1", stored, { ...stored, body: "Typed" }, T0)!;
    const unknown = keepDeleted(draft, stored, { ...deleted, by: null })!;
    expect(keepDeleted(unknown, undefined, { ...deleted, at: T0 + 9 })!.deleted).toEqual({ ...deleted, at: unknown.deleted!.at });
    const known = keepDeleted(draft, stored, deleted)!;
    expect(keepDeleted(known, undefined, { ...deleted, by: { id: "u3", name: "Someone else" } })).toBe(known);
  });
});

describe("clipboardText", () => {
  it("copies one field as typed, several as labelled paragraphs", () => {
    expect(clipboardText([{ label: "Claim reviewed", text: "Line one\nline two" }])).toBe("Line one\nline two");
    expect(clipboardText([
      { label: "Claim reviewed", text: "Mine" },
      { label: "Status", text: "Researching" },
    ])).toBe("Claim reviewed: Mine\n\nStatus: Researching");
  });
});

describe("parseStoredDraft", () => {
  const draft = editDraft(undefined, "h1", stored, { ...stored, body: "Note" }, T0)!;

  it("reads back what was stored", () => {
    expect(parseStoredDraft(JSON.stringify(draft), "h1")).toEqual(draft);
  });

  it("refuses anything else: garbage, another highlight's draft, missing or mistyped fields", () => {
    expect(parseStoredDraft(null, "h1")).toBeNull();
    expect(parseStoredDraft("{not json", "h1")).toBeNull();
    expect(parseStoredDraft("42", "h1")).toBeNull();
    expect(parseStoredDraft(JSON.stringify(draft), "h2")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, values: { ...draft.values, tagIds: "t1" } }), "h1")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, base: undefined }), "h1")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, at: "yesterday" }), "h1")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, deleted: { by: "Erin", kind: "claim", exact: null, at: 1 } }), "h1")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, deleted: { by: null, kind: "quote", exact: null, at: 1 } }), "h1")).toBeNull();
  });

  it("reads back a kept draft of a deleted highlight", () => {
    const kept = keepDeleted(draft, stored, { by: { id: "u2", name: "Erin" }, kind: "note", exact: "a passage", at: T0 })!;
    expect(parseStoredDraft(JSON.stringify(kept), "h1")).toEqual(kept);
  });
});

describe("ClaimDraftStore", () => {
  const prefix = draftKeyPrefix("u1", "ws1", "st1");

  it("mirrors drafts into storage under workspace, statement and highlight, and tells only that highlight's subscribers", () => {
    const storage = new MemoryStorage();
    const store = new ClaimDraftStore(prefix);
    store.restore(storage, () => stored);
    const heard: string[] = [];
    const stopH1 = store.subscribe(() => heard.push("h1"), "h1");
    store.subscribe(() => heard.push("h2"), "h2");
    store.subscribe(() => heard.push("any"));

    store.edit("h1", stored, { ...stored, claimReviewed: "Mine" }, T0);
    expect(heard).toEqual(["h1", "any"]);
    expect(store.get("h1")?.values.claimReviewed).toBe("Mine");
    expect(JSON.parse(storage.getItem("factdesk:claim-draft:u1:ws1:st1:h1")!)).toEqual(store.get("h1"));

    store.discard("h1");
    expect(store.get("h1")).toBeUndefined();
    expect(storage.items.size).toBe(0);
    expect(heard).toEqual(["h1", "any", "h1", "any"]);

    // Discarding what is not there is silent; an unsubscribed listener hears nothing more.
    store.discard("h1");
    stopH1();
    store.edit("h1", stored, { ...stored, body: "x" }, T0);
    expect(heard).toEqual(["h1", "any", "h1", "any", "any"]);
  });

  it("offers back after a reload what is still unsaved, keeps drafts of highlights deleted meanwhile as deleted, never touches other statements or other people's drafts", () => {
    const storage = new MemoryStorage();
    const before = new ClaimDraftStore(prefix);
    before.restore(storage, () => stored);
    before.edit("kept", stored, { ...stored, claimReviewed: "Mine" }, T0);
    before.edit("gone", stored, { ...stored, claimReviewed: "Mine" }, T0);
    before.edit("same", stored, { ...stored, claimReviewed: "Agreed" }, T0);
    storage.setItem(`${prefix}broken`, "{");
    storage.setItem("factdesk:claim-draft:u1:ws1:other:kept", "{}");
    // Someone else signed in earlier in this browser, on the same statement.
    const theirs = `${draftKeyPrefix("u2", "ws1", "st1")}theirs`;
    storage.setItem(theirs, storage.getItem(`${prefix}kept`)!);

    const after = new ClaimDraftStore(prefix);
    const now: Record<string, DraftValues> = { kept: stored, same: { ...stored, claimReviewed: "Agreed" }, broken: stored, theirs: stored };
    after.restore(storage, (id) => now[id], T0 + 5);
    expect(after.get("theirs")).toBeUndefined();
    expect(after.get("kept")?.values.claimReviewed).toBe("Mine");
    expect(after.get("kept")?.deleted).toBeUndefined();
    expect(after.get("same")).toBeUndefined();
    expect(after.get("broken")).toBeUndefined();
    // Deleted while the page was closed: kept to be copied, and said so (by nobody known).
    expect(after.get("gone")).toMatchObject({ values: { claimReviewed: "Mine" }, deleted: { by: null, kind: null, exact: null, at: T0 + 5 } });
    expect(after.kept().map((d) => d.highlightId)).toEqual(["gone"]);
    expect([...storage.items.keys()].sort()).toEqual(["factdesk:claim-draft:u1:ws1:other:kept", `${prefix}gone`, `${prefix}kept`, theirs].sort());

    // And so on every later reload, until discarded.
    const again = new ClaimDraftStore(prefix);
    again.restore(storage, (id) => now[id], T0 + 9);
    expect(again.get("gone")?.deleted?.at).toBe(T0 + 5);
    again.discard("gone");
    expect(again.kept()).toEqual([]);
    expect(storage.getItem(`${prefix}gone`)).toBeNull();
  });

  it("settles after a save: gone when saved as typed, kept when typed on", () => {
    const store = new ClaimDraftStore(prefix);
    const storage = new MemoryStorage();
    store.restore(storage, () => undefined);
    store.edit("h1", stored, { ...stored, claimReviewed: "Mine " }, T0);
    const submitted = store.get("h1")!.values;
    store.settle("h1", submitted, { ...stored, claimReviewed: "Mine" }, T0);
    expect(store.get("h1")).toBeUndefined();
    expect(storage.items.size).toBe(0);

    store.edit("h1", stored, { ...stored, claimReviewed: "A" }, T0);
    const first = store.get("h1")!.values;
    store.edit("h1", stored, { ...first, claimReviewed: "AB" }, T0);
    store.settle("h1", first, { ...stored, claimReviewed: "A" }, T0);
    expect(store.get("h1")?.values.claimReviewed).toBe("AB");
  });

  it("keeps drafts in memory when storage refuses them", () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    const store = new ClaimDraftStore(prefix);
    store.restore(full, () => stored);
    store.edit("h1", stored, { ...stored, body: "x" }, T0);
    expect(store.get("h1")?.values.body).toBe("x");

    const without = new ClaimDraftStore(prefix);
    without.restore(null, () => stored);
    without.edit("h1", stored, { ...stored, body: "y" }, T0);
    expect(without.get("h1")?.values.body).toBe("y");
  });

  it("keeps the draft of a highlight deleted while the page is open, and nothing when nothing was typed", () => {
    const storage = new MemoryStorage();
    const store = new ClaimDraftStore(prefix);
    store.restore(storage, () => stored);
    const heard: string[] = [];
    store.subscribe(() => heard.push("any"));
    const before = store.kept();
    store.edit("h1", stored, { ...stored, claimReviewed: "Mine" }, T0);
    store.markDeleted("h1", stored, { by: { id: "u2", name: "Erin" }, kind: "claim", exact: "303", at: T0 + 1 });
    expect(store.kept()).not.toBe(before);
    expect(store.kept()).toBe(store.kept());
    expect(store.kept().map((d) => [d.highlightId, d.deleted?.by?.name])).toEqual([["h1", "Erin"]]);
    expect(parseStoredDraft(storage.getItem(`${prefix}h1`), "h1")?.deleted?.by).toEqual({ id: "u2", name: "Erin" });
    expect(heard).toEqual(["any", "any"]);

    // No draft: nothing to keep, nothing heard.
    store.markDeleted("h2", stored, { by: { id: "u2", name: "Erin" }, kind: "note", exact: "x", at: T0 + 2 });
    expect(store.get("h2")).toBeUndefined();
    expect(heard).toHaveLength(2);

    // A re-read of the page's data that no longer has a highlight marks its draft, by nobody known.
    store.edit("h3", stored, { ...stored, body: "Note" }, T0);
    store.edit("h4", stored, { ...stored, body: "Other" }, T0);
    store.markMissing((id) => id === "h4", T0 + 3);
    expect(store.kept().map((d) => [d.highlightId, d.deleted?.by?.name ?? null])).toEqual([["h1", "Erin"], ["h3", null]]);
    // Typing in another draft leaves the kept list as it was (same array).
    const list = store.kept();
    store.edit("h4", stored, { ...stored, body: "Other, typed on" }, T0);
    expect(store.kept()).toBe(list);
    expect(store.get("h4")?.deleted).toBeUndefined();
  });

  it("a highlight the page has again is not deleted: its kept draft is an ordinary draft after a reload", () => {
    const storage = new MemoryStorage();
    const store = new ClaimDraftStore(prefix);
    store.restore(storage, () => stored);
    store.edit("h1", stored, { ...stored, claimReviewed: "Mine" }, T0);
    store.markMissing(() => false, T0 + 1);
    const after = new ClaimDraftStore(prefix);
    after.restore(storage, () => stored);
    expect(after.get("h1")?.deleted).toBeUndefined();
    expect(after.get("h1")?.values.claimReviewed).toBe("Mine");
    expect(parseStoredDraft(storage.getItem(`${prefix}h1`), "h1")?.deleted).toBeUndefined();
  });

  it("takes in another tab's changes to this statement's drafts without writing them back", () => {
    const storage = new MemoryStorage();
    const store = new ClaimDraftStore(prefix);
    store.restore(storage, () => stored);
    const heard: string[] = [];
    store.subscribe(() => heard.push("h1"), "h1");
    const theirs = editDraft(undefined, "h1", stored, { ...stored, claimReviewed: "From the other tab" }, T0)!;
    let writes = 0;
    storage.setItem = () => void writes++;
    storage.removeItem = () => void writes++;

    store.takeStored(`${prefix}h1`, JSON.stringify(theirs));
    expect(store.get("h1")).toEqual(theirs);
    store.takeStored("factdesk:claim-draft:u1:ws1:other:h1", null);
    store.takeStored(`${prefix}h1`, "{garbage");
    expect(store.get("h1")).toEqual(theirs);
    // The other tab cannot mark deleted a draft this page holds for a highlight it has.
    store.takeStored(`${prefix}h1`, JSON.stringify(keepDeleted(theirs, undefined, { by: null, kind: null, exact: null, at: T0 })));
    expect(store.get("h1")?.deleted).toBeUndefined();
    store.takeStored(`${prefix}h1`, null);
    expect(store.get("h1")).toBeUndefined();
    expect(heard).toEqual(["h1", "h1"]);
    expect(writes).toBe(0);

    // Before the page took up its drafts, it takes nothing.
    const early = new ClaimDraftStore(prefix);
    early.takeStored(`${prefix}h1`, JSON.stringify(theirs));
    expect(early.get("h1")).toBeUndefined();
  });
});
