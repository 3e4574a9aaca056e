"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { createComment, deleteComment, updateComment } from "@/lib/server/comments";

const CLAIM_PAGE = "/w/[ws]/claims/[claimId]";

export const createCommentAction = formAction(
  (actor, v) => createComment(actor, { workspaceId: v.workspaceId ?? "", claimId: v.claimId ?? "", body: v.body ?? "" }),
  () => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: "Comment posted.", values: {} };
  },
);

export const updateCommentAction = formAction(
  (actor, v) => updateComment(actor, { workspaceId: v.workspaceId ?? "", commentId: v.commentId ?? "", body: v.body ?? "" }),
  () => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: "Comment saved.", values: {} };
  },
);

export const deleteCommentAction = formAction(
  (actor, v) => deleteComment(actor, { workspaceId: v.workspaceId ?? "", commentId: v.commentId ?? "" }),
  () => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: "Comment deleted.", values: {} };
  },
);
