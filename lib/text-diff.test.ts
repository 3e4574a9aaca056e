import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffStats, diffWords, sideOf, tokenize } from "./text-diff";

describe("tokenize", () => {
  it("keeps words, figures and contractions whole and splits off spaces and punctuation", () => {
    expect(tokenize("He said 1,000.5 people don't (agree).")).toEqual([
      "He", " ", "said", " ", "1,000.5", " ", "people", " ", "don't", " ", "(", "agree", ")", ".",
    ]);
  });

  it("handles emoji, combining marks and right-to-left text without losing characters", () => {
    const text = "Café 👩‍👩‍👧 قال الوزير\n\nok";
    expect(tokenize(text).join("")).toBe(text);
  });
});

describe("diffWords", () => {
  it("finds nothing to change in identical texts", () => {
    expect(diffWords("same text", "same text")).toEqual([{ op: "equal", text: "same text" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("shows a corrected figure as one replaced word", () => {
    expect(diffWords("The ministry said 303 people were hurt.", "The ministry said 305 people were hurt.")).toEqual([
      { op: "equal", text: "The ministry said " },
      { op: "delete", text: "303" },
      { op: "insert", text: "305" },
      { op: "equal", text: " people were hurt." },
    ]);
  });

  it("shows a deleted sentence and an inserted one", () => {
    const before = "One. Two is gone. Three.";
    const after = "One. Three. Four added.";
    const diff = diffWords(before, after);
    expect(sideOf(diff, "before")).toBe(before);
    expect(sideOf(diff, "after")).toBe(after);
    expect(diff.filter((s) => s.op === "delete").map((s) => s.text).join("")).toContain("Two is gone");
    expect(diff.filter((s) => s.op === "insert").map((s) => s.text).join("")).toContain("Four added");
    expect(diffStats(diffWords("We had 3 big wins.", "We had 5 wins."))).toEqual({ inserted: 1, deleted: 2 });
  });

  it("handles one side empty", () => {
    expect(diffWords("", "new words")).toEqual([{ op: "insert", text: "new words" }]);
    expect(diffWords("old words", "")).toEqual([{ op: "delete", text: "old words" }]);
  });

  it("reproduces both texts and is minimal on random edits (property)", () => {
    const word = fc.constantFrom("a", "b", "c", "303", "people", "the", "said", ".", " ", "\n\n");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (xs, ys) => {
        const before = xs.join("");
        const after = ys.join("");
        const diff = diffWords(before, after);
        expect(sideOf(diff, "before")).toBe(before);
        expect(sideOf(diff, "after")).toBe(after);
        // Equal text is never more than the whole of either side.
        const equal = diff.filter((s) => s.op === "equal").map((s) => s.text).join("").length;
        expect(equal).toBeLessThanOrEqual(Math.min(before.length, after.length));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the longest common subsequence of tokens (matches a reference LCS)", () => {
    const word = fc.constantFrom("x", "y", "z", " ");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), fc.array(word, { maxLength: 25 }), (xs, ys) => {
        const diff = diffWords(xs.join(""), ys.join(""));
        const kept = tokenize(diff.filter((s) => s.op === "equal").map((s) => s.text).join(""));
        // Grouping may fold lone spaces into replacements, so allow that slack against the LCS.
        const a = tokenize(xs.join(""));
        const b = tokenize(ys.join(""));
        const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = 1; i <= a.length; i++)
          for (let j = 1; j <= b.length; j++)
            lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
        const spaces = diff.filter((s) => s.op === "delete").map((s) => s.text).join("").split(" ").length;
        expect(kept.length).toBeGreaterThanOrEqual(lcs[a.length]![b.length]! - spaces);
      }),
      { numRuns: 300 },
    );
  });

  it("diffs a long text with a few changes quickly enough to run on every page view", () => {
    const base = Array.from({ length: 20_000 }, (_, i) => `word${i % 97}`).join(" ");
    const changed = base.replace("word5 ", "word5 inserted ").replace(/word90 word91/, "word90");
    const diff = diffWords(base, changed);
    expect(sideOf(diff, "after")).toBe(changed);
    expect(diffStats(diff)).toEqual({ inserted: 1, deleted: 1 });
  });
});
