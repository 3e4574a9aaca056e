import Link from "next/link";
import { CommentBody } from "@/components/claim/comment-body";
import { RatingBadge } from "@/components/rating-scale/rating-badge";
import type { AssignedClaim, MentionOfMe, MyVerdict } from "@/lib/server/work-queues";
import { formatDateTime } from "@/lib/text/dates";

const CLAIM_STATUS: Record<string, string> = { to_check: "To check", researching: "Researching", in_review: "In review", checked: "Checked" };
const VERDICT_STATUS: Record<string, string> = {
  draft: "verdict drafted",
  in_review: "verdict in review",
  changes_requested: "changes requested",
  approved: "verdict approved",
  published: "verdict published",
  withdrawn: "verdict withdrawn",
};

/** One list of "my work": a heading with its count, the rows, or a line saying it is empty. */
export function WorkSection({
  id,
  title,
  count,
  more,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  more: boolean;
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white shadow-sm">
      <h2 id={id} className="flex items-baseline gap-2 border-b border-line px-5 py-3 text-base font-semibold text-ink">
        {title}
        <span className="text-sm font-normal text-muted">{more ? `${count}+` : count}</span>
      </h2>
      {count === 0 ? <p className="px-5 py-4 text-sm text-muted">{empty}</p> : <ul className="divide-y divide-line">{children}</ul>}
      {more ? <p className="border-t border-line px-5 py-2 text-xs text-muted">Showing the first {count}.</p> : null}
    </section>
  );
}

function ClaimLink({ slug, claimId, text, hash = "" }: { slug: string; claimId: string; text: string; hash?: string }) {
  return (
    <Link href={`/w/${slug}/claims/${claimId}${hash}`} className="font-medium text-ink hover:underline" dir="auto">
      {text}
    </Link>
  );
}

function StatementLine({ statement }: { statement: { title: string; speaker: string } }) {
  return (
    <p className="mt-0.5 text-xs text-muted" dir="auto">
      {statement.title}
      {statement.speaker ? ` · ${statement.speaker}` : ""}
    </p>
  );
}

export function SentBackItem({ verdict, slug }: { verdict: MyVerdict; slug: string }) {
  return (
    <li className="px-5 py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <ClaimLink slug={slug} claimId={verdict.claimId} text={verdict.claimReviewed} />
          <StatementLine statement={verdict.statement} />
        </div>
        {verdict.rating ? <RatingBadge label={verdict.rating.label} color={verdict.rating.color} /> : null}
      </div>
      {verdict.review ? (
        <figure className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
          <figcaption className="text-xs text-amber-900">
            {verdict.review.reviewer.name} asked for changes · <time dateTime={verdict.review.at}>{formatDateTime(verdict.review.at)}</time>
          </figcaption>
          {verdict.review.note ? (
            <blockquote className="mt-1 whitespace-pre-wrap text-sm text-ink" dir="auto">
              {verdict.review.note}
            </blockquote>
          ) : null}
        </figure>
      ) : null}
    </li>
  );
}

export function AssignedItem({ claim, slug }: { claim: AssignedClaim; slug: string }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 px-5 py-3">
      <div className="min-w-0">
        <ClaimLink slug={slug} claimId={claim.claimId} text={claim.claimReviewed} />
        <StatementLine statement={claim.statement} />
      </div>
      <span className="shrink-0 rounded-full border border-line px-2.5 py-0.5 text-xs text-ink">
        {CLAIM_STATUS[claim.status] ?? claim.status}
        {claim.verdictStatus && claim.verdictStatus !== "in_review" ? <span className="text-muted"> · {VERDICT_STATUS[claim.verdictStatus] ?? claim.verdictStatus}</span> : null}
      </span>
    </li>
  );
}

export function DraftItem({ verdict, slug }: { verdict: MyVerdict; slug: string }) {
  return (
    <li className="px-5 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <ClaimLink slug={slug} claimId={verdict.claimId} text={verdict.claimReviewed} />
          <StatementLine statement={verdict.statement} />
        </div>
        {verdict.rating ? <RatingBadge label={verdict.rating.label} color={verdict.rating.color} /> : <span className="text-xs text-muted">No rating yet</span>}
      </div>
      <p className="mt-1 text-xs text-muted">
        {verdict.summary ? <span className="text-ink/80">{verdict.summary} · </span> : null}
        last saved <time dateTime={verdict.updatedAt}>{formatDateTime(verdict.updatedAt)}</time>
      </p>
    </li>
  );
}

export function MentionItem({ mention, slug }: { mention: MentionOfMe; slug: string }) {
  return (
    <li className="px-5 py-3">
      <p className="text-xs text-muted">
        <span className="font-medium text-ink">{mention.author.name}</span> mentioned you on{" "}
        <ClaimLink slug={slug} claimId={mention.claimId} text={mention.claimReviewed} hash={`#comment-${mention.commentId}`} /> ·{" "}
        <time dateTime={mention.createdAt}>{formatDateTime(mention.createdAt)}</time>
      </p>
      <div className="mt-1 line-clamp-4 border-l-2 border-line pl-3">
        <CommentBody segments={mention.segments} />
      </div>
    </li>
  );
}
