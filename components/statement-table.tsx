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
      {/* Fixed layout: the title takes what the other columns leave, and long speaker or outlet
          names are clamped (full text on hover) instead of squeezing into one word per line.
          Below ~50rem the table scrolls sideways rather than crushing its columns. */}
      <table className="w-full min-w-[50rem] table-fixed text-left text-sm">
        <caption className="sr-only">Statements, sorted by {state.sort} ({state.dir === "asc" ? "ascending" : "descending"})</caption>
        <thead className="border-b border-line bg-stone-50/60 text-muted">
          <tr>
            <SortHeader label="Title" sort="title" base={base} state={state} />
            <th scope="col" className="w-52 px-4 py-3 font-medium">
              Speaker
            </th>
            <th scope="col" className="w-36 px-4 py-3 font-medium">
              Outlet
            </th>
            <SortHeader label="Published" sort="published" base={base} state={state} className="w-32 whitespace-nowrap" />
            <SortHeader label="Imported" sort="imported" base={base} state={state} className="w-32 whitespace-nowrap" />
            <SortHeader label="Claims" sort="claims" base={base} state={state} className="w-24 whitespace-nowrap text-right" />
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((s) => (
            <tr key={s.id} className="align-top hover:bg-stone-50/60">
              <td className="px-4 py-3">
                <Link
                  href={`${base}/${s.id}`}
                  dir="auto"
                  title={s.title.length > 120 ? s.title : undefined}
                  className="line-clamp-3 break-words font-medium text-ink hover:text-accent hover:underline hover:underline-offset-2"
                >
                  {s.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-muted">
                <ClampedName value={s.speaker} missing="No speaker" />
              </td>
              <td className="px-4 py-3 text-muted">
                <ClampedName value={s.outlet} missing="No outlet" />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-muted">
                {s.publishedAt ? <time dateTime={s.publishedAt}>{formatDay(s.publishedAt)}</time> : <span aria-label="Unknown">—</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-muted">
                <time dateTime={s.importedAt.toISOString()}>{formatDay(s.importedAt)}</time>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-muted">{s.claimCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A speaker or outlet in at most two lines; the full name is in the tooltip. */
function ClampedName({ value, missing }: { value: string | null; missing: string }) {
  if (!value) return <span aria-label={missing}>—</span>;
  return (
    <span dir="auto" title={value} className="line-clamp-2 break-words">
      {value}
    </span>
  );
}
