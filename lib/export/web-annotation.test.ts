import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapToGraphemes } from "../anchoring/code-points";
import { describeRange } from "../anchoring/text-quote";
import { statementAnnotationPage, type AnnotationHighlight, type AnnotationPageInput } from "./web-annotation";
import { parseAnnotations, placeIncoming } from "./web-annotation-import";

const ada = { id: "u1", name: "Ada Checker" };

function highlightOf(text: string, quote: string, over: Partial<AnnotationHighlight> = {}, occurrence = 0): AnnotationHighlight {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return {
    id: `h${start}`,
    ...describeRange(text, start, start + quote.length),
    kind: "note",
    body: "",
    tags: [],
    creator: ada,
    createdAt: "2024-05-01T10:00:00.000Z",
    ...over,
  };
}

function pageOf(text: string, highlights: AnnotationHighlight[], over: Partial<AnnotationPageInput> = {}) {
  return statementAnnotationPage({
    text,
    source: "https://desk.example/w/norvania/statements/st1",
    pageId: "https://desk.example/w/norvania/statements/st1/annotations?page=0",
    annotationId: (h) => `https://desk.example/w/norvania/highlights/${h.id}`,
    highlights,
    ...over,
  });
}

/** Export → JSON → import → place: where each highlight lands, as [start, end, quote]. */
function roundTrip(text: string, highlights: AnnotationHighlight[]) {
  const json = JSON.parse(JSON.stringify(pageOf(text, highlights)));
  const parsed = parseAnnotations(json);
  expect(parsed.problems).toEqual([]);
  const { placed, orphans } = placeIncoming(text, parsed.items);
  expect(orphans).toEqual([]);
  // The text did not change: every highlight must be taken from its stated position, not searched.
  expect(placed.map((p) => p.method)).toEqual(placed.map(() => "position"));
  return { parsed, placed: placed.map((p) => [p.start, p.end, text.slice(p.start, p.end)]) };
}

describe("statementAnnotationPage", () => {
  it("writes an AnnotationPage with the anno.jsonld context and both selectors", () => {
    const text = "The ministry said 303 victims were recorded since November 2020.";
    const claim = highlightOf(text, "303 victims", {
      id: "h1",
      kind: "claim",
      claimReviewed: "303 people fell victim to mines since November 2020",
      body: "Check the agency's register.",
      tags: ["statistic", "history"],
      updatedAt: "2024-05-02T08:00:00.000Z",
    });
    const page = pageOf(text, [claim], { collection: { id: "https://desk.example/w/norvania/statements/st1/annotations", label: "Statement" } });
    expect(page).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://desk.example/w/norvania/statements/st1/annotations?page=0",
      type: "AnnotationPage",
      partOf: { id: "https://desk.example/w/norvania/statements/st1/annotations", type: "AnnotationCollection", label: "Statement", total: 1 },
      startIndex: 0,
      items: [
        {
          id: "https://desk.example/w/norvania/highlights/h1",
          type: "Annotation",
          motivation: "assessing",
          body: [
            { type: "TextualBody", value: "303 people fell victim to mines since November 2020", purpose: "assessing", format: "text/plain" },
            { type: "TextualBody", value: "Check the agency's register.", purpose: "commenting", format: "text/plain" },
            { type: "TextualBody", value: "statistic", purpose: "tagging" },
            { type: "TextualBody", value: "history", purpose: "tagging" },
          ],
          target: {
            source: "https://desk.example/w/norvania/statements/st1",
            selector: [
              { type: "TextQuoteSelector", exact: "303 victims", prefix: "The ministry said ", suffix: " were recorded since November 20" },
              { type: "TextPositionSelector", start: 18, end: 29 },
            ],
          },
          creator: { type: "Person", name: "Ada Checker" },
          created: "2024-05-01T10:00:00.000Z",
          modified: "2024-05-02T08:00:00.000Z",
        },
      ],
    });
  });

  it("chooses the motivation by what the highlight says", () => {
    const text = "One two three four five.";
    const page = pageOf(text, [
      highlightOf(text, "One", { id: "a" }),
      highlightOf(text, "two", { id: "b", tags: ["history"] }),
      highlightOf(text, "three", { id: "c", body: "Why?" }),
      highlightOf(text, "four", { id: "d", kind: "claim", claimReviewed: "Four" }),
    ]);
    expect(page.items.map((a) => a.motivation)).toEqual(["highlighting", "tagging", "commenting", "assessing"]);
    expect(page.items[0]).not.toHaveProperty("body");
  });

  it("counts positions in code points, not UTF-16 units", () => {
    const text = "😀 flags 🇦🇿 and 👨‍👩‍👧 families";
    const page = pageOf(text, [highlightOf(text, "families")]);
    const position = page.items[0]!.target.selector[1]!;
    // UTF-16: 😀 2, 🇦🇿 4, 👨‍👩‍👧 8 units; as code points 1, 2 and 5.
    expect(text.indexOf("families")).toBe(27);
    expect(position).toEqual({ type: "TextPositionSelector", start: 21, end: 29 });
    expect([...text].slice(21, 29).join("")).toBe("families");
  });

  it("states no position for a highlight whose quote is no longer there", () => {
    const text = "The corrected text.";
    const orphan: AnnotationHighlight = { ...highlightOf("The old text.", "old"), start: 4, end: 7 };
    const page = pageOf(text, [orphan]);
    expect(page.items[0]!.target.selector).toEqual([{ type: "TextQuoteSelector", exact: "old", prefix: "The ", suffix: " text." }]);
  });

  it("gives creators an IRI when the desk has one for them", () => {
    const text = "Some text.";
    const page = pageOf(text, [highlightOf(text, "Some")], { creatorId: (p) => `https://desk.example/users/${p.id}` });
    expect(page.items[0]!.creator).toEqual({ id: "https://desk.example/users/u1", type: "Person", name: "Ada Checker" });
    expect(pageOf(text, [highlightOf(text, "Some", { creator: null })]).items[0]).not.toHaveProperty("creator");
  });
});

