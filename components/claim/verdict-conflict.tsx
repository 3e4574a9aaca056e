"use client";
// Two saves from the same version: the one that came second sees the saved verdict ("theirs") and
// its own text ("yours") side by side, with the words it would change, and chooses.
import { Button } from "@/components/ui/button";
import type { SaveVerdictData } from "@/app/w/[ws]/claims/[claimId]/verdict-actions";
import type { RatingLevelDTO } from "@/lib/server/verdicts";
import { diffWords } from "@/lib/text-diff";
import { formatDateTime } from "@/lib/text/dates";
import { VERDICT_STATE_LABELS } from "@/lib/verdicts/workflow";
import { VerdictDiff } from "./verdict-diff";
import { VerdictRating } from "./verdict-rating";

type Conflict = Extract<SaveVerdictData, { kind: "conflict" }>;
type Side = { level: { label: string; color: string; retired?: boolean } | null; summary: string; explanation: string };

function Version({ title, note, side, testId }: { title: string; note: string; side: Side; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="min-w-0 space-y-3 rounded-md border border-line bg-white p-4">
      <div>
        <h4 className="text-sm font-semibold text-ink">{title}</h4>
        <p className="text-xs text-muted">{note}</p>
      </div>
      <VerdictRating level={side.level} size="sm" />
      <p dir="auto" className="text-sm font-medium text-ink">
        {side.summary || <span className="italic text-muted">No summary</span>}
      </p>
      <p dir="auto" className="max-h-64 overflow-auto whitespace-pre-wrap text-sm leading-relaxed text-ink/90">
        {side.explanation || <span className="italic text-muted">No explanation</span>}
      </p>
    </section>
  );
}

export function VerdictConflictView({
  conflict,
  levels,
  pending,
  keepYours,
  takeTheirs,
}: {
  conflict: Conflict;
  levels: RatingLevelDTO[];
  pending: boolean;
  keepYours: () => void;
  takeTheirs: () => void;
}) {
  const { theirs, yours, canKeepYours } = conflict;
  const mine: Side = {
    level: levels.find((l) => l.id === yours?.levelId) ?? (theirs.level?.id === yours?.levelId ? theirs.level : null),
    summary: yours?.summary ?? "",
    explanation: yours?.explanation ?? "",
  };
  const summaryDiff = yours && yours.summary !== theirs.summary ? diffWords(theirs.summary, yours.summary) : null;
  const explanationDiff = yours && yours.explanation !== theirs.explanation ? diffWords(theirs.explanation, yours.explanation) : null;
  const levelChanged = (yours?.levelId ?? null) !== (theirs.level?.id ?? null);
  return (
    <div role="region" aria-label="Edit conflict" className="space-y-4">
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
        <p className="font-semibold">Someone saved this verdict while you were editing it.</p>
        <p className="mt-1">
          {canKeepYours
            ? "Nothing was overwritten. Compare the two versions, then keep yours (saved on top of theirs) or take theirs."
            : `The verdict is now ${VERDICT_STATE_LABELS[theirs.status].toLowerCase()} and can no longer be edited here. Your text is shown below so you can copy it.`}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Version title="Their version" note={`Saved ${formatDateTime(theirs.updatedAt)} · ${VERDICT_STATE_LABELS[theirs.status]}`} side={theirs} testId="conflict-theirs" />
        <Version title="Your version" note="Not saved — kept in this browser" side={mine} testId="conflict-yours" />
      </div>
      {levelChanged || summaryDiff || explanationDiff ? (
        <section aria-label="Your changes compared with theirs" className="space-y-3 rounded-md border border-line bg-paper p-4">
          <h4 className="text-sm font-semibold text-ink">What keeping yours would change</h4>
          {levelChanged ? (
            <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
              Rating: <VerdictRating level={theirs.level} size="sm" /> → <VerdictRating level={mine.level} size="sm" />
            </p>
          ) : null}
          {summaryDiff ? <VerdictDiff segments={summaryDiff} label="Summary changes" /> : null}
          {explanationDiff ? <VerdictDiff segments={explanationDiff} label="Explanation changes" /> : null}
        </section>
      ) : (
        <p className="text-sm text-muted">Your text is the same as theirs.</p>
      )}
      <div className="flex flex-wrap gap-3">
        {canKeepYours ? (
          <Button type="button" onClick={keepYours} disabled={pending}>
            {pending ? "Saving…" : "Keep mine (save over theirs)"}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={takeTheirs} disabled={pending}>
          Take theirs
        </Button>
      </div>
    </div>
  );
}
