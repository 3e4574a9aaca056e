import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockExtents, blockPieces, blockSegments, createBlockCache, spansByBlock } from "./block-segments";
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

describe("blockSegments", () => {
  it("lists a segment's highlights outer first by their real extent, whatever order they come in (property)", () => {
    const text = "aaaaaaaa\n\nbbbbbbbb\n\ncccc"; // blocks [0,8) [10,18) [20,24)
    const blocks = blockExtents(text);
    const outerFirst = (a: H, b: H) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const arb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })), { maxLength: 14 })
      .map((pairs) => pairs.map(([a, b], i) => h(`h${(i * 7) % 15}`, Math.min(a, b), Math.max(a, b))));
    fc.assert(
      fc.property(arb, (spans) => {
        for (const clipped of spansByBlock(spans, blocks)) {
          // The reference: cut with splitOverlaps, then sort each segment's highlights.
          const expected = splitOverlaps(clipped).map((s) => ({ start: s.start, end: s.end, highlights: s.highlights.map((c) => c.of).sort(outerFirst) }));
          expect(blockSegments([...clipped].reverse())).toEqual(expected);
        }
      }),
    );
  });

  it("leaves gaps between highlights out and ignores empty ones", () => {
    const segments = blockSegments(spansByBlock([h("a", 1, 3), h("b", 5, 6), h("none", 4, 4)], [{ start: 0, end: 8 }])[0]!);
    expect(segments.map((s) => [s.start, s.end, s.highlights.map((x) => x.id).join("+")])).toEqual([
      [1, 3, "a"],
      [5, 6, "b"],
    ]);
    expect(blockSegments([])).toEqual([]);
  });
});

describe("createBlockCache", () => {
  const text = "aaaa\n\nbbbb\n\ncccc";
  const blocks = blockExtents(text);

  it("rebuilds only the blocks whose highlights changed; the others keep the identical result", () => {
    const built: number[] = [];
    const update = createBlockCache<H, object[]>(
      (a, b) => a.id === b.id && a.start === b.start && a.end === b.end && a.of.color === b.of.color,
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

describe("blockPieces", () => {
  const block = { start: 10, end: 20 };

  it("covers the block: marked segments and the unmarked gaps between them, in block-local offsets", () => {
    expect(blockPieces(block, [{ start: 12, end: 14, mark: "a" }, { start: 14, end: 15, mark: "b" }, { start: 17, end: 20, mark: "c" }])).toEqual([
      { start: 0, end: 2, mark: null },
      { start: 2, end: 4, mark: "a" },
      { start: 4, end: 5, mark: "b" },
      { start: 5, end: 7, mark: null },
      { start: 7, end: 10, mark: "c" },
    ]);
  });

  it("is one unmarked piece without segments, and nothing for an empty block", () => {
    expect(blockPieces(block, [])).toEqual([{ start: 0, end: 10, mark: null }]);
    expect(blockPieces({ start: 4, end: 4 }, [])).toEqual([]);
  });

  it("clips what lies outside the block", () => {
    expect(blockPieces(block, [{ start: 5, end: 12, mark: "a" }, { start: 18, end: 25, mark: "b" }])).toEqual([
      { start: 0, end: 2, mark: "a" },
      { start: 2, end: 8, mark: null },
      { start: 8, end: 10, mark: "b" },
    ]);
  });

  it("pieces tile the block exactly and keep every segment's mark (property)", () => {
    const text = "aaaa\n\nbbbb\n\ncccc";
    const blocks = blockExtents(text);
    const arb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })), { maxLength: 12 })
      .map((pairs) => pairs.map(([a, b], i) => h(`h${i}`, Math.min(a, b), Math.max(a, b))));
    fc.assert(
      fc.property(arb, (spans) => {
        spansByBlock(spans, blocks).forEach((clipped, b) => {
          const block = blocks[b]!;
          const segments = blockSegments(clipped).map((s) => ({ start: s.start, end: s.end, mark: s.highlights.map((x) => x.id).join("+") }));
          const pieces = blockPieces(block, segments);
          // Consecutive, from 0 to the block's length, no empty piece.
          let at = 0;
          for (const p of pieces) {
            expect(p.start).toBe(at);
            expect(p.end).toBeGreaterThan(p.start);
            at = p.end;
          }
          expect(at).toBe(block.end - block.start);
          // Every character is marked exactly as the segment covering it says.
          for (let i = block.start; i < block.end; i++) {
            const piece = pieces.find((p) => p.start <= i - block.start && i - block.start < p.end)!;
            const segment = segments.find((s) => s.start <= i && i < s.end);
            expect(piece.mark).toBe(segment ? segment.mark : null);
          }
        });
      }),
    );
  });
});
