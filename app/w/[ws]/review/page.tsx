import type { Metadata } from "next";
import Link from "next/link";
import { ReviewFilters, type ReviewFilterValues } from "@/components/queues/review-filters";
import { ReviewQueueList } from "@/components/queues/review-queue-list";
import { Card, PageTitle } from "@/components/ui/card";
import { Forbidden } from "@/lib/server/errors";
import { listReviewQueue, type ReviewQueue } from "@/lib/server/work-queues";
import { hrefWithQuery, searchValue, type SearchParams } from "@/lib/search-params";
import { loadWorkspacePage } from "../workspace";

export const metadata: Metadata = { title: "Review" };

type Search = Promise<SearchParams>;

function hrefWith(base: string, values: ReviewFilterValues, page = 1): string {
  return hrefWithQuery(base, { ...values, page: page > 1 ? String(page) : "" });
}

/** Verdicts waiting for an editor, oldest first. */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Search }) {
  const { ws: slug } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const search = await searchParams;
  const one = (key: string) => searchValue(search, key);
  const values: ReviewFilterValues = { q: one("q"), tag: one("tag"), author: one("author"), rating: one("rating") };
  const wantedPage = Number(one("page"));
  const base = `/w/${workspace.slug}/review`;

  let queue: ReviewQueue;
  try {
    queue = await listReviewQueue(user, {
      workspaceId: workspace.id,
      q: values.q,
      tagId: values.tag,
      authorId: values.author,
      levelId: values.rating,
      page: Number.isInteger(wantedPage) && wantedPage > 0 && wantedPage <= 100_000 ? wantedPage : undefined,
    });
  } catch (error) {
    if (!(error instanceof Forbidden)) throw error;
    return (
      <div className="max-w-2xl">
        <PageTitle>Review</PageTitle>
        <Card>
          <p className="text-sm text-ink">Only editors and admins of {workspace.name} review verdicts.</p>
          <p className="mt-1 text-sm text-muted">Your verdicts sent for review, and those sent back to you, are under My work.</p>
        </Card>
      </div>
    );
  }

  const filtered = Object.values(values).some(Boolean);
  const last = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const now = new Date();
  return (
    <div>
      <PageTitle
        description={
          queue.total === 0
            ? "Verdicts checkers send for review appear here, oldest first."
            : `${queue.total.toLocaleString("en")} ${queue.total === 1 ? "verdict" : "verdicts"} ${filtered ? "match" : "waiting"}, oldest first.`
        }
      >
        Review queue
      </PageTitle>
      <div className="mb-6">
        <ReviewFilters action={base} options={queue.filters} values={values} />
      </div>
      {queue.items.length === 0 ? (
        <Card>
          <p className="text-sm text-muted">{filtered ? "No verdict in review matches these filters." : "Nothing is waiting for review. Well done."}</p>
        </Card>
      ) : (
        <>
          <ReviewQueueList items={queue.items} slug={workspace.slug} now={now} />
          {last > 1 ? (
            <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3 text-sm">
              {queue.page > 1 ? (
                <Link href={hrefWith(base, values, queue.page - 1)} rel="prev" className="rounded-md px-3 py-1.5 text-ink hover:bg-white hover:shadow-sm">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted">
                Page {queue.page} of {last}
              </span>
              {queue.page < last ? (
                <Link href={hrefWith(base, values, queue.page + 1)} rel="next" className="rounded-md px-3 py-1.5 text-ink hover:bg-white hover:shadow-sm">
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
