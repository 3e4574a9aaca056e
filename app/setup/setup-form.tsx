"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { setupAction } from "./actions";

const initialState: ActionState = { ok: false };

export function SetupForm() {
  const [state, action] = useActionState(setupAction, initialState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field label="Your name" name="name" autoComplete="name" autoFocus required defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters. A few unrelated words make a strong one."
        errors={state.errors?.password}
      />
      <Field
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmPassword}
      />
      <div className="pt-2 [&>button]:w-full">
        <SubmitButton pendingLabel="Creating your account…">Create account and continue</SubmitButton>
      </div>
    </form>
  );
}