describe("export → import round trip", () => {
  it("brings back every highlight at the same place with the same quote, kind, note and tags", () => {
    const text =
      "قالت الوزارة إن 303 مدنيين أصيبوا بالألغام منذ نوفمبر 2020. 😀 The café owners (cafe\u0301) met 👨‍👩‍👧 families of the 🇦🇿 region.\n\n" +
      "שר החוץ אמר כי הנתון אינו מדויק. The ministry repeated: 303 victims. The ministry repeated: 303 victims.";
    const highlights = [
      highlightOf(text, "303 مدنيين أصيبوا بالألغام", { kind: "claim", claimReviewed: "303 civilians were injured by mines", tags: ["statistic"] }),
      highlightOf(text, "cafe\u0301", { body: "Decomposed on purpose." }),
      highlightOf(text, "👨‍👩‍👧 families of the 🇦🇿 region", { tags: ["people", "place"] }),
      highlightOf(text, "הנתון אינו מדויק"),
      // The same sentence twice: position and context tell them apart.
      highlightOf(text, "303 victims", { id: "first" }),
      highlightOf(text, "303 victims", { id: "second" }, 1),
    ];
    const { parsed, placed } = roundTrip(text, highlights);
    expect(placed).toEqual(highlights.map((h) => [h.start, h.end, h.exact]));
    expect(parsed.items.map((i) => [i.kind, i.body, i.tags, i.claimReviewed, i.creator, i.created])).toEqual(
      highlights.map((h) => [h.kind, h.body, h.tags, h.kind === "claim" ? h.claimReviewed : undefined, "Ada Checker", "2024-05-01T10:00:00.000Z"]),
    );
  });

  it("holds for any text and any grapheme-aligned ranges", () => {
    const unit = fc.constantFrom("a", "b", " ", "é", "e\u0301", "😀", "🇦🇿", "👨‍👩‍👧", "ש", "م", "303", "\n\n", ".", "\u200f");
    const textArb = fc.array(unit, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(""));
    const caseArb = textArb.chain((text) =>
      fc.record({
        text: fc.constant(text),
        ranges: fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })), { minLength: 1, maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ text, ranges }) => {
        const highlights = ranges
          .map(([a, b]) => snapToGraphemes(text, Math.min(a, b), Math.max(a, b)))
          .filter((r) => text.slice(r.start, r.end).trim() !== "")
          .map((r, i) => ({ ...highlightOf(text, text.slice(r.start, r.end)), ...describeRange(text, r.start, r.end), id: `h${i}` }));
        if (highlights.length === 0) return;
        const { placed } = roundTrip(text, highlights);
        expect(placed).toEqual(highlights.map((h) => [h.start, h.end, h.exact]));
      }),
      { numRuns: 200 },
    );
  });
});
