import { listComments, MAX_COMMENT_LENGTH } from "@/lib/server/comments";
import { createCommentAction, deleteCommentAction, updateCommentAction } from "@/app/w/[ws]/claims/[claimId]/comment-actions";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import type { ClaimSectionProps } from "./section-props";

/** The claim's discussion: every member reads it; checkers and up write. */
export async function CommentThread({ user, workspace, claimId }: ClaimSectionProps) {
  const thread = await listComments(user, { workspaceId: workspace.id, claimId });
  const count = thread.comments.filter((c) => c.segments !== null).length;
  return (
    <section aria-labelledby="discussion-heading" className="rounded-lg border border-line bg-white p-6 shadow-sm">
      <h2 id="discussion-heading" className="mb-4 flex items-baseline gap-2 text-base font-semibold text-ink">
        Discussion
        {count > 0 ? <span className="text-sm font-normal text-muted">{count === 1 ? "1 comment" : `${count} comments`}</span> : null}
      </h2>
      {thread.comments.length === 0 ? (
        <p className="mb-4 text-sm text-muted">No comments yet.</p>
      ) : (
        <ol className="mb-6 divide-y divide-line" aria-label="Comments">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="py-4 first:pt-0 last:pb-0">
              <CommentItem
                key={`${comment.editedAt ?? ""}-${comment.deletedAt ?? ""}`}
                comment={comment}
                currentUserId={user.userId}
                workspaceId={workspace.id}
                members={thread.members}
                maxLength={MAX_COMMENT_LENGTH}
                actions={{ update: updateCommentAction, remove: deleteCommentAction }}
              />
            </li>
          ))}
        </ol>
      )}
      {thread.canComment ? (
        <div className="border-t border-line pt-4">
          <CommentForm action={createCommentAction} workspaceId={workspace.id} claimId={claimId} members={thread.members} maxLength={MAX_COMMENT_LENGTH} />
        </div>
      ) : (
        <p className="border-t border-line pt-4 text-sm text-muted">Viewers can read the discussion; checkers, editors and admins can comment.</p>
      )}
    </section>
  );
}
