"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { WorkspaceRoleSelect } from "./workspace-role-select";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Adds someone who already has a Factdesk account. */
export function WorkspaceAddMemberForm({ workspaceId, action }: { workspaceId: string; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <Field
        id="add-member-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <WorkspaceRoleSelect id="add-member-role" defaultValue={state.values?.role || "checker"} errors={state.errors?.role} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Adding…">Add member</SubmitButton>
    </form>
  );
}
