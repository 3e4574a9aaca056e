"use client";
// Adding and editing a source: one set of fields, each form keeping its typing when refused.
import { useActionState } from "react";
import { Field, FieldError, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import type { SourceDTO } from "@/lib/server/sources";
import { STANCE_CHOICES } from "./source-stance";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
type Values = { url: string; title: string; publisher: string; publishedAt: string; excerpt: string; stance: string; archiveUrl: string };

const EMPTY: Values = { url: "", title: "", publisher: "", publishedAt: "", excerpt: "", stance: "", archiveUrl: "" };

function valuesOf(source: SourceDTO): Values {
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    publishedAt: source.publishedAt ?? "",
    excerpt: source.excerpt,
    stance: source.stance,
    archiveUrl: source.archiveUrl ?? "",
  };
}

/** After a refusal the form shows what was typed; otherwise what is stored (or nothing, for a new one). */
function shown(state: ActionState, stored: Values): Values {
  if (state.ok || !state.values) return stored;
  return { ...stored, ...state.values };
}

function SourceFields({ prefix, values, errors }: { prefix: string; values: Values; errors?: Record<string, string[]> }) {
  const id = (name: string) => `${prefix}-${name}`;
  const stanceError = errors?.stance;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field label="URL" name="url" id={id("url")} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://" defaultValue={values.url} errors={errors?.url} required />
      </div>
      <div className="sm:col-span-2">
        <Field label="Title" name="title" id={id("title")} defaultValue={values.title} errors={errors?.title} required dir="auto" />
      </div>
      <Field label="Publisher" name="publisher" id={id("publisher")} defaultValue={values.publisher} errors={errors?.publisher} hint="Outlet, agency or organisation." dir="auto" />
      <Field label="Publication date" name="publishedAt" id={id("publishedAt")} type="date" defaultValue={values.publishedAt} errors={errors?.publishedAt} hint="Leave empty if the page has none." />
      <fieldset className="sm:col-span-2" aria-describedby={stanceError?.length ? id("stance-error") : undefined}>
        <legend className="text-sm font-medium text-ink">Stance</legend>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {STANCE_CHOICES.map((choice) => (
            <label
              key={choice.value}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-line bg-white px-3 py-1.5 text-sm text-ink has-[:checked]:border-ink has-[:checked]:bg-stone-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
            >
              <input type="radio" name="stance" value={choice.value} defaultChecked={values.stance === choice.value} className="h-3.5 w-3.5 accent-ink" required />
              <span className="font-medium">{choice.label}</span>
              <span className="text-xs text-muted">{choice.hint}</span>
            </label>
          ))}
        </div>
        <FieldError id={id("stance-error")} errors={stanceError} />
      </fieldset>
      <div className="sm:col-span-2">
        <TextArea label="Quoted excerpt" name="excerpt" id={id("excerpt")} rows={4} defaultValue={values.excerpt} errors={errors?.excerpt} hint="The passage that bears on the claim, copied as written (up to 5,000 characters)." dir="auto" />
      </div>
      <div className="sm:col-span-2">
        <Field label="Archived copy URL" name="archiveUrl" id={id("archiveUrl")} type="url" inputMode="url" autoComplete="off" spellCheck={false} defaultValue={values.archiveUrl} errors={errors?.archiveUrl} hint="Optional: a snapshot (e.g. on the Wayback Machine) in case the page changes or disappears." />
      </div>
    </div>
  );
}

export function AddSourceForm({ action, workspaceId, claimId }: { action: Action; workspaceId: string; claimId: string }) {
  const [state, formAction] = useActionState(action, { ok: false } as ActionState);
  return (
    // noValidate: the server's messages (which links are refused and why) are clearer than the browser's.
    <form action={formAction} aria-label="Add source" noValidate className="space-y-4">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="claimId" value={claimId} />
      <SourceFields prefix="new-source" values={shown(state, EMPTY)} errors={state.errors} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Adding…">Add source</SubmitButton>
    </form>
  );
}

export function EditSourceForm({ action, workspaceId, source }: { action: Action; workspaceId: string; source: SourceDTO }) {
  const [state, formAction] = useActionState(action, { ok: false } as ActionState);
  return (
    <form action={formAction} aria-label={`Edit source ${source.n}`} noValidate className="space-y-4">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="sourceId" value={source.id} />
      <SourceFields prefix={`edit-source-${source.id}`} values={shown(state, valuesOf(source))} errors={state.errors} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save changes
      </SubmitButton>
    </form>
  );
}
