"use client";
// Editing one highlight in the side panel: a claim's "claim reviewed", status, assignee and tags,
// or a note's body; deleting it. Controls appear only for people who may use them (the service
// layer enforces the same rules).
//
// What is typed lives in the workbench's draft store (lib/claim-drafts.ts), not here: this editor
// closes whenever another highlight opens, and the typing must outlive it (and a reload). A draft
// over a claim someone else changed meanwhile shows both versions and lets the reader choose; a
// draft of a highlight someone deletes is kept in the side panel (kept-draft.tsx) to be copied.
//
// Esc closes the editor, from its text fields too (the workbench's own keys leave those alone):
// the typing stays as a draft, and the focus goes back to the highlight's row.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { claimChanges, DRAFT_FIELD_LABELS, keepMine, resolveDraft, takeTheirs, valuesOf, type ClaimDraftStore, type DraftField, type DraftValues } from "@/lib/claim-drafts";
import type { FieldErrors } from "@/lib/server/errors";
import { describeField, handFocusToKeptDraft } from "./kept-draft";
import { STATUS_LABELS, type Can, type WorkbenchHighlight, type WorkbenchMember, type WorkbenchTag } from "./types";
import { useClaimDraft } from "./use-claim-draft";

type Result = { ok: true } | { ok: false; message: string; errors?: FieldErrors };

const MANUAL = ["to_check", "researching"];
const CONTROL = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600";

export type ClaimEditorProps = {
  highlight: WorkbenchHighlight;
  can: Can;
  userId: string;
  tags: WorkbenchTag[];
  members: WorkbenchMember[];
  drafts: ClaimDraftStore;
  onSaveClaim: (h: WorkbenchHighlight, changes: { claimReviewed?: string; status?: string; assigneeId?: string | null; tagIds?: string[] }) => Promise<Result>;
  onSaveHighlight: (h: WorkbenchHighlight, changes: { kind?: "claim" | "note"; body?: string }) => Promise<Result>;
  onDelete: (h: WorkbenchHighlight) => Promise<Result>;
  onClose: () => void;
};

