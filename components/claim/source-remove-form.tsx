"use client";
// Removing a source is for good, so it asks first, and says that later sources are renumbered.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { SOURCE_TOOL_BUTTON } from "./source-item";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function RemoveSourceForm({ action, workspaceId, sourceId, n, title, last }: { action: Action; workspaceId: string; sourceId: string; n: number; title: string; last: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction] = useActionState(action, { ok: false } as ActionState);
  if (!confirming) {
    return (
      <button type="button" className={SOURCE_TOOL_BUTTON} onClick={() => setConfirming(true)} aria-label={`Remove source ${n}`}>
        Remove
      </button>
    );
  }
  return (
    <form action={formAction} aria-label={`Remove source ${n}`} className="w-full space-y-2 rounded-md border border-red-200 bg-red-50/60 p-3">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <p className="text-sm text-ink">
        Remove source [{n}] “{title}” from this claim?
        {last ? "" : " The sources after it move up one number; a draft verdict’s citations follow, and its citations of this source read “[source removed]”."}
      </p>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="flex gap-2">
        <SubmitButton variant="danger" pendingLabel="Removing…">
          Remove source
        </SubmitButton>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
