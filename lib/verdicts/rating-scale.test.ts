import { describe, expect, it } from "vitest";
import { STARTER_BEST_RATING, STARTER_RATING_LEVELS, STARTER_WORST_RATING } from "../starter-taxonomy";
import {
  addLevel,
  badgeTextColor,
  claimReviewRating,
  contrastRatio,
  moveLevel,
  newProblems,
  offeredLevels,
  removeLevel,
  reorderLevels,
  restoreLevel,
  retireLevel,
  scaleOrder,
  setInTruthOrder,
  validateScale,
  type ScaleLevel,
} from "./rating-scale";

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

// [id, position, ordinal, retired?] for every level, in the order the scale shows them.
const shape = (levels: readonly ScaleLevel[]) => scaleOrder(levels).map((l) => [l.id, l.position, l.ordinal, l.retiredAt != null]);
const ok = <L>(result: { ok: true; levels: L[] } | { ok: false; message: string }): L[] => {
  if (!result.ok) throw new Error(result.message);
  return result.levels;
};

describe("scaleOrder", () => {
  it("shows the truth order, then the levels outside it, then retired ones, each by position", () => {
    const levels = retire(starter(), "half-true").map((l) => (l.id === "misleading" ? { ...l, position: -1 } : l));
    expect(scaleOrder(levels).map((l) => l.id)).toEqual(["true", "mostly-true", "mostly-false", "false", "misleading", "unproven", "half-true"]);
  });
});

describe("moveLevel", () => {
  it("swaps a level with its neighbour and renumbers the truth order", () => {
    const levels = ok(moveLevel(starter(), "mostly-false", "up"));
    expect(shape(levels).slice(0, 5)).toEqual([
      ["true", 0, 5, false],
      ["mostly-true", 1, 4, false],
      ["mostly-false", 2, 3, false],
      ["half-true", 3, 2, false],
      ["false", 4, 1, false],
    ]);
    expect(shape(ok(moveLevel(levels, "mostly-false", "down")))).toEqual(shape(starter()));
  });

  it("moves levels outside the order among themselves only", () => {
    expect(shape(ok(moveLevel(starter(), "unproven", "up"))).slice(5)).toEqual([
      ["unproven", 5, null, false],
      ["misleading", 6, null, false],
    ]);
    expect(moveLevel(starter(), "misleading", "up")).toEqual({ ok: false, message: "“Misleading” is already first among the levels outside the truth order." });
    expect(moveLevel(starter(), "false", "down")).toEqual({ ok: false, message: "“False” is already the least true level." });
    expect(moveLevel(starter(), "true", "up")).toEqual({ ok: false, message: "“True” is already the truest level." });
  });

  it("skips retired levels and refuses to move them or unknown ids", () => {
    const levels = retire(starter(), "half-true");
    expect(shape(ok(moveLevel(levels, "mostly-false", "up"))).slice(0, 4).map((r) => r[0])).toEqual(["true", "mostly-false", "mostly-true", "false"]);
    expect(moveLevel(levels, "half-true", "up")).toEqual({ ok: false, message: "“Half true” is retired; restore it before moving it." });
    expect(moveLevel(levels, "nope", "up")).toEqual({ ok: false, message: "That level is not on this scale." });
  });
});

describe("setInTruthOrder", () => {
  it("puts a level into the order as the least true and takes one out as the first outside it", () => {
    const into = ok(setInTruthOrder(starter(), "unproven", true));
    expect(shape(into)).toEqual([
      ["true", 0, 6, false],
      ["mostly-true", 1, 5, false],
      ["half-true", 2, 4, false],
      ["mostly-false", 3, 3, false],
      ["false", 4, 2, false],
      ["unproven", 5, 1, false],
      ["misleading", 6, null, false],
    ]);
    expect(claimReviewRating(into, "true")).toMatchObject({ ratingValue: 6, bestRating: 6 });
    const out = ok(setInTruthOrder(starter(), "half-true", false));
    expect(shape(out)).toEqual([
      ["true", 0, 4, false],
      ["mostly-true", 1, 3, false],
      ["mostly-false", 2, 2, false],
      ["false", 3, 1, false],
      ["half-true", 4, null, false],
      ["misleading", 5, null, false],
      ["unproven", 6, null, false],
    ]);
    expect(validateScale(out)).toEqual([]);
  });

  it("refuses a no-op, a retired level and an unknown id", () => {
    expect(setInTruthOrder(starter(), "true", true)).toEqual({ ok: false, message: "“True” is already in the truth order." });
    expect(setInTruthOrder(starter(), "misleading", false)).toEqual({ ok: false, message: "“Misleading” is already outside the truth order." });
    expect(setInTruthOrder(retire(starter(), "false"), "false", false)).toEqual({ ok: false, message: "“False” is retired; restore it first." });
    expect(setInTruthOrder(starter(), "nope", true)).toEqual({ ok: false, message: "That level is not on this scale." });
  });

  it("works when the level is the only one of its new group", () => {
    const noOutside = starter().filter((l) => l.ordinal !== null);
    expect(shape(ok(setInTruthOrder(noOutside, "true", false))).at(-1)).toEqual(["true", 4, null, false]);
  });
});

