"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { StatementMetadataFields } from "@/components/statement-metadata-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import type { StatementRef } from "@/lib/server/statements";

type State = ActionState<{ duplicate?: StatementRef }>;

export function StatementPasteForm({
  action,
  workspaceId,
  slug,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  workspaceId: string;
  slug: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false } as State);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const duplicate = state.data?.duplicate;
  return (
    <Card>
      <h2 id="paste-statement-heading" className="text-lg font-semibold text-ink">
        Paste a statement
      </h2>
      <p className="mt-1 text-sm text-muted">Only the text is required. Leave the title empty to use the headline or the opening words.</p>
      <form action={formAction} aria-labelledby="paste-statement-heading" className="mt-5 space-y-4" noValidate>
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="ws" value={slug} />
        <Field label="Title" name="title" defaultValue={v.title} errors={e.title} maxLength={300} />
        <StatementMetadataFields values={v} errors={e} />
        <TextArea
          label="Text"
          name="text"
          rows={14}
          required
          dir="auto"
          defaultValue={v.text}
          errors={e.text}
          hint="Paste the statement as published. Paragraphs are kept; line endings and trailing spaces are tidied."
          className="block w-full rounded-md border border-line bg-white px-3 py-2 font-serif text-base leading-relaxed shadow-sm focus:border-accent aria-[invalid]:border-red-600"
        />
        {duplicate ? (
          <p role="status" aria-live="polite" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            This text is already in the workspace as{" "}
            <Link href={`/w/${slug}/statements/${duplicate.id}`} className="font-medium underline underline-offset-2">
              <bdi>{duplicate.title}</bdi>
            </Link>
            ; nothing new was imported.
          </p>
        ) : (
          <FormMessage ok={state.ok} message={state.message} />
        )}
        <SubmitButton pendingLabel="Importing…">Import statement</SubmitButton>
      </form>
    </Card>
  );
}
