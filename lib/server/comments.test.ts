import { describe, expect, it } from "vitest";
import { commentSnapshot, makeClaim, makeCommentDesk, nameOf } from "../../test/comment-factories";
import { makeMember } from "../../test/factories";
import { createComment, deleteComment, listComments, MAX_COMMENT_LENGTH, updateComment } from "./comments";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { deleteHighlight } from "./highlights";

describe("createComment", () => {
  it("posts a comment, records who it mentions and the activity event", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.checker, {
      workspaceId: ws,
      claimId,
      body: `  @${desk.editor.name} can you check <script>alert(1)</script>?\r\nAlso @${desk.viewer.name}.  `,
    });
    expect(comment).toMatchObject({
      claimId,
      author: { id: desk.checker.userId, name: desk.checker.name },
      editedAt: null,
      deletedAt: null,
      canEdit: true,
      canDelete: true,
      segments: [
        { kind: "mention", userId: desk.editor.userId, name: desk.editor.name },
        { kind: "text", text: " can you check <script>alert(1)</script>?\nAlso " },
        { kind: "mention", userId: desk.viewer.userId, name: desk.viewer.name },
        { kind: "text", text: "." },
      ],
      text: `@${desk.editor.name} can you check <script>alert(1)</script>?\nAlso @${desk.viewer.name}.`,
    });
    const row = await db().comment.findUniqueOrThrow({ where: { id: comment.id }, include: { mentions: true } });
    expect(row.body).toBe(`@[${desk.editor.name}](${desk.editor.userId}) can you check <script>alert(1)</script>?\nAlso @[${desk.viewer.name}](${desk.viewer.userId}).`);
    expect(row.mentions.map((m) => m.userId).sort()).toEqual([desk.editor.userId, desk.viewer.userId].sort());
    const event = await db().activityEvent.findFirstOrThrow({ where: { workspaceId: ws, action: "comment.created", entityId: comment.id } });
    expect(event).toMatchObject({ actorId: desk.checker.userId, entityType: "comment" });
    expect(JSON.parse(event.data)).toEqual({ claimId, mentioned: [desk.editor.userId, desk.viewer.userId] });
  });

  it("treats a mention of a non-member as plain text and records no mention", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const outsider = await nameOf(desk.outsider);
    const body = `@${outsider} and @[${outsider}](${desk.outsider.userId}) should see this`;
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body });
    expect(comment.segments).toEqual([{ kind: "text", text: body }]);
    expect(await db().commentMention.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("refuses outsiders (not found) and viewers (forbidden), writing nothing", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const foreign = await makeClaim(desk.outsider, desk.otherWorkspace.id);
    const before = await commentSnapshot(ws);
    const input = { workspaceId: ws, claimId, body: "Hello" };
    await expect(createComment(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(createComment(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(createComment(desk.checker, { ...input, claimId: foreign.claimId })).rejects.toBeInstanceOf(NotFound);
    await expect(createComment(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    expect(await commentSnapshot(ws)).toEqual(before);
    expect(await db().comment.count({ where: { claimId: foreign.claimId } })).toBe(0);
  });

  it("refuses an empty or oversized body with a field message, and a missing claim, writing nothing", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const before = await commentSnapshot(ws);
    for (const [body, message] of [
      ["", /Write a comment/],
      [" \n\t ", /Write a comment/],
      ["x".repeat(MAX_COMMENT_LENGTH + 1), /at most 5,000 characters/],
      [42, /Write a comment/],
    ] as const) {
      const error = await createComment(desk.checker, { workspaceId: ws, claimId, body: body as string }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors?.body?.join(" ")).toMatch(message);
    }
    await expect(createComment(desk.checker, { workspaceId: ws, claimId: "nope", body: "Hi" })).rejects.toBeInstanceOf(NotFound);
    await expect(createComment(desk.checker, { workspaceId: ws, claimId: "", body: "Hi" })).rejects.toBeInstanceOf(Invalid);
    expect(await commentSnapshot(ws)).toEqual(before);
    // Exactly the limit is fine.
    await expect(createComment(desk.checker, { workspaceId: ws, claimId, body: "y".repeat(MAX_COMMENT_LENGTH) })).resolves.toMatchObject({ claimId });
  });

  it("has no thread for a claim whose highlight was deleted", async () => {
    const { desk, ws, claimId, highlightId } = await makeCommentDesk();
    await deleteHighlight(desk.checker, { workspaceId: ws, highlightId });
    await expect(createComment(desk.checker, { workspaceId: ws, claimId, body: "Hi" })).rejects.toBeInstanceOf(NotFound);
    await expect(listComments(desk.checker, { workspaceId: ws, claimId })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("updateComment", () => {
  it("lets the author change the text; mentions follow the new text", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: `@${desk.editor.name} first` });
    const admin = await nameOf(desk.admin);
    const edited = await updateComment(desk.checker, { workspaceId: ws, commentId: comment.id, body: `@${admin} second` });
    expect(edited.segments).toEqual([
      { kind: "mention", userId: desk.admin.userId, name: admin },
      { kind: "text", text: " second" },
    ]);
    expect(edited.editedAt).not.toBeNull();
    const mentions = await db().commentMention.findMany({ where: { commentId: comment.id } });
    expect(mentions.map((m) => m.userId)).toEqual([desk.admin.userId]);
    const event = await db().activityEvent.findFirstOrThrow({ where: { action: "comment.edited", entityId: comment.id } });
    expect(JSON.parse(event.data)).toEqual({
      claimId,
      mentioned: [desk.admin.userId],
      mentions: { added: [desk.admin.userId], removed: [desk.editor.userId] },
    });
    await expect(updateComment(desk.checker, { workspaceId: ws, commentId: comment.id, body: ` @${admin} second ` })).rejects.toThrow(/Nothing to change/);
  });

  it("refuses someone else's comment, even to an admin, and outsiders and viewers; nothing changes", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: "Mine" });
    const other = await makeMember(ws, "checker");
    const before = await commentSnapshot(ws);
    const input = { workspaceId: ws, commentId: comment.id, body: "Changed" };
    for (const who of [other, desk.editor, desk.admin]) await expect(updateComment(who, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateComment(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateComment(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(updateComment(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(updateComment(desk.checker, { ...input, body: "" })).rejects.toBeInstanceOf(Invalid);
    await expect(updateComment(desk.checker, { ...input, body: "z".repeat(MAX_COMMENT_LENGTH + 1) })).rejects.toBeInstanceOf(Invalid);
    expect(await commentSnapshot(ws)).toEqual(before);
  });

  it("refuses to edit a deleted comment", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: "Soon gone" });
    await deleteComment(desk.checker, { workspaceId: ws, commentId: comment.id });
    const before = await commentSnapshot(ws);
    await expect(updateComment(desk.checker, { workspaceId: ws, commentId: comment.id, body: "Back" })).rejects.toBeInstanceOf(Conflict);
    expect(await commentSnapshot(ws)).toEqual(before);
  });
});

describe("deleteComment", () => {
  it("lets the author delete; the thread keeps a placeholder without the text", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: `secret words for @${desk.editor.name}` });
    const deleted = await deleteComment(desk.checker, { workspaceId: ws, commentId: comment.id });
    expect(deleted).toMatchObject({ id: comment.id, segments: null, text: null, canEdit: false, canDelete: false, editedAt: null });
    expect(deleted.deletedAt).not.toBeNull();
    const thread = await listComments(desk.viewer, { workspaceId: ws, claimId });
    expect(thread.comments).toHaveLength(1);
    expect(JSON.stringify(thread)).not.toContain("secret words");
    const event = await db().activityEvent.findFirstOrThrow({ where: { action: "comment.deleted", entityId: comment.id } });
    expect(JSON.parse(event.data)).toEqual({ claimId, authorId: desk.checker.userId, moderated: false });
    // Again: nothing more happens.
    await deleteComment(desk.checker, { workspaceId: ws, commentId: comment.id });
    expect(await db().activityEvent.count({ where: { action: "comment.deleted", entityId: comment.id } })).toBe(1);
  });

  it("lets editors and admins delete anyone's comment (moderation)", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    for (const moderator of [desk.editor, desk.admin]) {
      const comment = await createComment(desk.checker, { workspaceId: ws, claimId, body: "Off topic" });
      await expect(deleteComment(moderator, { workspaceId: ws, commentId: comment.id })).resolves.toMatchObject({ segments: null });
      const event = await db().activityEvent.findFirstOrThrow({ where: { action: "comment.deleted", entityId: comment.id } });
      expect(event.actorId).toBe(moderator.userId);
      expect(JSON.parse(event.data)).toMatchObject({ moderated: true, authorId: desk.checker.userId });
    }
  });

  it("refuses other checkers, viewers and outsiders; nothing changes", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const comment = await createComment(desk.editor, { workspaceId: ws, claimId, body: "Editor's" });
    const before = await commentSnapshot(ws);
    const input = { workspaceId: ws, commentId: comment.id };
    await expect(deleteComment(desk.checker, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteComment(desk.viewer, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteComment(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    await expect(deleteComment(desk.outsider, { ...input, workspaceId: desk.otherWorkspace.id })).rejects.toBeInstanceOf(NotFound);
    await expect(deleteComment(desk.checker, { ...input, commentId: "nope" })).rejects.toBeInstanceOf(NotFound);
    expect(await commentSnapshot(ws)).toEqual(before);
  });
});

describe("listComments", () => {
  it("gives every member the thread oldest first, with what each may do", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    const first = await createComment(desk.checker, { workspaceId: ws, claimId, body: "First" });
    const second = await createComment(desk.editor, { workspaceId: ws, claimId, body: "Second" });
    const asChecker = await listComments(desk.checker, { workspaceId: ws, claimId });
    expect(asChecker.canComment).toBe(true);
    expect(asChecker.comments.map((c) => [c.id, c.canEdit, c.canDelete, c.text])).toEqual([
      [first.id, true, true, "First"],
      [second.id, false, false, null],
    ]);
    expect(asChecker.members.map((m) => m.id).sort()).toEqual(
      [desk.admin.userId, desk.editor.userId, desk.checker.userId, desk.viewer.userId].sort(),
    );
    const asEditor = await listComments(desk.editor, { workspaceId: ws, claimId });
    expect(asEditor.comments.map((c) => [c.canEdit, c.canDelete])).toEqual([[false, true], [true, true]]);
    const asViewer = await listComments(desk.viewer, { workspaceId: ws, claimId });
    expect(asViewer.canComment).toBe(false);
    expect(asViewer.comments.map((c) => [c.canEdit, c.canDelete, c.text])).toEqual([[false, false, null], [false, false, null]]);
    await expect(listComments(desk.outsider, { workspaceId: ws, claimId })).rejects.toBeInstanceOf(NotFound);
    await expect(listComments(desk.outsider, { workspaceId: desk.otherWorkspace.id, claimId })).rejects.toBeInstanceOf(NotFound);
  });

  it("shows a mention under the member's current name after a rename", async () => {
    const { desk, ws, claimId } = await makeCommentDesk();
    await createComment(desk.checker, { workspaceId: ws, claimId, body: `@${desk.editor.name} look` });
    await db().user.update({ where: { id: desk.editor.userId }, data: { name: "Renamed Editor" } });
    const thread = await listComments(desk.checker, { workspaceId: ws, claimId });
    expect(thread.comments[0]!.segments![0]).toEqual({ kind: "mention", userId: desk.editor.userId, name: "Renamed Editor" });
    expect(thread.comments[0]!.text).toBe("@Renamed Editor look");
  });
});
