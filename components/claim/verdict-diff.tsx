// The changes between two verdict versions, drawn as the statement's revision diff draws them.
import { DiffSegments } from "@/components/ui/diff-segments";
import type { DiffSegment } from "@/lib/text-diff";

export function VerdictDiff({ segments, label }: { segments: readonly DiffSegment[]; label: string }) {
  return (
    <div dir="auto" aria-label={label} role="group" className="whitespace-pre-wrap text-sm leading-relaxed text-ink">
      <DiffSegments segments={segments} />
    </div>
  );
}
