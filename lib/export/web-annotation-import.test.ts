import { describe, expect, it } from "vitest";
import {
  MAX_IMPORT_ITEMS,
  parseAnnotations,
  parseAnnotationsJson,
  placeIncoming,
  type IncomingHighlight,
} from "./web-annotation-import";

const quote = (exact: string, prefix = "", suffix = "") => ({ type: "TextQuoteSelector", exact, prefix, suffix });
const annotation = (over: Record<string, unknown> = {}) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: "urn:a1",
  type: "Annotation",
  motivation: "commenting",
  body: { type: "TextualBody", value: "A note", purpose: "commenting" },
  target: { source: "https://example.org/doc", selector: [quote("303 victims", "said ", " were"), { type: "TextPositionSelector", start: 18, end: 29 }] },
  creator: { type: "Person", name: "Ada" },
  created: "2024-05-01T10:00:00Z",
  ...over,
});

// The shape of Hypothesis' API search results (and of its JSON export).
const hypothesisRow = (over: Record<string, unknown> = {}) => ({
  id: "hyp1",
  created: "2024-03-02T11:22:33.444444+00:00",
  updated: "2024-03-02T11:22:33.444444+00:00",
  user: "acct:alice@hypothes.is",
  uri: "https://example.org/doc",
  text: "Source?",
  tags: ["statistic", "check-later"],
  target: [
    {
      source: "https://example.org/doc",
      selector: [
        { type: "RangeSelector", startContainer: "/main[1]/p[1]", startOffset: 18, endContainer: "/main[1]/p[1]", endOffset: 29 },
        { type: "TextPositionSelector", start: 1042, end: 1053 },
        { type: "TextQuoteSelector", exact: "303 victims", prefix: "The ministry said ", suffix: " were recorded" },
      ],
    },
  ],
  document: { title: ["Statement"] },
  user_info: { display_name: "Alice Example" },
  ...over,
});

