import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockExtents, blockSegments, createBlockCache, spansByBlock } from "./block-segments";
import { splitOverlaps } from "./overlaps";

type H = { id: string; start: number; end: number; color?: string };
const h = (id: string, start: number, end: number, color = "red"): H => ({ id, start, end, color });

describe("blockExtents", () => {
  it("splits on exactly the separator, like textToSlateValue", () => {
    expect(blockExtents("ab\n\ncde\n\n\n\nf")).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 7 },
      { start: 9, end: 9 },
      { start: 11, end: 12 },
    ]);
    expect(blockExtents("")).toEqual([{ start: 0, end: 0 }]);
  });
});

describe("spansByBlock and blockSegments", () => {
  const text = "aaaa\n\nbbbb\n\ncccc"; // blocks [0,4) [6,10) [12,16)
  const blocks = blockExtents(text);

  it("clips a highlight across paragraphs into each block it touches, skipping separators", () => {
    const byBlock = spansByBlock([h("x", 2, 13), h("y", 6, 8), h("empty", 5, 5)], blocks);
    expect(byBlock.map((list) => list.map((c) => [c.id, c.start, c.end]))).toEqual([[["x", 2, 4]], [["x", 6, 10], ["y", 6, 8]], [["x", 12, 13]]]);
  });

  it("a highlight only on a separator touches no block", () => {
    expect(spansByBlock([h("gap", 4, 6)], blocks)).toEqual([[], [], []]);
  });

  it("orders covering highlights by where they really start, not where the block cut them", () => {
    // "early" starts in block 0, "late" in block 1 but is longer there: early is still outer.
    const byBlock = spansByBlock([h("late", 6, 10), h("early", 2, 8)], blocks);
    const segments = blockSegments(byBlock[1]!);
    expect(segments.map((s) => [s.start, s.end, s.highlights.map((x) => x.id).join("+")])).toEqual([
      [6, 8, "early+late"],
      [8, 10, "late"],
    ]);
  });

  it("per block, the segments are the whole-text segments cut at the blocks (property)", () => {
    const length = 16;
    const arb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length })), { maxLength: 12 })
      .map((pairs) => pairs.map(([a, b], i) => h(`h${i}`, Math.min(a, b), Math.max(a, b))));
    fc.assert(
      fc.property(arb, (spans) => {
        const perBlock = spansByBlock(spans, blocks).flatMap((clipped) => blockSegments(clipped));
        const whole = splitOverlaps(spans).flatMap((s) =>
          blocks
            .map((b) => ({ start: Math.max(s.start, b.start), end: Math.min(s.end, b.end), highlights: s.highlights }))
            .filter((c) => c.start < c.end),
        );
        const ids = (list: { start: number; end: number; highlights: H[] }[]) => list.map((s) => `${s.start}-${s.end}:${s.highlights.map((x) => x.id).sort().join(",")}`);
        expect(ids(perBlock)).toEqual(ids(whole));
      }),
    );
  });
});

describe("createBlockCache", () => {
  const text = "aaaa\n\nbbbb\n\ncccc";
  const blocks = blockExtents(text);

  it("rebuilds only the blocks whose highlights changed; the others keep the identical result", () => {
    const built: number[] = [];
    const update = createBlockCache<H, object[]>(
      (c) => `${c.id}:${c.start}:${c.end}:${c.of.color}`,
      (b, clipped) => {
        built.push(b);
        return clipped.map((c) => ({ id: c.id }));
      },
    );
    const first = update(spansByBlock([h("a", 0, 2), h("b", 6, 8), h("c", 12, 14)], blocks));
    expect(built).toEqual([0, 1, 2]);

    built.length = 0;
    const second = update(spansByBlock([h("a", 0, 2), h("b", 6, 8), h("c", 12, 14), h("new", 7, 9)], blocks));
    expect(built).toEqual([1]);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);

    built.length = 0;
    const third = update(spansByBlock([h("a", 0, 2, "blue"), h("b", 6, 8), h("c", 12, 14), h("new", 7, 9)], blocks));
    expect(built).toEqual([0]);
    expect(third[1]).toBe(second[1]);
  });
});
