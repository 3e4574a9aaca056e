import Link from "next/link";
import { formatDay } from "@/lib/text/dates";
import type { StatementListItem, StatementSort } from "@/lib/server/statements";
import { defaultDirection } from "@/lib/server/statements";
import { listHref, type ListParams } from "./statement-list-params";

function SortHeader({
  label,
  sort,
  base,
  state,
  className = "",
}: {
  label: string;
  sort: StatementSort;
  base: string;
  state: ListParams;
  className?: string;
}) {
  const active = state.sort === sort;
  const nextDir = active ? (state.dir === "asc" ? "desc" : "asc") : defaultDirection(sort);
  const arrow = active ? (state.dir === "asc" ? "↑" : "↓") : "";
  return (
    <th scope="col" aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-4 py-3 font-medium ${className}`}>
      <Link
        href={listHref(base, { ...state, sort, dir: nextDir, page: 1 })}
        className={`inline-flex items-center gap-1 hover:text-ink ${active ? "text-ink" : ""}`}
      >
        {label}
        <span aria-hidden="true" className="w-3 text-xs">
          {arrow}
        </span>
      </Link>
    </th>
  );
}

export function StatementTable({ items, base, state }: { items: StatementListItem[]; base: string; state: ListParams }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Statements, sorted by {state.sort} ({state.dir === "asc" ? "ascending" : "descending"})</caption>
        <thead className="border-b border-line bg-stone-50/60 text-muted">
          <tr>
            <SortHeader label="Title" sort="title" base={base} state={state} className="w-[40%]" />
            <th scope="col" className="px-4 py-3 font-medium">
              Speaker
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Outlet
            </th>
            <SortHeader label="Published" sort="published" base={base} state={state} className="whitespace-nowrap" />
            <SortHeader label="Imported" sort="imported" base={base} state={state} className="whitespace-nowrap" />
            <SortHeader label="Claims" sort="claims" base={base} state={state} className="text-right" />
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((s) => (
            <tr key={s.id} className="align-top hover:bg-stone-50/60">
              <td className="px-4 py-3">
                <Link href={`${base}/${s.id}`} dir="auto" className="font-medium text-ink hover:text-accent hover:underline hover:underline-offset-2">
                  {s.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-muted" dir="auto">
                {s.speaker || <span aria-label="No speaker">—</span>}
              </td>
              <td className="px-4 py-3 text-muted" dir="auto">
                {s.outlet || <span aria-label="No outlet">—</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-muted">
                {s.publishedAt ? <time dateTime={s.publishedAt}>{formatDay(s.publishedAt)}</time> : <span aria-label="Unknown">—</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-muted">
                <time dateTime={s.importedAt.toISOString()}>{formatDay(s.importedAt)}</time>
              </td>
              <td className="px-4 py-3 text-right tabular-nums text-muted">{s.claimCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
