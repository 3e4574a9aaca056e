"use client";
import { useActionState } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type WorkspaceSettings = {
  id: string;
  name: string;
  publisherName: string;
  publicBaseUrl: string;
  allowSelfApproval: boolean;
};

export function WorkspaceSettingsForm({ settings, action }: { settings: WorkspaceSettings; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: false });
  // After a submit the form shows what was sent (or saved); before it, what is stored.
  const v = state.values;
  const selfApproval = v ? v.allowSelfApproval === "on" : settings.allowSelfApproval;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="workspaceId" value={settings.id} />
      <Field
        label="Workspace name"
        name="name"
        required
        maxLength={80}
        defaultValue={v ? v.name : settings.name}
        errors={state.errors?.name}
      />
      <Field
        label="Publisher name"
        name="publisherName"
        maxLength={120}
        defaultValue={v ? v.publisherName : settings.publisherName}
        errors={state.errors?.publisherName}
        hint="The organisation named as author of published fact-checks (ClaimReview), e.g. “Example Fact Check”."
      />
      <Field
        label="Public base URL"
        name="publicBaseUrl"
        type="url"
        inputMode="url"
        placeholder="https://factcheck.example.org"
        maxLength={500}
        defaultValue={v ? v.publicBaseUrl : settings.publicBaseUrl}
        errors={state.errors?.publicBaseUrl}
        hint="Where your published fact-checks live; used to build their public links. http or https only."
      />
      <fieldset className="space-y-1">
        <legend className="sr-only">Review rule</legend>
        <div className="flex items-start gap-3">
          <input
            id="allowSelfApproval"
            name="allowSelfApproval"
            type="checkbox"
            key={String(selfApproval)}
            defaultChecked={selfApproval}
            aria-describedby="allowSelfApproval-hint allowSelfApproval-error"
            className="mt-1 h-4 w-4 rounded border-line"
          />
          <div>
            <label htmlFor="allowSelfApproval" className="text-sm font-medium text-ink">
              Allow editors to approve their own verdicts
            </label>
            <p id="allowSelfApproval-hint" className="text-xs text-muted">
              Off by default: the four-eyes rule means someone other than the author approves each verdict. Turn it
              on only for a one-person desk.
            </p>
          </div>
        </div>
        <FieldError id="allowSelfApproval-error" errors={state.errors?.allowSelfApproval} />
      </fieldset>
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
