import { describe, expect, it } from "vitest";
import type { PhrasePart } from "../activity-phrases";
import { makeCommentDesk, nameOf } from "../../test/comment-factories";
import { makeDesk } from "../../test/factories";
import { listActivity, listActivityFilters, SYSTEM_ACTOR } from "./activity-log";
import { updateClaim } from "./claims";
import { createComment } from "./comments";
import { db } from "./db";
import { Forbidden, Invalid, NotFound } from "./errors";

function text(parts: PhrasePart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.quoted ? `“${p.text}”` : p.text)).join("");
}

/** Events at fixed times (two share one instant), for ordering, paging and date filters. */
async function seedEvents() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const rows = [
    { at: "2026-01-31T23:59:59.999Z", actorId: desk.admin.userId, action: "tag.created", entityType: "tag", data: { name: "a", color: "#000000" } },
    { at: "2026-02-01T00:00:00.000Z", actorId: desk.checker.userId, action: "statement.imported", entityType: "statement", data: { title: "First" } },
    { at: "2026-02-01T12:00:00.000Z", actorId: desk.checker.userId, action: "claim.updated", entityType: "claim", data: { status: { from: "to_check", to: "researching" } } },
    { at: "2026-02-01T12:00:00.000Z", actorId: desk.editor.userId, action: "claim.updated", entityType: "claim", data: {} },
    { at: "2026-02-02T08:00:00.000Z", actorId: null, action: "rating_scale.created", entityType: "rating_scale", data: { name: "Truth scale", starter: true } },
    { at: "2026-02-03T00:00:00.000Z", actorId: desk.editor.userId, action: "verdict.approved", entityType: "verdict", data: { claimId: "gone" } },
    { at: "2026-02-03T09:30:00.000Z", actorId: desk.checker.userId, action: "source.archived", entityType: "source", data: { attempts: 2 } },
  ];
  const ids: string[] = [];
  for (const row of rows) {
    const created = await db().activityEvent.create({
      data: { ...row, workspaceId: ws, entityId: `entity-${ids.length}`, at: new Date(row.at), data: JSON.stringify(row.data) },
    });
    ids.push(created.id);
  }
  // Newest first; of the two at one instant, the larger id first.
  const tied = [ids[2]!, ids[3]!].sort().reverse();
  const newestFirst = [ids[6]!, ids[5]!, ids[4]!, ...tied, ids[1]!, ids[0]!];
  return { desk, ws, ids, newestFirst };
}

async function allPages(actor: Parameters<typeof listActivity>[0], input: Parameters<typeof listActivity>[1]) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listActivity(actor, { ...input, cursor });
    seen.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

