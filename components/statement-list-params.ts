import { defaultDirection, STATEMENT_SORTS, type StatementSort } from "@/lib/server/statements";

export type ListParams = { q: string; sort: StatementSort; dir: "asc" | "desc"; page: number };

const DEFAULT_SORT: StatementSort = "imported";

/** The list's state, read leniently from the address bar. */
export function readListParams(search: Record<string, string | string[] | undefined>): Partial<ListParams> {
  const one = (key: string) => {
    const v = search[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const sort = one("sort");
  const dir = one("dir");
  const page = Number(one("page"));
  return {
    q: one("q")?.slice(0, 200) || undefined,
    sort: (STATEMENT_SORTS as readonly string[]).includes(sort ?? "") ? (sort as StatementSort) : undefined,
    dir: dir === "asc" || dir === "desc" ? dir : undefined,
    page: Number.isInteger(page) && page > 0 ? page : undefined,
  };
}

/** A link to the list with this state; defaults are left out so addresses stay short. */
export function listHref(base: string, params: ListParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.sort !== DEFAULT_SORT) search.set("sort", params.sort);
  if (params.dir !== defaultDirection(params.sort)) search.set("dir", params.dir);
  if (params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
