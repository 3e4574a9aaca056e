// Decorations per paragraph. Slate asks for the decorations of each text node separately, and
// re-renders a node only when its decorations differ from the last ones; so the highlights are cut
// into segments per block once, and a block whose highlights did not change keeps the very same
// result (===), which lets Slate skip it.
import type { Segment, Span } from "./overlaps";
import { BLOCK_SEPARATOR } from "./slate-offsets";

/** A block's extent in the plain text: [start, end), separators excluded. */
export type BlockExtent = { start: number; end: number };

/** The blocks of a plain text, split exactly as textToSlateValue splits it. */
export function blockExtents(text: string): BlockExtent[] {
  const blocks: BlockExtent[] = [];
  let start = 0;
  for (const part of text.split(BLOCK_SEPARATOR)) {
    blocks.push({ start, end: start + part.length });
    start += part.length + BLOCK_SEPARATOR.length;
  }
  return blocks;
}

/** A highlight's part inside one block. */
export type ClippedSpan<T extends Span> = Span & { of: T };

/** Index of the first block ending after `offset` (blocks are sorted and disjoint). */
function firstBlockAfter(blocks: readonly BlockExtent[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each block's highlights, clipped to the block; a highlight across paragraphs is in each. */
export function spansByBlock<T extends Span>(spans: readonly T[], blocks: readonly BlockExtent[]): ClippedSpan<T>[][] {
  const byBlock: ClippedSpan<T>[][] = blocks.map(() => []);
  for (const span of spans) {
    if (span.end <= span.start) continue;
    for (let b = firstBlockAfter(blocks, span.start); b < blocks.length && blocks[b]!.start < span.end; b++) {
      const start = Math.max(span.start, blocks[b]!.start);
      const end = Math.min(span.end, blocks[b]!.end);
      if (start < end) byBlock[b]!.push({ id: span.id, start, end, of: span });
    }
  }
  return byBlock;
}

function outerFirst(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * One block's flat segments, in plain-text offsets. Covering highlights are ordered by where they
 * really start (not where the block cut them), so the topmost highlight of a passage is the same
 * whichever paragraph it is in.
 *
 * One sweep over the block's boundaries, without sorting each segment's highlights: they enter by
 * their cut start and, at one boundary, outer first by their real extent. One that enters at a
 * later boundary than another really starts later too (a cut start past the block's start is the
 * real start), so the list of covering highlights stays in real order as they come and go. A page
 * with a thousand highlights cuts some 2,000 segments of about seven highlights each, on the
 * critical path of its first paint.
 */
export function blockSegments<T extends Span>(clipped: readonly ClippedSpan<T>[]): Segment<T>[] {
  const byStart = clipped.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || outerFirst(a.of, b.of));
  const segments: Segment<T>[] = [];
  const active: ClippedSpan<T>[] = [];
  let next = 0;
  let at = byStart.length ? byStart[0]!.start : 0;
  while (next < byStart.length || active.length) {
    // Leave those ending here (keeping the order), enter those starting here.
    let kept = 0;
    for (const c of active) if (c.end > at) active[kept++] = c;
    active.length = kept;
    while (next < byStart.length && byStart[next]!.start <= at) active.push(byStart[next++]!);
    let to = next < byStart.length ? byStart[next]!.start : Infinity;
    for (const c of active) if (c.end < to) to = c.end;
    if (active.length) segments.push({ start: at, end: to, highlights: active.map((c) => c.of) });
    at = to;
  }
  return segments;
}

/**
 * Remembers one result per block and rebuilds a block only when its highlights changed: the same
 * number, pairwise `same` (a comparison, not a key string per highlight: on the first build all of
 * them are new, and making a thousand keys only to compare them later was measurable there).
 * Unchanged blocks get the identical previous result.
 */
export function createBlockCache<T extends Span, R>(same: (a: ClippedSpan<T>, b: ClippedSpan<T>) => boolean, build: (block: number, clipped: ClippedSpan<T>[]) => R) {
  let spans: (readonly ClippedSpan<T>[])[] = [];
  let results: R[] = [];
  const unchanged = (before: readonly ClippedSpan<T>[] | undefined, after: readonly ClippedSpan<T>[]) => {
    if (!before || before.length !== after.length) return false;
    for (let i = 0; i < after.length; i++) if (!same(before[i]!, after[i]!)) return false;
    return true;
  };
  return function update(byBlock: readonly ClippedSpan<T>[][]): R[] {
    const next: R[] = [];
    for (let b = 0; b < byBlock.length; b++) next.push(b < results.length && unchanged(spans[b], byBlock[b]!) ? results[b]! : build(b, byBlock[b]!));
    spans = byBlock.slice();
    results = next;
    return next;
  };
}

/** A stretch of one block's text: a highlighted segment (with its `mark`) or the gap between two. */
export type BlockPiece<M> = { start: number; end: number; mark: M | null };

/**
 * A block's whole text as consecutive pieces in block-local offsets (0 = the block's first
 * character): the block's segments, each carrying its `mark`, and unmarked gaps between them, so
 * a renderer can emit one element per piece in a single pass. `segments` are one block's, sorted
 * and disjoint (what blockSegments returns); a block without any is one unmarked piece (none when
 * the block is empty).
 */
export function blockPieces<M>(block: BlockExtent, segments: ReadonlyArray<{ start: number; end: number; mark: M }>): BlockPiece<M>[] {
  const pieces: BlockPiece<M>[] = [];
  let at = block.start;
  for (const segment of segments) {
    const start = Math.max(segment.start, at);
    const end = Math.min(segment.end, block.end);
    if (end <= start) continue;
    if (start > at) pieces.push({ start: at - block.start, end: start - block.start, mark: null });
    pieces.push({ start: start - block.start, end: end - block.start, mark: segment.mark });
    at = end;
  }
  if (at < block.end) pieces.push({ start: at - block.start, end: block.end - block.start, mark: null });
  return pieces;
}