describe("listActivity", () => {
  it("lets editors and admins read the log, newest first; checkers and viewers are refused, outsiders see nothing", async () => {
    const { desk, ws, newestFirst } = await seedEvents();
    for (const reader of [desk.editor, desk.admin]) {
      const log = await listActivity(reader, { workspaceId: ws });
      expect(log.items.map((i) => i.id)).toEqual(newestFirst);
      expect(log.nextCursor).toBeNull();
    }
    await expect(listActivity(desk.checker, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(listActivity(desk.viewer, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(listActivity(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    await expect(listActivityFilters(desk.checker, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(listActivityFilters(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    await expect(listActivityFilters(desk.editor, { workspaceId: ws })).resolves.toMatchObject({ actors: expect.any(Array) });
    // The outsider's own log holds none of this workspace's events.
    const own = await listActivity(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    expect(own.items.some((i) => newestFirst.includes(i.id))).toBe(false);
  });

  it("pages with a cursor through every event exactly once, ties included", async () => {
    const { desk, ws, newestFirst } = await seedEvents();
    const first = await listActivity(desk.editor, { workspaceId: ws, pageSize: 2 });
    expect(first.items.map((i) => i.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.nextCursor).not.toBeNull();
    for (const size of [1, 2, 3, 4, 7]) {
      expect(await allPages(desk.editor, { workspaceId: ws, pageSize: size }), `page size ${size}`).toEqual(newestFirst);
    }
    await expect(listActivity(desk.editor, { workspaceId: ws, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(Invalid);
  });

  it("filters by actor, kind of thing, action and whole days, and pages within the filter", async () => {
    const { desk, ws, ids } = await seedEvents();
    const ofIds = async (input: Omit<Parameters<typeof listActivity>[1], "workspaceId">) =>
      (await listActivity(desk.editor, { workspaceId: ws, ...input })).items.map((i) => ids.indexOf(i.id));
    expect(await ofIds({ actorId: desk.checker.userId })).toEqual([6, 2, 1]);
    expect(await ofIds({ actorId: SYSTEM_ACTOR })).toEqual([4]);
    expect(await ofIds({ entityType: "claim" })).toEqual((await ofIds({ action: "claim.updated" })));
    expect((await ofIds({ entityType: "claim" })).sort()).toEqual([2, 3]);
    expect(await ofIds({ action: "verdict.approved" })).toEqual([5]);
    // "To" includes the whole day; "from" starts at its midnight.
    expect(await ofIds({ from: "2026-02-01", to: "2026-02-01" })).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(await ofIds({ from: "2026-02-01", to: "2026-02-01" })).toHaveLength(3);
    expect(await ofIds({ to: "2026-01-31" })).toEqual([0]);
    expect(await ofIds({ from: "2026-02-03" })).toEqual([6, 5]);
    expect(await ofIds({ actorId: desk.checker.userId, from: "2026-02-01", to: "2026-02-02" })).toEqual([2, 1]);
    expect(await ofIds({ actorId: "", entityType: "", action: "", from: "", to: "" })).toHaveLength(7);
    expect(await allPages(desk.editor, { workspaceId: ws, actorId: desk.checker.userId, pageSize: 1 })).toEqual([ids[6], ids[2], ids[1]]);
    expect(await ofIds({ actorId: desk.outsider.userId })).toEqual([]);
  });

  it("refuses malformed filters with a field message", async () => {
    const { desk, ws } = await seedEvents();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ from: "01/02/2026" }, "from", /like 2026-03-01/],
      [{ to: "2026-02-30" }, "to", /does not exist/],
      [{ from: "2026-02-03", to: "2026-02-01" }, "to", /before the start date/],
      [{ action: "DROP TABLE" }, "action", /from the list/],
      [{ entityType: "claim'--" }, "entityType", /from the list/],
    ];
    for (const [filter, field, message] of cases) {
      const error = await listActivity(desk.editor, { workspaceId: ws, ...filter } as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(filter)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" "), JSON.stringify(filter)).toMatch(message);
    }
  });

  it("offers the actors and kinds of change that occur as filter choices", async () => {
    const { desk, ws } = await seedEvents();
    const { filters } = await listActivity(desk.editor, { workspaceId: ws });
    const adminName = await nameOf(desk.admin);
    expect(filters.actors.map((a) => a.name).sort()).toEqual([adminName, desk.checker.name, desk.editor.name, "Factdesk (automatic)"].sort());
    expect(filters.kinds.find((k) => k.entityType === "claim")).toEqual({ entityType: "claim", label: "claim", actions: [{ action: "claim.updated", label: "Claim updated" }] });
    expect(filters.kinds.find((k) => k.entityType === "source")?.actions).toEqual([{ action: "source.archived", label: "Source archived" }]);
  });

  it("says each real event in words, naming people and linking the claim", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    await updateClaim(desk.editor, { workspaceId: ws, claimId, status: "researching", assigneeId: desk.checker.userId });
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: `@${desk.editor.name} done` });
    const log = await listActivity(desk.admin, { workspaceId: ws });
    const [commented, updated] = log.items;
    expect(commented).toMatchObject({ action: "comment.created", actor: { id: desk.checker.userId, name: desk.checker.name }, actionLabel: "Comment posted" });
    expect(commented!.parts).toContainEqual(expect.objectContaining({ ref: { kind: "comment", claimId, commentId: comment.id } }));
    expect(commented!.details).toEqual([{ label: "mentioned", value: desk.editor.name }]);
    expect(text(updated!.parts)).toMatch(/^updated the claim “303 people claim-/);
    expect(updated!.details).toEqual([
      { label: "status", from: "to check", to: "researching" },
      { label: "assignee", from: "nobody", to: desk.checker.name },
    ]);
    expect(log.items.map((i) => i.action)).toEqual(["comment.created", "claim.updated", "highlight.created", "statement.imported"]);
  });

  it("never names another workspace's claims, even if an event's data pointed at one", async () => {
    const { desk, ws } = await makeCommentDesk();
    const foreign = await makeCommentDesk();
    await db().activityEvent.create({
      data: { workspaceId: ws, actorId: desk.editor.userId, action: "verdict.approved", entityType: "verdict", entityId: "v", data: JSON.stringify({ claimId: foreign.claimId }) },
    });
    const [item] = (await listActivity(desk.editor, { workspaceId: ws, action: "verdict.approved" })).items;
    expect(text(item!.parts)).toBe("approved the verdict on a claim that no longer exists");
  });
});
