import { describe, expect, it } from "vitest";
import { QUOTE_CONTEXT_LENGTH, describeRange, quoteAt } from "./text-quote";

describe("describeRange", () => {
  const text = "On Tuesday in Baku, the foreign ministry said that 303 people were victims of landmines since November 2020, a figure disputed.";

  it("keeps 32 characters of context on each side", () => {
    const start = text.indexOf("303");
    const quote = describeRange(text, start, start + 3);
    expect(quote.exact).toBe("303");
    expect(quote.prefix).toBe(text.slice(start - QUOTE_CONTEXT_LENGTH, start));
    expect(quote.suffix).toBe(text.slice(start + 3, start + 3 + QUOTE_CONTEXT_LENGTH));
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(quote.start).toBe(start);
    expect(quote.end).toBe(start + 3);
  });

  it("shortens the context at the ends of the text", () => {
    const quote = describeRange(text, 0, 3);
    expect(quote.prefix).toBe("");
    expect(describeRange(text, text.length - 9, text.length).suffix).toBe("");
  });

  it("never cuts a surrogate pair in the context", () => {
    // 31 characters then an emoji: the 32-unit prefix window would start in the middle of it.
    const body = "😀" + "x".repeat(31) + "QUOTE" + "y".repeat(31) + "😀";
    const start = body.indexOf("QUOTE");
    const quote = describeRange(body, start, start + 5);
    expect(quote.prefix).toBe("x".repeat(31));
    expect(quote.suffix).toBe("y".repeat(31));
    const wide = describeRange("😀" + "x".repeat(30) + "Q", 32, 33);
    expect(wide.prefix).toBe("😀" + "x".repeat(30));
  });

  it("allows a collapsed range and rejects bad ones", () => {
    expect(describeRange("abc", 1, 1).exact).toBe("");
    expect(() => describeRange("abc", 2, 1)).toThrow(RangeError);
    expect(() => describeRange("abc", 0, 4)).toThrow(RangeError);
    expect(() => quoteAt("abc", -1, 1)).toThrow(RangeError);
  });

  it("quoteAt returns the text of the range", () => {
    expect(quoteAt(text, 0, 10)).toBe("On Tuesday");
  });
});
