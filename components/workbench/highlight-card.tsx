// One highlight in a few words: who, what kind, the quote, and the claim's state.
import { STATUS_LABELS, type WorkbenchHighlight } from "./types";

export function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: color }} />;
}

export function TagChip({ tag }: { tag: { name: string; color: string } }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-line bg-stone-50 px-2 py-0.5 text-xs text-ink">
      <Swatch color={tag.color} />
      {tag.name}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const tone =
    status === "checked" ? "bg-emerald-50 text-emerald-800 border-emerald-200" : status === "in_review" ? "bg-amber-50 text-amber-900 border-amber-200" : status === "researching" ? "bg-sky-50 text-sky-900 border-sky-200" : "bg-stone-50 text-stone-700 border-line";
  return <span className={`rounded-full border px-2 py-0.5 text-xs ${tone}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function quoteExcerpt(text: string, max = 140): string {
  // Only the start can show: flatten that, not a whole long quote (a panel lists a thousand).
  const flat = text.slice(0, max * 2).replace(/\s+/g, " ").trim();
  return flat.length > max || text.length > max * 2 ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export function HighlightCard({ highlight: h, compact = false }: { highlight: WorkbenchHighlight; compact?: boolean }) {
  return (
    <div className={compact ? "rounded-md px-1 py-1" : ""}>
      <div className="flex items-center gap-2 text-xs text-muted">
        <Swatch color={h.author.color} />
        <span className="font-medium text-ink">{h.author.name}</span>
        <span aria-hidden="true">·</span>
        <span className={h.kind === "claim" ? "font-medium text-ink" : ""}>{h.kind === "claim" ? "Claim" : "Note"}</span>
        {h.claim ? <StatusBadge status={h.claim.status} /> : null}
        {h.state === "saving" ? <span className="text-muted">Saving…</span> : null}
        {h.state === "failed" ? <span className="font-medium text-red-700">Not saved</span> : null}
      </div>
      <p dir="auto" className="mt-1 font-serif text-[0.95rem] leading-snug text-ink">
        “{quoteExcerpt(h.claim?.claimReviewed || h.exact, compact ? 110 : 160)}”
      </p>
      {h.kind === "note" && h.body ? (
        <p dir="auto" className="mt-1 text-sm text-muted">
          {quoteExcerpt(h.body, 120)}
        </p>
      ) : null}
      {h.claim?.tags.length ? (
        <div className="mt-1.5 flex flex-wrap gap-1">
          {h.claim.tags.map((t) => (
            <TagChip key={t.id} tag={t} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
