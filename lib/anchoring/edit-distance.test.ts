import search from "approx-string-match";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSubstringDistance, levenshtein } from "./edit-distance";

describe("createSubstringDistance", () => {
  it("is zero when the pattern occurs and counts edits otherwise", () => {
    const distance = createSubstringDistance("landmine");
    expect(distance("victims of a landmine blast")).toBe(0);
    expect(distance("victims of a landmne blast")).toBe(1);
    expect(distance("victims of a land-mine blast")).toBe(1);
    expect(distance("")).toBe(8);
    expect(createSubstringDistance("")("anything")).toBe(0);
  });

  it("agrees with approx-string-match for patterns up to and beyond one word (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "c", " ", "é", "😀", "ا");
    const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(""));
    fc.assert(
      fc.property(str(40), str(60), (pattern, text) => {
        const expected = pattern.length === 0 ? 0 : (search(text, pattern, pattern.length)[0]?.errors ?? pattern.length);
        expect(createSubstringDistance(pattern)(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("levenshtein", () => {
  it("counts insertions, deletions and substitutions between whole strings", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
    expect(levenshtein("x".repeat(2000), "y".repeat(2000))).toBeUndefined();
  });
});