describe("addLevel", () => {
  const fresh: ScaleLevel = { id: "new", label: "Pants on fire", color: "#7a1f1f", ordinal: null, position: 0 };

  it("adds a level to the end of the truth order or after the levels outside it", () => {
    const inOrder = addLevel(starter(), fresh, true);
    expect(shape(inOrder).slice(4, 6)).toEqual([
      ["false", 4, 2, false],
      ["new", 5, 1, false],
    ]);
    expect(shape(addLevel(starter(), fresh, false)).at(-1)).toEqual(["new", 7, null, false]);
  });

  it("keeps retired levels last", () => {
    const levels = addLevel(retire(starter(), "false"), fresh, false);
    expect(shape(levels).slice(-2).map((r) => r[0])).toEqual(["new", "false"]);
  });
});

describe("retireLevel and restoreLevel", () => {
  it("retiring closes the truth order; restoring puts the level back where it was", () => {
    const at = new Date("2024-05-01T00:00:00Z");
    const retired = ok(retireLevel(starter(), "mostly-true", at));
    expect(shape(retired).map((r) => r[0])).toEqual(["true", "half-true", "mostly-false", "false", "misleading", "unproven", "mostly-true"]);
    expect(claimReviewRating(retired, "true")).toMatchObject({ ratingValue: 4, bestRating: 4 });
    expect(retired.find((l) => l.id === "mostly-true")?.retiredAt).toEqual(at);
    expect(shape(ok(restoreLevel(retired, "mostly-true")))).toEqual(shape(starter()));
  });

  it("restores the least true level to the bottom of the order and levels outside it to the end", () => {
    const at = new Date();
    const noFalse = ok(retireLevel(starter(), "false", at));
    expect(shape(ok(restoreLevel(noFalse, "false")))).toEqual(shape(starter()));
    const noMisleading = ok(retireLevel(starter(), "misleading", at));
    expect(shape(ok(restoreLevel(noMisleading, "misleading"))).slice(5)).toEqual([
      ["unproven", 5, null, false],
      ["misleading", 6, null, false],
    ]);
  });

  it("slots a level back by its kept rank after the scale changed meanwhile", () => {
    let levels = ok(retireLevel(starter(), "half-true", new Date()));
    levels = ok(moveLevel(levels, "mostly-false", "up"));
    // Now true 4, mostly-false 3, mostly-true 2, false 1. Half true kept 3: a tie with an active
    // level ranks the retired one just below it.
    const restored = ok(restoreLevel(levels, "half-true"));
    expect(shape(restored).slice(0, 5).map((r) => r[0])).toEqual(["true", "mostly-false", "half-true", "mostly-true", "false"]);
    expect(validateScale(restored)).toEqual([]);
  });

  it("refuses to retire twice, to restore an active level, and unknown ids", () => {
    const retired = retire(starter(), "true");
    expect(retireLevel(retired, "true", new Date())).toEqual({ ok: false, message: "“True” is already retired." });
    expect(restoreLevel(starter(), "true")).toEqual({ ok: false, message: "“True” is not retired." });
    expect(retireLevel(starter(), "nope", new Date()).ok).toBe(false);
    expect(restoreLevel(starter(), "nope").ok).toBe(false);
  });
});

describe("removeLevel", () => {
  it("removes a level and closes the order", () => {
    const levels = ok(removeLevel(starter(), "half-true"));
    expect(shape(levels).slice(0, 4)).toEqual([
      ["true", 0, 4, false],
      ["mostly-true", 1, 3, false],
      ["mostly-false", 2, 2, false],
      ["false", 3, 1, false],
    ]);
    expect(removeLevel(starter(), "nope")).toEqual({ ok: false, message: "That level is not on this scale." });
  });
});

describe("newProblems", () => {
  it("reports only what an edit breaks", () => {
    const twoLeft = starter().filter((l) => ["true", "false", "misleading"].includes(l.id));
    const oneLeft = ok(retireLevel(twoLeft, "true", new Date()));
    expect(newProblems(twoLeft, oneLeft)).toEqual([
      { message: "A scale needs at least two active levels in the truth order (for example True and False)." },
    ]);
    // Already broken before: a further, unrelated edit is not blamed for it.
    const recolour = (color: string) => oneLeft.map((l) => (l.id === "misleading" ? { ...l, color } : l));
    expect(newProblems(oneLeft, recolour("#000000"))).toEqual([]);
    expect(newProblems(oneLeft, recolour("black"))).toEqual([
      { levelId: "misleading", field: "color", message: "Colours are written as #rrggbb, for example #2f7d4f." },
    ]);
  });
});

describe("badgeTextColor", () => {
  it("picks white or ink, whichever contrasts more, black on mid-tones where neither is enough", () => {
    expect(badgeTextColor("#000000")).toBe("#ffffff");
    expect(badgeTextColor("#ffffff")).toBe("#1f2933");
    expect(badgeTextColor("#FFFF00")).toBe("#1f2933");
    expect(badgeTextColor("#2f7d4f")).toBe("#ffffff");
    expect(badgeTextColor("#808080")).toBe("#000000");
    expect(badgeTextColor("not a colour")).toBe("#1f2933");
  });

  it("reaches 4.5 : 1 (WCAG AA) on every colour", () => {
    for (let r = 0; r < 256; r += 15)
      for (let g = 0; g < 256; g += 15)
        for (let b = 0; b < 256; b += 15) {
          const color = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
          expect(contrastRatio(badgeTextColor(color), color)).toBeGreaterThanOrEqual(4.5);
        }
    for (const { color } of STARTER_RATING_LEVELS) expect(contrastRatio(badgeTextColor(color), color)).toBeGreaterThanOrEqual(4.5);
  });

  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});
