"use client";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/roles";
import type { ActionState } from "@/lib/server/action";

type CreatedToken = { id: string; name: string; token: string };
type Action = (state: ActionState<CreatedToken>, formData: FormData) => Promise<ActionState<CreatedToken>>;

const EXPIRY_CHOICES = [
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
  { value: "never", label: "Never" },
];

/** Makes a token with a name, a role up to the member's own and an expiry; shows it once. */
export function CreateApiTokenForm({ workspaceId, roles, action }: { workspaceId: string; roles: Role[]; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const created = state.ok && state.data ? state.data : null;
  const values = state.values ?? {};
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <Field
          id="token-name"
          label="Name"
          name="name"
          autoComplete="off"
          maxLength={100}
          defaultValue={values.name}
          errors={state.errors?.name}
          hint="What uses it, e.g. “Nightly import script”."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Choice
            id="token-role"
            name="role"
            label="Role"
            defaultValue={values.role || roles[0] || "viewer"}
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] }))}
            errors={state.errors?.role}
            hint="Up to your own role, and never more than your role when the token is used."
          />
          <Choice
            id="token-expiry"
            name="expiresInDays"
            label="Expires"
            defaultValue={values.expiresInDays || "90"}
            options={EXPIRY_CHOICES}
            errors={state.errors?.expiresInDays}
          />
        </div>
        <FormMessage ok={state.ok} message={state.message} />
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      {created ? <NewToken key={created.id} name={created.name} token={created.token} /> : null}
    </div>
  );
}

function Choice({
  id,
  name,
  label,
  defaultValue,
  options,
  errors,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  errors?: string[];
  hint?: string;
}) {
  const [value, setValue] = useState(defaultValue);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const optionHint = options.find((o) => o.value === value)?.hint;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        key={defaultValue}
        id={id}
        name={name}
        // Uncontrolled: React resets forms after an action; the key brings back what was chosen.
        defaultValue={defaultValue}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[optionHint || hint ? hintId : "", errors?.length ? errorId : ""].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-600"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {optionHint || hint ? (
        <p id={hintId} className="text-xs text-muted">
          {[optionHint, hint].filter(Boolean).join(" ")}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

function NewToken({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Without clipboard access (plain http, old browsers) select it for Ctrl+C instead.
      input.current?.select();
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
      <label htmlFor="new-token" className="block text-sm font-medium text-emerald-950">
        Your new token “{name}”
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id="new-token"
          readOnly
          value={token}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-xs text-ink"
        />
        <Button type="button" variant="secondary" onClick={copy} className="shrink-0 whitespace-nowrap">
          {copied ? "Copied" : "Copy token"}
        </Button>
      </div>
      <p className="text-xs text-emerald-900" aria-live="polite">
        {copied ? "Copied to the clipboard. " : ""}Copy it now: it is shown only this once. Keep it secret, like a password.
      </p>
    </div>
  );
}
