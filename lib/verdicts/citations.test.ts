import { describe, expect, it } from "vitest";
import { citedNumbers, listCitations, missingCitations, REMOVED_CITATION, renumberAfterRemoval, splitCitations } from "./citations";

describe("citations", () => {
  it("cuts an explanation into text and citations", () => {
    expect(splitCitations("The ministry [1] says 303, the UN [2][3] says 250.")).toEqual([
      { kind: "text", text: "The ministry " },
      { kind: "citation", n: 1, text: "[1]" },
      { kind: "text", text: " says 303, the UN " },
      { kind: "citation", n: 2, text: "[2]" },
      { kind: "citation", n: 3, text: "[3]" },
      { kind: "text", text: " says 250." },
    ]);
    expect(splitCitations("")).toEqual([]);
    expect(splitCitations("[1]")).toEqual([{ kind: "citation", n: 1, text: "[1]" }]);
  });

  it("leaves years, zero and non-numbers alone", () => {
    expect(citedNumbers("In [2020] the report [0] and [a] and [ 1] and [1.5] said nothing")).toEqual([]);
    expect(splitCitations("see [2020]")).toEqual([{ kind: "text", text: "see [2020]" }]);
  });

  it("lists each cited number once, in order, and finds those without a source", () => {
    expect(citedNumbers("[3] then [1] then [3] and [12]")).toEqual([3, 1, 12]);
    expect(missingCitations("[3] then [1] then [3] and [12]", 3)).toEqual([12]);
    expect(missingCitations("[1] and [2]", 0)).toEqual([1, 2]);
    expect(missingCitations("no citations", 0)).toEqual([]);
  });

  it("names citations for a message", () => {
    expect(listCitations([])).toBe("");
    expect(listCitations([4])).toBe("[4]");
    expect(listCitations([4, 5])).toBe("[4] and [5]");
    expect(listCitations([4, 5, 9])).toBe("[4], [5] and [9]");
  });
});

describe("renumberAfterRemoval", () => {
  it("marks the removed source's citations and moves later numbers down, as the source list does", () => {
    const text = "Census [1] and the report [2][3], again [3]; see [2020] and [4].";
    expect(renumberAfterRemoval(text, 2)).toBe(`Census [1] and the report ${REMOVED_CITATION}[2], again [2]; see [2020] and [3].`);
  });

  it("leaves a text citing only earlier sources unchanged", () => {
    const text = "Only [1] is cited, twice [1].";
    expect(renumberAfterRemoval(text, 2)).toBe(text);
  });

  it("agrees with the list: after removing n, every citation names the same source as before", () => {
    const sources = ["a", "b", "c", "d", "e"];
    const text = "[1] [2] [3] [4] [5]";
    for (let removed = 1; removed <= sources.length; removed++) {
      const after = sources.filter((_, i) => i !== removed - 1);
      const renumbered = renumberAfterRemoval(text, removed);
      const named = splitCitations(renumbered).flatMap((p) => (p.kind === "citation" ? [after[p.n - 1]] : []));
      expect(named).toEqual(sources.filter((s) => s !== sources[removed - 1]));
    }
  });
});
