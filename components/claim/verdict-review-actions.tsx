"use client";
// What an editor can do with a verdict that is out of its author's hands: approve it or send it
// back with a note, publish it, withdraw it with a reason, reopen a withdrawn one. Each form names
// the lockVersion the editor was looking at, so a decision on a changed verdict is refused.
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/server/action";
import type { VerdictEvent } from "@/lib/verdicts/workflow";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
type Common = { action: Action; workspaceId: string; claimId: string; lockVersion: number; noteMax: number };

function Hidden({ workspaceId, claimId, lockVersion }: Omit<Common, "action" | "noteMax">) {
  return (
    <>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
    </>
  );
}

function ReviewForm({ canApprove, canRequestChanges, ...common }: Common & { canApprove: boolean; canRequestChanges: boolean }) {
  const [state, dispatch, pending] = useActionState(common.action, { ok: false });
  const id = useId();
  return (
    <form action={dispatch} aria-label="Review" className="space-y-3">
      <Hidden {...common} />
      <TextArea
        label="Note to the author"
        name="note"
        id={`${id}-note`}
        rows={3}
        maxLength={common.noteMax}
        defaultValue={state.ok ? "" : (state.values?.note ?? "")}
        errors={state.errors?.note}
        hint={canApprove ? "Required when requesting changes; optional when approving." : "Say what should change."}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <div className="flex flex-wrap gap-3">
        {canApprove ? (
          <Button type="submit" name="decision" value="approve" disabled={pending}>
            Approve
          </Button>
        ) : null}
        {canRequestChanges ? (
          <Button type="submit" name="decision" value="request_changes" variant="secondary" disabled={pending}>
            Request changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function OneClick({ decision, label, variant, ...common }: Common & { decision: VerdictEvent; label: string; variant?: "primary" | "secondary" }) {
  const [state, dispatch, pending] = useActionState(common.action, { ok: false });
  return (
    <form action={dispatch} aria-label={label} className="space-y-2">
      <Hidden {...common} />
      <input type="hidden" name="decision" value={decision} />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

function WithdrawForm(common: Common) {
  const [state, dispatch, pending] = useActionState(common.action, { ok: false });
  const id = useId();
  return (
    <details className="group rounded-md border border-line" open={Boolean(state.errors) || undefined}>
      <summary className="cursor-pointer list-none px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50/50">
        Withdraw this verdict…
      </summary>
      <form action={dispatch} aria-label="Withdraw verdict" className="space-y-3 border-t border-line px-4 py-3">
        <Hidden {...common} />
        <input type="hidden" name="decision" value="withdraw" />
        <TextArea
          label="Reason for withdrawing"
          name="reason"
          id={`${id}-reason`}
          rows={3}
          maxLength={common.noteMax}
          defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
          errors={state.errors?.reason}
          hint="Kept in the claim's history. An editor can reopen the verdict as a draft afterwards."
        />
        <FormMessage ok={state.ok} message={state.message} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Withdrawing…" : "Withdraw verdict"}
        </Button>
      </form>
    </details>
  );
}

export function VerdictReviewActions({ events, ...common }: Common & { events: VerdictEvent[] }) {
  const has = (e: VerdictEvent) => events.includes(e);
  return (
    <div className="space-y-4">
      {has("approve") || has("request_changes") ? <ReviewForm {...common} canApprove={has("approve")} canRequestChanges={has("request_changes")} /> : null}
      {has("publish") ? <OneClick {...common} decision="publish" label="Publish" /> : null}
      {has("reopen") ? <OneClick {...common} decision="reopen" label="Reopen as draft" variant="secondary" /> : null}
      {has("withdraw") ? <WithdrawForm {...common} /> : null}
    </div>
  );
}
