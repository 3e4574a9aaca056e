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

  it("uses the opening words when the first line is a sentence", () => {
    const title = proposeTitle(
      "We resolutely reject the biased and baseless statement made by the ministry with reference to the views expressed.\n\nMore.",
    );
    expect(title).toBe("We resolutely reject the biased and baseless statement made by the ministry with…");
    expect(title.length).toBeLessThanOrEqual(81);
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

  it("handles a single-word text and right-to-left text", () => {
    expect(proposeTitle("Hello")).toBe("Hello");
    expect(proposeTitle("بيان وزارة الخارجية\n\nقالت الوزارة")).toBe("بيان وزارة الخارجية");
  });

  it("proposes titles for the corpus statements", () => {
    expect(proposeTitle(corpus("004_79937edc0d593891.txt"))).toBe(
      "Azerbaijani MFA: Armenian army has continued its provocations in the direction of Kalbajar",
    );
    expect(proposeTitle(corpus("001_6bb68906b7520559.txt"))).toMatch(/^We resolutely reject the biased and baseless statement.*…$/);
    expect(proposeTitle(corpus("002_2dd327febb76f463.txt"))).toMatch(/^Armenia continues its actions leading to tension.*…$/);
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
