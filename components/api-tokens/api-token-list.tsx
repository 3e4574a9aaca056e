"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, type Role } from "@/lib/roles";
import type { ActionState } from "@/lib/server/action";
import { formatDateTime } from "@/lib/text/dates";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  endedAt: string | null;
  status: "active" | "expired" | "revoked";
};

/** The member's tokens: what each may do, when it was made and last used, and when it ends. */
export function ApiTokenList({ workspaceId, tokens, revokeAction }: { workspaceId: string; tokens: ApiTokenRow[]; revokeAction: Action }) {
  if (tokens.length === 0) return <p className="text-sm text-muted">You have no API tokens in this workspace yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens in this workspace</caption>
        <thead className="border-b border-line bg-stone-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">Created</th>
            <th scope="col" className="px-4 py-3 font-medium">Last used</th>
            <th scope="col" className="px-4 py-3 font-medium">Expires</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id} className={`align-top ${token.status === "active" ? "" : "bg-stone-50/70 text-muted"}`}>
              <td className="px-4 py-3">
                <div className={`font-medium ${token.status === "active" ? "text-ink" : "text-muted"}`} dir="auto">
                  {token.name}
                </div>
                <div className="font-mono text-xs text-muted">{token.prefix}</div>
              </td>
              <td className="px-4 py-3">{ROLE_LABELS[token.role]}</td>
              <td className="px-4 py-3">
                <Moment value={token.createdAt} />
              </td>
              <td className="px-4 py-3">{token.lastUsedAt ? <Moment value={token.lastUsedAt} /> : "Never"}</td>
              <td className="px-4 py-3">
                {token.status === "active" ? (
                  token.expiresAt ? <Moment value={token.expiresAt} /> : "Never"
                ) : (
                  <>
                    <span className="rounded-full border border-line px-2 py-0.5 text-xs">{token.status === "revoked" ? "Revoked" : "Expired"}</span>
                    <div className="mt-1 text-xs">
                      <Moment value={token.endedAt!} />
                    </div>
                  </>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {token.status === "active" ? <RevokeForm workspaceId={workspaceId} token={token} action={revokeAction} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Moment({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

function RevokeForm({ workspaceId, token, action }: { workspaceId: string; token: ApiTokenRow; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="tokenId" value={token.id} />
      {confirming ? (
        <div className="flex flex-col items-end gap-2">
          <span className="w-40 text-right text-xs text-muted">Anything using this token stops working at once.</span>
          <div className="flex gap-2">
            <SubmitButton variant="danger" pendingLabel="Revoking…">
              Yes, revoke
            </SubmitButton>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
          Revoke
        </Button>
      )}
      <p role="status" aria-live="polite" className={`max-w-xs text-xs ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
