import { describe, expect, it } from "vitest";
import { annotationSnapshot, highlightQuote, makeStatement, makeTag } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { join, sql } from "../generated/sqlite/internal/prismaNamespace";
import { shownHighlight } from "../highlight-payload";
import { assignUserColors } from "../user-colors";
import { accessFromRow, insertHighlight, newId, RevisionTextCache, revisionTexts } from "./annotation-queries";
import { updateClaim } from "./claims";
import { db } from "./db";
import { Forbidden, NotFound } from "./errors";
import { createHighlight, deleteHighlight, highlightSelect, listAnnotations, listShownAnnotations, toHighlightDTO, updateHighlight } from "./highlights";

// The raw-SQL paths of the annotation services must give exactly what the Prisma versions gave.

/**
 * The Prisma read listAnnotations used before it went raw (with id as the last tie-break), in the
 * desk colours the page used to paint: members by joining order, then former members by id.
 */
async function prismaAnnotations(workspaceId: string, statementId: string) {
  const rows = await db().highlight.findMany({
    where: { statementId, deletedAt: null, statement: { workspaceId } },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: highlightSelect,
  });
  const members = await db().membership.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }], select: { userId: true } });
  const colors = assignUserColors(
    members.map((m) => m.userId),
    rows.map((r) => r.author.id),
  );
  const dtos = rows.map((row) => toHighlightDTO(row, colors.get(row.author.id)!));
  return { highlights: dtos.filter((h) => !h.orphaned), orphans: dtos.filter((h) => h.orphaned) };
}

