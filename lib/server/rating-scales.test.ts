import { describe, expect, it } from "vitest";
import { highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk, makeUser } from "../../test/factories";
import { STARTER_RATING_LEVELS } from "../starter-taxonomy";
import { claimReviewRating } from "../verdicts/rating-scale";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import type { Actor } from "./permissions";
import {
  createRatingLevel,
  deleteRatingLevel,
  getRatingScale,
  moveRatingLevel,
  reorderRatingLevels,
  restoreRatingLevel,
  retireRatingLevel,
  setRatingLevelInOrder,
  updateRatingLevel,
  type RatingScaleDTO,
} from "./rating-scales";
import { createWorkspace } from "./workspaces";

/** A desk with its (starter) scale, the level ids by label. */
async function makeScaleDesk() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const scale = await getRatingScale(desk.viewer, { workspaceId: ws });
  const id = Object.fromEntries(scale.levels.map((l) => [l.label, l.id])) as Record<string, string>;
  return { desk, ws, scale, id };
}

/** Everything a scale edit may write: the levels and the workspace's activity log. */
async function scaleSnapshot(workspaceId: string) {
  const [levels, events] = await Promise.all([
    db().ratingLevel.findMany({ where: { scale: { workspaceId } }, orderBy: { id: "asc" } }),
    db().activityEvent.count({ where: { workspaceId } }),
  ]);
  return { levels, events };
}

/** A verdict rated with the level, made directly: the verdict service is not this module's. */
async function makeVerdict(checker: Actor, workspaceId: string, levelId: string | null, versionLevelId?: string) {
  const statement = await makeStatement(checker, workspaceId);
  const highlight = await highlightQuote(checker, workspaceId, statement, "303");
  const verdict = await db().verdict.create({ data: { claimId: highlight.claim!.id, levelId, authorId: checker.userId, summary: "Wrong." } });
  if (versionLevelId) {
    await db().verdictVersion.create({
      data: { verdictId: verdict.id, version: 1, levelId: versionLevelId, summary: "Wrong.", explanation: "", submittedById: checker.userId },
    });
  }
  return verdict;
}

async function eventsOf(workspaceId: string, action: string) {
  const rows = await db().activityEvent.findMany({ where: { workspaceId, action }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ actorId: r.actorId, entityType: r.entityType, entityId: r.entityId, data: JSON.parse(r.data) as Record<string, unknown> }));
}

const rows = (scale: RatingScaleDTO) => scale.levels.map((l) => [l.label, l.position, l.ordinal, l.retired]);

async function refusal(run: () => Promise<unknown>) {
  return run().then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => error as Error & { fieldErrors?: Record<string, string[]> },
  );
}

