import { describe, expect, it } from "vitest";
import { annotationSnapshot, highlightQuote, makeStatement, makeTag } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { updateClaim } from "./claims";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { deleteHighlight } from "./highlights";

async function setup() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const statement = await makeStatement(desk.checker, ws);
  const [statistic, date] = await Promise.all([makeTag(ws, "statistic"), makeTag(ws, "date", "#7a8b99")]);
  const highlight = await highlightQuote(desk.checker, ws, statement, "303 people", { tagIds: [statistic.id] });
  return { desk, ws, statement, statistic, date, highlight, claimId: highlight.claim!.id };
}

describe("updateClaim", () => {
  it("edits the claim reviewed, status, assignee and tags (any checker) and records what changed", async () => {
    const { desk, ws, statistic, date, claimId } = await setup();
    const result = await updateClaim(desk.editor, {
      workspaceId: ws, claimId, claimReviewed: "  The ministry said\n303 people were hurt ", status: "researching", assigneeId: desk.checker.userId, tagIds: [date.id],
    });
    expect(result).toMatchObject({
      id: claimId, claimReviewed: "The ministry said 303 people were hurt", status: "researching",
      assignee: { id: desk.checker.userId, name: desk.checker.name }, tags: [{ id: date.id, name: "date" }],
    });
    const row = await db().claim.findUniqueOrThrow({ where: { id: claimId }, include: { tags: true } });
    expect(row).toMatchObject({ status: "researching", assigneeId: desk.checker.userId });
    expect(row.tags.map((t) => t.tagId)).toEqual([date.id]);
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: ws, action: "claim.updated", entityId: claimId } });
    expect(JSON.parse(event.data)).toMatchObject({ status: { from: "to_check", to: "researching" }, tags: { added: [date.id], removed: [statistic.id] } });

    const unassigned = await updateClaim(desk.checker, { workspaceId: ws, claimId, assigneeId: null, status: "to_check" });
    expect(unassigned).toMatchObject({ assignee: null, status: "to_check" });
  });

  it("refuses outsiders (not found) and viewers (forbidden), changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const before = await annotationSnapshot(ws);
    const input = { workspaceId: ws, claimId, status: "researching" as const };
    await expect(updateClaim(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(updateClaim(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(updateClaim(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("refuses bad statuses, assignees and tags with field messages, changing nothing", async () => {
    const { desk, ws, claimId } = await setup();
    const foreign = await makeTag(desk.otherWorkspace.id);
    const retired = await makeTag(ws, "old", "#aabbcc", true);
    const before = await annotationSnapshot(ws);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ status: "checked" }, "status", /follow from the claim's verdict/],
      [{ status: "in_review" }, "status", /follow from the claim's verdict/],
      [{ status: "done" }, "status", /to check or researching/],
      [{ assigneeId: desk.viewer.userId }, "assigneeId", /checker, editor or admin/],
      [{ assigneeId: desk.outsider.userId }, "assigneeId", /checker, editor or admin/],
      [{ tagIds: [foreign.id] }, "tagIds", /does not exist in this workspace/],
      [{ tagIds: ["nope"] }, "tagIds", /does not exist in this workspace/],
      [{ tagIds: [retired.id] }, "tagIds", /retired/],
      [{ claimReviewed: " \n " }, "claimReviewed", /Write the claim/],
      [{ claimReviewed: "x".repeat(281) }, "claimReviewed", /at most 280/],
    ];
    for (const [change, field, message] of cases) {
      const error = await updateClaim(desk.checker, { workspaceId: ws, claimId, ...change } as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(change)).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" "), JSON.stringify(change)).toMatch(message);
    }
    await expect(updateClaim(desk.checker, { workspaceId: ws, claimId })).rejects.toThrow(/Nothing to change/);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("leaves a status set by the verdict workflow alone and hides claims of deleted highlights", async () => {
    const { desk, ws, highlight, claimId } = await setup();
    await db().claim.update({ where: { id: claimId }, data: { status: "in_review" } });
    await expect(updateClaim(desk.checker, { workspaceId: ws, claimId, status: "researching" })).rejects.toBeInstanceOf(Conflict);
    await expect(updateClaim(desk.checker, { workspaceId: ws, claimId, claimReviewed: "Still editable" })).resolves.toMatchObject({ status: "in_review" });
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: highlight.id });
    await expect(updateClaim(desk.checker, { workspaceId: ws, claimId, claimReviewed: "Gone" })).rejects.toBeInstanceOf(NotFound);
  });
});
