// The statement editor shows the plain text as a Slate document: one paragraph element per block,
// each with text leaves. Highlights are stored as plain-text offsets and shown as decorations, so
// offsets and Slate points must map onto each other exactly, both ways.
//
// The plain text of a document is its paragraphs' texts joined with ONE fixed separator, a blank
// line ("\n\n"), which is what lib/text's normaliseText produces: runs of blank lines collapse to
// one, so a normalised statement splits into paragraphs and joins back unchanged. A single "\n"
// inside a paragraph is a line break within it and stays in the leaf text.
import type { BasePoint, BaseRange, Descendant } from "slate";

export const BLOCK_SEPARATOR = "\n\n";

/** Which side wins when an offset sits on a boundary (between leaves, or inside a separator). */
export type Affinity = "forward" | "backward";

export type SlatePoint = BasePoint;
export type SlateRange = BaseRange;

/** A per-leaf range, for Slate's `decorate`: anchor and focus lie in the leaf at `path`. */
export type LeafRange = SlateRange & { path: [number, number] };

export type ParagraphElement = { type: "paragraph"; children: { text: string }[] };

type Block = { start: number; end: number; leafStarts: number[]; leafEnds: number[] };

function blockLeaves(node: Descendant, index: number): readonly { text: string }[] {
  const children = (node as { children?: unknown }).children;
  if (!Array.isArray(children)) throw new TypeError(`block ${index} is not an element with children`);
  return children.map((leaf, j) => {
    const text = (leaf as { text?: unknown }).text;
    if (typeof text !== "string") throw new TypeError(`node [${index}, ${j}] is not a text leaf`);
    return { text };
  });
}

export type OffsetMap = {
  /** Length of the document's plain text. */
  readonly length: number;
  offsetToPoint(offset: number, affinity?: Affinity): SlatePoint;
  pointToOffset(point: SlatePoint): number;
  rangeToOffsets(range: SlateRange): { start: number; end: number };
  offsetsToRanges(start: number, end: number): LeafRange[];
};

/** Precomputes block and leaf offsets once, for mapping many highlights of one document. */
export function createOffsetMap(doc: readonly Descendant[]): OffsetMap {
  const blocks: Block[] = [];
  let cursor = 0;
  doc.forEach((node, i) => {
    if (i > 0) cursor += BLOCK_SEPARATOR.length;
    const start = cursor;
    const leafStarts: number[] = [];
    const leafEnds: number[] = [];
    for (const leaf of blockLeaves(node, i)) {
      leafStarts.push(cursor);
      cursor += leaf.text.length;
      leafEnds.push(cursor);
    }
    if (leafStarts.length === 0) throw new TypeError(`block ${i} has no text leaf`);
    blocks.push({ start, end: cursor, leafStarts, leafEnds });
  });
  const length = cursor;

  const assertOffset = (offset: number) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > length) {
      throw new RangeError(`offset ${offset} is outside 0..${length}`);
    }
  };

  /** Index of the last block starting at or before `offset`. */
  const blockAt = (offset: number): number => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  };

  const pointInBlock = (b: number, offset: number, affinity: Affinity): SlatePoint => {
    const { leafStarts, leafEnds } = blocks[b]!;
    const last = leafStarts.length - 1;
    let leaf: number;
    if (affinity === "forward") {
      // The first leaf that has a character at `offset`; the last leaf at the block's end.
      leaf = leafStarts.findIndex((s, j) => s <= offset && offset < leafEnds[j]!);
      if (leaf === -1) leaf = last;
    } else {
      // The last leaf that ends at or after `offset` having started before it; the first at the start.
      leaf = -1;
      for (let j = last; j >= 0; j--) {
        if (leafStarts[j]! < offset && offset <= leafEnds[j]!) {
          leaf = j;
          break;
        }
      }
      if (leaf === -1) leaf = 0;
    }
    return { path: [b, leaf], offset: offset - leafStarts[leaf]! };
  };

  const offsetToPoint = (offset: number, affinity: Affinity = "forward"): SlatePoint => {
    assertOffset(offset);
    const b = blockAt(offset);
    const block = blocks[b]!;
    if (offset <= block.end) return pointInBlock(b, offset, affinity);
    // Inside the separator after block b: the nearer block boundary, `affinity` on a tie.
    const next = blocks[b + 1]!;
    const toEnd = offset - block.end;
    const toNext = next.start - offset;
    if (toEnd < toNext || (toEnd === toNext && affinity === "backward")) {
      return pointInBlock(b, block.end, "backward");
    }
    return pointInBlock(b + 1, next.start, "forward");
  };

  const pointToOffset = (point: SlatePoint): number => {
    const [b, leaf] = point.path;
    const block = b === undefined ? undefined : blocks[b];
    if (point.path.length !== 2 || !block || leaf === undefined || block.leafStarts[leaf] === undefined) {
      throw new RangeError(`path [${point.path.join(", ")}] is not a text leaf of this document`);
    }
    const leafLength = block.leafEnds[leaf]! - block.leafStarts[leaf]!;
    if (!Number.isInteger(point.offset) || point.offset < 0 || point.offset > leafLength) {
      throw new RangeError(`offset ${point.offset} is outside leaf [${b}, ${leaf}] of length ${leafLength}`);
    }
    return block.leafStarts[leaf]! + point.offset;
  };

  const rangeToOffsets = (range: SlateRange) => {
    const a = pointToOffset(range.anchor);
    const f = pointToOffset(range.focus);
    return a <= f ? { start: a, end: f } : { start: f, end: a };
  };

  const offsetsToRanges = (start: number, end: number): LeafRange[] => {
    assertOffset(start);
    assertOffset(end);
    if (end < start) throw new RangeError(`end ${end} is before start ${start}`);
    const ranges: LeafRange[] = [];
    if (start === end) return ranges;
    for (let b = blockAt(start); b < blocks.length && blocks[b]!.start < end; b++) {
      const { leafStarts, leafEnds } = blocks[b]!;
      for (let j = 0; j < leafStarts.length; j++) {
        const from = Math.max(start, leafStarts[j]!);
        const to = Math.min(end, leafEnds[j]!);
        if (from >= to) continue;
        const path: [number, number] = [b, j];
        ranges.push({
          path,
          anchor: { path: [b, j], offset: from - leafStarts[j]! },
          focus: { path: [b, j], offset: to - leafStarts[j]! },
        });
      }
    }
    return ranges;
  };

  return { length, offsetToPoint, pointToOffset, rangeToOffsets, offsetsToRanges };
}

