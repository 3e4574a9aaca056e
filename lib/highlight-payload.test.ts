import { describe, expect, it } from "vitest";
import { proposeClaimReviewed } from "./claim-reviewed";
import { packedHighlights, packHighlights, previewHighlights, proposalFor, readPayload, shownHighlight, unpackHighlights } from "./highlight-payload";
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

describe("shownHighlight", () => {
  it("keeps everything the workbench shows and leaves the quote's context and the date out", () => {
    const claim = { id: "c-1", claimReviewed: "303 people were hurt", status: "to_check", assignee: { id: bob.id, name: bob.name }, tags: [statistic] };
    const dto = highlight("h-1", "303 people were hurt", { kind: "claim", author: bob, claim });
    const result = shownHighlight(dto);
    expect(result).toEqual({ id: "h-1", start: dto.start, end: dto.end, exact: "303 people were hurt", kind: "claim", body: "", orphaned: false, author: bob, claim });
    for (const key of ["prefix", "suffix", "createdAt"]) expect(result).not.toHaveProperty(key);
    // The same shape the page's payload unpacks to.
    expect(result).toEqual(unpackHighlights(packHighlights({ highlights: [dto], orphans: [] }, text), text).highlights[0]);
  });
});

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
    expect(back.highlights).toEqual(highlights.map(shownHighlight));
    expect(back.orphans).toEqual(orphans.map(shownHighlight));
  });

  it("sends each person, tag and status once, no quote that the text holds, and a claim's sentence only where it was changed", () => {
    const payload = packedHighlights({ highlights, orphans }, text);
    expect(JSON.parse(packHighlights({ highlights, orphans }, text))).toEqual(payload);
    expect(payload.people).toEqual([
      [ann.id, ann.name, ann.color],
      [bob.id, bob.name, bob.color],
    ]);
    expect(payload.tags).toEqual([
      [date.id, date.name, date.color],
      [statistic.id, statistic.name, statistic.color],
    ]);
    expect(payload.statuses).toEqual(["to_check", "researching"]);
    // Each id as the characters it shares with the one before (a base-36 digit) and the rest.
    expect(payload.placed.ids).toBe("0h1 12 13 14");
    expect(payload.placed.kind).toBe("cncc");
    // A claim's id against its highlight's.
    expect(payload.placed.claims.ids).toBe("0c1 0c3 0c4");
    expect(payload.placed.claims.claimReviewed).toEqual([1, "Four UN resolutions passed in 1993"]);
    expect(payload.placed.claims.assignee).toEqual([1, 0]);
    expect(payload.placed.claims.tags).toEqual([[0, 1], 1, []]);
    expect(payload.placed.body).toEqual([1, "Which ministry?"]);
    expect(payload.placed.exact).toEqual([]);
    expect(payload.orphans.exact).toEqual([0, "a passage no longer in the text"]);
    const json = packHighlights({ highlights, orphans }, text);
    for (const leftOut of ["prefix", "suffix", "createdAt", "Officials added that", "303 people"]) expect(json).not.toContain(leftOut);
  });

  it("gives back an empty page", () => {
    const back = unpackHighlights(packHighlights({ highlights: [], orphans: [] }, text), text);
    expect(back).toEqual({ highlights: [], orphans: [] });
  });

  it("lists the ids when one contains the separator, and keeps odd ids and out-of-order starts", () => {
    const odd = [
      highlight("id with spaces", "ministry said", { kind: "claim", claim: claim("claim id", "ministry said") }),
      highlight("", "The ministry"),
      highlight("h-é", "303"),
    ];
    const payload = packedHighlights({ highlights: odd, orphans: [] }, text);
    expect(payload.placed.ids).toEqual(["id with spaces", "", "h-é"]);
    expect(payload.placed.claims.ids).toEqual(["claim id"]);
    expect(unpackHighlights(packHighlights({ highlights: odd, orphans: [] }, text), text).highlights).toEqual(odd.map(shownHighlight));
  });

  it("writes ids made together as what they add to the one before, and a claim's id against its highlight's", () => {
    const made = [
      highlight("cmwuj9axn011742d211bc0cdb", "303 people", { kind: "claim", claim: claim("cmwuj9axn011842d9f00a1b2c", "303 people") }),
      highlight("cmwuj99hm001d391a64919fb7", "Monday"),
      highlight("cmwuj99hm001e4aa0c1d2e3f4", "Officials", { kind: "claim", claim: claim("a-claim-from-elsewhere", "Officials") }),
      highlight("x".repeat(40), "ministry", { kind: "claim", claim: claim("x".repeat(39), "ministry") }),
      highlight("x".repeat(40), "four"),
    ];
    const payload = packedHighlights({ highlights: made, orphans: [] }, text);
    expect(payload.placed.ids).toBe("0cmwuj9axn011742d211bc0cdb 69hm001d391a64919fb7 ce4aa0c1d2e3f4 0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx zxxxxx");
    expect(payload.placed.claims.ids).toBe("c842d9f00a1b2c 0a-claim-from-elsewhere zxxxx");
    expect(unpackHighlights(packHighlights({ highlights: made, orphans: [] }, text), text).highlights).toEqual(made.map(shownHighlight));
  });

  it("lists claim ids that contain the separator while the highlight ids stay one string", () => {
    const list = [highlight("h1", "303 people", { kind: "claim", claim: claim("claim one", "303 people") })];
    const payload = packedHighlights({ highlights: list, orphans: [] }, text);
    expect(payload.placed.ids).toBe("0h1");
    expect(payload.placed.claims.ids).toEqual(["claim one"]);
    expect(unpackHighlights(packHighlights({ highlights: list, orphans: [] }, text), text).highlights).toEqual(list.map(shownHighlight));
  });

  it("keeps a claim highlight whose Claim is missing, and an assignee who highlighted nothing", () => {
    const carol = { id: "u-carol", name: "Carol" };
    const list = [
      highlight("h1", "303 people", { kind: "claim", claim: claim("c1", "303 people", { assignee: carol }) }),
      highlight("h2", "Monday", { kind: "claim", claim: null }),
      highlight("h3", "Officials", { author: { ...carol, color: "#111111" } }),
    ];
    const back = unpackHighlights(packHighlights({ highlights: list, orphans: [] }, text), text);
    expect(back.highlights).toEqual(list.map(shownHighlight));
    expect(back.highlights[0]!.claim!.assignee).toEqual(carol);
    expect(back.highlights[2]!.author).toEqual({ ...carol, color: "#111111" });
  });

  it("gives back quotes with emoji, combining marks and right-to-left script, placed and orphaned", () => {
    const rich = "Il a dit 👩🏽‍⚕️ «café» — e\u0301te\u0301 — قال الوزير إن ٣٠٣ أشخاص أصيبوا.\n\nשלום 🇫🇷 end";
    const at = (quote: string, extra: Partial<HighlightDTO> = {}): HighlightDTO => {
      const start = rich.indexOf(quote);
      return { ...highlight("x", "x"), start, end: start + quote.length, exact: quote, ...extra };
    };
    const placed = [
      at("👩🏽‍⚕️ «café»", { id: "p1", kind: "claim", claim: claim("pc1", proposeClaimReviewed("👩🏽‍⚕️ «café»")) }),
      at("e\u0301te\u0301", { id: "p2", kind: "claim", claim: claim("pc2", proposeClaimReviewed("e\u0301te\u0301")) }),
      at("قال الوزير إن ٣٠٣", { id: "p3", body: "“RTL” note with \"quotes\" and </script>" }),
      at("أصيبوا.\n\nשלום 🇫🇷", { id: "p4", kind: "claim", claim: claim("pc4", "أصيبوا. שלום 🇫🇷") }),
    ];
    const orphaned = [
      { ...at("🇫🇷 end", { id: "o1", kind: "claim", claim: claim("oc1", "🇫🇷 gone") }), exact: "🇫🇷 was here", orphaned: true },
      { ...at("Il a dit", { id: "o2" }), start: 500, end: 510, exact: "ليس هنا بعد الآن", orphaned: true },
    ];
    const json = packHighlights({ highlights: placed, orphans: orphaned }, rich);
    const back = unpackHighlights(json, rich);
    expect(back.highlights).toEqual(placed.map(shownHighlight));
    expect(back.orphans).toEqual(orphaned.map(shownHighlight));
    // The page parses once and reads preview and whole from the same parse.
    const parsed = readPayload(json);
    expect(unpackHighlights(parsed, rich)).toEqual(back);
    expect(previewHighlights(parsed, rich, 2)).toEqual(previewHighlights(json, rich, 2));
    // NFC changes "e\u0301" to "é": the stored sentence is the proposal, so it is left out and proposed again.
    expect(packedHighlights({ highlights: placed, orphans: [] }, rich).placed.claims.claimReviewed).toEqual([]);
  });

  it("round-trips random pages, and previews their first rows in text order with counts and people over all", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const people = [ann, bob, { id: "u-c", name: "Ça va", color: "#000000" }];
    const assignable = [null, { id: "u-ann", name: "Ann" }, { id: "u-z", name: "Zoë" }];
    const statuses = ["to_check", "researching", "in_review", "checked"];
    for (let round = 0; round < 20; round++) {
      const make = (i: number, orphaned: boolean): HighlightDTO => {
        const start = Math.floor(random() * (text.length - 10));
        const end = start + 1 + Math.floor(random() * 9);
        const exact = orphaned || random() < 0.1 ? `quote ${i} 🙂` : text.slice(start, end);
        const isClaim = random() < 0.6;
        const tags = [statistic, date].filter(() => random() < 0.5);
        return {
          ...highlight(`h${round}-${i}`, "303"),
          start,
          end,
          exact,
          orphaned,
          kind: isClaim || random() < 0.05 ? "claim" : "note",
          body: random() < 0.3 ? `body ${i} "x"` : "",
          author: pick(people),
          claim: isClaim ? claim(`c${round}-${i}`, random() < 0.3 ? `changed ${i}` : proposeClaimReviewed(exact), { status: pick(statuses), assignee: pick(assignable), tags }) : null,
        };
      };
      const highlights = Array.from({ length: Math.floor(random() * 30) }, (_, i) => make(i, false));
      const orphans = Array.from({ length: Math.floor(random() * 5) }, (_, i) => make(100 + i, true));
      const payload = packHighlights({ highlights, orphans }, text);
      const back = unpackHighlights(payload, text);
      expect(back.highlights).toEqual(highlights.map(shownHighlight));
      expect(back.orphans).toEqual(orphans.map(shownHighlight));

      const inTextOrder = [...back.highlights].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
      const authors = new Map([...highlights, ...orphans].map((h) => [h.author.id, h.author]));
      for (const rows of [0, 1, 5, 100]) {
        const preview = previewHighlights(payload, text, rows);
        expect(preview.highlights).toEqual(inTextOrder.slice(0, rows));
        expect(preview.orphans).toEqual(back.orphans);
        expect(preview.claims).toBe(highlights.filter((h) => h.kind === "claim").length);
        expect(preview.notes).toBe(highlights.filter((h) => h.kind === "note").length);
        expect(preview.people).toEqual([...authors.values()].sort((a, b) => a.name.localeCompare(b.name)));
      }
    }
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

  it("proposes exactly what proposeClaimReviewed proposes, with or without the shortcut", () => {
    const quotes = [
      "303 people were hurt",
      "a",
      " leading space",
      "trailing space ",
      "two  spaces",
      "tab\there",
      "line\nbreak",
      "non\u00a0breaking",
      "e\u0301te\u0301",
      "café",
      "👩🏽‍⚕️ emoji",
      "قال الوزير",
      "",
      " ",
      "x".repeat(280),
      "x".repeat(281),
      `${"word ".repeat(60)}end`,
      "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
    ];
    for (const quote of quotes) expect(proposalFor(quote)).toBe(proposeClaimReviewed(quote));
  });
});
