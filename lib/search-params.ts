// Filter pages keep their state in the address, so a filtered view can be bookmarked and shared.
// Reading it back is lenient: a repeated key counts once, a missing one is empty, and nothing
// longer than a real filter value is taken in.

/** A page's query string as Next.js gives it. */
export type SearchParams = Record<string, string | string[] | undefined>;

const LONGEST_VALUE = 200;

/** The first value of `key`, or "" when absent; cut to the longest value any filter takes. */
export function searchValue(search: SearchParams, key: string): string {
  const v = search[key];
  return ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, LONGEST_VALUE);
}

/** `base` with the non-empty `values` as its query, or `base` alone when all are empty. */
export function hrefWithQuery(base: string, values: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
