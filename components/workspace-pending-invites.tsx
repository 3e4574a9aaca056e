"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, type Role } from "@/lib/roles";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type PendingInvite = { id: string; role: Role; email: string | null; createdByName: string; expiresLabel: string };

export function WorkspacePendingInvites({
  workspaceId,
  invites,
  action,
}: {
  workspaceId: string;
  invites: PendingInvite[];
  action: Action;
}) {
  if (!invites.length) return <p className="text-sm text-muted">No open invites.</p>;
  return (
    <ul className="divide-y divide-line">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="text-sm">
            <p className="font-medium text-ink">
              {ROLE_LABELS[invite.role]} {invite.email ? <span className="font-normal text-muted">for {invite.email}</span> : null}
            </p>
            <p className="text-xs text-muted">
              By {invite.createdByName} · expires {invite.expiresLabel}
            </p>
          </div>
          <RevokeForm workspaceId={workspaceId} invite={invite} action={action} />
        </li>
      ))}
    </ul>
  );
}

function RevokeForm({ workspaceId, invite, action }: { workspaceId: string; invite: PendingInvite; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="inviteId" value={invite.id} />
      <SubmitButton variant="danger" pendingLabel="Withdrawing…">
        <span>
          Revoke<span className="sr-only"> {ROLE_LABELS[invite.role]} invite{invite.email ? ` for ${invite.email}` : ""}</span>
        </span>
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-xs text-red-700">
        {state.ok ? "" : state.message}
      </p>
    </form>
  );
}
