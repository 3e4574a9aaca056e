import { getVerdictHistory, type HistoryEntry, type ReviewDecision } from "@/lib/server/verdict-history";
import { formatDateTime } from "@/lib/text/dates";
import type { ClaimSectionProps } from "./section-props";
import { VerdictDiff } from "./verdict-diff";
import { VerdictExplanation } from "./verdict-explanation";
import { VerdictRating } from "./verdict-rating";

const DECISION_TEXT: Record<ReviewDecision, { title: string; dot: string }> = {
  approved: { title: "Approved", dot: "bg-emerald-600" },
  changes_requested: { title: "Changes requested", dot: "bg-amber-500" },
  published: { title: "Published", dot: "bg-emerald-800" },
  withdrawn: { title: "Withdrawn", dot: "bg-red-600" },
  reopened: { title: "Reopened as a draft", dot: "bg-stone-500" },
};

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

function VersionEntry({ entry }: { entry: Extract<HistoryEntry, { kind: "version" }> }) {
  const { changes } = entry;
  return (
    <div className="space-y-2">
      <p className="text-sm text-ink">
        <span className="font-semibold">Version {entry.version} submitted</span> by {entry.by.name}
        <span className="text-muted"> · </span>
        <span className="text-muted">
          <When at={entry.at} />
        </span>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <VerdictRating level={entry.level} size="sm" />
        <p dir="auto" className="text-sm font-medium text-ink">
          {entry.summary}
        </p>
      </div>
      {changes ? (
        <details className="group rounded-md border border-line bg-paper" open>
          <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-muted hover:text-ink">
            Changes from version {changes.from}: <span className="text-emerald-800">{changes.inserted} words added</span>,{" "}
            <span className="text-red-800">{changes.deleted} removed</span>
            {changes.level ? ", new rating" : ""}
          </summary>
          <div className="space-y-3 border-t border-line px-3 py-3" data-testid={`version-${entry.version}-changes`}>
            {changes.level ? (
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                Rating: <VerdictRating level={changes.level.from} size="sm" /> → <VerdictRating level={changes.level.to} size="sm" />
              </p>
            ) : null}
            {changes.summary ? <VerdictDiff segments={changes.summary} label={`Summary changes in version ${entry.version}`} /> : null}
            {changes.explanation ? <VerdictDiff segments={changes.explanation} label={`Explanation changes in version ${entry.version}`} /> : null}
            {!changes.level && !changes.summary && !changes.explanation ? <p className="text-sm text-muted">Same text as version {changes.from}.</p> : null}
          </div>
        </details>
      ) : null}
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-muted hover:text-ink">Full text and sources of version {entry.version}</summary>
        <div className="space-y-3 border-t border-line px-3 py-3">
          <VerdictExplanation text={entry.explanation} sources={entry.sources} link="url" />
          {entry.sources.length ? (
            <ol className="space-y-1 text-xs text-muted">
              {entry.sources.map((s) => (
                <li key={s.n}>
                  <span className="font-mono text-ink">[{s.n}]</span>{" "}
                  <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="text-accent hover:underline">
                    {s.title || s.url}
                  </a>{" "}
                  · {s.stance}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-xs text-muted">No sources at the time.</p>
          )}
        </div>
      </details>
    </div>
  );
}

function EntryBody({ entry }: { entry: HistoryEntry }) {
  if (entry.kind === "version") return <VersionEntry entry={entry} />;
  if (entry.kind === "drafted") {
    return (
      <p className="text-sm text-ink">
        <span className="font-semibold">Verdict drafted</span> by {entry.by.name}
        <span className="text-muted">
          {" "}
          · <When at={entry.at} />
        </span>
      </p>
    );
  }
  const text = DECISION_TEXT[entry.decision];
  return (
    <div className="space-y-1">
      <p className="text-sm text-ink">
        <span className="font-semibold">{text.title}</span> by {entry.by.name}
        <span className="text-muted">
          {" "}
          · version {entry.version} · <When at={entry.at} />
        </span>
      </p>
      {entry.note ? (
        <blockquote dir="auto" className="whitespace-pre-wrap border-l-2 border-line pl-3 text-sm text-ink/90">
          {entry.note}
        </blockquote>
      ) : null}
    </div>
  );
}

function dotOf(entry: HistoryEntry): string {
  if (entry.kind === "review") return DECISION_TEXT[entry.decision].dot;
  return entry.kind === "version" ? "bg-sky-600" : "bg-stone-300";
}

/** The verdict's story, oldest first: each submitted version with what changed, and each decision. */
export async function ClaimHistory({ user, workspace, claimId }: ClaimSectionProps) {
  const entries = await getVerdictHistory(user, { workspaceId: workspace.id, claimId });
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-line bg-white p-6 shadow-sm">
      <h2 id="history-heading" className="mb-4 text-base font-semibold text-ink">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">Nothing yet: the history starts with the first verdict draft.</p>
      ) : (
        <ol aria-label="Verdict history" className="relative space-y-5 border-l border-line pl-6">
          {entries.map((entry) => (
            <li key={entry.key} className="relative" data-kind={entry.kind} data-decision={entry.kind === "review" ? entry.decision : undefined}>
              <span aria-hidden="true" className={`absolute -left-[1.72rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${dotOf(entry)}`} />
              <EntryBody entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
