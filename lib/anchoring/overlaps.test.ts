import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitOverlaps } from "./overlaps";

type H = { id: string; authorId: string; start: number; end: number };
const h = (id: string, start: number, end: number, authorId = "u1"): H => ({ id, authorId, start, end });
const flat = (ranges: H[]) =>
  splitOverlaps(ranges).map((s) => [s.start, s.end, s.highlights.map((x) => x.id).join("+")] as const);

describe("splitOverlaps", () => {
  it("leaves disjoint and touching ranges apart", () => {
    expect(flat([h("b", 5, 8), h("a", 0, 3), h("c", 8, 9)])).toEqual([
      [0, 3, "a"],
      [5, 8, "b"],
      [8, 9, "c"],
    ]);
  });

  it("splits two overlapping ranges into three segments", () => {
    expect(flat([h("a", 0, 10), h("b", 5, 15, "u2")])).toEqual([
      [0, 5, "a"],
      [5, 10, "a+b"],
      [10, 15, "b"],
    ]);
  });

  it("handles nesting, outer highlight first", () => {
    expect(flat([h("inner", 3, 5), h("outer", 0, 10)])).toEqual([
      [0, 3, "outer"],
      [3, 5, "outer+inner"],
      [5, 10, "outer"],
    ]);
  });

  it("handles crossing chains", () => {
    expect(flat([h("a", 0, 4), h("b", 2, 6), h("c", 5, 9)])).toEqual([
      [0, 2, "a"],
      [2, 4, "a+b"],
      [4, 5, "b"],
      [5, 6, "b+c"],
      [6, 9, "c"],
    ]);
  });

  it("keeps identical ranges of different authors together", () => {
    const segments = splitOverlaps([h("x", 2, 7, "u1"), h("y", 2, 7, "u2")]);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.highlights.map((x) => x.authorId)).toEqual(["u1", "u2"]);
  });

  it("ignores zero-length and inverted ranges", () => {
    expect(flat([h("empty", 4, 4), h("inverted", 6, 2), h("a", 0, 3)])).toEqual([[0, 3, "a"]]);
    expect(splitOverlaps([])).toEqual([]);
  });

  it("covers exactly the union, each point by exactly its ranges (property)", () => {
    const range = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 15 }), (pairs) => {
        const ranges = pairs.map(([a, b], i) => h(`h${i}`, a, b));
        const segments = splitOverlaps(ranges);
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
        for (let p = 0; p < 41; p++) {
          const expected = ranges.filter((r) => r.start <= p && p < r.end).map((r) => r.id).sort();
          const segment = segments.find((s) => s.start <= p && p < s.end);
          expect((segment?.highlights.map((r) => r.id) ?? []).sort()).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
