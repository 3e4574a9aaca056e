"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { changePasswordAction } from "./actions";

const initialState: ActionState = { ok: false };

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState(changePasswordAction, initialState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {hasPassword ? (
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={state.errors?.currentPassword}
        />
      ) : null}
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters."
        errors={state.errors?.newPassword}
      />
      <Field
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmPassword}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Changing password…">{hasPassword ? "Change password" : "Set password"}</SubmitButton>
    </form>
  );
}
