import { describe, expect, it } from "vitest";
import { planTagMerge } from "./tag-merge";

describe("planTagMerge", () => {
  it("adds the target only to claims that lack it", () => {
    expect(planTagMerge(["a", "b", "c"], ["b", "d"])).toEqual({ add: ["a", "c"], alreadyTagged: 1, totalAfter: 4 });
  });

  it("handles empty and identical sets and duplicate ids", () => {
    expect(planTagMerge([], ["x"])).toEqual({ add: [], alreadyTagged: 0, totalAfter: 1 });
    expect(planTagMerge(["x", "x"], [])).toEqual({ add: ["x"], alreadyTagged: 0, totalAfter: 1 });
    expect(planTagMerge(["x", "y"], ["y", "x"])).toEqual({ add: [], alreadyTagged: 2, totalAfter: 2 });
  });
});
