import type { Metadata } from "next";
import Link from "next/link";
import { ClaimHistory } from "@/components/claim/claim-history";
import { ClaimReviewLink } from "@/components/claim/claim-review-link";
import { CommentThread } from "@/components/claim/comment-thread";
import { SourcesSection } from "@/components/claim/sources-section";
import { VerdictSection } from "@/components/claim/verdict-section";
import { getClaim, type ClaimOverview } from "@/lib/server/claims";
import { formatDay } from "@/lib/text/dates";
import { loadWorkspacePage, orNotFound } from "../../workspace";

export const metadata: Metadata = { title: "Claim" };

const STATUS_LABELS: Record<string, string> = {
  to_check: "To check",
  researching: "Researching",
  in_review: "In review",
  checked: "Checked",
};

async function loadClaim(user: Parameters<typeof getClaim>[0], workspaceId: string, claimId: string): Promise<ClaimOverview> {
  return orNotFound(getClaim(user, { workspaceId, claimId }));
}

/** One claim's research desk: the quote in context, its sources, the verdict and its review, history and discussion. */
export default async function ClaimPage({ params }: { params: Promise<{ ws: string; claimId: string }> }) {
  const { ws: slug, claimId } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const claim = await loadClaim(user, workspace.id, claimId);
  const section = { user, workspace, claimId: claim.id };
  const statementHref = `/w/${workspace.slug}/statements/${claim.statement.id}`;
  return (
    <div className="mx-auto w-full max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted">
        <Link href={statementHref} className="hover:text-ink hover:underline">
          ← {claim.statement.title}
        </Link>
      </nav>
      <header className="mb-8">
        <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">
          <span className="rounded-full border border-line bg-white px-2.5 py-0.5 font-medium text-ink" data-testid="claim-status">
            {STATUS_LABELS[claim.status] ?? claim.status}
          </span>
          {claim.tags.map((tag) => (
            <span key={tag.id} className="inline-flex items-center gap-1.5 rounded-full border border-line bg-white px-2.5 py-0.5 text-muted">
              <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: tag.color }} />
              {tag.name}
            </span>
          ))}
          {claim.orphaned ? (
            <span className="rounded-full bg-amber-100 px-2.5 py-0.5 font-medium text-amber-900">Passage lost in a correction</span>
          ) : null}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{claim.claimReviewed}</h1>
        <blockquote className="mt-4 border-l-4 border-line pl-4 font-serif text-lg leading-relaxed text-ink/90" dir="auto">
          “{claim.quote}”
        </blockquote>
        <p className="mt-3 text-sm text-muted">
          {claim.statement.speaker ? `${claim.statement.speaker} · ` : ""}
          {claim.statement.publishedAt ? `${formatDay(claim.statement.publishedAt)} · ` : ""}
          highlighted by {claim.createdBy.name}
          {claim.assignee ? ` · assigned to ${claim.assignee.name}` : " · unassigned"}
        </p>
      </header>
      <div className="space-y-8">
        <VerdictSection {...section} />
        <ClaimReviewLink {...section} />
        <SourcesSection {...section} />
        <ClaimHistory {...section} />
        <CommentThread {...section} />
      </div>
    </div>
  );
}
