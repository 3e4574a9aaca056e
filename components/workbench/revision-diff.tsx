// The word-level changes between two revisions: deletions struck through in red, insertions
// underlined in green, in the flow of the text.
import type { DiffSegment } from "@/lib/text-diff";

export function RevisionDiffView({ diff }: { diff: { from: number; to: number; segments: DiffSegment[]; inserted: number; deleted: number } }) {
  return (
    <section aria-labelledby="diff-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line pb-3">
        <h2 id="diff-title" className="text-base font-semibold text-ink">
          Revision {diff.from} → {diff.to}
        </h2>
        <p className="text-xs text-muted">
          <span className="text-emerald-800">{diff.inserted} inserted</span> · <span className="text-red-800">{diff.deleted} deleted</span>
        </p>
      </div>
      <div dir="auto" data-testid="revision-diff" className="mt-5 max-w-[70ch] whitespace-pre-wrap font-serif text-[1.0625rem] leading-[1.75] text-ink">
        {diff.segments.map((s, i) =>
          s.op === "equal" ? (
            <span key={i}>{s.text}</span>
          ) : s.op === "insert" ? (
            <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-950 no-underline decoration-emerald-600 [text-decoration-line:underline]">
              {s.text}
            </ins>
          ) : (
            <del key={i} className="rounded-sm bg-red-50 text-red-900 decoration-red-500">
              {s.text}
            </del>
          ),
        )}
      </div>
    </section>
  );
}
