// The word-level changes between two revisions: deletions struck through in red, insertions
// underlined in green, in the flow of the text.
import { DiffSegments } from "@/components/ui/diff-segments";
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
        <DiffSegments segments={diff.segments} />
      </div>
    </section>
  );
}
