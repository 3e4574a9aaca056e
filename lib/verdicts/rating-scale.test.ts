import { describe, expect, it } from "vitest";
import { STARTER_BEST_RATING, STARTER_RATING_LEVELS, STARTER_WORST_RATING } from "../starter-taxonomy";
import { claimReviewRating, offeredLevels, reorderLevels, validateScale, type ScaleLevel } from "./rating-scale";

const starter = (): ScaleLevel[] =>
  STARTER_RATING_LEVELS.map((l, position) => ({ id: l.label.toLowerCase().replace(/ /g, "-"), ...l, position, retiredAt: null }));

const retire = (levels: ScaleLevel[], id: string) =>
  levels.map((l) => (l.id === id ? { ...l, retiredAt: new Date("2024-05-01T00:00:00Z") } : l));

describe("claimReviewRating", () => {
  it("maps the starter scale to 5…1 with worst and best stated", () => {
    const levels = starter();
    const values = ["true", "mostly-true", "half-true", "mostly-false", "false"].map((id) => claimReviewRating(levels, id));
    expect(values).toEqual([
      { ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
      { ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly true" },
      { ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: "Half true" },
      { ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
      { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
    ]);
    expect(STARTER_BEST_RATING).toBe(5);
    expect(STARTER_WORST_RATING).toBe(1);
  });

  it("gives levels outside the order only a name", () => {
    expect(claimReviewRating(starter(), "misleading")).toEqual({ alternateName: "Misleading" });
    expect(claimReviewRating(starter(), "unproven")).toEqual({ alternateName: "Unproven" });
  });

  it("returns null for an unknown level", () => {
    expect(claimReviewRating(starter(), "nope")).toBeNull();
  });

  it("ranks among active levels by ordinal, whatever gaps the ordinals have", () => {
    const levels = retire(starter(), "mostly-true");
    expect(claimReviewRating(levels, "true")).toEqual({ ratingValue: 4, bestRating: 4, worstRating: 1, alternateName: "True" });
    expect(claimReviewRating(levels, "half-true")).toMatchObject({ ratingValue: 3, bestRating: 4 });
    const sparse = levels.map((l) => (l.ordinal ? { ...l, ordinal: l.ordinal * 10 } : l));
    expect(claimReviewRating(sparse, "false")).toMatchObject({ ratingValue: 1, bestRating: 4 });
    expect(claimReviewRating(sparse, "true")).toMatchObject({ ratingValue: 4, bestRating: 4 });
  });

  it("keeps a retired level's rank for the old verdicts that use it", () => {
    const levels = retire(starter(), "mostly-true");
    expect(claimReviewRating(levels, "mostly-true")).toEqual({ ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly true" });
  });

  it("returns integers only", () => {
    for (const l of starter()) {
      const r = claimReviewRating(starter(), l.id);
      if (r && "ratingValue" in r) expect([r.ratingValue, r.bestRating, r.worstRating].every(Number.isInteger)).toBe(true);
    }
  });
});

describe("offeredLevels", () => {
  it("leaves out retired levels and sorts by position", () => {
    const levels = retire(starter(), "half-true").reverse();
    expect(offeredLevels(levels).map((l) => l.id)).toEqual(["true", "mostly-true", "mostly-false", "false", "misleading", "unproven"]);
  });
});

describe("reorderLevels", () => {
  it("renumbers positions and the truth order from the new display order", () => {
    const result = reorderLevels(starter(), ["true", "half-true", "mostly-true", "mostly-false", "false", "unproven", "misleading"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.levels.map((l) => [l.id, l.position, l.ordinal])).toEqual([
      ["true", 0, 5],
      ["half-true", 1, 4],
      ["mostly-true", 2, 3],
      ["mostly-false", 3, 2],
      ["false", 4, 1],
      ["unproven", 5, null],
      ["misleading", 6, null],
    ]);
    expect(claimReviewRating(result.levels, "mostly-true")).toMatchObject({ ratingValue: 3 });
  });

  it("keeps retired levels after the active ones with their ordinal", () => {
    const levels = retire(starter(), "mostly-true");
    const result = reorderLevels(levels, ["true", "half-true", "mostly-false", "false", "misleading", "unproven"]);
    expect(result.ok && result.levels.map((l) => [l.id, l.position, l.ordinal])).toEqual([
      ["true", 0, 4],
      ["half-true", 1, 3],
      ["mostly-false", 2, 2],
      ["false", 3, 1],
      ["misleading", 4, null],
      ["unproven", 5, null],
      ["mostly-true", 6, 4],
    ]);
    expect(result.ok && validateScale(result.levels)).toEqual([]);
  });

  it("refuses unknown, repeated or missing ids", () => {
    const ids = starter().map((l) => l.id);
    expect(reorderLevels(starter(), [...ids, "x"])).toEqual({ ok: false, message: "The new order names a level that is not on this scale." });
    expect(reorderLevels(starter(), [...ids, "true"])).toEqual({ ok: false, message: "The new order names a level twice." });
    expect(reorderLevels(starter(), ids.slice(1))).toEqual({ ok: false, message: "The new order leaves out “True”." });
  });

  it("does not modify its input", () => {
    const levels = starter();
    const before = structuredClone(levels);
    reorderLevels(levels, [...levels.map((l) => l.id)].reverse());
    expect(levels).toEqual(before);
  });
});

describe("validateScale", () => {
  it("accepts the starter scale", () => {
    expect(validateScale(starter())).toEqual([]);
  });

  it("refuses labels that differ only by case or spaces, including retired ones", () => {
    const levels = [...retire(starter(), "false"), { id: "false-2", label: " FALSE ", color: "#000000", ordinal: null, position: 7 }];
    expect(validateScale(levels)).toEqual([{ levelId: "false-2", field: "label", message: "“FALSE” is used by another level (labels ignore case)." }]);
  });

  it("refuses blank and overlong labels", () => {
    const levels = starter();
    levels[0] = { ...levels[0]!, label: "  " };
    levels[1] = { ...levels[1]!, label: "x".repeat(61) };
    expect(validateScale(levels).map((p) => [p.levelId, p.field])).toEqual([
      ["true", "label"],
      ["mostly-true", "label"],
    ]);
  });

  it("refuses colours that are not #rrggbb", () => {
    for (const color of ["red", "#fff", "#12345g", "2f7d4f", "#2f7d4f ", "rgb(0,0,0)", ""]) {
      const levels = starter();
      levels[0] = { ...levels[0]!, color };
      expect(validateScale(levels)).toEqual([{ levelId: "true", field: "color", message: "Colours are written as #rrggbb, for example #2f7d4f." }]);
    }
    const upper = starter();
    upper[0] = { ...upper[0]!, color: "#2F7D4F" };
    expect(validateScale(upper)).toEqual([]);
  });

  it("needs at least two active ordinal levels", () => {
    let levels = starter();
    for (const id of ["true", "mostly-true", "half-true"]) levels = retire(levels, id);
    expect(validateScale(levels)).toEqual([]);
    levels = retire(levels, "mostly-false");
    expect(validateScale(levels)).toEqual([
      { message: "A scale needs at least two active levels in the truth order (for example True and False)." },
    ]);
  });

  it("refuses shared or non-integer ordinals among active levels", () => {
    const levels = starter();
    levels[1] = { ...levels[1]!, ordinal: 5 };
    levels[2] = { ...levels[2]!, ordinal: 2.5 };
    expect(validateScale(levels).map((p) => [p.levelId, p.field])).toEqual([
      ["mostly-true", "ordinal"],
      ["half-true", "ordinal"],
    ]);
  });

  it("refuses an overlong description", () => {
    const levels = starter();
    levels[0] = { ...levels[0]!, description: "x".repeat(501) };
    expect(validateScale(levels)).toEqual([{ levelId: "true", field: "description", message: "Descriptions can be at most 500 characters." }]);
  });
});
