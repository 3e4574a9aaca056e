import { describe, expect, it } from "vitest";
import { annotationSnapshot, corpusText, highlightQuote, makeStatement } from "../../test/annotation-factories";
import { makeDesk, makeMember } from "../../test/factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { listAnnotations, reattachOrphan } from "./highlights";
import { correctStatementText, diffRevisions, getRevision, listRevisions } from "./statement-corrections";

const FIGURE = "303 Azerbaijanis, including two journalists, have become landmine victims since November 2020";
const DELETED_SENTENCE =
  "The Armenian leadership made provocative statements, such as “Karabakh is Armenia,” and threatened Azerbaijan with a “new war for the sake of new territories.”";

async function corpusDesk() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const statement = await makeStatement(desk.checker, ws, corpusText("002_"));
  const second = await makeMember(ws, "checker");
  const h = {
    figure: await highlightQuote(desk.checker, ws, statement, FIGURE),
    aggression: await highlightQuote(desk.editor, ws, statement, "for almost 30 years has been dealing with the military aggression of Armenia"),
    occupation: await highlightQuote(desk.admin, ws, statement, "the military aggression of Armenia and occupation of its territories", { kind: "note", body: "overlaps" }),
    deleted: await highlightQuote(second, ws, statement, "The Armenian leadership made provocative statements, such as “Karabakh is Armenia,”"),
    resolutions: await highlightQuote(second, ws, statement, "four UN Security Council Resolutions of 1993"),
    after: await highlightQuote(desk.checker, ws, statement, "Azerbaijan liberated its lands following the second Karabakh war"),
  };
  return { desk, ws, statement, second, h };
}

