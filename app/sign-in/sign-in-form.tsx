"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { signInAction } from "./actions";

const initialState: ActionState = { ok: false };

export type SignInNotice = { ok: boolean; message: string };

export function SignInForm({ redirectTo, notice }: { redirectTo: string; notice?: SignInNotice }) {
  const [state, action] = useActionState(signInAction, initialState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {/* A notice from the page ("You have signed out", an OAuth error) gives way to the outcome of a try. */}
      {notice && !state.message ? <FormMessage ok={notice.ok} message={notice.message} /> : <FormMessage ok={state.ok} message={state.message} />}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        autoFocus
        required
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <div className="pt-2 [&>button]:w-full">
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </div>
    </form>
  );
}
