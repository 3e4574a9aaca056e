import { CopyTextButton } from "@/components/exports/copy-text-button";
import { getClaimReview, type ClaimReviewDTO } from "@/lib/server/claim-review-feed";
import { Conflict } from "@/lib/server/errors";
import type { ClaimSectionProps } from "./section-props";

/**
 * The ClaimReview JSON-LD of a published verdict, to download or copy into the desk's own site.
 * Nothing is shown while the verdict is unpublished (or the markup cannot be made yet).
 */
export async function ClaimReviewLink({ user, workspace, claimId }: ClaimSectionProps) {
  let review: ClaimReviewDTO;
  try {
    review = await getClaimReview(user, { workspaceId: workspace.id, claimId });
  } catch (error) {
    if (error instanceof Conflict) return null;
    throw error;
  }
  const href = `/w/${workspace.slug}/claims/${claimId}/claim-review.json`;
  const advice = review.problems.filter((p) => p.level === "recommended");
  return (
    <section aria-labelledby="claim-review-heading" className="rounded-lg border border-line bg-white p-4 text-sm shadow-sm">
      <h2 id="claim-review-heading" className="font-semibold text-ink">
        ClaimReview JSON-LD
      </h2>
      <p className="mt-1 text-muted">Structured data for search engines and fact-check aggregators, for the published page of this fact-check.</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <a href={`${href}?download=1`} download className="rounded-md border border-line bg-white px-3 py-1.5 font-medium text-ink hover:bg-stone-50">
          Download ClaimReview JSON-LD
        </a>
        <CopyTextButton text={JSON.stringify(review.claimReview, null, 2)} label="Copy JSON-LD" />
      </div>
      {advice.length > 0 ? (
        <ul className="mt-3 list-disc pl-5 text-xs text-muted">
          {advice.map((p) => (
            <li key={`${p.path}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
