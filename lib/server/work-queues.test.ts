import { describe, expect, it } from "vitest";
import { makeClaim, makeScale, makeTag, makeVerdict } from "../../test/comment-factories";
import { makeDesk, makeMember } from "../../test/factories";
import { createComment, deleteComment } from "./comments";
import { db } from "./db";
import { Forbidden, Invalid, NotFound } from "./errors";
import { getMyWork, listReviewQueue } from "./work-queues";

const day = (n: number) => new Date(Date.UTC(2026, 1, n, 9, 0, 0));

/** Three verdicts in review (submitted out of order), one draft and one approved, plus another desk's. */
async function reviewWorld() {
  const desk = await makeDesk();
  const ws = desk.workspace.id;
  const { levels } = await makeScale(ws);
  const [trueLevel, falseLevel] = levels;
  const statistic = await makeTag(ws, "statistic");
  const second = await makeMember(ws, "checker");
  const a = await makeClaim(desk.checker, ws, { title: "Budget speech", speaker: "Finance Ministry", tagIds: [statistic.id] });
  const b = await makeClaim(desk.checker, ws, { title: "Press release 100% on track", speaker: "Interior Ministry" });
  const c = await makeClaim(second, ws, { title: "Interview", speaker: "Mayor of Springfield" });
  const d = await makeClaim(desk.checker, ws, { title: "Draft only" });
  const e = await makeClaim(desk.checker, ws, { title: "Approved already" });
  const vb = await makeVerdict(b.claimId, desk.checker, falseLevel!.id, { status: "in_review", submittedAt: day(3) });
  const va = await makeVerdict(a.claimId, desk.checker, trueLevel!.id, { status: "in_review", submittedAt: day(5) });
  const vc = await makeVerdict(c.claimId, second, falseLevel!.id, { status: "in_review", submittedAt: day(1) });
  await makeVerdict(d.claimId, desk.checker, null, { status: "draft" });
  await makeVerdict(e.claimId, desk.checker, trueLevel!.id, { status: "approved", submittedAt: day(2) });
  const other = await makeScale(desk.otherWorkspace.id);
  const foreign = await makeClaim(desk.outsider, desk.otherWorkspace.id);
  await makeVerdict(foreign.claimId, desk.outsider, other.levels[0]!.id, { status: "in_review", submittedAt: day(1) });
  return { desk, ws, second, statistic, levels: { trueLevel: trueLevel!, falseLevel: falseLevel! }, claims: { a, b, c }, verdicts: { va, vb, vc } };
}

