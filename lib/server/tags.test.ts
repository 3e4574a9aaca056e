import { describe, expect, it } from "vitest";
import { annotationSnapshot, highlightQuote, makeStatement, makeTag } from "../../test/annotation-factories";
import { makeDesk } from "../../test/factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { deleteHighlight } from "./highlights";
import { createTag, listTags, mergeTags, recolorTag, renameTag, restoreTag, retireTag } from "./tags";

async function eventsOf(workspaceId: string, action: string) {
  return db().activityEvent.findMany({ where: { workspaceId, action } });
}

describe("tags", () => {
  it("lists tags by name with live usage counts; retired ones only on request", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws);
    const [law, date] = await Promise.all([makeTag(ws, "law"), makeTag(ws, "date")]);
    await makeTag(ws, "archived", "#111111", true);
    await highlightQuote(desk.checker, ws, statement, "303", { tagIds: [law.id, date.id] });
    const gone = await highlightQuote(desk.checker, ws, statement, "people", { tagIds: [law.id] });
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId: gone.id });
    expect(await listTags(desk.viewer, { workspaceId: ws })).toEqual([
      { id: date.id, name: "date", color: "#4f7cac", retired: false, usage: 1 },
      { id: law.id, name: "law", color: "#4f7cac", retired: false, usage: 1 },
    ]);
    expect((await listTags(desk.viewer, { workspaceId: ws, includeRetired: true })).map((t) => t.name)).toEqual(["archived", "date", "law"]);
    await expect(listTags(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
  });

  it("creates, renames, recolours, retires and restores, recording each", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const tag = await createTag(desk.editor, { workspaceId: ws, name: "  Public   health ", color: "#5D9A6B" });
    expect(tag).toMatchObject({ name: "Public health", color: "#5d9a6b", retired: false, usage: 0 });
    expect(await renameTag(desk.editor, { workspaceId: ws, tagId: tag.id, name: "health" })).toMatchObject({ name: "health" });
    expect(await renameTag(desk.editor, { workspaceId: ws, tagId: tag.id, name: "Health" })).toMatchObject({ name: "Health" });
    expect(await recolorTag(desk.admin, { workspaceId: ws, tagId: tag.id, color: "#123abc" })).toMatchObject({ color: "#123abc" });
    expect(await retireTag(desk.editor, { workspaceId: ws, tagId: tag.id })).toMatchObject({ retired: true });
    expect(await restoreTag(desk.editor, { workspaceId: ws, tagId: tag.id })).toMatchObject({ retired: false });
    for (const action of ["tag.created", "tag.recolored", "tag.retired", "tag.restored"]) expect(await eventsOf(ws, action)).toHaveLength(1);
    expect(await eventsOf(ws, "tag.renamed")).toHaveLength(2);
  });

  it("refuses duplicate names (any case), bad names and colours, with field messages", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statistic = await makeTag(ws, "statistic");
    await makeTag(ws, "old", "#222222", true);
    const before = await annotationSnapshot(ws);
    const cases: Array<[() => Promise<unknown>, string, RegExp]> = [
      [() => createTag(desk.editor, { workspaceId: ws, name: "Statistic", color: "#aabbcc" }), "name", /already a tag called “statistic”/],
      [() => createTag(desk.editor, { workspaceId: ws, name: "OLD", color: "#aabbcc" }), "name", /retired tag .* restore it/],
      [() => createTag(desk.editor, { workspaceId: ws, name: "   ", color: "#aabbcc" }), "name", /Enter a name/],
      [() => createTag(desk.editor, { workspaceId: ws, name: "x".repeat(41), color: "#aabbcc" }), "name", /at most 40/],
      [() => createTag(desk.editor, { workspaceId: ws, name: "fine", color: "red" }), "color", /#rrggbb/],
      [() => createTag(desk.editor, { workspaceId: ws, name: "fine", color: "#abc" }), "color", /#rrggbb/],
      [() => recolorTag(desk.editor, { workspaceId: ws, tagId: statistic.id, color: "#ggg000" }), "color", /#rrggbb/],
      [() => renameTag(desk.editor, { workspaceId: ws, tagId: statistic.id, name: "old" }), "name", /retired tag/],
    ];
    for (const [run, field, message] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.[field]?.join(" ")).toMatch(message);
    }
    await expect(retireTag(desk.editor, { workspaceId: ws, tagId: statistic.id }).then(() => retireTag(desk.editor, { workspaceId: ws, tagId: statistic.id }))).rejects.toBeInstanceOf(Conflict);
    await restoreTag(desk.editor, { workspaceId: ws, tagId: statistic.id });
    const after = await annotationSnapshot(ws);
    expect(after.tags).toEqual(before.tags);
  });

  it("refuses outsiders (not found), checkers and viewers (forbidden) on every change, changing nothing", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const [a, b] = await Promise.all([makeTag(ws, "a"), makeTag(ws, "b")]);
    const foreign = await makeTag(desk.otherWorkspace.id, "foreign");
    const before = await annotationSnapshot(ws);
    const calls = (actor: { userId: string }, workspaceId = ws) => [
      () => createTag(actor, { workspaceId, name: "new", color: "#aabbcc" }),
      () => renameTag(actor, { workspaceId, tagId: a.id, name: "renamed" }),
      () => recolorTag(actor, { workspaceId, tagId: a.id, color: "#aabbcc" }),
      () => retireTag(actor, { workspaceId, tagId: a.id }),
      () => restoreTag(actor, { workspaceId, tagId: a.id }),
      () => mergeTags(actor, { workspaceId, sourceTagId: a.id, targetTagId: b.id }),
    ];
    for (const call of calls(desk.outsider)) await expect(call()).rejects.toBeInstanceOf(NotFound);
    // The outsider as admin of their own desk still cannot reach this desk's tags.
    for (const call of calls(desk.outsider, desk.otherWorkspace.id).slice(1)) await expect(call()).rejects.toBeInstanceOf(NotFound);
    for (const call of calls(desk.checker)) await expect(call()).rejects.toBeInstanceOf(Forbidden);
    for (const call of calls(desk.viewer)) await expect(call()).rejects.toBeInstanceOf(Forbidden);
    await expect(mergeTags(desk.editor, { workspaceId: ws, sourceTagId: a.id, targetTagId: foreign.id })).rejects.toBeInstanceOf(NotFound);
    const same = await mergeTags(desk.editor, { workspaceId: ws, sourceTagId: a.id, targetTagId: a.id }).catch((e: unknown) => e);
    expect((same as Invalid).fieldErrors?.targetTagId).toEqual(["Choose two different tags."]);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });

  it("merges overlapping claim sets without duplicates and deletes the source", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const statement = await makeStatement(desk.checker, ws, "One two three four five six seven.");
    const [numbers, figures, other] = await Promise.all([makeTag(ws, "numbers"), makeTag(ws, "figures"), makeTag(ws, "other")]);
    const both = await highlightQuote(desk.checker, ws, statement, "One", { tagIds: [numbers.id, figures.id] });
    const sourceOnly = await highlightQuote(desk.checker, ws, statement, "two", { tagIds: [numbers.id, other.id] });
    const targetOnly = await highlightQuote(desk.checker, ws, statement, "three", { tagIds: [figures.id] });
    const result = await mergeTags(desk.editor, { workspaceId: ws, sourceTagId: numbers.id, targetTagId: figures.id });
    expect(result).toMatchObject({ moved: 1, alreadyTagged: 1, target: { id: figures.id, usage: 3 } });
    expect(await db().tag.findUnique({ where: { id: numbers.id } })).toBeNull();
    const tagsOf = async (claimId: string) => (await db().claimTag.findMany({ where: { claimId } })).map((t) => t.tagId).sort();
    expect(await tagsOf(both.claim!.id)).toEqual([figures.id]);
    expect(await tagsOf(sourceOnly.claim!.id)).toEqual([figures.id, other.id].sort());
    expect(await tagsOf(targetOnly.claim!.id)).toEqual([figures.id]);
    const [event] = await eventsOf(ws, "tag.merged");
    expect(JSON.parse(event!.data)).toMatchObject({ source: { name: "numbers" }, target: { name: "figures" }, moved: 1, alreadyTagged: 1 });
  });

  it("refuses to merge into a retired tag", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const [a, b] = await Promise.all([makeTag(ws, "a"), makeTag(ws, "b", "#123456", true)]);
    const before = await annotationSnapshot(ws);
    const error = await mergeTags(desk.editor, { workspaceId: ws, sourceTagId: a.id, targetTagId: b.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors?.targetTagId?.[0]).toMatch(/retired/);
    expect(await annotationSnapshot(ws)).toEqual(before);
  });
});
