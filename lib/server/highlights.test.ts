import { describe, expect, it } from "vitest";
import { annotationSnapshot, highlightQuote, makeStatement, makeTag } from "../../test/annotation-factories";
import { makeDesk, makeMember } from "../../test/factories";
import { assignUserColors, USER_COLORS } from "../user-colors";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { createHighlight, deleteHighlight, listAnnotations, proposeClaimReviewed, reattachOrphan, updateHighlight } from "./highlights";

/** A member's colour in the desk: their place among its members by joining order. */
async function deskColorOf(workspaceId: string, userId: string) {
  const members = await db().membership.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { userId: true } });
  return assignUserColors(members.map((m) => m.userId)).get(userId);
}

async function setup(text?: string) {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const statement = await makeStatement(desk.checker, ws, text);
  return { desk, ws, statement };
}

describe("createHighlight", () => {
  it("creates a claim with its Claim, tags, selectors, claim count and activity event", async () => {
    const { desk, ws, statement } = await setup("Intro line.\n\nThe ministry said   303 people\nwere hurt on Monday, officials added.");
    const tag = await makeTag(ws, "statistic");
    const quote = "303 people\nwere hurt";
    const start = statement.text.indexOf(quote);
    const dto = await createHighlight(desk.checker, {
      workspaceId: ws, statementId: statement.id, revisionNumber: 1, start, end: start + quote.length, kind: "claim", tagIds: [tag.id], clientId: "tmp-1",
    });
    const color = await deskColorOf(ws, desk.checker.userId);
    expect(dto).toMatchObject({
      start, end: start + quote.length, exact: quote, kind: "claim", orphaned: false, clientId: "tmp-1",
      prefix: statement.text.slice(Math.max(0, start - 32), start),
      suffix: statement.text.slice(start + quote.length, start + quote.length + 32),
      author: { id: desk.checker.userId, name: desk.checker.name, color },
      claim: { claimReviewed: "303 people were hurt", status: "to_check", assignee: null, tags: [{ id: tag.id, name: "statistic", color: "#4f7cac" }] },
    });
    const row = await db().highlight.findUniqueOrThrow({ where: { id: dto.id }, include: { claim: { include: { tags: true } }, revision: true } });
    expect(row).toMatchObject({ exact: quote, authorId: desk.checker.userId, kind: "claim" });
    expect(row.revision.number).toBe(1);
    expect(row.claim).toMatchObject({ id: dto.claim!.id, workspaceId: ws, claimReviewed: "303 people were hurt" });
    expect(row.claim!.tags.map((t) => t.tagId)).toEqual([tag.id]);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(1);
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: ws, action: "highlight.created", entityId: dto.id } });
    expect(event.actorId).toBe(desk.checker.userId);
    expect(JSON.parse(event.data)).toMatchObject({ kind: "claim", statementId: statement.id, claimId: dto.claim!.id });
  });

  it("creates a note without a claim and leaves the claim count alone", async () => {
    const { desk, ws, statement } = await setup();
    const dto = await highlightQuote(desk.editor, ws, statement, "ministry", { kind: "note", body: "  check the name  " });
    expect(dto).toMatchObject({ kind: "note", body: "check the name", claim: null });
    expect(await db().claim.count({ where: { highlightId: dto.id } })).toBe(0);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(0);
  });

  it("snaps a selection that splits an emoji or a letter with its accent to whole characters", async () => {
    const { desk, ws, statement } = await setup("Families 👨‍👩‍👧 said Café́ was closed.");
    const family = statement.text.indexOf("👨");
    const dto = await createHighlight(desk.checker, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start: family + 1, end: family + 3, kind: "note" });
    expect(dto.exact).toBe("👨‍👩‍👧");
    const accent = statement.text.indexOf("é́");
    const dto2 = await createHighlight(desk.checker, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start: statement.text.indexOf("Caf"), end: accent + 1, kind: "claim" });
    expect(dto2.exact).toBe("Café́");
  });

  it("prefills the claim reviewed from a long quote, cut at a word within 280 characters", () => {
    const long = `${"word ".repeat(100)}end`;
    const proposed = proposeClaimReviewed(long);
    expect(proposed.length).toBeLessThanOrEqual(280);
    expect(proposed.endsWith("word…")).toBe(true);
  });

  it("refuses outsiders (not found) and viewers (forbidden) and writes nothing", async () => {
    const { desk, ws, statement } = await setup();
    const before = await annotationSnapshot(ws);
    const input = { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start: 0, end: 5, kind: "claim" as const };
    await expect(createHighlight(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(createHighlight(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    // Another desk's admin naming their own workspace cannot reach this statement.
    await expect(createHighlight(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("refuses bad selections, tags and stale revisions with clear messages and writes nothing", async () => {
    const { desk, ws, statement } = await setup("Word one.   \n\nAnd two words here.");
    const foreign = await makeTag(desk.otherWorkspace.id);
    const retired = await makeTag(ws, "old", "#123456", true);
    const before = await annotationSnapshot(ws);
    const base = { workspaceId: ws, statementId: statement.id, revisionNumber: 1, kind: "claim" as const };
    const spaces = statement.text.indexOf("\n\n");
    const cases: Array<[Record<string, unknown>, typeof Invalid | typeof Conflict, RegExp]> = [
      [{ start: 0, end: statement.text.length + 1 }, Invalid, /ends after the text/],
      [{ start: -1, end: 3 }, Invalid, /starts before the text|correct/],
      [{ start: 4, end: 4 }, Invalid, /empty/],
      [{ start: 5, end: 2 }, Invalid, /empty/],
      [{ start: 1.5, end: 4 }, Invalid, /correct/],
      [{ start: spaces, end: spaces + 2 }, Invalid, /only spaces/],
      [{ start: 0, end: 4, tagIds: ["no-such-tag"] }, Invalid, /does not exist in this workspace/],
      [{ start: 0, end: 4, tagIds: [foreign.id] }, Invalid, /does not exist in this workspace/],
      [{ start: 0, end: 4, tagIds: [retired.id] }, Invalid, /retired/],
      [{ start: 0, end: 4, kind: "note", tagIds: [retired.id] }, Invalid, /correct/],
      [{ start: 0, end: 4, kind: "quote" }, Invalid, /correct/],
      [{ start: 0, end: 4, claimReviewed: "   " }, Invalid, /correct/],
      [{ start: 0, end: 4, revisionNumber: 2 }, Invalid, /revision/],
      [{ start: 0, end: 4, statementId: "missing" }, NotFound, /Statement not found/],
    ];
    for (const [change, type, message] of cases) {
      const error = await createHighlight(desk.checker, { ...base, ...change } as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(change)).toBeInstanceOf(type);
      expect((error as Error).message, JSON.stringify(change)).toMatch(message);
    }
    const tooLong = await setup(`Start ${"x".repeat(6000)} end.`);
    await expect(createHighlight(tooLong.desk.checker, { ...base, workspaceId: tooLong.ws, statementId: tooLong.statement.id, start: 0, end: 5500 })).rejects.toThrow(/at most 5,000/);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("refuses a selection made on a revision that is no longer current (Conflict)", async () => {
    const { desk, ws, statement } = await setup("First version of the text, with 303 people.");
    await db().$transaction(async (tx) => {
      const r = await tx.statementRevision.create({ data: { statementId: statement.id, number: 2, text: "Second version, 305 people.", createdById: desk.editor.userId } });
      await tx.statement.update({ where: { id: statement.id }, data: { currentRevision: r.number } });
    });
    const before = await annotationSnapshot(ws);
    const error = await createHighlight(desk.checker, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start: 0, end: 5, kind: "claim" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Error).message).toMatch(/text changed; reload/);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("lets 50 people highlight the same statement at once without an error (SQLite and PostgreSQL)", async () => {
    const { desk, ws, statement } = await setup(Array.from({ length: 60 }, (_, i) => `Sentence ${i} says ${i * 7} things.`).join(" "));
    const people = await Promise.all(Array.from({ length: 10 }, () => makeMember(ws, "checker")));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => {
        const quote = `Sentence ${i} says`;
        const start = statement.text.indexOf(quote);
        return createHighlight(people[i % people.length]!, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start, end: start + quote.length, kind: i % 5 === 0 ? "note" : "claim" });
      }),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await db().highlight.count({ where: { statementId: statement.id } })).toBe(50);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(40);
    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(listed.highlights).toHaveLength(50);
  });
});

describe("listAnnotations", () => {
  it("returns the current text, highlights in text order with authors, colours and claims, and orphans apart", async () => {
    const { desk, ws, statement } = await setup("Alpha beta gamma delta epsilon zeta eta theta.");
    const tag = await makeTag(ws, "date", "#7a8b99");
    const late = await highlightQuote(desk.checker, ws, statement, "epsilon zeta", { tagIds: [tag.id] });
    const early = await highlightQuote(desk.editor, ws, statement, "beta gamma", { kind: "note", body: "hm" });
    const nested = await highlightQuote(desk.admin, ws, statement, "beta");
    const gone = await highlightQuote(desk.admin, ws, statement, "theta");
    await deleteHighlight(desk.admin, { workspaceId: ws, highlightId: gone.id });
    const orphan = await highlightQuote(desk.checker, ws, statement, "eta");
    await db().highlight.update({ where: { id: orphan.id }, data: { orphaned: true } });

    const result = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(result.revision).toEqual({ number: 1, text: statement.text });
    expect(result.highlights.map((h) => h.id)).toEqual([early.id, nested.id, late.id]);
    expect(result.orphans.map((h) => h.id)).toEqual([orphan.id]);
    expect(result.highlights[0]).toMatchObject({ kind: "note", body: "hm", claim: null, author: { id: desk.editor.userId, color: await deskColorOf(ws, desk.editor.userId) } });
    expect(result.highlights[2]!.claim).toMatchObject({ status: "to_check", tags: [{ id: tag.id, name: "date", color: "#7a8b99" }] });
    expect(result.can).toEqual({ annotate: false, moderate: false, correct: false });
    expect((await listAnnotations(desk.editor, { workspaceId: ws, statementId: statement.id })).can).toEqual({ annotate: true, moderate: true, correct: true });
  });

  it("colours people by their place in the desk, alike in the list and in what create, update and re-attach answer; former members after the members", async () => {
    const { desk, ws, statement } = await setup("Alpha beta gamma delta epsilon zeta eta theta.");
    const leaver = await makeMember(ws, "checker");
    const first = await makeMember(ws, "checker");
    const second = await makeMember(ws, "checker");
    // They join in this order, after the desk's four.
    for (const [i, person] of [leaver, first, second].entries()) {
      await db().membership.update({ where: { workspaceId_userId: { workspaceId: ws, userId: person.userId } }, data: { createdAt: new Date(Date.now() + (i + 1) * 60_000) } });
    }
    const gone = await highlightQuote(leaver, ws, statement, "beta");
    const a = await highlightQuote(first, ws, statement, "delta", { kind: "note" });
    const b = await highlightQuote(second, ws, statement, "zeta");
    expect([gone.author.color, a.author.color, b.author.color]).toEqual([USER_COLORS[4], USER_COLORS[5], USER_COLORS[6]]);
    const before = await listAnnotations(first, { workspaceId: ws, statementId: statement.id });
    expect(before.highlights.map((h) => h.author.color)).toEqual([USER_COLORS[4], USER_COLORS[5], USER_COLORS[6]]);
    expect(before.userColor).toBe(USER_COLORS[5]);
    expect(new Set((await Promise.all([desk.admin, desk.editor, desk.checker, desk.viewer].map((p) => deskColorOf(ws, p.userId)))).concat(USER_COLORS.slice(4, 7))).size).toBe(7);

    // The leaver's colour goes to the next in line; theirs comes after the members'.
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: ws, userId: leaver.userId } } });
    const after = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(after.highlights.map((h) => [h.id, h.author.color])).toEqual([
      [gone.id, USER_COLORS[6]],
      [a.id, USER_COLORS[4]],
      [b.id, USER_COLORS[5]],
    ]);
    expect((await updateHighlight(desk.editor, { workspaceId: ws, highlightId: gone.id, kind: "note" })).author.color).toBe(USER_COLORS[6]);
    expect((await updateHighlight(first, { workspaceId: ws, highlightId: a.id, body: "checked" })).author.color).toBe(USER_COLORS[4]);
    await db().highlight.update({ where: { id: b.id }, data: { orphaned: true } });
    const placed = await reattachOrphan(second, { workspaceId: ws, highlightId: b.id, start: statement.text.indexOf("eta"), end: statement.text.indexOf("eta") + 3 });
    expect(placed.author.color).toBe(USER_COLORS[5]);
    expect((await createHighlight(second, { workspaceId: ws, statementId: statement.id, revisionNumber: 1, start: 0, end: 5, kind: "note" })).author.color).toBe(USER_COLORS[5]);
  });

  it("gives not found to outsiders and for another desk's statement", async () => {
    const { desk, ws, statement } = await setup();
    await expect(listAnnotations(desk.outsider, { workspaceId: ws, statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listAnnotations(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("updateHighlight", () => {
  it("lets the author change a note's body and records it", async () => {
    const { desk, ws, statement } = await setup();
    const note = await highlightQuote(desk.checker, ws, statement, "ministry", { kind: "note", body: "first" });
    const updated = await updateHighlight(desk.checker, { workspaceId: ws, highlightId: note.id, body: "second" });
    expect(updated).toMatchObject({ id: note.id, body: "second", kind: "note" });
    expect(await db().activityEvent.count({ where: { workspaceId: ws, action: "highlight.updated", entityId: note.id } })).toBe(1);
  });

  it("turns a note into a claim (new Claim, counted) and back (Claim removed, uncounted)", async () => {
    const { desk, ws, statement } = await setup("The ministry said   303 people were hurt.");
    const note = await highlightQuote(desk.checker, ws, statement, "303 people were hurt", { kind: "note" });
    const claim = await updateHighlight(desk.editor, { workspaceId: ws, highlightId: note.id, kind: "claim" });
    expect(claim.claim).toMatchObject({ claimReviewed: "303 people were hurt", status: "to_check" });
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(1);
    const back = await updateHighlight(desk.checker, { workspaceId: ws, highlightId: note.id, kind: "note" });
    expect(back.claim).toBeNull();
    expect(await db().claim.count({ where: { highlightId: note.id } })).toBe(0);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(0);
  });

  it("refuses a claim→note change while the claim has sources", async () => {
    const { desk, ws, statement } = await setup();
    const claim = await highlightQuote(desk.checker, ws, statement, "ministry");
    await db().source.create({ data: { claimId: claim.claim!.id, url: "https://example.org", stance: "context", addedById: desk.checker.userId } });
    const before = await annotationSnapshot(ws);
    await expect(updateHighlight(desk.checker, { workspaceId: ws, highlightId: claim.id, kind: "note" })).rejects.toBeInstanceOf(Conflict);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("refuses outsiders, viewers, other checkers, empty changes and bad input, changing nothing", async () => {
    const { desk, ws, statement } = await setup();
    const other = await makeMember(ws, "checker");
    const note = await highlightQuote(desk.checker, ws, statement, "ministry", { kind: "note", body: "mine" });
    const before = await annotationSnapshot(ws);
    const input = { workspaceId: ws, highlightId: note.id, body: "changed" };
    await expect(updateHighlight(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(updateHighlight(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(updateHighlight(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateHighlight(other, input)).rejects.toThrow(/Only its author or an editor/);
    await expect(updateHighlight(desk.checker, { ...input, body: "mine" })).rejects.toThrow(/Nothing to change/);
    await expect(updateHighlight(desk.checker, { ...input, kind: "quote" as never })).rejects.toBeInstanceOf(Invalid);
    await expect(updateHighlight(desk.checker, { ...input, body: "x".repeat(10_001) })).rejects.toBeInstanceOf(Invalid);
    expect(await annotationSnapshot(ws)).toEqual(before);
    // Editors may change anyone's.
    await expect(updateHighlight(desk.editor, input)).resolves.toMatchObject({ body: "changed" });
  });
});

describe("deleteHighlight", () => {
  it("soft-deletes with who and when, uncounts a claim and records it", async () => {
    const { desk, ws, statement } = await setup();
    const claim = await highlightQuote(desk.checker, ws, statement, "ministry");
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: claim.id });
    const row = await db().highlight.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.deletedById).toBe(desk.checker.userId);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount).toBe(0);
    expect(await db().activityEvent.count({ where: { workspaceId: ws, action: "highlight.deleted", entityId: claim.id } })).toBe(1);
    expect((await listAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id })).highlights).toEqual([]);
    await expect(deleteHighlight(desk.checker, { workspaceId: ws, highlightId: claim.id })).rejects.toBeInstanceOf(NotFound);
  });

  it("lets an editor delete anyone's highlight", async () => {
    const { desk, ws, statement } = await setup();
    const note = await highlightQuote(desk.checker, ws, statement, "ministry", { kind: "note" });
    await deleteHighlight(desk.editor, { workspaceId: ws, highlightId: note.id });
    expect((await db().highlight.findUniqueOrThrow({ where: { id: note.id } })).deletedById).toBe(desk.editor.userId);
  });

  it("refuses outsiders, viewers and other checkers, changing nothing", async () => {
    const { desk, ws, statement } = await setup();
    const other = await makeMember(ws, "checker");
    const claim = await highlightQuote(desk.checker, ws, statement, "ministry");
    const before = await annotationSnapshot(ws);
    const input = { workspaceId: ws, highlightId: claim.id };
    await expect(deleteHighlight(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(deleteHighlight(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(deleteHighlight(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteHighlight(other, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteHighlight(desk.checker, { workspaceId: ws, highlightId: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });
});
