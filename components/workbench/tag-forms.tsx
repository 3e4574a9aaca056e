"use client";
// The tag management forms: one small form per change, each keeping its typing when refused.
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
type Tag = { id: string; name: string; color: string; retired: boolean; usage: number };

const SELECT = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent";

export function CreateTagForm({ action, workspaceId }: { action: Action; workspaceId: string }) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label="New tag" className="space-y-3">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem]">
        <Field label="Name" name="name" id="new-tag-name" defaultValue={state.ok ? "" : (state.values?.name ?? "")} errors={state.errors?.name} maxLength={40} required />
        <Field label="Colour" name="color" id="new-tag-color" type="color" defaultValue={state.values?.color ?? "#4f7cac"} errors={state.errors?.color} className="h-[38px] w-full cursor-pointer rounded-md border border-line bg-white px-1 py-1" />
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Creating…">Create tag</SubmitButton>
    </form>
  );
}

function useTagForm(action: Action) {
  return useActionState(action, { ok: false } as ActionState);
}

export function TagRowForms({ tag, tags, workspaceId, slug, actions }: { tag: Tag; tags: Tag[]; workspaceId: string; slug: string; actions: { rename: Action; recolor: Action; retire: Action; merge: Action } }) {
  const [renamed, rename] = useTagForm(actions.rename);
  const [recolored, recolor] = useTagForm(actions.recolor);
  const [retired, retire] = useTagForm(actions.retire);
  const [merged, merge] = useTagForm(actions.merge);
  const targets = tags.filter((t) => t.id !== tag.id && !t.retired);
  const id = (what: string) => `tag-${tag.id}-${what}`;
  return (
    <div className="grid gap-5 pt-3 sm:grid-cols-2">
      <form action={rename} aria-label={`Rename ${tag.name}`} className="space-y-2">
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="tagId" value={tag.id} />
        <Field label="New name" name="name" id={id("name")} defaultValue={renamed.values?.name ?? tag.name} errors={renamed.errors?.name} maxLength={40} />
        <FormMessage ok={renamed.ok} message={renamed.message} />
        <SubmitButton variant="secondary" pendingLabel="Renaming…">Rename</SubmitButton>
      </form>
      <form action={recolor} aria-label={`Recolour ${tag.name}`} className="space-y-2">
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="tagId" value={tag.id} />
        <Field label="Colour" name="color" id={id("color")} type="color" defaultValue={recolored.values?.color ?? tag.color} errors={recolored.errors?.color} className="h-[38px] w-24 cursor-pointer rounded-md border border-line bg-white px-1 py-1" />
        <FormMessage ok={recolored.ok} message={recolored.message} />
        <SubmitButton variant="secondary" pendingLabel="Saving…">Recolour</SubmitButton>
      </form>
      <form action={merge} aria-label={`Merge ${tag.name}`} className="space-y-2">
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="sourceTagId" value={tag.id} />
        <input type="hidden" name="sourceName" value={tag.name} />
        <input type="hidden" name="slug" value={slug} />
        <div className="space-y-1">
          <label htmlFor={id("merge")} className="block text-sm font-medium text-ink">
            Merge into
          </label>
          <select id={id("merge")} name="targetTagId" defaultValue="" className={SELECT} aria-describedby={id("merge-hint")} required>
            <option value="" disabled>
              Choose a tag…
            </option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <p id={id("merge-hint")} className="text-xs text-muted">
            {merged.errors?.targetTagId?.[0] ?? `Moves its ${tag.usage} ${tag.usage === 1 ? "claim" : "claims"} to the chosen tag and removes “${tag.name}”.`}
          </p>
        </div>
        <FormMessage ok={merged.ok} message={merged.message} />
        <SubmitButton variant="secondary" pendingLabel="Merging…">Merge</SubmitButton>
      </form>
      <form action={retire} aria-label={`${tag.retired ? "Restore" : "Retire"} ${tag.name}`} className="space-y-2">
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <input type="hidden" name="tagId" value={tag.id} />
        {tag.retired ? <input type="hidden" name="restore" value="1" /> : null}
        <p className="text-sm font-medium text-ink">{tag.retired ? "Retired" : "Retire"}</p>
        <p className="text-xs text-muted">{tag.retired ? "Claims keep it, but it cannot be applied. Restore it to offer it again." : "Claims keep it, but nobody can apply it any more."}</p>
        <FormMessage ok={retired.ok} message={retired.message} />
        <SubmitButton variant={tag.retired ? "secondary" : "danger"} pendingLabel="Saving…">
          {tag.retired ? "Restore" : "Retire"}
        </SubmitButton>
      </form>
    </div>
  );
}
