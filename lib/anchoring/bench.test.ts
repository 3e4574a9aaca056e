import { describe, expect, it } from "vitest";
import { benchReanchor, correctStatement, syntheticHighlights, syntheticStatement } from "./bench";

// The benchmark's own plumbing; its timings are reported by `npm run bench`, never asserted here.
describe("benchReanchor", () => {
  it("builds a statement-sized text and a correction of it", () => {
    const text = syntheticStatement();
    expect(text.length).toBeGreaterThan(5_500);
    expect(text.length).toBeLessThan(7_000);
    expect(syntheticStatement()).toBe(text);
    expect(correctStatement(text)).not.toBe(text);
    expect(syntheticHighlights(text, 40)).toHaveLength(40);
  });

  it("reports every highlight as placed or orphaned", () => {
    const result = benchReanchor(60, { runs: 2 });
    expect(result.placed + result.orphans).toBe(60);
    expect(result.byMethod.exact + result.byMethod.fuzzy + result.byMethod.position).toBe(result.placed);
    expect(result.medianMs).toBeGreaterThanOrEqual(0);
  });
});