describe("correctStatementText", () => {
  it("makes revision 2, moves highlights with the text, orphans the one whose quote was deleted and keeps its quote", async () => {
    const { desk, ws, statement, h } = await corpusDesk();
    expect(statement.text).toContain(DELETED_SENTENCE);
    const corrected = statement.text.replace("303 Azerbaijanis", "305 Azerbaijanis").replace(` ${DELETED_SENTENCE}`, "");
    const claimCountBefore = (await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).claimCount;

    const result = await correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: corrected, note: "figure corrected by the ministry" });
    expect(result).toMatchObject({ revision: { number: 2, note: "figure corrected by the ministry", current: true, createdBy: { id: desk.editor.userId } }, placed: 5, orphaned: 1 });

    const row = await db().statement.findUniqueOrThrow({ where: { id: statement.id } });
    expect(row.currentRevision).toBe(2);
    expect(row.claimCount).toBe(claimCountBefore);

    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(listed.revision).toEqual({ number: 2, text: corrected });
    for (const placed of listed.highlights) {
      expect(corrected.slice(placed.start, placed.end)).toBe(placed.exact);
    }
    const byId = new Map(listed.highlights.map((x) => [x.id, x]));
    expect(byId.get(h.figure.id)!.exact).toBe(FIGURE.replace("303", "305"));
    for (const unchanged of [h.aggression, h.occupation, h.resolutions, h.after]) expect(byId.get(unchanged.id)!.exact).toBe(unchanged.exact);
    expect(byId.get(h.after.id)!.start).toBe(h.after.start - DELETED_SENTENCE.length - 1);
    expect(listed.orphans).toHaveLength(1);
    expect(listed.orphans[0]).toMatchObject({ id: h.deleted.id, orphaned: true, exact: h.deleted.exact, prefix: h.deleted.prefix, start: h.deleted.start });
    expect(listed.orphans[0]!.claim).not.toBeNull();

    // Placed highlights sit on revision 2; the orphan stays on revision 1 where its quote is.
    const revs = await db().highlight.findMany({ where: { statementId: statement.id }, select: { id: true, revision: { select: { number: true } } } });
    for (const r of revs) expect(r.revision.number).toBe(r.id === h.deleted.id ? 1 : 2);

    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: ws, action: "statement.corrected", entityId: statement.id } });
    expect(JSON.parse(event.data)).toMatchObject({ revision: 2, placed: 5, orphaned: 1, newlyOrphaned: 1 });

    // Revision 1 stays readable and the diff shows the change.
    expect((await getRevision(desk.viewer, { workspaceId: ws, statementId: statement.id, number: 1 })).text).toBe(statement.text);
    expect((await listRevisions(desk.viewer, { workspaceId: ws, statementId: statement.id })).map((r) => [r.number, r.current])).toEqual([[2, true], [1, false]]);
    const diff = await diffRevisions(desk.viewer, { workspaceId: ws, statementId: statement.id, from: 1, to: 2 });
    expect(diff.segments.filter((s) => s.op === "delete").map((s) => s.text)).toEqual(expect.arrayContaining(["303", expect.stringContaining("provocative statements")]));
    expect(diff.segments.filter((s) => s.op === "insert").map((s) => s.text)).toEqual(["305"]);
  });

  it("re-attaches an orphan to a new selection (author or editor only)", async () => {
    const { desk, ws, statement, second, h } = await corpusDesk();
    const corrected = statement.text.replace(` ${DELETED_SENTENCE}`, "");
    await correctStatementText(desk.admin, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: corrected });
    const target = "conducted illegal settlement policy";
    const start = corrected.indexOf(target);
    const input = { workspaceId: ws, highlightId: h.deleted.id, start, end: start + target.length, revisionNumber: 2 };

    const before = await annotationSnapshot(ws);
    await expect(reattachOrphan(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(reattachOrphan(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(reattachOrphan(desk.checker, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(reattachOrphan(second, { ...input, revisionNumber: 1 })).rejects.toBeInstanceOf(Conflict);
    await expect(reattachOrphan(second, { ...input, end: corrected.length + 5 })).rejects.toBeInstanceOf(Invalid);
    await expect(reattachOrphan(desk.editor, { ...input, highlightId: h.figure.id })).rejects.toThrow(/not an orphan/);
    expect(await annotationSnapshot(ws)).toEqual(before);

    const placed = await reattachOrphan(second, input);
    expect(placed).toMatchObject({ id: h.deleted.id, orphaned: false, exact: target, start });
    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(listed.orphans).toEqual([]);
    expect(listed.highlights.map((x) => x.id)).toContain(h.deleted.id);
    expect(await db().activityEvent.count({ where: { workspaceId: ws, action: "highlight.reattached", entityId: h.deleted.id } })).toBe(1);
  });

  it("places an orphan again when a later correction restores its passage", async () => {
    const { desk, ws, statement, h } = await corpusDesk();
    const without = statement.text.replace(` ${DELETED_SENTENCE}`, "");
    await correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: without });
    const again = await correctStatementText(desk.editor, { workspaceId: ws, statementId: statement.id, baseRevision: 2, text: statement.text });
    expect(again).toMatchObject({ placed: 6, orphaned: 0, revision: { number: 3 } });
    const listed = await listAnnotations(desk.viewer, { workspaceId: ws, statementId: statement.id });
    expect(listed.highlights.find((x) => x.id === h.deleted.id)).toMatchObject({ start: h.deleted.start, end: h.deleted.end, orphaned: false });
  });

  it("refuses outsiders, checkers and viewers, stale bases, unchanged, empty and duplicate texts, changing nothing", async () => {
    const { desk, ws, statement } = await corpusDesk();
    const other = await makeStatement(desk.checker, ws, "Another statement entirely.");
    const before = await annotationSnapshot(ws);
    const input = { workspaceId: ws, statementId: statement.id, baseRevision: 1, text: `${statement.text}\n\nAdded.` };
    await expect(correctStatementText(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(correctStatementText(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(correctStatementText(desk.checker, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(correctStatementText(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(correctStatementText(desk.editor, { ...input, baseRevision: 2 })).rejects.toBeInstanceOf(Conflict);
    await expect(correctStatementText(desk.editor, { ...input, text: `${statement.text}\r\n  \n` })).rejects.toThrow(/No change/);
    await expect(correctStatementText(desk.editor, { ...input, text: "  \n " })).rejects.toThrow(/no text/);
    await expect(correctStatementText(desk.editor, { ...input, text: other.text })).rejects.toThrow(/already has exactly this text/);
    await expect(correctStatementText(desk.editor, { ...input, note: "n".repeat(501) })).rejects.toBeInstanceOf(Invalid);
    expect(await annotationSnapshot(ws)).toEqual(before);

    // Two editors correcting from the same base: exactly one wins.
    const results = await Promise.allSettled([
      correctStatementText(desk.editor, { ...input, text: `${statement.text}\n\nOne.` }),
      correctStatementText(desk.admin, { ...input, text: `${statement.text}\n\nTwo.` }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).currentRevision).toBe(2);
  });

  it("keeps revisions of other desks out of reach", async () => {
    const { desk, ws, statement } = await corpusDesk();
    await expect(listRevisions(desk.outsider, { workspaceId: ws, statementId: statement.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getRevision(desk.outsider, { workspaceId: desk.otherWorkspace.id, statementId: statement.id, number: 1 })).rejects.toBeInstanceOf(NotFound);
    await expect(getRevision(desk.viewer, { workspaceId: ws, statementId: statement.id, number: 9 })).rejects.toBeInstanceOf(NotFound);
    await expect(diffRevisions(desk.outsider, { workspaceId: ws, statementId: statement.id, from: 1, to: 1 })).rejects.toBeInstanceOf(NotFound);
  });
});
