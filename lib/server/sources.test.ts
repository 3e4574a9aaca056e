import { describe, expect, it } from "vitest";
import { highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk, makeMember } from "../../test/factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { deleteHighlight } from "./highlights";
import type { Actor } from "./permissions";
import { makeSource, makeVerdictDesk } from "../../test/verdict-factories";
import { addSource, listSources, removeSource, updateSource, type AddSourceInput } from "./sources";
import { saveVerdictDraft } from "./verdicts";

async function setup() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const statement = await makeStatement(desk.checker, ws);
  const highlight = await highlightQuote(desk.checker, ws, statement, "303 people");
  return { desk, ws, statement, highlight, claimId: highlight.claim!.id };
}

const REPORT = {
  url: "https://www.example.org/reports/2023/casualties/",
  title: "Casualty report 2023",
  publisher: "Example Institute",
  publishedAt: "2023-07-29",
  excerpt: "In total, 298 people were injured.",
  stance: "refutes" as const,
};

function add(actor: Actor, ws: string, claimId: string, extra: Partial<AddSourceInput> = {}) {
  return addSource(actor, { workspaceId: ws, claimId, ...REPORT, ...extra });
}

/** Everything the source services write, to assert a refused call changed nothing. */
async function sourceSnapshot(workspaceId: string) {
  const [sources, events] = await Promise.all([
    db().source.findMany({ where: { claim: { workspaceId } }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { sources, events };
}

async function eventsOf(workspaceId: string, action: string) {
  const rows = await db().activityEvent.findMany({ where: { workspaceId, action }, orderBy: { at: "asc" } });
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected the call to fail");
  return error;
}

describe("addSource and listSources", () => {
  it("stores a normalised source, numbers sources in the order added, and records the addition", async () => {
    const { desk, ws, claimId } = await setup();
    const first = await add(desk.checker, ws, claimId, {
      url: "  HTTPS://Example.org:443/reports/2023/casualties/?utm_source=newsletter&page=2#table  ",
      title: "  Casualty\n report   2023 ",
      publisher: " Example   Institute ",
      excerpt: "\r\nIn total, 298 people were injured.\r\n\r\nMost of them in March.  ",
      archiveUrl: "",
    });
    expect(first).toEqual({
      n: 1,
      id: expect.any(String),
      url: "https://example.org/reports/2023/casualties/?page=2",
      title: "Casualty report 2023",
      publisher: "Example Institute",
      publishedAt: "2023-07-29",
      excerpt: "In total, 298 people were injured.\n\nMost of them in March.",
      stance: "refutes",
      archiveUrl: null,
      addedBy: { id: desk.checker.userId, name: desk.checker.name },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = await add(desk.editor, ws, claimId, {
      url: "https://stats.example.net/table-7",
      title: "Table 7",
      publisher: undefined,
      publishedAt: "",
      excerpt: undefined,
      stance: "context",
      archiveUrl: "https://web.archive.org/web/2023/https://stats.example.net/table-7",
    });
    expect(second).toMatchObject({ n: 2, publisher: "", publishedAt: null, excerpt: "", archiveUrl: "https://web.archive.org/web/2023/https://stats.example.net/table-7" });

    const listed = await listSources(desk.viewer, { workspaceId: ws, claimId });
    expect(listed.map((s) => [s.n, s.id])).toEqual([
      [1, first.id],
      [2, second.id],
    ]);
    expect(listed[0]).toEqual(first);

    const events = await eventsOf(ws, "source.added");
    expect(events.map((e) => [e.entityType, e.entityId, e.actorId])).toEqual([
      ["source", first.id, desk.checker.userId],
      ["source", second.id, desk.editor.userId],
    ]);
    expect(events[0]!.data).toEqual({ claimId, url: first.url, title: "Casualty report 2023", stance: "refutes" });

    // The first source starts the research: the claim moves from "to check" to researching, once.
    expect((await db().claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("researching");
    const started = await eventsOf(ws, "claim.updated");
    expect(started.map((e) => e.data)).toEqual([{ status: { from: "to_check", to: "researching" }, reason: "source added" }]);
  });

  it("numbers by when a source was added, not by its id", async () => {
    const { desk, ws, claimId } = await setup();
    const later = await add(desk.checker, ws, claimId);
    // Written directly so it is older than the first one yet has the larger id.
    const earlier = await db().source.create({
      data: { id: "zzzz-older", claimId, url: "https://example.com/older", title: "Older", stance: "supports", addedById: desk.editor.userId, createdAt: new Date(Date.now() - 60_000) },
    });
    const listed = await listSources(desk.checker, { workspaceId: ws, claimId });
    expect(listed.map((s) => [s.n, s.id])).toEqual([
      [1, earlier.id],
      [2, later.id],
    ]);
  });

  it("refuses outsiders (not found) and viewers (forbidden), changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    await add(desk.checker, ws, claimId);
    const before = await sourceSnapshot(ws);
    const otherBefore = await sourceSnapshot(desk.otherWorkspace.id);
    await expect(add(desk.outsider, ws, claimId, { url: "https://example.com/a" })).rejects.toBeInstanceOf(NotFound);
    // Naming their own desk does not reach a claim of another desk.
    await expect(add(desk.outsider, desk.otherWorkspace.id, claimId, { url: "https://example.com/b" })).rejects.toBeInstanceOf(NotFound);
    await expect(add(desk.viewer, ws, claimId, { url: "https://example.com/c" })).rejects.toBeInstanceOf(Forbidden);
    await expect(listSources(desk.outsider, { workspaceId: ws, claimId })).rejects.toBeInstanceOf(NotFound);
    await expect(listSources(desk.outsider, { workspaceId: desk.otherWorkspace.id, claimId })).rejects.toBeInstanceOf(NotFound);
    expect(await sourceSnapshot(ws)).toEqual(before);
    expect(await sourceSnapshot(desk.otherWorkspace.id)).toEqual(otherBefore);
  });

  it("hides the sources of a claim whose highlight was deleted", async () => {
    const { desk, ws, highlight, claimId } = await setup();
    await add(desk.checker, ws, claimId);
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: highlight.id });
    await expect(listSources(desk.checker, { workspaceId: ws, claimId })).rejects.toBeInstanceOf(NotFound);
    await expect(add(desk.checker, ws, claimId, { url: "https://example.com/new" })).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses links that are not web links, with a message, writing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const before = await sourceSnapshot(ws);
    const cases: Array<[Partial<AddSourceInput>, string, RegExp]> = [
      [{ url: "javascript:alert(document.cookie)" }, "url", /Only web links \(http or https\).*javascript:/],
      [{ url: "JavaScript:alert(1)" }, "url", /not “javascript:” links/],
      [{ url: "java\tscript:alert(1)" }, "url", /control characters/],
      [{ url: "data:text/html,<script>alert(1)</script>" }, "url", /not “data:” links/],
      [{ url: "ftp://files.example.org/report.pdf" }, "url", /not “ftp:” links/],
      [{ url: "example.org/report" }, "url", /starting with https:\/\//],
      [{ url: "   " }, "url", /Enter the link/],
      [{ url: "https://user:secret@example.org/" }, "url", /user name or password/],
      [{ url: `https://example.org/${"a".repeat(2048)}` }, "url", /at most 2,048 characters/],
      [{ archiveUrl: "javascript:alert(1)" }, "archiveUrl", /Archived copy: .*not “javascript:” links/],
      [{ archiveUrl: "data:text/html,hi" }, "archiveUrl", /not “data:” links/],
      [{ archiveUrl: "ftp://archive.example.org/x" }, "archiveUrl", /not “ftp:” links/],
    ];
    for (const [change, field, message] of cases) {
      const error = await failure(add(desk.checker, ws, claimId, change));
      expect(error, JSON.stringify(change)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" "), JSON.stringify(change)).toMatch(message);
    }
    expect(await sourceSnapshot(ws)).toEqual(before);
  });

  it("refuses oversized and malformed fields with field messages, writing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const before = await sourceSnapshot(ws);
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ title: "x".repeat(301) }, "title", /at most 300 characters/],
      [{ title: " \n " }, "title", /Enter the source's title/],
      [{ publisher: "p".repeat(301) }, "publisher", /at most 300 characters/],
      [{ excerpt: "e".repeat(5001) }, "excerpt", /at most 5,000 characters/],
      [{ publishedAt: "2023-02-30" }, "publishedAt", /real date/],
      [{ publishedAt: "29/07/2023" }, "publishedAt", /YYYY-MM-DD/],
      [{ publishedAt: "0999-12-31" }, "publishedAt", /real date/],
      [{ publishedAt: nextYear }, "publishedAt", /cannot be in the future/],
      [{ publishedAt: "9999-12-31" }, "publishedAt", /cannot be in the future/],
      [{ stance: "agrees" }, "stance", /supports or refutes the claim, or gives context/],
      [{ stance: undefined }, "stance", /supports or refutes/],
    ];
    for (const [change, field, message] of cases) {
      const error = await failure(add(desk.checker, ws, claimId, change as Partial<AddSourceInput>));
      expect(error, JSON.stringify(change)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" "), JSON.stringify(change)).toMatch(message);
    }
    expect(await sourceSnapshot(ws)).toEqual(before);

    // The limits themselves are allowed.
    const atLimits = await add(desk.checker, ws, claimId, { title: "t".repeat(300), publisher: "p".repeat(300), excerpt: "e".repeat(5000), publishedAt: new Date().toISOString().slice(0, 10) });
    expect(atLimits).toMatchObject({ n: 1, title: "t".repeat(300), excerpt: "e".repeat(5000) });
  });

  it("reports the same page twice on one claim, also spelled differently, naming the earlier source", async () => {
    const { desk, ws, statement, claimId } = await setup();
    await add(desk.checker, ws, claimId, { url: "https://stats.example.net/first", title: "First" });
    await add(desk.checker, ws, claimId);
    const before = await sourceSnapshot(ws);
    const variants = [
      REPORT.url,
      "http://example.org/reports/2023/casualties", // scheme, no www, no trailing slash
      "https://www.example.org/reports/2023/casualties/?utm_campaign=x&fbclid=abc#top",
      "https://WWW.EXAMPLE.ORG:443/reports/2023/casualties//",
    ];
    for (const url of variants) {
      const error = await failure(add(desk.editor, ws, claimId, { url, title: "Again" }));
      expect(error, url).toBeInstanceOf(Conflict);
      expect(error.message, url).toBe("This claim already cites this page as source [2] (“Casualty report 2023”).");
      expect((error as Conflict).fieldErrors?.url, url).toEqual(["Already cited as source [2]."]);
    }
    expect(await sourceSnapshot(ws)).toEqual(before);

    // Another claim may cite the same page, and a different query is a different page.
    const other = await highlightQuote(desk.checker, ws, statement, "were hurt");
    await expect(add(desk.checker, ws, other.claim!.id)).resolves.toMatchObject({ n: 1 });
    await expect(add(desk.checker, ws, claimId, { url: `${REPORT.url}?page=2` })).resolves.toMatchObject({ n: 3 });
  });

  it("lets only one of two simultaneous additions of the same page through, the other a clear conflict", async () => {
    const { desk, ws, claimId } = await setup();
    const results = await Promise.allSettled([
      add(desk.checker, ws, claimId, { url: "https://example.org/same" }),
      add(desk.editor, ws, claimId, { url: "https://www.example.org/same/" }),
      add(desk.admin, ws, claimId, { url: "https://example.org/same" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(Conflict);
      expect((r.reason as Conflict).message).toMatch(/^This claim already cites this page as /);
    }
    expect(await db().source.count({ where: { claimId } })).toBe(1);
    expect(await eventsOf(ws, "source.added")).toHaveLength(1);
  });
});

describe("updateSource", () => {
  it("lets the checker who added it and editors edit, keeps its number and records what changed", async () => {
    const { desk, ws, claimId } = await setup();
    const first = await add(desk.checker, ws, claimId);
    const second = await add(desk.checker, ws, claimId, { url: "https://example.com/second", title: "Second" });
    // Sources stay editable while the verdict is in review.
    await db().claim.update({ where: { id: claimId }, data: { status: "in_review" } });

    const edited = await updateSource(desk.checker, {
      workspaceId: ws,
      sourceId: first.id,
      title: "Casualty report 2023 (revised)",
      stance: "context",
      publishedAt: "2023-08-01",
      excerpt: "Revised figures.",
      archiveUrl: "https://archive.example.net/abc",
    });
    expect(edited).toMatchObject({ n: 1, id: first.id, url: first.url, title: "Casualty report 2023 (revised)", stance: "context", publishedAt: "2023-08-01", excerpt: "Revised figures.", archiveUrl: "https://archive.example.net/abc", addedBy: { id: desk.checker.userId } });
    expect(edited.createdAt).toBe(first.createdAt);
    expect(new Date(edited.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.updatedAt).getTime());

    const [event] = await eventsOf(ws, "source.updated");
    expect(event).toMatchObject({ actorId: desk.checker.userId, entityType: "source", entityId: first.id });
    expect(event!.data).toEqual({
      claimId,
      url: first.url,
      title: { from: "Casualty report 2023", to: "Casualty report 2023 (revised)" },
      stance: { from: "refutes", to: "context" },
      archiveUrl: { from: "", to: "https://archive.example.net/abc" },
      excerptChanged: true,
      publishedAt: { from: "2023-07-29", to: "2023-08-01" },
    });

    // An editor edits someone else's source; clearing optional fields is a change too.
    const byEditor = await updateSource(desk.editor, { workspaceId: ws, sourceId: second.id, url: "https://example.com/second-moved", publishedAt: "", archiveUrl: "" });
    expect(byEditor).toMatchObject({ n: 2, url: "https://example.com/second-moved", publishedAt: null, archiveUrl: null, addedBy: { id: desk.checker.userId } });
    await expect(updateSource(desk.admin, { workspaceId: ws, sourceId: second.id, title: "By the admin" })).resolves.toMatchObject({ title: "By the admin" });
  });

  it("refuses other checkers, viewers, a demoted author and outsiders, changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const author = await makeMember(ws, "checker");
    const source = await add(author, ws, claimId);
    const before = await sourceSnapshot(ws);
    const input = { workspaceId: ws, sourceId: source.id, title: "Hijacked" };
    await expect(updateSource(desk.checker, input)).rejects.toThrow(/Only the person who added this source or an editor/);
    await expect(updateSource(desk.checker, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateSource(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateSource(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(updateSource(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await db().membership.updateMany({ where: { workspaceId: ws, userId: author.userId }, data: { role: "viewer" } });
    await expect(updateSource(author, input)).rejects.toBeInstanceOf(Forbidden);
    expect(await sourceSnapshot(ws)).toEqual(before);
  });

  it("refuses bad links, duplicates of another source and empty changes, changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const first = await add(desk.checker, ws, claimId);
    const second = await add(desk.checker, ws, claimId, { url: "https://example.com/second", title: "Second" });
    const before = await sourceSnapshot(ws);
    const ref = { workspaceId: ws, sourceId: second.id };

    const bad = await failure(updateSource(desk.checker, { ...ref, url: "javascript:alert(1)" }));
    expect(bad).toBeInstanceOf(Invalid);
    expect((bad as Invalid).fieldErrors?.url?.join(" ")).toMatch(/not “javascript:” links/);
    const badArchive = await failure(updateSource(desk.checker, { ...ref, archiveUrl: "data:text/html,x" }));
    expect((badArchive as Invalid).fieldErrors?.archiveUrl?.join(" ")).toMatch(/not “data:” links/);
    await expect(updateSource(desk.checker, { ...ref, excerpt: "e".repeat(5001) })).rejects.toBeInstanceOf(Invalid);

    const dup = await failure(updateSource(desk.checker, { ...ref, url: "http://example.org/reports/2023/casualties?utm_source=x" }));
    expect(dup).toBeInstanceOf(Conflict);
    expect(dup.message).toBe("This claim already cites this page as source [1] (“Casualty report 2023”).");

    await expect(updateSource(desk.checker, { ...ref, title: "  Second " })).rejects.toThrow(/Nothing to change/);
    await expect(updateSource(desk.checker, { workspaceId: ws, sourceId: "nope", title: "X" })).rejects.toBeInstanceOf(NotFound);
    expect(await sourceSnapshot(ws)).toEqual(before);

    // Its own page in another spelling is not a duplicate of itself.
    await expect(updateSource(desk.checker, { workspaceId: ws, sourceId: first.id, url: "https://example.org/reports/2023/casualties" })).resolves.toMatchObject({ n: 1, url: "https://example.org/reports/2023/casualties" });
  });
});

describe("removeSource", () => {
  it("deletes the source for good, renumbers the later ones and logs what was removed", async () => {
    const { desk, ws, claimId } = await setup();
    const first = await add(desk.checker, ws, claimId);
    const second = await add(desk.editor, ws, claimId, { url: "https://example.com/second", title: "Second", stance: "supports" });
    await expect(removeSource(desk.checker, { workspaceId: ws, sourceId: first.id })).resolves.toEqual({ id: first.id, claimId, title: first.title });

    expect(await db().source.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await listSources(desk.viewer, { workspaceId: ws, claimId })).toEqual([{ ...second, n: 1 }]);
    const [event] = await eventsOf(ws, "source.removed");
    expect(event).toMatchObject({ actorId: desk.checker.userId, entityType: "source", entityId: first.id });
    expect(event!.data).toEqual({ claimId, url: first.url, title: first.title, publisher: first.publisher, stance: "refutes", addedById: desk.checker.userId, number: 1 });

    // An editor removes someone else's; a second removal finds nothing.
    await removeSource(desk.editor, { workspaceId: ws, sourceId: second.id });
    await expect(removeSource(desk.editor, { workspaceId: ws, sourceId: second.id })).rejects.toBeInstanceOf(NotFound);
    expect(await listSources(desk.checker, { workspaceId: ws, claimId })).toEqual([]);
    // The same page may then be added again.
    await expect(add(desk.checker, ws, claimId)).resolves.toMatchObject({ n: 1 });
  });

  it("moves a draft verdict's citations with the renumbered list, marks the removed one and moves the draft's lockVersion on", async () => {
    const { desk, ws, claimId, levels } = await makeVerdictDesk();
    const sources = [];
    for (const title of ["One", "Two", "Three"]) sources.push(await makeSource(desk.checker, claimId, title));
    const draft = await saveVerdictDraft(desk.checker, {
      workspaceId: ws, claimId, lockVersion: null, levelId: levels["False"]!, summary: "Wrong.", explanation: "See [1], [2] and [3] (and [2020]).",
    });
    await removeSource(desk.checker, { workspaceId: ws, sourceId: sources[1]!.id });
    const verdict = await db().verdict.findUniqueOrThrow({ where: { claimId } });
    expect(verdict.explanation).toBe("See [1], [source removed] and [2] (and [2020]).");
    expect(verdict.lockVersion).toBe(draft.verdict.lockVersion + 1);
    const [event] = await eventsOf(ws, "source.removed");
    expect(event!.data).toMatchObject({ number: 2, draftRenumbered: true });

    // An editor still open on the old text gets the conflict view, not a silent overwrite.
    await expect(
      saveVerdictDraft(desk.checker, { workspaceId: ws, claimId, lockVersion: draft.verdict.lockVersion, levelId: levels["False"]!, summary: "Wrong.", explanation: "See [1], [2] and [3]." }),
    ).rejects.toBeInstanceOf(Conflict);

    // Each later removal marks its citations too; prose numbers stay.
    await removeSource(desk.checker, { workspaceId: ws, sourceId: sources[2]!.id });
    const after = await db().verdict.findUniqueOrThrow({ where: { claimId } });
    expect(after.explanation).toBe("See [1], [source removed] and [source removed] (and [2020]).");
    await removeSource(desk.checker, { workspaceId: ws, sourceId: sources[0]!.id });
    const last = await db().verdict.findUniqueOrThrow({ where: { claimId } });
    expect(last.explanation).toBe("See [source removed], [source removed] and [source removed] (and [2020]).");
  });

  it("refuses other checkers, viewers and outsiders, changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const source = await add(desk.checker, ws, claimId);
    const other = await makeMember(ws, "checker");
    const before = await sourceSnapshot(ws);
    const input = { workspaceId: ws, sourceId: source.id };
    await expect(removeSource(other, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(removeSource(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(removeSource(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(removeSource(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(removeSource(desk.checker, { workspaceId: ws, sourceId: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await sourceSnapshot(ws)).toEqual(before);
  });
});
