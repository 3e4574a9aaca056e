"use client";
// Correcting a statement's text: edit it in place or paste the new version over it. Highlights
// follow the text; those that cannot be placed become orphans, shown on the statement page.
import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, TextArea } from "@/components/ui/field";
import type { ActionState } from "@/lib/server/action";

type Outcome = { revision: number; placed: number; orphaned: number };

const noSubscription = () => () => {};

/** False in the server's HTML and while hydrating, true once React owns the page. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function CorrectionForm({
  action,
  workspaceId,
  statementId,
  revision,
  text,
  statementHref,
}: {
  action: (state: ActionState<Outcome>, data: FormData) => Promise<ActionState<Outcome>>;
  workspaceId: string;
  statementId: string;
  revision: number;
  text: string;
  statementHref: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false } as ActionState<Outcome>);
  const base = state.values?.baseRevision ?? String(revision);
  // Hydrating a <textarea> writes its default text back into it, discarding what was typed or
  // pasted before; a paste racing with that lands next to the old text and saves it twice. So the
  // text is read-only until the page is hydrated.
  const hydrated = useHydrated();
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="statementId" value={statementId} />
      <input type="hidden" name="baseRevision" value={base} />
      <TextArea
        label="Statement text"
        name="text"
        hint="Edit the text, or select all and paste the corrected version. Paragraphs are separated by a blank line."
        defaultValue={state.values?.text ?? text}
        errors={state.errors?.text}
        rows={22}
        dir="auto"
        readOnly={!hydrated}
        className="block w-full rounded-md border border-line bg-white px-4 py-3 font-serif text-base leading-relaxed shadow-sm focus:border-accent"
      />
      <Field label="What changed (optional)" name="note" defaultValue={state.values?.note ?? ""} errors={state.errors?.note} hint="For example: “Fixed the figure in paragraph 3 from the official transcript.”" />
      <FormMessage ok={state.ok} message={state.message ?? state.errors?.baseRevision?.[0]} />
      {state.ok && state.data ? (
        <dl aria-label="Correction result" className="grid grid-cols-3 gap-3 text-center">
          <div className="rounded-md border border-line bg-stone-50 p-3">
            <dt className="text-xs text-muted">Revision</dt>
            <dd className="text-xl font-semibold">{state.data.revision}</dd>
          </div>
          <div className="rounded-md border border-line bg-stone-50 p-3">
            <dt className="text-xs text-muted">Placed</dt>
            <dd className="text-xl font-semibold">{state.data.placed}</dd>
          </div>
          <div className={`rounded-md border p-3 ${state.data.orphaned ? "border-amber-200 bg-amber-50" : "border-line bg-stone-50"}`}>
            <dt className="text-xs text-muted">Orphaned</dt>
            <dd className="text-xl font-semibold">{state.data.orphaned}</dd>
          </div>
        </dl>
      ) : null}
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel="Saving the correction…">Save correction</SubmitButton>
        <Link href={statementHref} className="text-sm text-muted hover:text-ink">
          {state.ok ? "Back to the statement" : "Cancel"}
        </Link>
      </div>
    </form>
  );
}