describe("getRatingScale", () => {
  it("gives a new workspace the common fact-checking scale, truest first, levels outside the order after", async () => {
    const user = await makeUser();
    const ws = await createWorkspace(user, { name: "Scale desk" });
    const scale = await getRatingScale(user, { workspaceId: ws.id });
    expect(scale.name).toBe("Truth scale");
    expect(rows(scale)).toEqual([
      ["True", 0, 5, false],
      ["Mostly true", 1, 4, false],
      ["Half true", 2, 3, false],
      ["Mostly false", 3, 2, false],
      ["False", 4, 1, false],
      ["Misleading", 5, null, false],
      ["Unproven", 6, null, false],
    ]);
    expect(scale.levels[0]).toEqual({
      id: expect.any(String),
      label: "True",
      color: STARTER_RATING_LEVELS[0]!.color,
      description: STARTER_RATING_LEVELS[0]!.description,
      ordinal: 5,
      position: 0,
      retired: false,
      usage: 0,
      inUse: false,
    });
    // Reading does not add a second scale or an event.
    await getRatingScale(user, { workspaceId: ws.id });
    expect(await db().ratingScale.count({ where: { workspaceId: ws.id } })).toBe(1);
    expect(await eventsOf(ws.id, "rating_scale.created")).toEqual([]);
  });

  it("gives a desk made before scales existed the starter scale once, on first look, by no one", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const [a, b] = await Promise.all([getRatingScale(desk.viewer, { workspaceId: ws }), getRatingScale(desk.checker, { workspaceId: ws })]);
    expect(a).toEqual(b);
    expect(a.levels.map((l) => l.label)).toEqual(STARTER_RATING_LEVELS.map((l) => l.label));
    expect(await db().ratingLevel.count({ where: { scale: { workspaceId: ws } } })).toBe(STARTER_RATING_LEVELS.length);
    expect(await eventsOf(ws, "rating_scale.created")).toEqual([
      { actorId: null, entityType: "rating_scale", entityId: a.id, data: { name: "Truth scale", starter: true } },
    ]);
  });

  it("leaves retired levels out unless asked, and counts the verdicts using each level", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    await makeVerdict(desk.checker, ws, id.False!);
    await makeVerdict(desk.checker, ws, id.False!);
    await makeVerdict(desk.checker, ws, id.True!, id.Misleading!);
    await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven! });
    const active = await getRatingScale(desk.viewer, { workspaceId: ws });
    expect(active.levels.map((l) => l.label)).not.toContain("Unproven");
    const all = await getRatingScale(desk.viewer, { workspaceId: ws, includeRetired: true });
    expect(all.levels.at(-1)).toMatchObject({ label: "Unproven", retired: true, position: 6, usage: 0, inUse: false });
    const byLabel = Object.fromEntries(all.levels.map((l) => [l.label, [l.usage, l.inUse]]));
    expect(byLabel).toMatchObject({ False: [2, true], True: [1, true], Misleading: [0, true], "Half true": [0, false] });
  });

  it("is not found for an outsider, even for one who is admin elsewhere", async () => {
    const { desk, ws } = await makeScaleDesk();
    await expect(getRatingScale(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    await expect(getRatingScale(desk.outsider, { workspaceId: "" })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("editing the scale", () => {
  it("adds a level to the truth order as its least true level, or after the levels outside it", async () => {
    const { desk, ws } = await makeScaleDesk();
    const fire = await createRatingLevel(desk.editor, {
      workspaceId: ws,
      label: "  Pants   on fire ",
      color: "#7A1F1F",
      description: " Not only false but ridiculous. ",
      inOrder: "on",
    });
    expect(fire).toMatchObject({ label: "Pants on fire", color: "#7a1f1f", description: "Not only false but ridiculous.", ordinal: 1, position: 5, retired: false });
    const opinion = await createRatingLevel(desk.admin, { workspaceId: ws, label: "Opinion", color: "#777777" });
    expect(opinion).toMatchObject({ ordinal: null, position: 8, description: "" });
    expect(rows(await getRatingScale(desk.viewer, { workspaceId: ws }))).toEqual([
      ["True", 0, 6, false],
      ["Mostly true", 1, 5, false],
      ["Half true", 2, 4, false],
      ["Mostly false", 3, 3, false],
      ["False", 4, 2, false],
      ["Pants on fire", 5, 1, false],
      ["Misleading", 6, null, false],
      ["Unproven", 7, null, false],
      ["Opinion", 8, null, false],
    ]);
    expect(await eventsOf(ws, "rating_level.created")).toEqual([
      {
        actorId: desk.editor.userId,
        entityType: "rating_level",
        entityId: fire.id,
        data: { label: "Pants on fire", color: "#7a1f1f", description: "Not only false but ridiculous.", inOrder: true },
      },
      { actorId: desk.admin.userId, entityType: "rating_level", entityId: opinion.id, data: { label: "Opinion", color: "#777777", description: "", inOrder: false } },
    ]);
  });

  it("renames, recolours and re-describes a level in one change, recording what changed", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    const result = await updateRatingLevel(desk.editor, {
      workspaceId: ws,
      levelId: id["Half true"]!,
      label: "Mixture",
      color: "#B38F2A",
      description: "Both accurate and inaccurate parts.",
    });
    expect(result.changed).toEqual(["label", "description"]);
    expect(result.level).toMatchObject({ label: "Mixture", color: "#b38f2a", description: "Both accurate and inaccurate parts.", ordinal: 3, position: 2 });
    // Changing only the case of a label is a rename too.
    expect((await updateRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Half true"]!, label: "MIXTURE", color: "#b38f2a", description: "Both accurate and inaccurate parts." })).changed).toEqual(["label"]);
    const events = await eventsOf(ws, "rating_level.updated");
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      actorId: desk.editor.userId,
      entityType: "rating_level",
      entityId: id["Half true"],
      data: {
        label: "Mixture",
        changes: {
          label: { from: "Half true", to: "Mixture" },
          description: { from: STARTER_RATING_LEVELS[2]!.description, to: "Both accurate and inaccurate parts." },
        },
      },
    });
  });

  it("saves nothing and records nothing when nothing changed", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    const before = await scaleSnapshot(ws);
    const result = await updateRatingLevel(desk.editor, { workspaceId: ws, levelId: id.True!, label: "True ", color: "#2F7D4F", description: STARTER_RATING_LEVELS[0]!.description });
    expect(result.changed).toEqual([]);
    expect(await scaleSnapshot(ws)).toEqual(before);
  });

  it("moves levels up and down within their group; the truth order and ClaimReview numbers follow", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    const moved = await moveRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly false"]!, direction: "up" });
    expect(moved).toMatchObject({ position: 2, ordinal: 3 });
    await moveRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven!, direction: "up" });
    const scale = await getRatingScale(desk.viewer, { workspaceId: ws });
    expect(scale.levels.map((l) => l.label)).toEqual(["True", "Mostly true", "Mostly false", "Half true", "False", "Unproven", "Misleading"]);
    expect(claimReviewRating(scale.levels, id["Half true"]!)).toEqual({ ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Half true" });

    const before = await scaleSnapshot(ws);
    const edge = await refusal(() => moveRatingLevel(desk.editor, { workspaceId: ws, levelId: id.True!, direction: "up" }));
    expect(edge).toBeInstanceOf(Conflict);
    expect(edge.message).toBe("“True” is already the truest level.");
    await expect(moveRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Misleading!, direction: "down" })).rejects.toBeInstanceOf(Conflict);
    await expect(moveRatingLevel(desk.editor, { workspaceId: ws, levelId: id.True!, direction: "sideways" as "up" })).rejects.toBeInstanceOf(Invalid);
    expect(await scaleSnapshot(ws)).toEqual(before);

    const events = await eventsOf(ws, "rating_scale.reordered");
    expect(events[0]).toEqual({
      actorId: desk.editor.userId,
      entityType: "rating_scale",
      entityId: scale.id,
      data: { moved: "Mostly false", direction: "up", order: ["True", "Mostly true", "Mostly false", "Half true", "False", "Misleading", "Unproven"] },
    });
  });

  it("reorders the whole scale at once, keeping the truth order before the levels outside it", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    const order = ["Misleading", "False", "Mostly false", "Half true", "Unproven", "Mostly true", "True"].map((label) => id[label]!);
    const scale = await reorderRatingLevels(desk.editor, { workspaceId: ws, orderedIds: order });
    expect(rows(scale)).toEqual([
      ["False", 0, 5, false],
      ["Mostly false", 1, 4, false],
      ["Half true", 2, 3, false],
      ["Mostly true", 3, 2, false],
      ["True", 4, 1, false],
      ["Misleading", 5, null, false],
      ["Unproven", 6, null, false],
    ]);
    expect((await eventsOf(ws, "rating_scale.reordered"))[0]?.data).toEqual({
      order: ["False", "Mostly false", "Half true", "Mostly true", "True", "Misleading", "Unproven"],
    });
  });

  it("takes a level out of the truth order and puts one in, renumbering the rest", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    expect(await setRatingLevelInOrder(desk.editor, { workspaceId: ws, levelId: id["Half true"]!, inOrder: false })).toMatchObject({ ordinal: null, position: 4 });
    expect(await setRatingLevelInOrder(desk.editor, { workspaceId: ws, levelId: id.Unproven!, inOrder: "on" })).toMatchObject({ ordinal: 1, position: 4 });
    expect(rows(await getRatingScale(desk.viewer, { workspaceId: ws }))).toEqual([
      ["True", 0, 5, false],
      ["Mostly true", 1, 4, false],
      ["Mostly false", 2, 3, false],
      ["False", 3, 2, false],
      ["Unproven", 4, 1, false],
      ["Half true", 5, null, false],
      ["Misleading", 6, null, false],
    ]);
    expect(await eventsOf(ws, "rating_level.taken_out_of_order")).toEqual([
      { actorId: desk.editor.userId, entityType: "rating_level", entityId: id["Half true"], data: { label: "Half true" } },
    ]);
    expect(await eventsOf(ws, "rating_level.put_in_order")).toHaveLength(1);
    await expect(setRatingLevelInOrder(desk.editor, { workspaceId: ws, levelId: id.True!, inOrder: true })).rejects.toBeInstanceOf(Conflict);
  });

  it("retires a level (its verdicts keep it) and restores it to where it was", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    const verdict = await makeVerdict(desk.checker, ws, id["Mostly true"]!);
    const retired = await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly true"]! });
    expect(retired).toMatchObject({ retired: true, ordinal: 4, position: 6, usage: 1 });
    const scale = await getRatingScale(desk.viewer, { workspaceId: ws, includeRetired: true });
    expect(rows(scale).slice(0, 4)).toEqual([
      ["True", 0, 4, false],
      ["Half true", 1, 3, false],
      ["Mostly false", 2, 2, false],
      ["False", 3, 1, false],
    ]);
    // The old verdict keeps a meaningful ClaimReview number.
    expect(claimReviewRating(scale.levels, id["Mostly true"]!)).toMatchObject({ ratingValue: 4, bestRating: 5 });
    expect((await db().verdict.findUniqueOrThrow({ where: { id: verdict.id } })).levelId).toBe(id["Mostly true"]);
    await expect(retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly true"]! })).rejects.toBeInstanceOf(Conflict);

    expect(await restoreRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly true"]! })).toMatchObject({ retired: false, ordinal: 4, position: 1 });
    expect(rows(await getRatingScale(desk.viewer, { workspaceId: ws, includeRetired: true }))).toEqual(
      STARTER_RATING_LEVELS.map((l, position) => [l.label, position, l.ordinal, false]),
    );
    await expect(restoreRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly true"]! })).rejects.toBeInstanceOf(Conflict);
    for (const action of ["rating_level.retired", "rating_level.restored"]) {
      expect(await eventsOf(ws, action)).toEqual([
        { actorId: desk.editor.userId, entityType: "rating_level", entityId: id["Mostly true"], data: { label: "Mostly true" } },
      ]);
    }
  });

  it("deletes an unused level, but only retires one a verdict or an earlier version of one uses", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    await makeVerdict(desk.checker, ws, id.False!);
    await makeVerdict(desk.checker, ws, id.True!, id.Misleading!);
    const before = await scaleSnapshot(ws);
    const inUse = await refusal(() => deleteRatingLevel(desk.editor, { workspaceId: ws, levelId: id.False! }));
    expect(inUse).toBeInstanceOf(Conflict);
    expect(inUse.message).toBe("“False” rates 1 verdict, so it cannot be deleted; retire it instead.");
    const inVersion = await refusal(() => deleteRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Misleading! }));
    expect(inVersion.message).toBe("“Misleading” appears in earlier versions of verdicts, so it cannot be deleted; retire it instead.");
    expect(await scaleSnapshot(ws)).toEqual(before);

    expect(await deleteRatingLevel(desk.editor, { workspaceId: ws, levelId: id["Mostly true"]! })).toEqual({ id: id["Mostly true"], label: "Mostly true" });
    expect(await db().ratingLevel.findUnique({ where: { id: id["Mostly true"]! } })).toBeNull();
    expect(rows(await getRatingScale(desk.viewer, { workspaceId: ws })).slice(0, 4)).toEqual([
      ["True", 0, 4, false],
      ["Half true", 1, 3, false],
      ["Mostly false", 2, 2, false],
      ["False", 3, 1, false],
    ]);
    expect(await eventsOf(ws, "rating_level.deleted")).toEqual([
      { actorId: desk.editor.userId, entityType: "rating_level", entityId: id["Mostly true"], data: { label: "Mostly true", color: STARTER_RATING_LEVELS[1]!.color } },
    ]);
    // A retired level nobody used may still be deleted.
    await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven! });
    await deleteRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven! });
    expect(await db().ratingLevel.count({ where: { scale: { workspaceId: ws } } })).toBe(5);
  });

  it("keeps at least two active levels in the truth order", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    for (const label of ["Mostly true", "Half true", "Mostly false"]) await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id[label]! });
    const before = await scaleSnapshot(ws);
    const message = "A scale needs at least two active levels in the truth order (for example True and False).";
    for (const run of [
      () => retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id.True! }),
      () => deleteRatingLevel(desk.editor, { workspaceId: ws, levelId: id.False! }),
      () => setRatingLevelInOrder(desk.editor, { workspaceId: ws, levelId: id.False!, inOrder: false }),
    ]) {
      const error = await refusal(run);
      expect(error).toBeInstanceOf(Invalid);
      expect(error.message).toBe(message);
      expect(error.fieldErrors).toEqual({ _form: [message] });
    }
    expect(await scaleSnapshot(ws)).toEqual(before);
  });

  it("lets concurrent edits of one scale take turns, none lost", async () => {
    const { desk, ws } = await makeScaleDesk();
    await Promise.all(["One", "Two", "Three"].map((label) => createRatingLevel(desk.editor, { workspaceId: ws, label, color: "#335577", inOrder: true })));
    const scale = await getRatingScale(desk.viewer, { workspaceId: ws });
    expect(scale.levels.map((l) => l.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(scale.levels.filter((l) => l.ordinal !== null).map((l) => l.ordinal)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(scale.levels.slice(5, 8).map((l) => l.label).sort()).toEqual(["One", "Three", "Two"]);
  });
});

describe("refusals", () => {
  it("refuses outsiders (not found) and checkers and viewers (forbidden) on every change, changing nothing", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    await getRatingScale(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    const before = await scaleSnapshot(ws);
    const calls = (actor: Actor, workspaceId = ws) => [
      () => createRatingLevel(actor, { workspaceId, label: "New", color: "#aabbcc" }),
      () => updateRatingLevel(actor, { workspaceId, levelId: id.True!, label: "Correct", color: "#aabbcc", description: "" }),
      () => moveRatingLevel(actor, { workspaceId, levelId: id.False!, direction: "up" }),
      () => reorderRatingLevels(actor, { workspaceId, orderedIds: Object.values(id).reverse() }),
      () => setRatingLevelInOrder(actor, { workspaceId, levelId: id.Misleading!, inOrder: true }),
      () => retireRatingLevel(actor, { workspaceId, levelId: id.True! }),
      () => restoreRatingLevel(actor, { workspaceId, levelId: id.True! }),
      () => deleteRatingLevel(actor, { workspaceId, levelId: id["Half true"]! }),
    ];
    for (const call of calls(desk.outsider)) await expect(call()).rejects.toBeInstanceOf(NotFound);
    // As admin of their own desk, the outsider still cannot reach this desk's levels by id (a new
    // order naming them is just an order with levels not on their scale).
    const [, ...byId] = calls(desk.outsider, desk.otherWorkspace.id);
    for (const [i, call] of byId.entries()) await expect(call()).rejects.toBeInstanceOf(i === 2 ? Invalid : NotFound);
    for (const call of calls(desk.checker)) await expect(call()).rejects.toBeInstanceOf(Forbidden);
    for (const call of calls(desk.viewer)) await expect(call()).rejects.toBeInstanceOf(Forbidden);
    expect(await scaleSnapshot(ws)).toEqual(before);
  });

  it("refuses bad labels, colours, descriptions and ids with field messages, writing nothing", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven! });
    const foreign = (await getRatingScale(desk.outsider, { workspaceId: desk.otherWorkspace.id })).levels[0]!;
    const before = await scaleSnapshot(ws);
    const create = (fields: Record<string, unknown>) => () => createRatingLevel(desk.editor, { workspaceId: ws, label: "Fine", color: "#aabbcc", ...fields } as never);
    const update = (fields: Record<string, unknown>) => () =>
      updateRatingLevel(desk.editor, { workspaceId: ws, levelId: id.True!, label: "True", color: "#2f7d4f", description: "", ...fields } as never);
    const cases: Array<[() => Promise<unknown>, string, RegExp]> = [
      [create({ label: "   " }), "label", /Enter a label/],
      [create({ label: "x".repeat(61) }), "label", /at most 60 characters/],
      [create({ label: "mostly TRUE" }), "label", /^There is already a level called “Mostly true”\.$/],
      [create({ label: "unproven" }), "label", /^A retired level is already called “Unproven”; restore it instead\.$/],
      [create({ color: "green" }), "color", /#rrggbb/],
      [create({ color: "#abc" }), "color", /#rrggbb/],
      [create({ color: undefined }), "color", /Choose a colour/],
      [create({ description: "x".repeat(501) }), "description", /at most 500 characters/],
      [create({ inOrder: "maybe" }), "inOrder", /yes or no/],
      [update({ label: "" }), "label", /Enter a label/],
      [update({ label: "False" }), "label", /already a level called “False”/],
      [update({ color: "#12345g" }), "color", /#rrggbb/],
      [update({ levelId: "" }), "levelId", /Choose a level/],
      [() => reorderRatingLevels(desk.editor, { workspaceId: ws, orderedIds: "nope" as never }), "orderedIds", /new order/],
    ];
    for (const [run, field, message] of cases) {
      const error = await refusal(run);
      expect(error, `${field} ${message}`).toBeInstanceOf(Invalid);
      expect(error.fieldErrors?.[field]?.join(" "), `${field} ${message}`).toMatch(message);
    }
    // Unknown ids, and ids of another desk's scale, are not found.
    for (const levelId of ["no-such-level", foreign.id]) {
      await expect(update({ levelId })()).rejects.toBeInstanceOf(NotFound);
      await expect(moveRatingLevel(desk.editor, { workspaceId: ws, levelId, direction: "up" })).rejects.toBeInstanceOf(NotFound);
      await expect(setRatingLevelInOrder(desk.editor, { workspaceId: ws, levelId, inOrder: false })).rejects.toBeInstanceOf(NotFound);
      await expect(retireRatingLevel(desk.editor, { workspaceId: ws, levelId })).rejects.toBeInstanceOf(NotFound);
      await expect(restoreRatingLevel(desk.editor, { workspaceId: ws, levelId })).rejects.toBeInstanceOf(NotFound);
      await expect(deleteRatingLevel(desk.editor, { workspaceId: ws, levelId })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await scaleSnapshot(ws)).toEqual(before);
    expect(await db().ratingLevel.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ label: foreign.label, retiredAt: null });
  });

  it("refuses a new order that leaves out, repeats, adds or places a retired level, writing nothing", async () => {
    const { desk, ws, id } = await makeScaleDesk();
    await retireRatingLevel(desk.editor, { workspaceId: ws, levelId: id.Unproven! });
    const active = (await getRatingScale(desk.viewer, { workspaceId: ws })).levels.map((l) => l.id);
    const before = await scaleSnapshot(ws);
    const cases: Array<[string[], string]> = [
      [active.slice(1), "The new order leaves out “True”."],
      [[...active, active[0]!], "The new order names a level twice."],
      [[...active, "no-such-level"], "The new order names a level that is not on this scale."],
      [[...active, id.Unproven!], "“Unproven” is retired; restore it before placing it."],
      [[], "The new order leaves out “True”."],
    ];
    for (const [orderedIds, message] of cases) {
      const error = await refusal(() => reorderRatingLevels(desk.editor, { workspaceId: ws, orderedIds }));
      expect(error).toBeInstanceOf(Invalid);
      expect(error.message).toBe(message);
      expect(error.fieldErrors).toEqual({ orderedIds: [message] });
    }
    expect(await scaleSnapshot(ws)).toEqual(before);
  });
});
