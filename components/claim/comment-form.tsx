"use client";
// The box under the thread for a new comment. Controlled, so a refused comment keeps its text.
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MentionMember } from "@/lib/mentions";
import type { ActionState } from "@/lib/server/action";
import { CommentBox } from "./comment-box";

export type CommentAction = (state: ActionState, data: FormData) => Promise<ActionState>;

export function CommentForm({
  action,
  workspaceId,
  claimId,
  members,
  maxLength,
}: {
  action: CommentAction;
  workspaceId: string;
  claimId: string;
  members: readonly MentionMember[];
  maxLength: number;
}) {
  const [text, setText] = useState("");
  // The outcome of the last post is news only until the next comment is begun.
  const [typedSince, setTypedSince] = useState(false);
  const [state, formAction] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok) setText("");
    setTypedSince(false);
    return result;
  }, { ok: false } as ActionState);
  return (
    <form action={formAction} aria-label="New comment" className="space-y-2">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="claimId" value={claimId} />
      <CommentBox
        id={`new-comment-${claimId}`}
        label="Add a comment"
        value={text}
        onChange={(value) => {
          setText(value);
          setTypedSince(true);
        }}
        members={members}
        errors={state.errors?.body}
        maxLength={maxLength}
        placeholder="Share what you found, ask a question…"
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Posting…">Post comment</SubmitButton>
        <div className="min-w-0 flex-1">
          <FormMessage ok={state.ok} message={state.errors?.body || typedSince ? undefined : state.message} />
        </div>
      </div>
    </form>
  );
}
