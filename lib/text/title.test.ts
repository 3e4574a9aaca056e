import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise";
import { looksLikeDateline, looksLikeHeadline, proposeTitle } from "./title";

const corpus = (name: string) => normaliseText(readFileSync(path.resolve(import.meta.dirname, "../../../shared/corpus", name), "utf8"));

describe("proposeTitle", () => {
  it("uses a short first line without a final period as the headline", () => {
    expect(proposeTitle("Ministry: 303 victims since 2020\n\nThe ministry said today that...")).toBe(
      "Ministry: 303 victims since 2020",
    );
  });

  it("uses a first sentence of up to 120 characters whole", () => {
    const title = proposeTitle(
      "We resolutely reject the biased and baseless statement made by the ministry with reference to the views expressed.\n\nMore.",
    );
    expect(title).toBe("We resolutely reject the biased and baseless statement made by the ministry with reference to the views expressed");
    expect(proposeTitle("Is this the end? More follows.")).toBe("Is this the end?");
  });

  it("does not end a sentence at an abbreviation or an initial", () => {
    expect(proposeTitle("Mr. Ilham Aliyev spoke in Lachin. Then others spoke.")).toBe("Mr. Ilham Aliyev spoke in Lachin");
    expect(proposeTitle("J. Smith met the U.N. envoy today. More.")).toBe("J. Smith met the U.N. envoy today");
  });

  it("cuts a long first sentence at its last clause boundary before 100 characters", () => {
    const text =
      "The ministry rejected the report on the landmine victims since November 2020, and it called on the international organisations to respond.";
    expect(proposeTitle(text)).toBe("The ministry rejected the report on the landmine victims since November 2020…");
    expect(
      proposeTitle(
        "The ministry rejected the report on the landmine victims since November 2020 — it called on all the international organisations to respond.",
      ),
    ).toBe("The ministry rejected the report on the landmine victims since November 2020…");
  });

  it("otherwise cuts at a word, never on a function word", () => {
    const title = proposeTitle(
      "We resolutely reject the biased and baseless statement made by the ministry with reference to the views and calls expressed by the president in the district.",
    );
    expect(title).toBe("We resolutely reject the biased and baseless statement made by the ministry with reference…");
    expect(title.length).toBeLessThanOrEqual(101);
    for (const word of ["of", "the", "a", "an", "to", "in", "by", "for", "and", "or", "with", "on", "at", "from"]) {
      const long = `${"Delegations gathered ".repeat(4)}near the old harbour building ${word} ${"x ".repeat(40)}`;
      const cut = proposeTitle(long);
      expect(cut.endsWith("…")).toBe(true);
      expect(cut.slice(0, -1).split(" ").at(-1)?.toLowerCase()).not.toBe(word);
    }
  });

  it("ignores a clause boundary too early to make a title", () => {
    expect(
      proposeTitle(
        "However, the delegations of both countries met again in the capital on Tuesday to discuss the border commission and its working plan.",
      ),
    ).toBe("However, the delegations of both countries met again in the capital on Tuesday to discuss the border…");
  });

  it("does not take a hard-wrapped first line for a headline", () => {
    expect(proposeTitle("The ministry said that the\nnumber of victims rose.\n\nSecond.")).toBe(
      "The ministry said that the number of victims rose",
    );
  });

  it("skips a dateline", () => {
    expect(proposeTitle(" date 2023-07-29 29 Jul. 15:00 (UTC+3 MSK)\n\nArmenia continues its actions.")).toBe(
      "Armenia continues its actions",
    );
  });

  it("handles a single-word text, a text without spaces and right-to-left text", () => {
    expect(proposeTitle("Hello")).toBe("Hello");
    expect(proposeTitle("x".repeat(150))).toBe(`${"x".repeat(100)}…`);
    expect(proposeTitle("بيان وزارة الخارجية\n\nقالت الوزارة")).toBe("بيان وزارة الخارجية");
    // A short Arabic first sentence, whole, with its Arabic question mark.
    expect(proposeTitle("هل تحترم أرمينيا التزاماتها؟ قالت الوزارة إنها لا تفعل.")).toBe("هل تحترم أرمينيا التزاماتها؟");
    // A long Arabic sentence is cut at its Arabic comma.
    const arabic =
      "رفضت وزارة الخارجية بشدة البيان المنحاز والذي لا أساس له الصادر عن وزارة خارجية أرمينيا، وأكدت أن هذه التصريحات تتعارض مع روح عملية السلام الجارية بين البلدين.";
    expect(proposeTitle(arabic)).toBe("رفضت وزارة الخارجية بشدة البيان المنحاز والذي لا أساس له الصادر عن وزارة خارجية أرمينيا…");
    // A long Hebrew sentence without a clause boundary is cut between words.
    const hebrew =
      "משרד החוץ דוחה בתוקף את ההצהרה המוטה וחסרת הבסיס של משרד החוץ הארמני בנוגע לדברים שנאמרו על ידי הנשיא במחוז לאצ'ין בעשרים ושמונה במאי בשנה שעברה ובנוגע לקריאות שהושמעו שם";
    expect(hebrew.length).toBeGreaterThan(120);
    const title = proposeTitle(hebrew);
    expect(title.endsWith("…")).toBe(true);
    expect(hebrew.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.length).toBeLessThanOrEqual(101);
    expect(hebrew[title.length - 1]).toBe(" ");
  });

  it("proposes titles for the corpus statements", () => {
    expect(proposeTitle(corpus("004_79937edc0d593891.txt"))).toBe(
      "Azerbaijani MFA: Armenian army has continued its provocations in the direction of Kalbajar",
    );
    expect(proposeTitle(corpus("001_6bb68906b7520559.txt"))).toBe(
      "We resolutely reject the biased and baseless statement made by the Ministry of Foreign Affairs…",
    );
    expect(proposeTitle(corpus("002_2dd327febb76f463.txt"))).toBe("Armenia continues its actions leading to tension…");
  });

  it("proposes readable titles for every corpus paragraph as an opening", () => {
    const openings = ["001_6bb68906b7520559.txt", "002_2dd327febb76f463.txt", "004_79937edc0d593891.txt"].flatMap((name) =>
      corpus(name).split(/\n\n+/).slice(1),
    );
    expect(openings.length).toBeGreaterThan(10);
    for (const opening of openings) {
      const title = proposeTitle(opening);
      expect(title.length, title).toBeLessThanOrEqual(121);
      if (!title.endsWith("…")) continue;
      const lastWord = title.slice(0, -1).split(" ").at(-1)!.toLowerCase();
      expect(["of", "the", "a", "an", "to", "in", "by", "for", "and", "or", "with", "on", "at", "from"], title).not.toContain(lastWord);
      expect(title, title).not.toMatch(/[\s,;:–—-]…$/u);
    }
    expect(proposeTitle(corpus("001_6bb68906b7520559.txt").split("\n\n")[1] ?? "")).toBe(
      "This statement of the Armenian side, which occupied the territories of Azerbaijan for 30 years…",
    );
  });
});

describe("headline and dateline detection", () => {
  it("tells them apart", () => {
    expect(looksLikeHeadline("Azerbaijani MFA: Armenian army has continued")).toBe(true);
    expect(looksLikeHeadline("This is a sentence.")).toBe(false);
    expect(looksLikeHeadline("As follows:")).toBe(false);
    expect(looksLikeHeadline("x".repeat(200))).toBe(false);
    expect(looksLikeHeadline("2023-07-29")).toBe(false);
    expect(looksLikeDateline("29 Jul. 2023 15:00")).toBe(true);
    expect(looksLikeDateline("Talks on 29 July between the foreign ministers continued")).toBe(false);
  });
});
