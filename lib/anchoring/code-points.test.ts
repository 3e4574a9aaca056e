import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createOffsetConverter,
  isGraphemeBoundary,
  snapToGraphemes,
  toCodePointOffset,
  toUtf16Offset,
} from "./code-points";

describe("code point offsets", () => {
  it("is the identity for text without astral characters", () => {
    const text = "Azerbaijan’s “new war” — ümlaut";
    for (let i = 0; i <= text.length; i++) {
      expect(toCodePointOffset(text, i)).toBe(i);
      expect(toUtf16Offset(text, i)).toBe(i);
    }
  });

  it("counts an emoji as one code point but two code units", () => {
    const text = "a😀b🇦🇿c";
    // a=0, 😀=1..3, b=3, 🇦=4..6, 🇿=6..8, c=8
    expect(toCodePointOffset(text, 0)).toBe(0);
    expect(toCodePointOffset(text, 1)).toBe(1);
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(toCodePointOffset(text, 4)).toBe(3);
    expect(toCodePointOffset(text, 6)).toBe(4);
    expect(toCodePointOffset(text, 8)).toBe(5);
    expect(toCodePointOffset(text, 9)).toBe(6);
    expect(toUtf16Offset(text, 2)).toBe(3);
    expect(toUtf16Offset(text, 5)).toBe(8);
    expect(toUtf16Offset(text, 6)).toBe(9);
    expect([...text].length).toBe(6);
  });

  it("treats an offset inside a surrogate pair as the pair's start", () => {
    const text = "x😀y";
    expect(toCodePointOffset(text, 2)).toBe(1);
  });

  it("rejects offsets outside the text", () => {
    expect(() => toCodePointOffset("ab", 3)).toThrow(RangeError);
    expect(() => toUtf16Offset("a😀", 3)).toThrow(RangeError);
    expect(() => toUtf16Offset("ab", -1)).toThrow(RangeError);
    expect(() => toCodePointOffset("ab", 0.5)).toThrow(RangeError);
  });

  it("counts a lone surrogate as one code point, like string iteration", () => {
    const text = "a\uD83Db";
    expect(createOffsetConverter(text).codePointLength).toBe([...text].length);
    expect(toCodePointOffset(text, 3)).toBe(3);
  });

  it("round-trips every code point offset (property)", () => {
    const anyText = fc.string({ unit: "binary", maxLength: 60 });
    fc.assert(
      fc.property(anyText, (text) => {
        const converter = createOffsetConverter(text);
        const codePoints = [...text];
        expect(converter.codePointLength).toBe(codePoints.length);
        let utf16 = 0;
        for (let cp = 0; cp <= codePoints.length; cp++) {
          expect(converter.toUtf16Offset(cp)).toBe(utf16);
          expect(converter.toCodePointOffset(utf16)).toBe(cp);
          utf16 += codePoints[cp]?.length ?? 0;
        }
      }),
    );
  });
});

describe("snapToGraphemes", () => {
  const family = "👨‍👩‍👧"; // ZWJ sequence: 8 code units
  const flag = "🇦🇿";
  const eAcute = "e\u0301"; // e + combining acute accent
  const arabic = "السلام"; // no clusters across letters
  const hebrewPointed = "שָׁלוֹם"; // letters with niqqud marks

  it("leaves boundaries of plain text alone", () => {
    expect(snapToGraphemes("hello world", 2, 7)).toEqual({ start: 2, end: 7 });
  });

  it("widens over a ZWJ family emoji", () => {
    const text = `a${family}b`;
    expect(snapToGraphemes(text, 3, 5)).toEqual({ start: 1, end: 1 + family.length });
    expect(snapToGraphemes(text, 0, 2)).toEqual({ start: 0, end: 1 + family.length });
    expect(snapToGraphemes(text, 4, text.length)).toEqual({ start: 1, end: text.length });
  });

  it("keeps a flag's two regional indicators together", () => {
    const text = `flag ${flag}!`;
    expect(snapToGraphemes(text, 7, 9)).toEqual({ start: 5, end: 9 });
    expect(snapToGraphemes(text, 0, 7)).toEqual({ start: 0, end: 9 });
  });

  it("keeps combining marks with their base letter", () => {
    const text = `caf${eAcute} noir`;
    expect(snapToGraphemes(text, 0, 4)).toEqual({ start: 0, end: 5 });
    expect(snapToGraphemes(text, 4, 8)).toEqual({ start: 3, end: 8 });
  });

  it("handles Hebrew points and Arabic letters", () => {
    // ש + shin dot + qamats form one cluster.
    const he = `${hebrewPointed} עולם`;
    expect(snapToGraphemes(he, 1, 2)).toEqual({ start: 0, end: 3 });
    expect(snapToGraphemes(arabic, 1, 3)).toEqual({ start: 1, end: 3 });
  });

  it("moves a collapsed range to the cluster start", () => {
    const text = `a${family}`;
    expect(snapToGraphemes(text, 4, 4)).toEqual({ start: 1, end: 1 });
  });

  it("treats CR LF as one cluster and an emoji split as no boundary", () => {
    expect(isGraphemeBoundary("a\r\nb", 2)).toBe(false);
    expect(isGraphemeBoundary("a😀", 2)).toBe(false);
    expect(isGraphemeBoundary("a😀", 1)).toBe(true);
  });

  it("rejects inverted or out-of-range input", () => {
    expect(() => snapToGraphemes("abc", 2, 1)).toThrow(RangeError);
    expect(() => snapToGraphemes("abc", 0, 4)).toThrow(RangeError);
  });

  it("always returns a wider range on grapheme boundaries (property)", () => {
    const pieces = fc.constantFrom("a", " ", family, flag, eAcute, "ש\u05C1\u05B8", "ل", "😀", "\u0308", "1");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join("");
        const a = x % (text.length + 1);
        const b = y % (text.length + 1);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const snapped = snapToGraphemes(text, start, end);
        expect(snapped.start).toBeLessThanOrEqual(start);
        if (start !== end) expect(snapped.end).toBeGreaterThanOrEqual(end);
        expect(isGraphemeBoundary(text, snapped.start)).toBe(true);
        expect(isGraphemeBoundary(text, snapped.end)).toBe(true);
      }),
    );
  });
});