describe("listAnnotations (raw SQL)", () => {
  it("returns exactly the DTOs of the Prisma read: overlaps, notes, claims with tags and assignees, deleted and orphaned highlights", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\n\nSecond paragraph with 303 people and 😀 emoji.");
    const [zebra, apple, retiredLater] = await Promise.all([makeTag(ws, "zebra", "#111111"), makeTag(ws, "apple", "#222222"), makeTag(ws, "mango", "#333333")]);
    const outer = await highlightQuote(desk.checker, ws, statement, "beta gamma delta epsilon", { tagIds: [zebra.id, apple.id, retiredLater.id] });
    await highlightQuote(desk.editor, ws, statement, "gamma delta", { kind: "note", body: "Inner note" });
    const crossing = await highlightQuote(desk.admin, ws, statement, "delta epsilon zeta");
    await highlightQuote(desk.checker, ws, statement, "beta gamma delta epsilon", { kind: "note" }); // same span, later
    await highlightQuote(desk.checker, ws, statement, "paragraph with 303");
    await highlightQuote(desk.editor, ws, statement, "😀 emoji", { claimReviewed: "An emoji claim" });
    const gone = await highlightQuote(desk.admin, ws, statement, "theta iota");
    await deleteHighlight(desk.admin, { workspaceId: ws, highlightId: gone.id });
    const orphan = await highlightQuote(desk.checker, ws, statement, "kappa lambda");
    await db().highlight.update({ where: { id: orphan.id }, data: { orphaned: true } });
    const turned = await highlightQuote(desk.checker, ws, statement, "Second paragraph", { kind: "note" });
    await updateHighlight(desk.checker, { workspaceId: ws, highlightId: turned.id, kind: "claim" });
    await updateClaim(desk.editor, { workspaceId: ws, claimId: crossing.claim!.id, status: "researching", assigneeId: desk.checker.userId });
    await db().tag.update({ where: { id: retiredLater.id }, data: { retiredAt: new Date() } });
    // Another statement's highlights stay out.
    const other = await makeStatement(desk.checker, ws, "Another statement about beta gamma.");
    await highlightQuote(desk.checker, ws, other, "beta gamma");

    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    const expected = await prismaAnnotations(ws, statement.id);
    expect(listed.highlights).toEqual(expected.highlights);
    expect(listed.orphans).toEqual(expected.orphans);
    expect(listed.highlights).toHaveLength(7);
    expect(listed.orphans.map((h) => h.id)).toEqual([orphan.id]);
    expect(listed.highlights.find((h) => h.id === outer.id)!.claim!.tags.map((t) => t.name)).toEqual(["apple", "mango", "zebra"]);
    expect(listed.highlights.find((h) => h.id === crossing.id)!.claim).toMatchObject({ status: "researching", assignee: { id: desk.checker.userId, name: desk.checker.name } });
    for (const h of [...listed.highlights, ...listed.orphans]) {
      expect(typeof h.orphaned).toBe("boolean");
      expect(h.createdAt).toBeInstanceOf(Date);
    }
    expect(listed.revision).toEqual({ number: 1, text: statement.text });

    // The page's read: the same, in the same order, minus each quote's context and date.
    const shown = await listShownAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(shown.highlights).toEqual(listed.highlights.map(shownHighlight));
    expect(shown.orphans).toEqual(listed.orphans.map(shownHighlight));
    for (const h of [...shown.highlights, ...shown.orphans]) for (const key of ["prefix", "suffix", "createdAt"]) expect(h).not.toHaveProperty(key);
    const { highlights: _h, orphans: _o, ...rest } = listed;
    expect(shown).toMatchObject(rest);
  });

  it("puts highlights that start together in order: the longer first, then the older, then by id", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "Alpha beta gamma delta epsilon zeta eta theta.");
    const tag = await makeTag(ws, "statistic");
    // Made shortest first, so insertion order is the opposite of text order.
    const short = await highlightQuote(desk.checker, ws, statement, "beta gamma", { tagIds: [tag.id] });
    const middle = await highlightQuote(desk.editor, ws, statement, "beta gamma delta", { kind: "note" });
    const long = await highlightQuote(desk.admin, ws, statement, "beta gamma delta epsilon");
    const sameSpanLater = await highlightQuote(desk.checker, ws, statement, "beta gamma delta", { kind: "note" });
    const first = await highlightQuote(desk.checker, ws, statement, "Alpha");
    // Two of the same span and the same instant: the id decides.
    const at = new Date("2026-01-01T00:00:00Z");
    const twins = [await highlightQuote(desk.checker, ws, statement, "zeta eta"), await highlightQuote(desk.editor, ws, statement, "zeta eta")];
    await db().highlight.updateMany({ where: { id: { in: twins.map((t) => t.id) } }, data: { createdAt: at } });

    const shown = await listShownAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    const twinOrder = twins.map((t) => t.id).sort();
    expect(shown.highlights.map((h) => h.id)).toEqual([first.id, long.id, middle.id, sameSpanLater.id, short.id, ...twinOrder]);
    expect(shown.highlights.find((h) => h.id === short.id)!.claim!.tags.map((t) => t.id)).toEqual([tag.id]);
    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(listed.highlights).toEqual((await prismaAnnotations(ws, statement.id)).highlights);
  });

  it("refuses outsiders and another desk's statement with NotFound, and reads nothing for them", async () => {
    const desk = await makeDesk();
    const statement = await makeStatement(desk.checker, desk.workspace.id);
    await highlightQuote(desk.checker, desk.workspace.id, statement, "ministry");
    await expect(listAnnotations(desk.outsider, { workspaceId: desk.workspace.id, statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listAnnotations(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId: statement.id })).rejects.toThrow(/Statement not found/);
    await expect(listAnnotations(desk.outsider, { workspaceId: "", statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listShownAnnotations(desk.outsider, { workspaceId: desk.workspace.id, statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(listShownAnnotations(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId: statement.id })).rejects.toThrow(/Statement not found/);
    // A statement of another desk, asked for through one's own desk, is not found either.
    const elsewhere = await makeStatement(desk.outsider, desk.otherWorkspace.id);
    await expect(listShownAnnotations(desk.viewer, { workspaceId: desk.workspace.id, statementId: elsewhere.id })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("createHighlight (raw SQL writes)", () => {
  it("stores rows Prisma reads back exactly like its own writes: dates, booleans, ids, claim, tags, event", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "The ministry said 303 people were hurt on Monday.");
    const tag = await makeTag(ws, "statistic");
    const before = await db().statement.findUniqueOrThrow({ where: { id: statement.id }, select: { updatedAt: true } });
    const dto = await highlightQuote(desk.checker, ws, statement, "303 people", { tagIds: [tag.id, tag.id] });

    const row = await db().highlight.findUniqueOrThrow({ where: { id: dto.id }, include: { claim: { include: { tags: true } } } });
    expect(row).toMatchObject({ orphaned: false, deletedAt: null, deletedById: null, createdAt: dto.createdAt, updatedAt: dto.createdAt, kind: "claim", body: "" });
    expect(row.claim).toMatchObject({ id: dto.claim!.id, status: "to_check", assigneeId: null, createdAt: dto.createdAt });
    expect(row.claim!.tags).toEqual([{ claimId: dto.claim!.id, tagId: tag.id }]);
    expect(dto.id).toMatch(/^c[0-9a-z]{20,30}$/);
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: ws, entityId: dto.id } });
    expect(event.at).toEqual(dto.createdAt);
    expect(JSON.parse(event.data)).toEqual({ statementId: statement.id, kind: "claim", exact: "303 people", claimId: dto.claim!.id });
    const after = await db().statement.findUniqueOrThrow({ where: { id: statement.id }, select: { updatedAt: true, claimCount: true } });
    expect(after.claimCount).toBe(1);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());

    // The raw insert's dates are stored in the same form as Prisma's (text on SQLite, timestamp on PostgreSQL).
    const prismaMade = await db().activityEvent.create({ data: { workspaceId: ws, action: "test.ping", entityType: "test", entityId: "x" } });
    const stored = await db().$queryRaw<Array<{ id: string; at: string }>>(
      sql`SELECT "id", CAST("at" AS TEXT) AS "at" FROM "ActivityEvent" WHERE "id" IN (${join([prismaMade.id, event.id])})`,
    );
    // PostgreSQL's text form drops trailing zeros of the milliseconds (all of them at .000):
    // compare the shape without the fraction.
    const shape = (s: string) => s.replace(/\.\d+/, "").replace(/\d/g, "9");
    expect(stored).toHaveLength(2);
    expect(shape(stored[0]!.at)).toBe(shape(stored[1]!.at));

    // And the listed DTO equals the one createHighlight returned (without the echo field).
    const listed = await listAnnotations(desk.checker, { workspaceId: ws, statementId: statement.id });
    expect(listed.highlights).toEqual([dto]);
  });

  it("never serves another desk's revision text from the cache", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "Cached text of the first desk, with 303 people.");
    await highlightQuote(desk.checker, ws, statement, "303 people");
    const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId: statement.id }, select: { id: true } });
    expect(revisionTexts.has(revision.id)).toBe(true);
    const input = { statementId: statement.id, revisionNumber: 1, start: 0, end: 6, kind: "claim" as const };
    // The outsider is admin of their own desk: naming it, or ours, reaches nothing.
    await expect(createHighlight(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toThrow(/Statement not found/);
    await expect(createHighlight(desk.outsider, { ...input, workspaceId: ws })).rejects.toThrow(/Workspace not found/);
    await expect(createHighlight(desk.viewer, { ...input, workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    expect(await db().highlight.count({ where: { statementId: statement.id } })).toBe(1);
  });

  it("reports bad input only to members: an outsider with bad input still gets NotFound", async () => {
    const desk = await makeDesk();
    const statement = await makeStatement(desk.checker, desk.workspace.id);
    const bad = { workspaceId: desk.workspace.id, statementId: statement.id, revisionNumber: 1, start: -3, end: 2, kind: "quote" } as never;
    await expect(createHighlight(desk.outsider, bad)).rejects.toBeInstanceOf(NotFound);
    await expect(createHighlight(desk.viewer, bad)).rejects.toBeInstanceOf(Forbidden);
    await expect(createHighlight(desk.checker, bad)).rejects.toThrow(/correct the highlighted fields/);
  });
});

describe("insertHighlight", () => {
  async function world() {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "First version of the text, with 303 people.");
    const revision = await db().statementRevision.findFirstOrThrow({ where: { statementId: statement.id }, select: { id: true } });
    const write = (tagIds: string[]) => ({
      id: newId(), workspaceId: ws, statementId: statement.id, revisionNumber: 1, revisionId: revision.id, authorId: desk.checker.userId,
      start: 0, end: 5, exact: "First", prefix: "", suffix: " version", kind: "claim" as const, body: "",
      claim: { id: newId(), claimReviewed: "First", tagIds }, activityData: "{}", at: new Date(),
    });
    return { desk, ws, statement, write };
  }

  it("writes nothing and says so when a correction moved the text on after the checks (the in-transaction guard)", async () => {
    const { desk, ws, statement, write } = await world();
    await db().$transaction(async (tx) => {
      const r = await tx.statementRevision.create({ data: { statementId: statement.id, number: 2, text: "Second version.", createdById: desk.editor.userId } });
      await tx.statement.update({ where: { id: statement.id }, data: { currentRevision: r.number } });
    });
    const before = await annotationSnapshot(ws);
    expect(await insertHighlight(write([]))).toBe(false);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("rolls everything back and rethrows any other failure", async () => {
    const { ws, write } = await world();
    const before = await annotationSnapshot(ws);
    await expect(insertHighlight(write(["no-such-tag"]))).rejects.toThrow();
    expect(await annotationSnapshot(ws)).toEqual(before);
  });
});

describe("RevisionTextCache", () => {
  it("keeps the most recently used texts within its character budget", () => {
    const cache = new RevisionTextCache(10);
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    expect(cache.get("a")).toBe("aaaa"); // a is now the most recent
    cache.set("c", "cccc"); // 12 chars: b, the least recent, goes
    expect(cache.has("b")).toBe(false);
    expect(cache.get("a")).toBe("aaaa");
    expect(cache.get("c")).toBe("cccc");
    cache.set("huge", "x".repeat(11)); // larger than the whole cache: not kept
    expect(cache.has("huge")).toBe(false);
    expect(cache.has("a")).toBe(true);
  });
});

describe("accessFromRow", () => {
  const row = { wsId: "w1", wsSlug: "desk", wsName: "Desk" };
  it("decides like requireRole", () => {
    expect(accessFromRow({ ...row, role: "checker" }, "checker")).toEqual({ id: "w1", slug: "desk", name: "Desk", role: "checker" });
    expect(() => accessFromRow(undefined, "viewer")).toThrow(NotFound);
    expect(() => accessFromRow({ ...row, role: "owner" }, "viewer")).toThrow(NotFound);
    expect(() => accessFromRow({ role: null, wsId: null, wsSlug: null, wsName: null }, "viewer")).toThrow(NotFound);
    expect(() => accessFromRow({ ...row, role: "viewer" }, "checker")).toThrow("This needs the checker role or higher; you are a viewer in this workspace.");
  });
});

describe("newId", () => {
  it("makes distinct cuid-shaped ids", () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{20,30}$/);
  });
});
