"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/roles";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type MemberRow = { membershipId: string; name: string; email: string; role: Role; isYou: boolean };

export function WorkspaceMembersTable({
  workspaceId,
  members,
  canManage,
  changeRoleAction,
  removeMemberAction,
}: {
  workspaceId: string;
  members: MemberRow[];
  canManage: boolean;
  changeRoleAction: Action;
  removeMemberAction: Action;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members of this workspace</caption>
        <thead className="border-b border-line bg-stone-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Email</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((member) => (
            <tr key={member.membershipId} className="align-top">
              {/* Rows stay top-aligned (a status line may appear under the controls); the text
                  cells are as tall as a button so names sit level with the role select. */}
              <td className="px-4 py-3 font-medium text-ink">
                <div className="flex min-h-[38px] flex-wrap items-center gap-x-2" dir="auto">
                  {member.name || "—"}
                  {member.isYou ? <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-normal text-muted">you</span> : null}
                </div>
              </td>
              <td className="px-4 py-3 text-muted">
                <div className="flex min-h-[38px] items-center break-all">{member.email}</div>
              </td>
              <td className="px-4 py-3">
                {canManage ? (
                  <RoleForm workspaceId={workspaceId} member={member} action={changeRoleAction} />
                ) : (
                  <div className="flex min-h-[38px] items-center text-ink">{ROLE_LABELS[member.role]}</div>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {canManage || member.isYou ? (
                  <RemoveForm workspaceId={workspaceId} member={member} action={removeMemberAction} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RoleForm({ workspaceId, member, action }: { workspaceId: string; member: MemberRow; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const selectId = `role-${member.membershipId}`;
  const messageId = `role-message-${member.membershipId}`;
  const who = member.isYou ? "your" : `${member.name || member.email}'s`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="membershipId" value={member.membershipId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {member.name || member.email}
        </label>
        <select
          id={selectId}
          name="role"
          key={member.role}
          defaultValue={member.role}
          aria-describedby={messageId}
          className="rounded-md border border-line bg-white px-2 py-1.5 text-sm"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          <span>
            Save<span className="sr-only"> {who} role</span>
          </span>
        </SubmitButton>
      </div>
      <p id={messageId} role="status" aria-live="polite" className={`text-xs ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}

function RemoveForm({ workspaceId, member, action }: { workspaceId: string; member: MemberRow; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const [confirming, setConfirming] = useState(false);
  const who = member.name || member.email;
  const verb = member.isYou ? "Leave workspace" : "Remove";
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="membershipId" value={member.membershipId} />
      {confirming ? (
        <div className="flex flex-wrap items-center justify-end gap-2">
          <span className="text-xs text-muted">
            {member.isYou ? "Leave this workspace? You will lose access at once." : `Remove ${who}? They lose access at once.`}
          </span>
          <SubmitButton variant="danger" pendingLabel="Removing…">
            {member.isYou ? "Yes, leave" : `Yes, remove ${who}`}
          </SubmitButton>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="danger"
          onClick={() => setConfirming(true)}
          aria-label={member.isYou ? "Leave workspace" : `Remove ${who}`}
        >
          {verb}
        </Button>
      )}
      <p role="status" aria-live="polite" className={`max-w-xs text-xs ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
