import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import { normaliseText, splitParagraphs } from "./normalise";

describe("normaliseText", () => {
  it("composes to NFC", () => {
    const decomposed = "Cafe\u0301 Ba\u0306ku";
    expect(normaliseText(decomposed)).toBe("Caf\u00e9 B\u0103ku");
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(normaliseText("one\r\ntwo\rthree\n")).toBe("one\ntwo\nthree");
  });

  it("trims trailing spaces but keeps leading ones", () => {
    expect(normaliseText("  indented   \nnext\t \n")).toBe("  indented\nnext");
  });

  it("keeps paragraphs and collapses runs of blank lines to one", () => {
    expect(normaliseText("\n\n\nfirst\n\n\n\n\nsecond\n \n\t\nthird\n\n\n")).toBe("first\n\nsecond\n\nthird");
  });

  it("leaves emoji, right-to-left text and bidi marks untouched", () => {
    const text = "Fact check ✅ 👩🏽‍💻\n\nמדינת ישראל הודיעה\u200F היום\n\nقالت الوزارة إن 303 ضحايا";
    expect(normaliseText(text)).toBe(text);
  });

  it("drops a byte-order mark", () => {
    expect(normaliseText("\uFEFFHello")).toBe("Hello");
  });

  it("is idempotent", () => {
    const once = normaliseText("A\r\n\r\n\r\nB  \n");
    expect(normaliseText(once)).toBe(once);
  });
});

describe("splitParagraphs", () => {
  it("splits on blank lines and keeps line breaks inside a paragraph", () => {
    expect(splitParagraphs("one\ntwo\n\nthree")).toEqual(["one\ntwo", "three"]);
    expect(splitParagraphs("")).toEqual([]);
  });
});

describe("contentHash", () => {
  it("is equal for texts that differ only in whitespace normalisation", () => {
    expect(contentHash("Hello\r\n\r\n\r\nworld  ")).toBe(contentHash("Hello\n\nworld"));
    expect(contentHash("Hello world")).not.toBe(contentHash("Hello  world"));
    expect(contentHash("x")).toMatch(/^[0-9a-f]{64}$/);
  });
});
