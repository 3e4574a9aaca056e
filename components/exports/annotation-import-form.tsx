"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import type { AnnotationsImportResult } from "@/lib/server/annotation-import";

type Action = (previous: ActionState<AnnotationsImportResult>, formData: FormData) => Promise<ActionState<AnnotationsImportResult>>;

export function AnnotationImportForm({ action, workspaceId, statementId, statementHref }: { action: Action; workspaceId: string; statementId: string; statementHref: string }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const values = state.values ?? {};
  const result = state.ok ? state.data : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="statementId" value={statementId} />
      <div className="space-y-1">
        <label htmlFor="annotation-file" className="block text-sm font-medium text-ink">
          Annotation file
        </label>
        <input id="annotation-file" name="file" type="file" accept=".json,.jsonld,application/json,application/ld+json" className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-stone-50" aria-describedby="document-error" />
      </div>
      <TextArea
        label="Or paste the annotations (JSON)"
        name="document"
        rows={8}
        defaultValue={state.ok ? "" : (values.document ?? "")}
        errors={state.errors?.document}
        hint="A W3C Web Annotation, AnnotationPage or AnnotationCollection, or a Hypothesis export."
      />
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-ink">Annotations that do not say what they are become</legend>
        <label className="mr-4 inline-flex items-center gap-2">
          <input type="radio" name="defaultKind" value="note" defaultChecked={(values.defaultKind ?? "note") === "note"} /> notes
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="defaultKind" value="claim" defaultChecked={values.defaultKind === "claim"} /> claims
        </label>
      </fieldset>
      <FormMessage ok={state.ok} message={state.message} />
      {result && result.problems.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <h2 className="font-medium">What to look at</h2>
          <ul className="mt-1 list-disc pl-5">
            {result.problems.map((p, i) => (
              <li key={i}>{p.index === null ? p.message : `Annotation ${p.index + 1}: ${p.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel="Importing…">Import annotations</SubmitButton>
        {result ? (
          <Link href={statementHref} className="text-sm text-accent hover:underline">
            Back to the statement
          </Link>
        ) : null}
      </div>
    </form>
  );
}
