"use client";
// The rating scale's editing forms: one small form per change, each keeping its typing when the
// change is refused. Label, colour and description are controlled so the badge preview follows
// the typing (and React's reset after an action cannot wipe them).
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FieldError, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/server/action";
import { DESCRIPTION_MAX, isHexColor, LABEL_MAX } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "./rating-badge";

type Action<D = unknown> = (state: ActionState<D>, data: FormData) => Promise<ActionState<D>>;

export type EditableLevel = { id: string; label: string; color: string; description: string; ordinal: number | null; retired: boolean; usage: number; inUse: boolean };

type Values = { label: string; color: string; description: string };

/** Label, colour (picker plus #rrggbb text) and description, with a live preview of the badge. */
function LevelFields({ idPrefix, initial, errors }: { idPrefix: string; initial: Values; errors?: Record<string, string[]> }) {
  const [label, setLabel] = useState(initial.label);
  const [color, setColor] = useState(initial.color);
  const [description, setDescription] = useState(initial.description);
  const id = (what: string) => `${idPrefix}-${what}`;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <Field label="Label" name="label" id={id("label")} value={label} onChange={(e) => setLabel(e.target.value)} errors={errors?.label} maxLength={LABEL_MAX + 20} autoComplete="off" required />
        <div className="space-y-1">
          <label htmlFor={id("color")} className="block text-sm font-medium text-ink">
            Colour
          </label>
          <div className="flex gap-2">
            <input
              type="color"
              aria-label="Colour picker"
              value={isHexColor(color) ? color.toLowerCase() : "#000000"}
              onChange={(e) => setColor(e.target.value)}
              className="h-[38px] w-12 shrink-0 cursor-pointer rounded-md border border-line bg-white px-1 py-1"
            />
            <input
              id={id("color")}
              name="color"
              value={color}
              onChange={(e) => setColor(e.target.value)}
              maxLength={7}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errors?.color?.length ? true : undefined}
              aria-describedby={`${id("color")}-hint ${id("color")}-error`}
              className="block w-full rounded-md border border-line bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600"
            />
          </div>
          <p id={`${id("color")}-hint`} className="text-xs text-muted">
            Pick one or type it as #rrggbb.
          </p>
          <FieldError id={`${id("color")}-error`} errors={errors?.color} />
        </div>
      </div>
      <TextArea
        label="Description"
        name="description"
        id={id("description")}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors?.description}
        rows={2}
        maxLength={DESCRIPTION_MAX + 50}
        hint="What the rating means, for checkers choosing it and readers of the published fact-check."
      />
      <p className="flex items-center gap-2 text-sm text-muted">
        Preview: <RatingBadge label={label.trim() || "Label"} color={color} />
      </p>
    </div>
  );
}

/** The form-level message, unless it only repeats a field's message shown beside that field. */
function formMessageOf(state: ActionState<unknown>): string | undefined {
  const fieldMessages = Object.values(state.errors ?? {}).flat();
  return state.message && fieldMessages.includes(state.message) ? undefined : state.message;
}

export function CreateLevelForm({ action, workspaceId }: { action: Action<{ id: string }>; workspaceId: string }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const [inOrder, setInOrder] = useState(true);
  // A new key after each level added empties the fields; a refusal keeps the typing.
  const created = state.data?.id ?? "none";
  return (
    <form action={formAction} aria-label="New level" className="space-y-4" noValidate>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <LevelFields key={created} idPrefix="new-level" initial={{ label: "", color: "#4f7cac", description: "" }} errors={state.errors} />
      <div className="flex items-start gap-3">
        <input id="new-level-in-order" name="inOrder" type="checkbox" checked={inOrder} onChange={(e) => setInOrder(e.target.checked)} className="mt-0.5 h-4 w-4 rounded border-line" aria-describedby="new-level-in-order-hint" />
        <div>
          <label htmlFor="new-level-in-order" className="text-sm font-medium text-ink">
            Part of the truth order
          </label>
          <p id="new-level-in-order-hint" className="text-xs text-muted">
            It joins at the bottom, as the least true level; move it up from there. Untick for ratings that are not a degree of truth (opinion, satire…).
          </p>
        </div>
      </div>
      <FormMessage ok={state.ok} message={formMessageOf(state)} />
      <SubmitButton pendingLabel="Adding…">Add level</SubmitButton>
    </form>
  );
}

export function EditLevelForm({ action, workspaceId, level }: { action: Action; workspaceId: string; level: EditableLevel }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const stored = { label: level.label, color: level.color, description: level.description };
  return (
    <form action={formAction} aria-label={`Edit ${level.label}`} className="space-y-3" noValidate>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="levelId" value={level.id} />
      {/* Saved values arriving from the server (this or another editor's change) refill the fields. */}
      <LevelFields key={`${level.label}\u0000${level.color}\u0000${level.description}`} idPrefix={`level-${level.id}`} initial={stored} errors={state.errors} />
      <FormMessage ok={state.ok} message={formMessageOf(state)} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save changes
      </SubmitButton>
    </form>
  );
}