describe("parseAnnotations", () => {
  it("reads one annotation", () => {
    const { items, problems } = parseAnnotations(annotation());
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        index: 0,
        id: "urn:a1",
        exact: "303 victims",
        prefix: "said ",
        suffix: " were",
        start: 18,
        end: 29,
        kind: "note",
        body: "A note",
        tags: [],
        creator: "Ada",
        created: "2024-05-01T10:00:00.000Z",
      },
    ]);
  });

  it("reads a list, an AnnotationPage and a collection with embedded pages", () => {
    const two = [annotation({ id: "urn:1" }), annotation({ id: "urn:2" })];
    const ids = (input: unknown) => parseAnnotations(input).items.map((i) => i.id);
    expect(ids(two)).toEqual(["urn:1", "urn:2"]);
    expect(ids({ type: "AnnotationPage", items: two })).toEqual(["urn:1", "urn:2"]);
    expect(
      ids({
        type: "AnnotationCollection",
        first: { type: "AnnotationPage", items: [two[0]], next: { type: "AnnotationPage", items: [two[1]] } },
      }),
    ).toEqual(["urn:1", "urn:2"]);
    // Embedded pages are read; a page that is only linked is named, not fetched.
    const partly = parseAnnotations({ type: "AnnotationCollection", first: { type: "AnnotationPage", items: [two[0]], next: "https://example.org/page2" } });
    expect(partly.items.map((i) => i.id)).toEqual(["urn:1"]);
    expect(partly.problems).toEqual([{ index: null, message: expect.stringMatching(/^Only the first page was read/) }]);
  });

  it("reads a Hypothesis export", () => {
    const { items, problems } = parseAnnotations({ total: 1, rows: [hypothesisRow()] });
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        index: 0,
        id: "hyp1",
        exact: "303 victims",
        prefix: "The ministry said ",
        suffix: " were recorded",
        start: 1042,
        end: 1053,
        kind: "note",
        body: "Source?",
        tags: ["statistic", "check-later"],
        creator: "Alice Example",
        created: "2024-03-02T11:22:33.444Z",
      },
    ]);
    expect(parseAnnotations({ rows: [hypothesisRow({ user_info: undefined })] }).items[0]!.creator).toBe("alice");
  });

  it("takes a claim from an assessing motivation or body", () => {
    const claim = parseAnnotations(
      annotation({
        motivation: "assessing",
        body: [
          { type: "TextualBody", value: "303  people\nwere hurt", purpose: "assessing" },
          { type: "TextualBody", value: "statistic", purpose: "tagging" },
          { type: "TextualBody", value: "Statistic", purpose: "tagging" },
          { type: "TextualBody", value: "Plain comment" },
        ],
      }),
    ).items[0]!;
    expect(claim).toMatchObject({ kind: "claim", claimReviewed: "303 people were hurt", tags: ["statistic"], body: "Plain comment" });
    expect(parseAnnotations(annotation({ motivation: "oa:assessing", body: undefined })).items[0]!.kind).toBe("claim");
    expect(parseAnnotations(annotation({ motivation: ["highlighting"], body: undefined, bodyValue: "Short note" })).items[0]).toMatchObject({
      kind: "note",
      body: "Short note",
    });
  });

  it("keeps at most 32 units of context, never half an emoji", () => {
    const long = "x".repeat(40);
    const item = parseAnnotations(annotation({ target: { selector: quote("q", long + "😀" + "y".repeat(31), "z".repeat(31) + "😀" + long) } })).items[0]!;
    expect(item.prefix).toBe("y".repeat(31));
    expect(item.suffix).toBe("z".repeat(31));
  });

  it("reports each malformed item and imports the rest", () => {
    const items = [
      annotation({ id: "ok" }),
      annotation({ target: "https://example.org/doc" }),
      annotation({ target: { source: "https://example.org/doc" } }),
      annotation({ target: { selector: { type: "TextPositionSelector", start: 1, end: 2 } } }),
      annotation({ target: { selector: quote("   ") } }),
      annotation({ target: { selector: { type: "TextQuoteSelector", exact: 42 } } }),
      annotation({ target: { selector: quote("x".repeat(5_001)) } }),
      annotation({ target: { selector: [quote("ok"), { type: "TextPositionSelector", start: -1, end: 2 }] } }),
      annotation({ target: { selector: [quote("ok"), { type: "TextPositionSelector", start: 5, end: 2 }] } }),
      annotation({ target: { selector: { type: "TextQuoteSelector", exact: "ok", prefix: 7 } } }),
      hypothesisRow({ tags: "statistic" }),
      annotation({ created: "yesterday" }),
      annotation({ body: [{ type: "TextualBody", value: 3 }] }),
      "not an object",
      annotation({ body: { type: "TextualBody", value: "x".repeat(10_001) } }),
      hypothesisRow({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
    ];
    const { items: parsed, problems } = parseAnnotations(items);
    expect(parsed.map((i) => i.id)).toEqual(["ok"]);
    expect(problems.map((p) => p.index)).toEqual(items.map((_, i) => i).slice(1));
    expect(problems.map((p) => p.message)).toEqual([
      "Annotation 2: It has no selector, so there is no passage to highlight.",
      "Annotation 3: It has no selector, so there is no passage to highlight.",
      "Annotation 4: It has no TextQuoteSelector: the quoted passage is needed to find it in the text.",
      "Annotation 5: The quote (exact) is empty.",
      "Annotation 6: The quote (exact) must be text.",
      "Annotation 7: The quote is 5,001 characters long; a highlight has at most 5,000.",
      "Annotation 8: The position (start, end) must be whole numbers from 0.",
      "Annotation 9: The position ends before it starts.",
      "Annotation 10: The prefix must be text.",
      "Annotation 11: The tags must be a list of text.",
      "Annotation 12: The creation date “yesterday” is not a date.",
      "Annotation 13: A body's value must be text.",
      "Annotation 14: It is not an annotation object.",
      "Annotation 15: The note is 10,001 characters long; notes have at most 10,000.",
      "Annotation 16: It has 21 tags; a highlight has at most 20.",
    ]);
  });

  it("says what is wrong with the file as a whole", () => {
    const only = (input: unknown) => parseAnnotations(input).problems.map((p) => [p.index, p.message]);
    expect(only(42)).toEqual([[null, expect.stringMatching(/^Expected annotations as JSON/)]]);
    expect(only({ hello: "world" })).toEqual([[null, expect.stringMatching(/not a Web Annotation file/)]]);
    expect(only([])).toEqual([[null, "The file holds no annotations."]]);
    expect(only({ type: "AnnotationPage" })).toEqual([[null, "The AnnotationPage has no list of items."]]);
    expect(only({ type: "AnnotationCollection", first: "https://example.org/page1" })).toEqual([[null, expect.stringMatching(/links to its pages/)]]);
    expect(only({ type: "AnnotationCollection" })).toEqual([[null, "The AnnotationCollection holds no pages."]]);
    expect(parseAnnotationsJson("{ not json").problems).toEqual([{ index: null, message: "The file is not valid JSON." }]);
    expect(parseAnnotationsJson("\uFEFF" + JSON.stringify(annotation())).items).toHaveLength(1);
  });

  it("reads at most ten thousand items", () => {
    const many = Array.from({ length: MAX_IMPORT_ITEMS + 2 }, () => annotation());
    const { items, problems } = parseAnnotations(many);
    expect(items).toHaveLength(MAX_IMPORT_ITEMS);
    expect(problems).toEqual([{ index: null, message: "The file holds 10,002 annotations; only the first 10,000 were read." }]);
  });
});

