import Link from "next/link";

/** A plain GET form: the search lives in the address, works without JavaScript, and can be shared. */
export function StatementSearch({ action, q, sort, dir, clearHref }: { action: string; q: string; sort: string; dir: string; clearHref: string }) {
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="min-w-64 flex-1 sm:max-w-md">
        <label htmlFor="statement-search" className="mb-1 block text-sm font-medium text-ink">
          Search statements
        </label>
        <input
          id="statement-search"
          type="search"
          name="q"
          defaultValue={q}
          placeholder="Title, speaker or outlet"
          className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm focus:border-accent"
        />
      </div>
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      <button type="submit" className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-stone-50">
        Search
      </button>
      {q ? (
        <Link href={clearHref} className="px-2 py-2 text-sm text-muted underline underline-offset-2 hover:text-ink">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
