import Link from "next/link";
import { listHref, type ListParams } from "./statement-list-params";

/** Page numbers around the current page, the first and the last; gaps shown as "…". */
export function pageWindow(page: number, last: number): Array<number | "gap"> {
  const pages = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push("gap");
    out.push(p);
  });
  return out;
}

export function StatementPagination({ base, state, total, pageSize }: { base: string; state: ListParams; total: number; pageSize: number }) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const first = (state.page - 1) * pageSize + 1;
  const upTo = Math.min(total, state.page * pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm hover:bg-white hover:shadow-sm";
  const disabled = "rounded-md px-3 py-1.5 text-sm text-stone-400";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">
        Showing {first.toLocaleString("en")}–{upTo.toLocaleString("en")} of {total.toLocaleString("en")}
      </p>
      {last > 1 ? (
        <nav aria-label="Pagination" className="flex items-center gap-1">
          {state.page > 1 ? (
            <Link href={listHref(base, { ...state, page: state.page - 1 })} className={`${link} text-ink`} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className={disabled} aria-disabled="true">
              ← Previous
            </span>
          )}
          {pageWindow(state.page, last).map((p, i) =>
            p === "gap" ? (
              <span key={`gap-${i}`} className="px-1 text-sm text-muted" aria-hidden="true">
                …
              </span>
            ) : p === state.page ? (
              <span key={p} aria-current="page" className="rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link key={p} href={listHref(base, { ...state, page: p })} className={`${link} text-ink`} aria-label={`Page ${p}`}>
                {p}
              </Link>
            ),
          )}
          {state.page < last ? (
            <Link href={listHref(base, { ...state, page: state.page + 1 })} className={`${link} text-ink`} rel="next">
              Next →
            </Link>
          ) : (
            <span className={disabled} aria-disabled="true">
              Next →
            </span>
          )}
        </nav>
      ) : null}
    </div>
  );
}