export function ClaimEditor({ highlight: h, can, userId, tags, members, drafts, onSaveClaim, onSaveHighlight, onDelete, onClose }: ClaimEditorProps) {
  const claim = h.claim;
  // What the server holds, and the reader's draft over it (if any).
  const current = useMemo(() => valuesOf(h), [h]);
  const draft = useClaimDraft(drafts, h.id);
  const resolved = useMemo(() => (draft ? resolveDraft(draft, current) : null), [draft, current]);
  const values = resolved?.values ?? current;
  const conflicts = resolved?.conflicts ?? [];
  const unsaved = resolved?.unsaved ?? false;
  const { claimReviewed, status, assigneeId, tagIds, body } = values;
  const edit = (patch: Partial<DraftValues>) => drafts.edit(h.id, current, { ...values, ...patch });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; errors?: FieldErrors } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const pathname = usePathname();
  const root = useRef<HTMLDivElement>(null);

  // Gone because someone deleted the highlight while the reader was in here: the kept draft
  // that takes its place takes the focus too (it runs before the editor leaves the page).
  const { id } = h;
  useLayoutEffect(() => {
    const el = root.current;
    return () => {
      if (el?.contains(document.activeElement) && drafts.get(id)?.deleted) handFocusToKeptDraft(id);
    };
  }, [drafts, id]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== "Escape" || e.defaultPrevented || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (confirming) setConfirming(false);
    else onClose();
  }

  const mayEditClaim = can.annotate && h.kind === "claim" && claim !== null && !h.state;
  const mayChange = can.annotate && !h.state && (h.author.id === userId || can.moderate);
  const errorsOf = (field: string) => outcome?.errors?.[field];

  // Retired tags stay shown on the claims that carry them but are not offered.
  const offered = [...tags, ...(claim?.tags.filter((t) => !tags.some((x) => x.id === t.id)) ?? [])];

  async function run(action: () => Promise<Result>, success: string) {
    setBusy(true);
    setOutcome(null);
    const result = await action();
    setBusy(false);
    setOutcome(result.ok ? { ok: true, message: success } : result);
  }

  // A draft holding nothing the server lacks (someone saved the same change) goes quietly.
  function nothingChanged() {
    drafts.discard(h.id);
    setOutcome({ ok: true, message: "Nothing changed." });
  }

  function saveClaim(e: React.FormEvent) {
    e.preventDefault();
    if (!claim || conflicts.length) return;
    const changes = claimChanges(values, current);
    if (Object.keys(changes).length === 0) return nothingChanged();
    void run(() => onSaveClaim(h, changes), "Claim saved.");
  }

  function saveNote(e: React.FormEvent) {
    e.preventDefault();
    if (conflicts.length) return;
    if (body === current.body) return nothingChanged();
    void run(() => onSaveHighlight(h, { body }), "Note saved.");
  }

  function discardChanges() {
    drafts.discard(h.id);
    setOutcome(null);
  }

  const describe = (field: DraftField, v: DraftValues): string => describeField(field, v, { members, tags: offered });

  const idBase = `hl-${h.id}`;
  // The claim page lives beside the statements: /w/<slug>/claims/<id>.
  const claimHref = claim ? `${pathname.split("/statements/")[0]}/claims/${claim.id}` : null;
  return (
    <div ref={root} onKeyDown={onKeyDown} className="mt-3 space-y-4 border-t border-line pt-4" role="group" aria-label={h.kind === "claim" ? "Claim editor" : "Note editor"}>
      <blockquote dir="auto" className="border-l-2 pl-3 font-serif text-[0.95rem] leading-snug text-ink/90" style={{ borderColor: h.author.color }}>
        {h.exact}
      </blockquote>
      {claimHref ? (
        <Link href={claimHref} className="inline-block text-sm font-medium text-accent hover:underline">
          Open claim: sources, verdict and discussion →
        </Link>
      ) : null}
      {conflicts.length && (mayEditClaim || mayChange) ? (
        <div id={`${idBase}-conflict`} aria-live="polite" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-3 text-sm text-ink">
          <p className="font-medium">This {h.kind} was changed by someone else since you started editing.</p>
          <dl className="space-y-2">
            {conflicts.map((field) => (
              <div key={field}>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted">{DRAFT_FIELD_LABELS[field]}</dt>
                <dd dir="auto" className="mt-0.5">
                  <span className="text-muted">Theirs now: </span>
                  {describe(field, current)}
                </dd>
                <dd dir="auto">
                  <span className="text-muted">Yours, unsaved: </span>
                  {describe(field, values)}
                </dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => draft && drafts.set(h.id, keepMine(draft, current, Date.now()))} className="rounded-md bg-ink px-3 py-1.5 font-medium text-white hover:bg-black">
              Keep mine
            </button>
            <button type="button" onClick={() => draft && drafts.set(h.id, takeTheirs(draft, current, Date.now()))} className="rounded-md border border-line bg-white px-3 py-1.5 hover:bg-stone-50">
              Use theirs
            </button>
          </div>
        </div>
      ) : null}
      {h.kind === "claim" && claim ? (
        <form onSubmit={saveClaim} className="space-y-4">
          <div className="space-y-1">
            <label htmlFor={`${idBase}-reviewed`} className="block text-sm font-medium text-ink">
              Claim reviewed
            </label>
            <textarea
              id={`${idBase}-reviewed`}
              value={claimReviewed}
              onChange={(e) => edit({ claimReviewed: e.target.value })}
              readOnly={!mayEditClaim}
              rows={3}
              dir="auto"
              aria-invalid={errorsOf("claimReviewed") ? true : undefined}
              aria-describedby={`${idBase}-reviewed-hint`}
              className={CONTROL}
            />
            <p id={`${idBase}-reviewed-hint`} className="text-xs text-muted">
              {errorsOf("claimReviewed")?.[0] ?? "One short sentence, as the claim would be published."}
            </p>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <label htmlFor={`${idBase}-status`} className="block text-sm font-medium text-ink">
                Status
              </label>
              {MANUAL.includes(claim.status) && mayEditClaim ? (
                <select id={`${idBase}-status`} value={status} onChange={(e) => edit({ status: e.target.value })} className={CONTROL}>
                  {MANUAL.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              ) : (
                <p id={`${idBase}-status`} className="py-2 text-sm">
                  {STATUS_LABELS[claim.status] ?? claim.status}
                </p>
              )}
            </div>
            <div className="space-y-1">
              <label htmlFor={`${idBase}-assignee`} className="block text-sm font-medium text-ink">
                Assignee
              </label>
              <select id={`${idBase}-assignee`} value={assigneeId} disabled={!mayEditClaim} onChange={(e) => edit({ assigneeId: e.target.value })} className={CONTROL} aria-invalid={errorsOf("assigneeId") ? true : undefined}>
                <option value="">Nobody yet</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-ink">Tags</legend>
            {offered.length ? (
              <div className="mt-2 flex flex-wrap gap-1.5">
                {offered.map((t) => {
                  const on = tagIds.includes(t.id);
                  return (
                    <label
                      key={t.id}
                      className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${on ? "border-ink bg-ink text-white" : "border-line bg-white text-ink hover:bg-stone-50"}`}
                    >
                      <input
                        type="checkbox"
                        className="sr-only"
                        checked={on}
                        disabled={!mayEditClaim}
                        onChange={(e) => edit({ tagIds: e.target.checked ? [...tagIds, t.id] : tagIds.filter((x) => x !== t.id) })}
                      />
                      <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: t.color }} />
                      {t.name}
                    </label>
                  );
                })}
              </div>
            ) : (
              <p className="mt-1 text-xs text-muted">The workspace has no tags yet.</p>
            )}
            {errorsOf("tagIds") ? <p className="mt-1 text-xs text-red-700">{errorsOf("tagIds")![0]}</p> : null}
          </fieldset>
          {mayEditClaim ? (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <button type="submit" disabled={busy || conflicts.length > 0} aria-describedby={conflicts.length ? `${idBase}-conflict` : undefined} className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black disabled:bg-slate-400">
                {busy ? "Saving…" : "Save claim"}
              </button>
              {unsaved ? <UnsavedNote onDiscard={discardChanges} busy={busy} /> : null}
            </div>
          ) : null}
        </form>
      ) : h.kind === "note" ? (
        <form onSubmit={saveNote} className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={`${idBase}-body`} className="block text-sm font-medium text-ink">
              Note
            </label>
            <textarea id={`${idBase}-body`} value={body} onChange={(e) => edit({ body: e.target.value })} readOnly={!mayChange} rows={4} dir="auto" className={CONTROL} placeholder={mayChange ? "What should the desk know about this passage?" : ""} />
          </div>
          {mayChange ? (
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={busy || conflicts.length > 0} aria-describedby={conflicts.length ? `${idBase}-conflict` : undefined} className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black disabled:bg-slate-400">
                {busy ? "Saving…" : "Save note"}
              </button>
              {/* The typed body goes along, so it is not left behind as a draft of a note that is gone. */}
              <button
                type="button"
                disabled={busy || conflicts.length > 0}
                onClick={() => void run(() => onSaveHighlight(h, body !== current.body ? { kind: "claim", body } : { kind: "claim" }), "It is a claim now.")}
                className="rounded-md border border-line bg-white px-3 py-2 text-sm hover:bg-stone-50"
              >
                Make it a claim
              </button>
            </div>
          ) : null}
          {mayChange && unsaved ? <UnsavedNote onDiscard={discardChanges} busy={busy} /> : null}
        </form>
      ) : null}
      {outcome ? (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${outcome.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"}`}>
          {outcome.message}
        </p>
      ) : null}
      <div className="flex items-center justify-between border-t border-line pt-3">
        <button type="button" onClick={onClose} className="text-sm text-muted hover:text-ink">
          Close <kbd className="ml-1 rounded border border-line px-1 text-xs">Esc</kbd>
        </button>
        {mayChange ? (
          confirming ? (
            <span className="flex items-center gap-2 text-sm">
              Delete for everyone?
              <button type="button" onClick={() => void run(() => onDelete(h), "Deleted.")} className="rounded-md border border-red-200 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50">
                Delete
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="text-muted hover:text-ink">
                Keep
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="text-sm text-red-800 hover:underline">
              Delete {h.kind}
            </button>
          )
        ) : null}
      </div>
    </div>
  );
}

/** Beside Save, so it appears under the field being typed in rather than pushing it down. */
function UnsavedNote({ onDiscard, busy }: { onDiscard: () => void; busy: boolean }) {
  return (
    <p className="flex items-center gap-2 text-sm text-amber-900">
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-amber-500" />
      <span>Unsaved changes</span>
      <span aria-hidden="true" className="text-muted">·</span>
      <button type="button" onClick={onDiscard} disabled={busy} className="text-ink underline decoration-line underline-offset-2 hover:decoration-ink disabled:text-muted">
        Discard changes
      </button>
    </p>
  );
}
