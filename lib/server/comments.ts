import "server-only";
import { z } from "zod";
import { editableText, encodeMentions, segmentComment, type CommentSegment, type MentionMember } from "../mentions";
import { roleAtLeast } from "../roles";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor, type WorkspaceAccess } from "./permissions";
import { parseInput } from "./validate";

// The discussion thread of a claim. Any checker may write; each writes and edits only their own
// comments; editors may delete anyone's (moderation) but never put words in someone's mouth.
// Deleting keeps the row (deletedAt) so the thread shows where a comment was, never its text.

export const MAX_COMMENT_LENGTH = 5_000;

const IdSchema = (what: string) => z.string({ error: `Choose a ${what}.` }).min(1, `Choose a ${what}.`).max(100);

const BodySchema = z
  .string({ error: "Write a comment." })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a comment.")
      .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`),
  );

export type CommentDTO = {
  id: string;
  claimId: string;
  author: { id: string; name: string };
  createdAt: string;
  /** When the author last changed the text; null if never edited. */
  editedAt: string | null;
  deletedAt: string | null;
  /** The text as text and mentions; null once deleted (the body never leaves the server then). */
  segments: CommentSegment[] | null;
  /** What the author typed, for the edit box; only for the author of a comment they may edit. */
  text: string | null;
  canEdit: boolean;
  canDelete: boolean;
};

export type CommentThread = {
  comments: CommentDTO[];
  /** Members one may mention, for the comment box's suggestions. */
  members: MentionMember[];
  canComment: boolean;
};

const commentSelect = {
  id: true,
  claimId: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const;

type CommentRow = {
  id: string;
  claimId: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  author: { id: string; name: string };
  mentions: Array<{ user: { id: string; name: string } }>;
};

const mayComment = (ws: WorkspaceAccess) => roleAtLeast(ws.role, "checker");
const mayModerate = (ws: WorkspaceAccess) => roleAtLeast(ws.role, "editor");

function toCommentDTO(row: CommentRow, actor: Actor, ws: WorkspaceAccess, members: readonly MentionMember[]): CommentDTO {
  const deleted = row.deletedAt !== null;
  const mine = row.author.id === actor.userId;
  const mentioned = new Map(row.mentions.map((m) => [m.user.id, m.user.name]));
  const canEdit = !deleted && mine && mayComment(ws);
  return {
    id: row.id,
    claimId: row.claimId,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: !deleted && row.updatedAt.getTime() > row.createdAt.getTime() ? row.updatedAt.toISOString() : null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    segments: deleted ? null : segmentComment(row.body, mentioned),
    text: canEdit ? editableText(row.body, mentioned, members) : null,
    canEdit,
    canDelete: !deleted && mayComment(ws) && (mine || mayModerate(ws)),
  };
}

async function findClaim(workspaceId: string, claimId: string): Promise<{ id: string }> {
  const claim = await db().claim.findFirst({
    where: { id: claimId, workspaceId, highlight: { deletedAt: null } },
    select: { id: true },
  });
  if (!claim) throw new NotFound("claim");
  return claim;
}

async function findComment(workspaceId: string, commentId: string): Promise<CommentRow> {
  const row = await db().comment.findFirst({
    where: { id: commentId, claim: { workspaceId, highlight: { deletedAt: null } } },
    select: commentSelect,
  });
  if (!row) throw new NotFound("comment");
  return row;
}

/** Everyone in the desk, whatever their role: a viewer can be asked a question too. */
async function mentionableMembers(workspaceId: string): Promise<MentionMember[]> {
  const rows = await db().membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user).sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------

const ListCommentsSchema = z.object({ workspaceId: z.string(), claimId: IdSchema("claim") });
export type ListCommentsInput = z.input<typeof ListCommentsSchema>;

/** The claim's thread, oldest first, as every member may read it. */
export async function listComments(actor: Actor, input: ListCommentsInput): Promise<CommentThread> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(ListCommentsSchema, input);
  const claim = await findClaim(ws.id, parsed.claimId);
  const [rows, members] = await Promise.all([
    db().comment.findMany({ where: { claimId: claim.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: commentSelect }),
    mentionableMembers(ws.id),
  ]);
  return { comments: rows.map((row) => toCommentDTO(row, actor, ws, members)), members, canComment: mayComment(ws) };
}

export const CreateCommentSchema = z.object({ workspaceId: z.string(), claimId: IdSchema("claim"), body: BodySchema });
export type CreateCommentInput = z.input<typeof CreateCommentSchema>;

/** Posts a comment; "@Name" of a member mentions them (see lib/mentions.ts). */
export async function createComment(actor: Actor, input: CreateCommentInput): Promise<CommentDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(CreateCommentSchema, input);
  const claim = await findClaim(ws.id, parsed.claimId);
  const members = await mentionableMembers(ws.id);
  const { body, mentionedIds } = encodeMentions(parsed.body, members);
  const now = new Date();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { claimId: claim.id, authorId: actor.userId, body, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    if (mentionedIds.length) {
      await tx.commentMention.createMany({ data: mentionedIds.map((userId) => ({ commentId: created.id, userId })) });
    }
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "comment.created",
      entityType: "comment",
      entityId: created.id,
      data: { claimId: claim.id, mentioned: mentionedIds },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: created.id }, select: commentSelect });
  });
  return toCommentDTO(row, actor, ws, members);
}

export const UpdateCommentSchema = z.object({ workspaceId: z.string(), commentId: IdSchema("comment"), body: BodySchema });
export type UpdateCommentInput = z.input<typeof UpdateCommentSchema>;

/** Changes the text of one's own comment; its mentions follow the new text. */
export async function updateComment(actor: Actor, input: UpdateCommentInput): Promise<CommentDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(UpdateCommentSchema, input);
  const comment = await findComment(ws.id, parsed.commentId);
  if (comment.author.id !== actor.userId) throw new Forbidden("You can only edit your own comments.");
  if (comment.deletedAt) throw new Conflict("This comment has been deleted.");
  const members = await mentionableMembers(ws.id);
  const { body, mentionedIds } = encodeMentions(parsed.body, members);
  const before = comment.mentions.map((m) => m.user.id);
  if (body === comment.body && sameSet(before, mentionedIds)) throw new Invalid("Nothing to change.");

  const row = await db().$transaction(async (tx) => {
    // Only while not deleted: a delete that lands first wins, and this edit changes nothing.
    const updated = await tx.comment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { body, updatedAt: new Date() } });
    if (updated.count !== 1) throw new Conflict("This comment has been deleted.");
    await tx.commentMention.deleteMany({ where: { commentId: comment.id } });
    if (mentionedIds.length) {
      await tx.commentMention.createMany({ data: mentionedIds.map((userId) => ({ commentId: comment.id, userId })) });
    }
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "comment.edited",
      entityType: "comment",
      entityId: comment.id,
      data: {
        claimId: comment.claimId,
        mentioned: mentionedIds,
        ...(sameSet(before, mentionedIds)
          ? {}
          : { mentions: { added: mentionedIds.filter((id) => !before.includes(id)), removed: before.filter((id) => !mentionedIds.includes(id)) } }),
      },
    });
    return tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect });
  });
  return toCommentDTO(row, actor, ws, members);
}

export const DeleteCommentSchema = z.object({ workspaceId: z.string(), commentId: IdSchema("comment") });
export type DeleteCommentInput = z.input<typeof DeleteCommentSchema>;

/** Deletes a comment: its author, or an editor or admin moderating the thread. Deleting twice is harmless. */
export async function deleteComment(actor: Actor, input: DeleteCommentInput): Promise<CommentDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "checker");
  const parsed = parseInput(DeleteCommentSchema, input);
  const comment = await findComment(ws.id, parsed.commentId);
  const mine = comment.author.id === actor.userId;
  if (!mine && !mayModerate(ws)) throw new Forbidden("You can only delete your own comments; editors can delete any.");
  const members = await mentionableMembers(ws.id);
  if (comment.deletedAt) return toCommentDTO(comment, actor, ws, members);

  const row = await db().$transaction(async (tx) => {
    const deleted = await tx.comment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (deleted.count === 1) {
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: "comment.deleted",
        entityType: "comment",
        entityId: comment.id,
        data: { claimId: comment.claimId, authorId: comment.author.id, moderated: !mine },
      });
    }
    return tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect });
  });
  return toCommentDTO(row, actor, ws, members);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