describe("placeIncoming", () => {
  const text = "The ministry said 303 victims were recorded since November 2020. Later the ministry said 303 victims again.";
  const incoming = (over: Partial<IncomingHighlight>): IncomingHighlight => ({
    index: 0,
    exact: "303 victims",
    prefix: "",
    suffix: "",
    kind: "note",
    body: "",
    tags: [],
    ...over,
  });

  it("takes a quote from its position when it stands there", () => {
    const second = text.lastIndexOf("303 victims");
    const { placed } = placeIncoming(text, [incoming({ start: second, end: second + 11 })]);
    expect(placed).toMatchObject([{ start: second, end: second + 11, method: "position" }]);
  });

  it("finds a quote by its context when the position is elsewhere's (Hypothesis)", () => {
    const { placed, orphans } = placeIncoming(text, [incoming({ prefix: "Later the ministry said ", suffix: " again.", start: 1042, end: 1053 })]);
    expect(orphans).toEqual([]);
    expect(placed[0]!.start).toBe(text.lastIndexOf("303 victims"));
    const { placed: first } = placeIncoming(text, [incoming({ prefix: "The ministry said ", suffix: " were recorded" })]);
    expect(first[0]!.start).toBe(text.indexOf("303 victims"));
  });

  it("finds a slightly different quote fuzzily, and orphans one that is not there", () => {
    const items = [
      incoming({ index: 0, exact: "were recorded since Nov. 2020", prefix: "said 303 victims ", suffix: ". Later" }),
      incoming({ index: 1, exact: "an entirely different sentence about fishing quotas", prefix: "", suffix: "" }),
    ];
    const { placed, orphans } = placeIncoming(text, items);
    expect(placed.map((p) => [p.incoming.index, p.method, text.slice(p.start, p.end)])).toEqual([[0, "fuzzy", "were recorded since November 2020"]]);
    expect(orphans.map((o) => o.index)).toEqual([1]);
  });

  it("matches a decomposed quote in the (NFC) statement text", () => {
    const statement = "Owners of the café on the square said so.";
    const { placed } = placeIncoming(statement, [incoming({ exact: "the cafe\u0301 on", prefix: "Owners of ", suffix: " the square" })]);
    expect(placed).toMatchObject([{ start: 10, end: 21, method: "exact" }]);
  });

  it("converts code-point positions to our UTF-16 offsets", () => {
    const statement = "😀😀 ministry said 303 victims";
    const cp = [...statement].indexOf("3");
    const { placed } = placeIncoming(statement, [incoming({ start: cp, end: cp + 11 })]);
    expect(placed).toMatchObject([{ start: statement.indexOf("303"), end: statement.indexOf("303") + 11, method: "position" }]);
    expect(cp).toBe(statement.indexOf("303") - 2);
  });
});
