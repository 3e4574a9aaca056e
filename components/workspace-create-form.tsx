"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function WorkspaceCreateForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        required
        maxLength={80}
        autoComplete="off"
        defaultValue={state.values?.name}
        errors={state.errors?.name}
      />
      <Field
        label="Address (optional)"
        name="slug"
        maxLength={48}
        autoComplete="off"
        spellCheck={false}
        defaultValue={state.values?.slug}
        errors={state.errors?.slug}
        hint="Lower-case letters, digits and hyphens, used in links: /w/your-desk. Leave empty to derive it from the name."
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
    </form>
  );
}