/** The plain text the offsets count in: leaf texts, blocks joined by the separator. */
export function documentText(doc: readonly Descendant[]): string {
  return doc.map((node, i) => blockLeaves(node, i).map((leaf) => leaf.text).join("")).join(BLOCK_SEPARATOR);
}

/**
 * The Slate point of a plain-text offset. On a leaf boundary `forward` (default) picks the start of
 * the later leaf, `backward` the end of the earlier one; an offset inside a separator goes to the
 * nearer block boundary (`affinity` decides a tie).
 */
export function offsetToPoint(doc: readonly Descendant[], offset: number, affinity: Affinity = "forward"): SlatePoint {
  return createOffsetMap(doc).offsetToPoint(offset, affinity);
}

export function pointToOffset(doc: readonly Descendant[], point: SlatePoint): number {
  return createOffsetMap(doc).pointToOffset(point);
}

/** A Slate range (a selection, either direction) as ordered plain-text offsets. */
export function rangeToOffsets(doc: readonly Descendant[], range: SlateRange): { start: number; end: number } {
  return createOffsetMap(doc).rangeToOffsets(range);
}

/** [start, end) cut into one range per text leaf it covers (separators skipped), for decorations. */
export function offsetsToRanges(doc: readonly Descendant[], start: number, end: number): LeafRange[] {
  return createOffsetMap(doc).offsetsToRanges(start, end);
}

/** Paragraph texts as an initial Slate value (Slate needs at least one block). */
export function paragraphsToSlateValue(paragraphs: readonly string[]): Descendant[] {
  const blocks: ParagraphElement[] = (paragraphs.length === 0 ? [""] : paragraphs).map((text) => ({
    type: "paragraph",
    children: [{ text }],
  }));
  return blocks as unknown as Descendant[];
}

/**
 * A statement's plain text as a Slate value. Splits on exactly the separator (not on runs of blank
 * lines) so that documentText(textToSlateValue(t)) === t for every t, normalised or not.
 */
export function textToSlateValue(text: string): Descendant[] {
  return paragraphsToSlateValue(text.split(BLOCK_SEPARATOR));
}
