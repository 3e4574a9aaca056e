"use client";
// The verdict draft: rating, one-line summary, explanation citing sources as [n]. What is typed is
// never lost: every change is copied to localStorage (keyed by claim, verdict and the lockVersion
// it started from) until the server has it, and offered back after a reload or a failed save. A
// save that started from an older version comes back as a conflict showing both texts.
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { SaveVerdictData } from "@/app/w/[ws]/claims/[claimId]/verdict-actions";
import type { ActionState } from "@/lib/server/action";
import type { CitedSource, RatingLevelDTO, VerdictDTO, VerdictText } from "@/lib/server/verdicts";
import { listCitations, missingCitations } from "@/lib/verdicts/citations";
import { formatDateTime } from "@/lib/text/dates";
import { VerdictConflictView } from "./verdict-conflict";

type SaveAction = (state: ActionState<SaveVerdictData>, data: FormData) => Promise<ActionState<SaveVerdictData>>;
type Values = { levelId: string; summary: string; explanation: string };
type LocalCopy = Values & { claimId: string; verdictId: string | null; lockVersion: number | null; at: number };
type Conflict = Extract<SaveVerdictData, { kind: "conflict" }>;

const CONTROL = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent aria-[invalid]:border-red-600";

const prefixOf = (claimId: string) => `factdesk:verdict-draft:${claimId}:`;
const keyOf = (claimId: string, verdictId: string | null, lockVersion: number | null) => `${prefixOf(claimId)}${verdictId ?? "new"}:${lockVersion ?? "new"}`;

function valuesOf(verdict: VerdictDTO | null): Values {
  return { levelId: verdict?.level?.id ?? "", summary: verdict?.summary ?? "", explanation: verdict?.explanation ?? "" };
}

/** As the server stores the text (trimmed, one kind of line break), so a save leaves nothing "unsaved". */
const normalised = (v: Values): Values => ({
  levelId: v.levelId,
  summary: v.summary.normalize("NFC").trim(),
  explanation: v.explanation.normalize("NFC").replace(/\r\n?/g, "\n").trim(),
});

const sameValues = (a: Values, b: Values) => a.levelId === b.levelId && a.summary === b.summary && a.explanation === b.explanation;

/** The newest local copy for this claim; copies the server already has are dropped. */
function readLocalCopy(claimId: string, server: Values): LocalCopy | null {
  let newest: LocalCopy | null = null;
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefixOf(claimId))) continue;
      const copy = JSON.parse(localStorage.getItem(key) ?? "null") as LocalCopy | null;
      if (!copy || typeof copy.summary !== "string" || sameValues(copy, server)) localStorage.removeItem(key);
      else if (!newest || copy.at > newest.at) newest = copy;
    }
  } catch {
    // Storage may be off (private mode, quota); the server draft still works.
  }
  return newest;
}

function clearLocalCopies(claimId: string) {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefixOf(claimId))) localStorage.removeItem(key);
    }
  } catch {
    // Nothing to clear when storage is off.
  }
}

