"use client";
// One comment of the thread: its text, and for those allowed the edit box and the delete button
// (deleting asks once more; an editor removing someone else's comment is told so).
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MentionMember } from "@/lib/mentions";
import type { ActionState } from "@/lib/server/action";
import type { CommentDTO } from "@/lib/server/comments";
import { formatDateTime } from "@/lib/text/dates";
import { CommentBody } from "./comment-body";
import { CommentBox } from "./comment-box";
import type { CommentAction } from "./comment-form";

export function CommentItem({
  comment,
  currentUserId,
  workspaceId,
  members,
  maxLength,
  actions,
}: {
  comment: CommentDTO;
  currentUserId: string;
  workspaceId: string;
  members: readonly MentionMember[];
  maxLength: number;
  actions: { update: CommentAction; remove: CommentAction };
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(comment.text ?? "");
  const [saved, save] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await actions.update(previous, data);
    if (result.ok) setEditing(false);
    return result;
  }, { ok: false } as ActionState);
  const [removed, remove] = useActionState(actions.remove, { ok: false } as ActionState);
  const mine = comment.author.id === currentUserId;

  return (
    <article id={`comment-${comment.id}`} aria-label={`Comment by ${comment.author.name}`} className="scroll-mt-24">
      <header className="mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-ink">{comment.author.name}</span>
        <time dateTime={comment.createdAt} className="text-xs text-muted">
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt ? (
          <span className="text-xs text-muted" title={`Edited ${formatDateTime(comment.editedAt)}`}>
            (edited)
          </span>
        ) : null}
      </header>

      {comment.segments === null ? (
        <p className="text-sm italic text-muted">Comment deleted.</p>
      ) : editing ? (
        <form action={save} aria-label="Edit comment" className="space-y-2">
          <input type="hidden" name="workspaceId" value={workspaceId} />
          <input type="hidden" name="commentId" value={comment.id} />
          <CommentBox
            id={`edit-comment-${comment.id}`}
            label="Edit your comment"
            value={text}
            onChange={setText}
            members={members}
            errors={saved.errors?.body}
            maxLength={maxLength}
            autoFocus
          />
          <FormMessage ok={saved.ok} message={saved.errors?.body ? undefined : saved.message} />
          <div className="flex gap-2">
            <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(false);
                setText(comment.text ?? "");
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <CommentBody segments={comment.segments} />
      )}

      {!editing && (comment.canEdit || comment.canDelete) ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
          {comment.canEdit ? (
            <button
              type="button"
              className="font-medium text-muted underline-offset-2 hover:text-ink hover:underline"
              onClick={() => {
                setText(comment.text ?? "");
                setEditing(true);
              }}
            >
              Edit
            </button>
          ) : null}
          {comment.canDelete && !confirming ? (
            <button
              type="button"
              className="font-medium text-muted underline-offset-2 hover:text-red-800 hover:underline"
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          ) : null}
          {comment.canDelete && confirming ? (
            <form action={remove} className="flex flex-wrap items-center gap-2" aria-label="Delete comment">
              <input type="hidden" name="workspaceId" value={workspaceId} />
              <input type="hidden" name="commentId" value={comment.id} />
              <span className="text-ink">{mine ? "Delete your comment?" : `Delete ${comment.author.name}’s comment?`}</span>
              <SubmitButton variant="danger" pendingLabel="Deleting…" className="px-2.5 py-1 text-xs">
                Delete comment
              </SubmitButton>
              <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </form>
          ) : null}
        </div>
      ) : null}
      {!removed.ok && removed.message ? (
        <div className="mt-2">
          <FormMessage message={removed.message} />
        </div>
      ) : null}
    </article>
  );
}