/**
 * "Move up" and "Move down" for one level. Keyboard users keep their place: the button they used
 * has focus again after the list re-renders (or the other one, once the level reached an end).
 */
export function MoveButtons({ action, workspaceId, level, canMoveUp, canMoveDown }: { action: Action; workspaceId: string; level: { id: string; label: string }; canMoveUp: boolean; canMoveDown: boolean }) {
  const [state, formAction] = useActionState(action, { ok: false });
  const used = useRef<"up" | "down" | null>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!state.ok || !used.current) return;
    const [same, other] = used.current === "up" ? [up.current, down.current] : [down.current, up.current];
    (same && !same.disabled ? same : other)?.focus();
  }, [state, canMoveUp, canMoveDown]);
  const button = (direction: "up" | "down", enabled: boolean, ref: React.RefObject<HTMLButtonElement | null>) => (
    <form action={formAction}>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="levelId" value={level.id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        ref={ref}
        type="submit"
        disabled={!enabled}
        onClick={() => (used.current = direction)}
        aria-label={`Move ${level.label} ${direction}`}
        title={direction === "up" ? "Move up (truer)" : "Move down"}
        className="flex h-8 w-8 items-center justify-center rounded-md border border-line bg-white text-muted hover:bg-stone-50 hover:text-ink disabled:cursor-not-allowed disabled:opacity-40"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-4 w-4 ${direction === "down" ? "rotate-180" : ""}`}>
          <path d="M8 3.5 3.5 8.5h3V12.5h3V8.5h3z" fill="currentColor" />
        </svg>
      </button>
    </form>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-1">
        {button("up", canMoveUp, up)}
        {button("down", canMoveDown, down)}
      </div>
      {state.ok ? (
        <p role="status" aria-live="polite" className="sr-only">
          {state.message}
        </p>
      ) : state.message ? (
        <p role="status" aria-live="polite" className="max-w-48 text-right text-xs text-red-700">
          {state.message}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="sr-only" />
      )}
    </div>
  );
}

/** One button that sends a level's id (and the page's slug, to come back to it) with a fixed flag. */
function LevelButtonForm({
  action,
  workspaceId,
  slug,
  level,
  fields,
  label,
  pendingLabel,
  variant,
  explanation,
}: {
  action: Action;
  workspaceId: string;
  slug: string;
  level: EditableLevel;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant: "secondary" | "danger";
  explanation: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label={`${label}: ${level.label}`} className="space-y-2">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="levelId" value={level.id} />
      <input type="hidden" name="slug" value={slug} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-xs text-muted">{explanation}</p>
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}

function usageText(level: EditableLevel): string {
  if (level.usage > 0) return `It rates ${level.usage === 1 ? "1 verdict" : `${level.usage} verdicts`}, so it can be retired but not deleted.`;
  if (level.inUse) return "Earlier versions of verdicts used it, so it can be retired but not deleted.";
  return "No verdict uses it yet.";
}

/** Into or out of the truth order, retire or restore, and delete (only what no verdict used). */
export function LevelStateForms({
  actions,
  workspaceId,
  slug,
  level,
}: {
  actions: { truthOrder: Action; retire: Action; remove: Action };
  workspaceId: string;
  slug: string;
  level: EditableLevel;
}) {
  const common = { workspaceId, slug, level };
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {level.retired ? null : level.ordinal === null ? (
        <LevelButtonForm {...common} action={actions.truthOrder} fields={{ inOrder: "1" }} label="Put in truth order" pendingLabel="Moving…" variant="secondary" explanation="It joins at the bottom of the truth order and gets a ClaimReview number." />
      ) : (
        <LevelButtonForm {...common} action={actions.truthOrder} fields={{ inOrder: "0" }} label="Take out of truth order" pendingLabel="Moving…" variant="secondary" explanation="Published with its name only, without a number; the levels below move up." />
      )}
      {level.retired ? (
        <LevelButtonForm {...common} action={actions.retire} fields={{ restore: "1" }} label="Restore" pendingLabel="Restoring…" variant="secondary" explanation="Offered again, back where it was in the scale." />
      ) : (
        <LevelButtonForm {...common} action={actions.retire} label="Retire" pendingLabel="Retiring…" variant="danger" explanation={`No longer offered for new ratings; verdicts keep it. ${usageText(level)}`} />
      )}
      {level.inUse ? null : (
        <LevelButtonForm {...common} action={actions.remove} label="Delete" pendingLabel="Deleting…" variant="danger" explanation="Removes it for good. Only possible while no verdict has used it." />
      )}
    </div>
  );
}
