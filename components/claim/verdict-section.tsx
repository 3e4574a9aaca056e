import { decideVerdictAction, saveVerdictAction } from "@/app/w/[ws]/claims/[claimId]/verdict-actions";
import { roleAtLeast } from "@/lib/roles";
import { EXPLANATION_MAX, getVerdictPanel, NOTE_MAX, SUMMARY_MAX, type VerdictDTO } from "@/lib/server/verdicts";
import { formatDateTime } from "@/lib/text/dates";
import { VERDICT_STATE_LABELS, type VerdictState } from "@/lib/verdicts/workflow";
import type { ClaimSectionProps } from "./section-props";
import { VerdictEditor } from "./verdict-editor";
import { VerdictExplanation } from "./verdict-explanation";
import { VerdictRating } from "./verdict-rating";
import { VerdictReviewActions } from "./verdict-review-actions";

const STATE_BADGE: Record<VerdictState, string> = {
  draft: "border-stone-300 bg-stone-100 text-stone-800",
  in_review: "border-sky-200 bg-sky-50 text-sky-900",
  changes_requested: "border-amber-300 bg-amber-50 text-amber-900",
  approved: "border-emerald-200 bg-emerald-50 text-emerald-900",
  published: "border-emerald-700 bg-emerald-700 text-white",
  withdrawn: "border-red-200 bg-red-50 text-red-900",
};

export function VerdictStateBadge({ state }: { state: VerdictState }) {
  return (
    <span className={`inline-flex rounded-full border px-2.5 py-0.5 text-xs font-medium ${STATE_BADGE[state]}`} data-testid="verdict-status">
      {VERDICT_STATE_LABELS[state]}
    </span>
  );
}

function Meta({ verdict }: { verdict: VerdictDTO }) {
  const parts = [`by ${verdict.author.name}`];
  if (verdict.version > 0) parts.push(`version ${verdict.version}`);
  if (verdict.publishedAt) parts.push(`published ${formatDateTime(verdict.publishedAt)}`);
  else if (verdict.submittedAt && verdict.status !== "draft") parts.push(`submitted ${formatDateTime(verdict.submittedAt)}`);
  return <p className="text-xs text-muted">{parts.join(" · ")}</p>;
}

/** The claim's verdict: the draft editor while its author holds the pen, else the verdict and the review actions. */
export async function VerdictSection({ user, workspace, claimId }: ClaimSectionProps) {
  const panel = await getVerdictPanel(user, { workspaceId: workspace.id, claimId });
  const { verdict, events, sources } = panel;
  const editable = events.includes("edit");
  const decisions = events.filter((e) => e !== "edit" && e !== "submit");
  const state = verdict?.status ?? null;
  const waitingForOtherEditor = state === "in_review" && panel.isAuthor && roleAtLeast(panel.role, "editor") && !panel.allowSelfApproval;

  return (
    <section aria-labelledby="verdict-heading" className="rounded-lg border border-line bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-6 py-4">
        <div className="flex items-center gap-3">
          <h2 id="verdict-heading" className="text-lg font-semibold tracking-tight text-ink">
            Verdict
          </h2>
          {state ? <VerdictStateBadge state={state} /> : null}
        </div>
        {verdict ? <Meta verdict={verdict} /> : null}
      </div>

      <div className="space-y-5 px-6 py-5">
        {panel.changesRequested && editable ? (
          <div role="note" aria-label="Changes requested" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-semibold">
              {panel.changesRequested.by.name} requested changes · <span className="font-normal">{formatDateTime(panel.changesRequested.at)}</span>
            </p>
            <p dir="auto" className="mt-1 whitespace-pre-wrap">
              {panel.changesRequested.note}
            </p>
          </div>
        ) : null}
        {verdict?.status === "withdrawn" ? (
          <div role="note" aria-label="Withdrawn" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
            <p className="font-semibold">Withdrawn{verdict.withdrawnAt ? ` · ${formatDateTime(verdict.withdrawnAt)}` : ""}</p>
            <p dir="auto" className="mt-1 whitespace-pre-wrap">
              {verdict.withdrawnReason}
            </p>
          </div>
        ) : null}

        {editable ? (
          <>
            {!verdict ? <p className="text-sm text-muted">No verdict yet. Rate the claim, sum it up in one line and explain it, citing the sources below by number.</p> : null}
            <VerdictEditor
              action={saveVerdictAction}
              workspaceId={workspace.id}
              claimId={claimId}
              verdict={verdict}
              levels={panel.levels}
              sources={sources}
              canSubmit={events.includes("submit")}
              limits={{ summary: SUMMARY_MAX, explanation: EXPLANATION_MAX }}
            />
          </>
        ) : verdict ? (
          <article aria-label="Current verdict" className="space-y-3">
            <VerdictRating level={verdict.level} />
            <p dir="auto" className="text-base font-semibold leading-snug text-ink" data-testid="verdict-summary">
              {verdict.summary || <span className="font-normal italic text-muted">No summary yet.</span>}
            </p>
            <VerdictExplanation text={verdict.explanation} sources={sources} link="anchor" />
          </article>
        ) : (
          <p className="text-sm text-muted">No verdict yet. Checkers draft the verdict here; editors review it.</p>
        )}

        {state === "in_review" && decisions.length === 0 ? (
          <p className="text-sm text-muted">
            {panel.isAuthor ? "Submitted for review. An editor will approve it or ask for changes." : "Waiting for an editor's review."}
          </p>
        ) : null}
        {waitingForOtherEditor ? <p className="text-sm text-muted">You wrote this verdict, so another editor has to approve it (four-eyes rule).</p> : null}

        {verdict && decisions.length ? (
          <div className="border-t border-line pt-5">
            <VerdictReviewActions
              action={decideVerdictAction}
              workspaceId={workspace.id}
              claimId={claimId}
              lockVersion={verdict.lockVersion}
              noteMax={NOTE_MAX}
              events={decisions}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
