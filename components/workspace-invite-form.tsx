"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { formatDateTime } from "@/lib/text/dates";
import { WorkspaceRoleSelect } from "./workspace-role-select";

type InviteData = { url: string; expiresAt: string };
type Action = (state: ActionState<InviteData>, formData: FormData) => Promise<ActionState<InviteData>>;

/** Creates a single-use invite link and shows it once, with a copy button. */
export function WorkspaceInviteForm({ workspaceId, action }: { workspaceId: string; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const link = state.ok && state.data ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <WorkspaceRoleSelect id="invite-role" defaultValue={state.values?.role || "checker"} errors={state.errors?.role} />
        <Field
          id="invite-email"
          label="Only for this email (optional)"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={state.values?.email}
          errors={state.errors?.email}
          hint="Leave empty for a link anyone can use once."
        />
        <FormMessage ok={state.ok} message={state.message} />
        <SubmitButton pendingLabel="Creating…">Create invite link</SubmitButton>
      </form>
      {link ? <CreatedLink key={link.url} path={link.url} expiresAt={link.expiresAt} /> : null}
    </div>
  );
}

function CreatedLink({ path, expiresAt }: { path: string; expiresAt: string }) {
  const [copied, setCopied] = useState(false);
  const [origin, setOrigin] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access (plain http, old browsers) select it for Ctrl+C instead.
      input.current?.select();
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
      <label htmlFor="invite-link" className="block text-sm font-medium text-emerald-950">
        Invite link
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id="invite-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-xs text-ink"
        />
        <Button type="button" variant="secondary" onClick={copy} className="shrink-0 whitespace-nowrap">
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p className="text-xs text-emerald-900" aria-live="polite">
        {copied ? "Copied to the clipboard. " : ""}Works once, until <time dateTime={expiresAt}>{formatDateTime(expiresAt)}</time>.
      </p>
    </div>
  );
}