export function VerdictEditor({
  action,
  workspaceId,
  claimId,
  verdict,
  levels,
  sources,
  canSubmit,
  limits,
}: {
  action: SaveAction;
  workspaceId: string;
  claimId: string;
  verdict: VerdictDTO | null;
  levels: RatingLevelDTO[];
  sources: CitedSource[];
  canSubmit: boolean;
  limits: { summary: number; explanation: number };
}) {
  const router = useRouter();
  const id = useId();
  const [state, dispatch, pending] = useActionState(action, { ok: false } as ActionState<SaveVerdictData>);
  const server = useMemo(() => valuesOf(verdict), [verdict]);
  const [values, setValues] = useState<Values>(server);
  // What the server holds at `base`: the version this editor's next save names.
  const [saved, setSaved] = useState<Values>(server);
  const [base, setBase] = useState<number | null>(verdict?.lockVersion ?? null);
  const [verdictId, setVerdictId] = useState<string | null>(verdict?.id ?? null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [restorable, setRestorable] = useState<LocalCopy | null>(null);
  const [scanned, setScanned] = useState(false);
  const dirty = !sameValues(values, saved);

  // After hydration only: the server render cannot know what this browser kept.
  useEffect(() => {
    setRestorable(readLocalCopy(claimId, server));
    setScanned(true);
    // Once, on opening the editor.
  }, []);

  useEffect(() => {
    if (!scanned) return;
    const key = keyOf(claimId, verdictId, base);
    try {
      if (dirty) localStorage.setItem(key, JSON.stringify({ ...values, claimId, verdictId, lockVersion: base, at: Date.now() } satisfies LocalCopy));
      else if (!restorable) localStorage.removeItem(key);
    } catch {
      // Storage full or off: the typing is still in the form.
    }
  }, [scanned, values, dirty, base, verdictId, claimId, restorable]);

  // The outcome of a save: adopt the saved version, or show what it lost to.
  useEffect(() => {
    const data = state.data;
    if (!data) return;
    if (data.kind === "conflict") {
      setConflict(data);
      return;
    }
    setConflict(null);
    setBase(data.verdict.lockVersion);
    setVerdictId(data.verdict.id);
    const stored = valuesOf(data.verdict);
    setSaved(stored);
    setValues((typed) => (sameValues(normalised(typed), stored) ? stored : typed));
    clearLocalCopies(claimId);
  }, [state, claimId]);

  // A newer verdict from the server (after a save here or a reload of the page) while nothing is typed.
  useEffect(() => {
    if (verdict && verdict.lockVersion !== base && !dirty && !conflict) {
      setBase(verdict.lockVersion);
      setVerdictId(verdict.id);
      setValues(valuesOf(verdict));
      setSaved(valuesOf(verdict));
    }
    // Only when the server's version changes.
  }, [verdict?.lockVersion]);

  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const errors = state.ok ? undefined : state.errors;
  const warnings = state.data?.kind === "saved" ? state.data.warnings : null;
  const missing = missingCitations(values.explanation, sources.length);
  const summaryError = errors?.summary ?? (/[\r\n]/.test(values.summary) ? ["Keep the summary to one line."] : undefined);
  const currentLevel = verdict?.level && !levels.some((l) => l.id === verdict.level!.id) ? verdict.level : null;

  if (conflict) {
    return (
      <VerdictConflictView
        conflict={conflict}
        levels={levels}
        pending={pending}
        keepYours={() => {
          const form = new FormData();
          const yours = conflict.yours ?? { levelId: values.levelId || null, summary: values.summary, explanation: values.explanation };
          for (const [k, v] of Object.entries({ workspaceId, claimId, intent: "draft", lockVersion: String(conflict.theirs.lockVersion), levelId: yours.levelId ?? "", summary: yours.summary, explanation: yours.explanation })) form.set(k, v);
          setBase(conflict.theirs.lockVersion);
          setVerdictId(conflict.theirs.id);
          setSaved(valuesOf(conflict.theirs));
          // The dispatcher, called outside a form submission, needs a transition.
          startTransition(() => dispatch(form));
        }}
        takeTheirs={() => {
          const theirs = valuesOf(conflict.theirs);
          setBase(conflict.theirs.lockVersion);
          setVerdictId(conflict.theirs.id);
          setValues(theirs);
          setSaved(theirs);
          setConflict(null);
          clearLocalCopies(claimId);
          router.refresh();
        }}
      />
    );
  }

  return (
    <form action={dispatch} aria-label="Verdict draft" className="space-y-5">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="lockVersion" value={base ?? ""} />

      {restorable ? (
        <div role="region" aria-label="Unsaved changes" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p>
            This browser kept changes to this verdict that were never saved (typed {formatDateTime(new Date(restorable.at))}
            {restorable.lockVersion !== base ? ", on an earlier version — saving them will show you both" : ""}).
          </p>
          <div className="mt-2 flex gap-2">
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              onClick={() => {
                setValues({ levelId: restorable.levelId, summary: restorable.summary, explanation: restorable.explanation });
                setBase(restorable.lockVersion);
                setRestorable(null);
              }}
            >
              Restore my changes
            </Button>
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              onClick={() => {
                clearLocalCopies(claimId);
                setRestorable(null);
              }}
            >
              Discard them
            </Button>
          </div>
        </div>
      ) : null}

      <div className="space-y-1">
        <label htmlFor={`${id}-level`} className="block text-sm font-medium text-ink">
          Rating
        </label>
        <select
          id={`${id}-level`}
          name="levelId"
          value={values.levelId}
          onChange={set("levelId")}
          className={`${CONTROL} max-w-xs`}
          aria-invalid={errors?.levelId ? true : undefined}
          aria-describedby={`${id}-level-error`}
        >
          <option value="">Choose a rating…</option>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.label}
            </option>
          ))}
          {currentLevel ? (
            <option value={currentLevel.id} disabled>
              {currentLevel.label} (retired)
            </option>
          ) : null}
        </select>
        {levels.find((l) => l.id === values.levelId)?.description ? <p className="text-xs text-muted">{levels.find((l) => l.id === values.levelId)!.description}</p> : null}
        <FieldError id={`${id}-level-error`} errors={errors?.levelId} />
      </div>

      <div className="space-y-1">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={`${id}-summary`} className="block text-sm font-medium text-ink">
            Summary
          </label>
          <span className={`text-xs tabular-nums ${values.summary.length > limits.summary ? "text-red-700" : "text-muted"}`}>
            {values.summary.length}/{limits.summary}
          </span>
        </div>
        <input
          id={`${id}-summary`}
          name="summary"
          value={values.summary}
          onChange={set("summary")}
          className={CONTROL}
          dir="auto"
          autoComplete="off"
          aria-invalid={summaryError ? true : undefined}
          aria-describedby={`${id}-summary-hint ${id}-summary-error`}
        />
        <p id={`${id}-summary-hint`} className="text-xs text-muted">
          One line: what readers should take away.
        </p>
        <FieldError id={`${id}-summary-error`} errors={summaryError} />
      </div>

      <div className="space-y-1">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={`${id}-explanation`} className="block text-sm font-medium text-ink">
            Explanation
          </label>
          <span className={`text-xs tabular-nums ${values.explanation.length > limits.explanation ? "text-red-700" : "text-muted"}`}>
            {values.explanation.length.toLocaleString("en")}/{limits.explanation.toLocaleString("en")}
          </span>
        </div>
        <textarea
          id={`${id}-explanation`}
          name="explanation"
          value={values.explanation}
          onChange={set("explanation")}
          rows={9}
          dir="auto"
          className={`${CONTROL} leading-relaxed`}
          aria-invalid={errors?.explanation ? true : undefined}
          aria-describedby={`${id}-explanation-hint ${id}-explanation-error`}
        />
        <div id={`${id}-explanation-hint`} className="text-xs text-muted">
          {sources.length === 0 ? (
            <p>Cite sources by their number, like [1], once they are added below.</p>
          ) : (
            <>
              <p>Cite sources by their number:</p>
              <ul className="mt-1 space-y-0.5">
                {sources.map((s) => (
                  <li key={s.id} className="truncate">
                    <span className="font-mono text-ink">[{s.n}]</span> {s.title || s.url}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {errors?.explanation ? (
          <FieldError id={`${id}-explanation-error`} errors={errors.explanation} />
        ) : (
          // A warning while drafting, not yet an error: the source may be added later.
          <p id={`${id}-explanation-error`} aria-live="polite" className="text-sm text-amber-800">
            {missing.length
              ? `${listCitations(missing)} ${missing.length === 1 ? "cites a source that does" : "cite sources that do"} not exist yet; add the source or fix the number before submitting.`
              : warnings?.explanation?.join(" ")}
          </p>
        )}
      </div>

      <FormMessage ok={state.ok} message={state.message} />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
        {canSubmit ? (
          <Button type="submit" name="intent" value="submit" disabled={pending}>
            Submit for review
          </Button>
        ) : null}
        <span className="text-xs text-muted" aria-live="polite">
          {restorable ? "" : dirty ? "Unsaved changes (kept in this browser)" : verdictId ? "All changes saved" : ""}
        </span>
      </div>
    </form>
  );
}
