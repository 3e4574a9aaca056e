// Highlights of several users overlap, nest and cross; Slate decorations (and the exported report)
// need flat, non-overlapping segments, each knowing every highlight that covers it.

export type Span = { id: string; start: number; end: number };

export type Segment<T extends Span> = {
  start: number;
  end: number;
  /** Every highlight covering [start, end): outer (earlier, longer) ones first. */
  highlights: T[];
};

function compareStarts(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Cuts possibly overlapping ranges into consecutive segments covered by the same set of ranges.
 * Uncovered gaps produce no segment; zero-length (and inverted) ranges are ignored. A sweep over
 * the sorted boundaries: O(n log n) plus the size of the output.
 */
export function splitOverlaps<T extends Span>(ranges: readonly T[]): Segment<T>[] {
  const spans = ranges.filter((r) => r.end > r.start);
  const byStart = [...spans].sort(compareStarts);
  const byEnd = [...spans].sort((a, b) => a.end - b.end);
  const boundaries = [...new Set(spans.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);

  // Insertion order of a Map survives deletions, so `active` stays in start order for free.
  const active = new Map<T, true>();
  const segments: Segment<T>[] = [];
  let s = 0;
  let e = 0;
  for (let i = 0; i < boundaries.length - 1; i++) {
    const at = boundaries[i]!;
    while (e < byEnd.length && byEnd[e]!.end <= at) active.delete(byEnd[e++]!);
    while (s < byStart.length && byStart[s]!.start <= at) active.set(byStart[s++]!, true);
    if (active.size > 0) segments.push({ start: at, end: boundaries[i + 1]!, highlights: [...active.keys()] });
  }
  return segments;
}
