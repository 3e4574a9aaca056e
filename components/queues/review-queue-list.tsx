import Link from "next/link";
import { RatingBadge } from "@/components/rating-scale/rating-badge";
import type { ReviewQueueItem } from "@/lib/server/work-queues";
import { WaitingSince } from "./waiting-since";

/**
 * The queue as a table: one verdict per row, the claim reviewed a link to its page (stretched over
 * the row, so a click anywhere on it opens the claim).
 */
export function ReviewQueueList({ items, slug, now }: { items: readonly ReviewQueueItem[]; slug: string; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Verdicts waiting for review, oldest first</caption>
        <thead className="border-b border-line bg-stone-50 text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Claim
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Rating
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Author
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Waiting
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((item) => (
            <tr key={item.verdictId} className="relative align-top hover:bg-stone-50 focus-within:bg-stone-50">
              <td className="max-w-xl px-4 py-3">
                <Link
                  href={`/w/${slug}/claims/${item.claimId}`}
                  className="font-medium text-ink after:absolute after:inset-0 hover:underline focus-visible:outline-none"
                  dir="auto"
                >
                  {item.claimReviewed}
                </Link>
                <p className="mt-0.5 text-xs text-muted" dir="auto">
                  {item.statement.title}
                  {item.statement.speaker ? ` · ${item.statement.speaker}` : ""}
                </p>
                {item.summary ? (
                  <p className="mt-1 line-clamp-2 text-xs text-ink/80" dir="auto">
                    {item.summary}
                  </p>
                ) : null}
                {item.tags.length ? (
                  <ul aria-label="Tags" className="mt-1.5 flex flex-wrap gap-1.5">
                    {item.tags.map((tag) => (
                      <li key={tag.id} className="inline-flex items-center gap-1 rounded-full border border-line px-2 py-px text-xs text-muted">
                        <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full" style={{ backgroundColor: tag.color }} />
                        {tag.name}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {item.rating ? <RatingBadge label={item.rating.label} color={item.rating.color} /> : <span className="text-muted">No rating</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <span className="text-ink">{item.author.name}</span>
                {item.mine ? <span className="block text-xs text-muted">You wrote this</span> : null}
                {item.version > 1 ? <span className="block text-xs text-muted">Version {item.version}</span> : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <WaitingSince iso={item.submittedAt} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
