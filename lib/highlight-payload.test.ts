import { describe, expect, it } from "vitest";
import { packedHighlights, packHighlights, unpackHighlights } from "./highlight-payload";
import type { HighlightDTO } from "./server/highlights";

const text = "The ministry said 303 people were hurt on Monday.\n\nOfficials added that   four resolutions passed in 1993.";
const ann = { id: "u-ann", name: "Ann", color: "#3f7fd9" };
const bob = { id: "u-bob", name: "Bob", color: "#d4a017" };
const statistic = { id: "t-stat", name: "statistic", color: "#4f7cac" };
const date = { id: "t-date", name: "date", color: "#7a8b99" };

function highlight(id: string, quote: string, extra: Partial<HighlightDTO> = {}): HighlightDTO {
  const start = text.indexOf(quote);
  return {
    id,
    start,
    end: start + quote.length,
    exact: quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
    kind: "note",
    body: "",
    orphaned: false,
    author: ann,
    createdAt: new Date("2026-01-02T03:04:05Z"),
    claim: null,
    ...extra,
  };
}

const shown = ({ prefix: _p, suffix: _s, createdAt: _c, ...rest }: HighlightDTO) => rest;

describe("packHighlights / unpackHighlights", () => {
  const claim = (id: string, claimReviewed: string, more: Partial<NonNullable<HighlightDTO["claim"]>> = {}) => ({ id, claimReviewed, status: "to_check", assignee: null, tags: [], ...more });
  const highlights = [
    highlight("h1", "303 people were hurt", { kind: "claim", claim: claim("c1", "303 people were hurt", { tags: [date, statistic] }) }),
    highlight("h2", "ministry said", { author: bob, body: "Which ministry?" }),
    highlight("h3", "four resolutions", { kind: "claim", author: bob, claim: claim("c3", "Four UN resolutions passed in 1993", { status: "researching", assignee: { id: "u-ann", name: "Ann" }, tags: [statistic] }) }),
    // Spans the paragraph break and runs of spaces: the proposal normalises whitespace.
    highlight("h4", "Monday.\n\nOfficials added that   four", { kind: "claim", claim: claim("c4", "Monday. Officials added that four") }),
  ];
  const orphans = [highlight("h5", "gone", { start: 3, end: 7, exact: "a passage no longer in the text", orphaned: true, kind: "claim", claim: claim("c5", "a passage no longer in the text") })];

  it("gives back every highlight and orphan as the workbench shows it", () => {
    const back = unpackHighlights(packHighlights({ highlights, orphans }, text), text);
    expect(back.highlights).toEqual(highlights.map(shown));
    expect(back.orphans).toEqual(orphans.map(shown));
  });

  it("sends each person and tag once, no quote that the text holds, and a claim's sentence only where it was changed", () => {
    const payload = packedHighlights({ highlights, orphans }, text);
    expect(JSON.parse(packHighlights({ highlights, orphans }, text))).toEqual(payload);
    expect(payload.people).toEqual([ann, bob]);
    expect(payload.tags).toEqual([date, statistic]);
    expect(payload.highlights.map((h) => h.length)).toEqual([7, 7, 7, 7]);
    expect(payload.highlights.map((h) => (h[6] ? h[6][1] : "note"))).toEqual([null, "note", "Four UN resolutions passed in 1993", null]);
    expect(payload.orphans[0]![7]).toBe("a passage no longer in the text");
    const json = packHighlights({ highlights, orphans }, text);
    for (const leftOut of ["prefix", "suffix", "createdAt", "Officials added that"]) expect(json).not.toContain(leftOut);
  });

  it("keeps a placed highlight's quote when the text at its offsets differs", () => {
    const odd = highlight("h6", "said", { exact: "sad" });
    const payload = packHighlights({ highlights: [odd], orphans: [] }, text);
    expect(unpackHighlights(payload, text).highlights[0]!.exact).toBe("sad");
  });

  it("shares one object per person and per tag", () => {
    const { highlights: back } = unpackHighlights(packHighlights({ highlights, orphans }, text), text);
    expect(back[1]!.author).toBe(back[2]!.author);
    expect(back[0]!.claim!.tags[1]).toBe(back[2]!.claim!.tags[0]);
  });
});
