import { describe, expect, it } from "vitest";
import { hrefWithQuery, searchValue } from "./search-params";

describe("searchValue", () => {
  it("takes the first of repeated values, empty when absent, and at most 200 characters", () => {
    expect(searchValue({ tag: ["law", "date"] }, "tag")).toBe("law");
    expect(searchValue({ tag: "law" }, "tag")).toBe("law");
    expect(searchValue({}, "tag")).toBe("");
    expect(searchValue({ tag: [] }, "tag")).toBe("");
    expect(searchValue({ q: "x".repeat(500) }, "q")).toHaveLength(200);
  });
});

describe("hrefWithQuery", () => {
  it("leaves out empty values and the question mark when nothing is left", () => {
    expect(hrefWithQuery("/w/d/review", { q: "", tag: undefined })).toBe("/w/d/review");
    expect(hrefWithQuery("/w/d/review", { q: "gdp & jobs", tag: "", page: "2" })).toBe("/w/d/review?q=gdp+%26+jobs&page=2");
  });
});
