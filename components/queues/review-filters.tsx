import Link from "next/link";
import type { ReviewQueue } from "@/lib/server/work-queues";

export type ReviewFilterValues = { q: string; tag: string; author: string; rating: string };

const CONTROL = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent";

/** A plain GET form: the queue's filter lives in the address and works without JavaScript. */
export function ReviewFilters({ action, options, values }: { action: string; options: ReviewQueue["filters"]; values: ReviewFilterValues }) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <form action={action} method="get" role="search" aria-label="Filter the review queue" className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-1">
          <label htmlFor="review-q" className="block text-sm font-medium text-ink">
            Statement or speaker
          </label>
          <input id="review-q" type="search" name="q" defaultValue={values.q} maxLength={200} placeholder="Title, speaker or outlet" className={CONTROL} />
        </div>
        <div className="space-y-1">
          <label htmlFor="review-tag" className="block text-sm font-medium text-ink">
            Tag
          </label>
          <select id="review-tag" name="tag" defaultValue={values.tag} className={CONTROL}>
            <option value="">Any tag</option>
            {options.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="review-author" className="block text-sm font-medium text-ink">
            Author
          </label>
          <select id="review-author" name="author" defaultValue={values.author} className={CONTROL}>
            <option value="">Anyone</option>
            {options.authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="review-rating" className="block text-sm font-medium text-ink">
            Rating
          </label>
          <select id="review-rating" name="rating" defaultValue={values.rating} className={CONTROL}>
            <option value="">Any rating</option>
            {options.levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
                {l.retired ? " (retired)" : ""}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black">
          Apply filters
        </button>
        {filtered ? (
          <Link href={action} className="text-sm text-muted underline underline-offset-2 hover:text-ink">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