describe("listReviewQueue", () => {
  it("lists this desk's verdicts in review, oldest first, with what a row shows", async () => {
    const { desk, ws, second, statistic, claims, verdicts } = await reviewWorld();
    const queue = await listReviewQueue(desk.editor, { workspaceId: ws });
    expect(queue.items.map((i) => i.verdictId)).toEqual([verdicts.vc.id, verdicts.vb.id, verdicts.va.id]);
    expect(queue.total).toBe(3);
    expect(queue.items[2]).toMatchObject({
      claimId: claims.a.claimId,
      claimReviewed: claims.a.claimReviewed,
      statement: { id: claims.a.statementId, title: "Budget speech", speaker: "Finance Ministry" },
      author: { id: desk.checker.userId, name: desk.checker.name },
      rating: { label: "True", color: "#2f7d4f" },
      submittedAt: day(5).toISOString(),
      tags: [{ id: statistic.id, name: "statistic" }],
      mine: false,
      version: 1,
    });
    expect(queue.items[0]!.author).toEqual({ id: second.userId, name: second.name });
    expect(queue.filters.tags.map((t) => t.name)).toContain("statistic");
    expect(queue.filters.levels.map((l) => l.label)).toEqual(["True", "False", "Misleading"]);
    expect(queue.filters.authors.map((a) => a.id)).toEqual(expect.arrayContaining([desk.checker.userId, second.userId, desk.editor.userId]));
    expect(queue.filters.authors.map((a) => a.id)).not.toContain(desk.viewer.userId);
    await expect(listReviewQueue(desk.admin, { workspaceId: ws })).resolves.toMatchObject({ total: 3 });
  });

  it("is for editors and admins: checkers and viewers are refused, outsiders see nothing", async () => {
    const { desk, ws } = await reviewWorld();
    await expect(listReviewQueue(desk.checker, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(listReviewQueue(desk.viewer, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(listReviewQueue(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    const own = await listReviewQueue(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    expect(own.total).toBe(1);
  });

  it("filters by tag, author, rating and statement or speaker text (literally), and pages", async () => {
    const { desk, ws, second, statistic, levels, verdicts } = await reviewWorld();
    const ids = async (filter: Record<string, unknown>) => (await listReviewQueue(desk.editor, { workspaceId: ws, ...filter })).items.map((i) => i.verdictId);
    expect(await ids({ tagId: statistic.id })).toEqual([verdicts.va.id]);
    expect(await ids({ authorId: second.userId })).toEqual([verdicts.vc.id]);
    expect(await ids({ authorId: desk.checker.userId })).toEqual([verdicts.vb.id, verdicts.va.id]);
    expect(await ids({ levelId: levels.falseLevel.id })).toEqual([verdicts.vc.id, verdicts.vb.id]);
    expect(await ids({ q: "ministry" })).toEqual([verdicts.vb.id, verdicts.va.id]);
    expect(await ids({ q: "  SPRINGFIELD " })).toEqual([verdicts.vc.id]);
    expect(await ids({ q: "100%" })).toEqual([verdicts.vb.id]);
    expect(await ids({ q: "1_0" })).toEqual([]);
    expect(await ids({ q: "ministry", levelId: levels.trueLevel.id })).toEqual([verdicts.va.id]);
    expect(await ids({ tagId: "", authorId: "", levelId: "", q: "" })).toHaveLength(3);
    const page2 = await listReviewQueue(desk.editor, { workspaceId: ws, pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.items.map((i) => i.verdictId)).toEqual([verdicts.va.id]);
    expect((await listReviewQueue(desk.editor, { workspaceId: ws, pageSize: 2, page: 9 })).page).toBe(2);
    await expect(listReviewQueue(desk.editor, { workspaceId: ws, q: "x".repeat(201) })).rejects.toBeInstanceOf(Invalid);
    await expect(listReviewQueue(desk.editor, { workspaceId: ws, page: 0 })).rejects.toBeInstanceOf(Invalid);
  });

  it("marks the reader's own verdicts and leaves out claims whose highlight was deleted", async () => {
    const { desk, ws, claims } = await reviewWorld();
    expect((await listReviewQueue(desk.editor, { workspaceId: ws })).items.every((i) => !i.mine)).toBe(true);
    await db().verdict.updateMany({ where: { claimId: claims.b.claimId }, data: { authorId: desk.editor.userId } });
    expect((await listReviewQueue(desk.editor, { workspaceId: ws })).items.find((i) => i.claimId === claims.b.claimId)?.mine).toBe(true);
    await db().highlight.updateMany({ where: { id: { in: [claims.a.highlightId, claims.c.highlightId] } }, data: { deletedAt: new Date() } });
    expect((await listReviewQueue(desk.editor, { workspaceId: ws })).items.map((i) => i.claimId)).toEqual([claims.b.claimId]);
  });
});

describe("getMyWork", () => {
  it("lists my assigned claims, my verdicts sent back with the note, my drafts and comments that mention me", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const { levels } = await makeScale(ws);
    const me = desk.checker;
    const [assigned, checked, othersClaim, sentBack, draft, mentioned] = await Promise.all([
      makeClaim(me, ws, { title: "Assigned" }),
      makeClaim(me, ws, { title: "Checked" }),
      makeClaim(me, ws, { title: "Someone else's" }),
      makeClaim(me, ws, { title: "Sent back" }),
      makeClaim(me, ws, { title: "Drafting" }),
      makeClaim(desk.editor, ws, { title: "Discussed" }),
    ]);
    await db().claim.updateMany({ where: { id: { in: [assigned.claimId, checked.claimId] } }, data: { assigneeId: me.userId } });
    await db().claim.update({ where: { id: checked.claimId }, data: { status: "checked" } });
    await db().claim.update({ where: { id: othersClaim.claimId }, data: { assigneeId: desk.editor.userId } });
    const vSent = await makeVerdict(sentBack.claimId, me, levels[1]!.id, { status: "changes_requested", reviewer: desk.editor, note: "Which table? Cite it." });
    const vDraft = await makeVerdict(draft.claimId, me, null, { status: "draft", summary: "Half done" });
    await makeVerdict(othersClaim.claimId, desk.editor, null, { status: "draft" });

    const asksMe = await createComment(desk.editor, { workspaceId: ws, claimId: mentioned.claimId, body: `@${me.name} can you <b>look</b>?` });
    const deleted = await createComment(desk.editor, { workspaceId: ws, claimId: mentioned.claimId, body: `@${me.name} never mind` });
    await deleteComment(desk.editor, { workspaceId: ws, commentId: deleted.id });
    await createComment(me, { workspaceId: ws, claimId: mentioned.claimId, body: `Note to self @${me.name}` });
    await createComment(desk.editor, { workspaceId: ws, claimId: mentioned.claimId, body: `@${desk.viewer.name} FYI` });

    const work = await getMyWork(me, { workspaceId: ws });
    expect(work.assigned).toEqual({
      items: [expect.objectContaining({ claimId: assigned.claimId, status: "to_check", verdictStatus: null, statement: expect.objectContaining({ title: "Assigned" }) })],
      more: false,
    });
    expect(work.changesRequested.items).toEqual([
      expect.objectContaining({
        verdictId: vSent.id,
        claimId: sentBack.claimId,
        rating: expect.objectContaining({ label: "False" }),
        review: expect.objectContaining({ note: "Which table? Cite it.", reviewer: { id: desk.editor.userId, name: desk.editor.name } }),
      }),
    ]);
    expect(work.drafts.items).toEqual([expect.objectContaining({ verdictId: vDraft.id, claimId: draft.claimId, summary: "Half done", rating: null, review: null })]);
    expect(work.mentions.items).toEqual([
      {
        commentId: asksMe.id,
        claimId: mentioned.claimId,
        claimReviewed: mentioned.claimReviewed,
        author: { id: desk.editor.userId, name: desk.editor.name },
        createdAt: asksMe.createdAt,
        segments: [
          { kind: "mention", userId: me.userId, name: me.name },
          { kind: "text", text: " can you <b>look</b>?" },
        ],
      },
    ]);

    // The editor's own list holds the editor's work, not the checker's.
    const editorWork = await getMyWork(desk.editor, { workspaceId: ws });
    expect(editorWork.assigned.items.map((c) => c.claimId)).toEqual([othersClaim.claimId]);
    expect(editorWork.changesRequested.items).toEqual([]);
    expect(editorWork.mentions.items).toEqual([]);
  });

  it("is for checkers and up: viewers are refused, outsiders see nothing of the desk", async () => {
    const desk = await makeDesk();
    const ws = desk.workspace.id;
    const claim = await makeClaim(desk.checker, ws);
    await db().claim.update({ where: { id: claim.claimId }, data: { assigneeId: desk.checker.userId } });
    await expect(getMyWork(desk.viewer, { workspaceId: ws })).rejects.toBeInstanceOf(Forbidden);
    await expect(getMyWork(desk.outsider, { workspaceId: ws })).rejects.toBeInstanceOf(NotFound);
    const outsiders = await getMyWork(desk.outsider, { workspaceId: desk.otherWorkspace.id });
    expect(outsiders.assigned.items).toEqual([]);
    // Someone who was assigned here and then left sees nothing of it from their new desk either.
    await db().claim.update({ where: { id: claim.claimId }, data: { assigneeId: desk.outsider.userId } });
    expect((await getMyWork(desk.outsider, { workspaceId: desk.otherWorkspace.id })).assigned.items).toEqual([]);
  });
});
