"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** For a signed-in user: one button to join. */
export function WorkspaceInviteAcceptForm({ token, workspaceName, action }: { token: string; workspaceName: string; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Joining…" className="w-full">Join {workspaceName}</SubmitButton>
    </form>
  );
}

/** For someone without an account yet: create it and join in one step. */
export function WorkspaceInviteSignupForm({
  token,
  email,
  action,
}: {
  token: string;
  email: string | null;
  action: Action;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email ?? ""}
        errors={state.errors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        errors={state.errors?.password}
        hint="At least 12 characters. A few unrelated words make a good one."
      />
      <FormMessage ok={state.ok} message={state.message} />
      {state.ok && state.message ? (
        <p className="text-sm">
          <Link href="/sign-in" className="font-medium text-accent underline underline-offset-2">
            Sign in
          </Link>
        </p>
      ) : null}
      <div className="pt-2">
        <SubmitButton pendingLabel="Creating your account…" className="w-full">
          Create account and join
        </SubmitButton>
      </div>
    </form>
  );
}
