// Word-level changes in the flow of the text: deletions struck through in red, insertions
// underlined in green. Shared by the statement's revision diff and the verdict history.
import type { DiffSegment } from "@/lib/text-diff";

export function DiffSegments({ segments }: { segments: readonly DiffSegment[] }) {
  return segments.map((s, i) =>
    s.op === "equal" ? (
      <span key={i}>{s.text}</span>
    ) : s.op === "insert" ? (
      <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-950 decoration-emerald-600">
        {s.text}
      </ins>
    ) : (
      <del key={i} className="rounded-sm bg-red-50 text-red-900 decoration-red-500">
        {s.text}
      </del>
    ),
  );
}
