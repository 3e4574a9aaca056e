import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Descendant } from "slate";
import { describe, expect, it } from "vitest";
import { normaliseText, splitParagraphs } from "../text/normalise";
import {
  BLOCK_SEPARATOR,
  createOffsetMap,
  documentText,
  offsetToPoint,
  offsetsToRanges,
  paragraphsToSlateValue,
  pointToOffset,
  rangeToOffsets,
  textToSlateValue,
} from "./slate-offsets";

const block = (...leaves: string[]) => ({ type: "paragraph", children: leaves.map((text) => ({ text })) }) as unknown as Descendant;

describe("plain text offsets ↔ Slate points", () => {
  // "ab|cd" + "\n\n" + "ef" : offsets 0..4 in block 0, 5 inside the separator, 6..8 in block 1.
  const doc = [block("ab", "cd"), block("ef")];

  it("joins paragraphs with one blank line", () => {
    expect(documentText(doc)).toBe("abcd\n\nef");
    expect(BLOCK_SEPARATOR).toBe("\n\n");
  });

  it("maps offsets to points within and across paragraphs", () => {
    expect(offsetToPoint(doc, 0)).toEqual({ path: [0, 0], offset: 0 });
    expect(offsetToPoint(doc, 1)).toEqual({ path: [0, 0], offset: 1 });
    expect(offsetToPoint(doc, 3)).toEqual({ path: [0, 1], offset: 1 });
    expect(offsetToPoint(doc, 4)).toEqual({ path: [0, 1], offset: 2 });
    expect(offsetToPoint(doc, 6)).toEqual({ path: [1, 0], offset: 0 });
    expect(offsetToPoint(doc, 8)).toEqual({ path: [1, 0], offset: 2 });
  });

  it("puts a leaf boundary in the later leaf going forward, the earlier one going backward", () => {
    expect(offsetToPoint(doc, 2)).toEqual({ path: [0, 1], offset: 0 });
    expect(offsetToPoint(doc, 2, "backward")).toEqual({ path: [0, 0], offset: 2 });
    expect(offsetToPoint(doc, 0, "backward")).toEqual({ path: [0, 0], offset: 0 });
  });

  it("maps an offset inside the separator to the nearer block boundary", () => {
    expect(offsetToPoint(doc, 5)).toEqual({ path: [1, 0], offset: 0 });
    expect(offsetToPoint(doc, 5, "backward")).toEqual({ path: [0, 1], offset: 2 });
  });

  it("maps points back to offsets", () => {
    expect(pointToOffset(doc, { path: [0, 1], offset: 1 })).toBe(3);
    expect(pointToOffset(doc, { path: [1, 0], offset: 2 })).toBe(8);
  });

  it("orders a backward selection", () => {
    expect(rangeToOffsets(doc, { anchor: { path: [1, 0], offset: 1 }, focus: { path: [0, 0], offset: 1 } })).toEqual({
      start: 1,
      end: 7,
    });
  });

  it("rejects points and offsets that are not in the document", () => {
    expect(() => offsetToPoint(doc, 9)).toThrow(RangeError);
    expect(() => offsetToPoint(doc, -1)).toThrow(RangeError);
    expect(() => pointToOffset(doc, { path: [2, 0], offset: 0 })).toThrow(RangeError);
    expect(() => pointToOffset(doc, { path: [0, 0], offset: 3 })).toThrow(RangeError);
    expect(() => pointToOffset(doc, { path: [0], offset: 0 })).toThrow(RangeError);
    expect(() => createOffsetMap([{ text: "loose" } as unknown as Descendant])).toThrow(TypeError);
  });

  it("cuts a range into one range per leaf, skipping the separator", () => {
    expect(offsetsToRanges(doc, 1, 7)).toEqual([
      { path: [0, 0], anchor: { path: [0, 0], offset: 1 }, focus: { path: [0, 0], offset: 2 } },
      { path: [0, 1], anchor: { path: [0, 1], offset: 0 }, focus: { path: [0, 1], offset: 2 } },
      { path: [1, 0], anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 1 } },
    ]);
    expect(offsetsToRanges(doc, 3, 3)).toEqual([]);
    expect(offsetsToRanges(doc, 4, 6)).toEqual([]);
  });

  it("handles empty paragraphs and empty leaves", () => {
    const odd = [block(""), block("a", "", "b"), block("")];
    expect(documentText(odd)).toBe("\n\nab\n\n");
    const map = createOffsetMap(odd);
    expect(map.length).toBe(6);
    expect(map.offsetToPoint(0)).toEqual({ path: [0, 0], offset: 0 });
    expect(map.offsetToPoint(3)).toEqual({ path: [1, 2], offset: 0 });
    expect(map.offsetToPoint(3, "backward")).toEqual({ path: [1, 0], offset: 1 });
    expect(map.offsetToPoint(6)).toEqual({ path: [2, 0], offset: 0 });
  });

  it("counts UTF-16 units in emoji and combining marks, like JavaScript and Slate", () => {
    const text = "Flag 🇦🇿 and 👨‍👩‍👧.\n\nCafe\u0301 — שָׁלוֹם";
    const value = textToSlateValue(text);
    const start = text.indexOf("👨");
    expect(offsetToPoint(value, start)).toEqual({ path: [0, 0], offset: start });
    const cafe = text.indexOf("Cafe");
    expect(offsetToPoint(value, cafe + 5)).toEqual({ path: [1, 0], offset: 5 });
    const [range] = offsetsToRanges(value, text.indexOf("שָׁ"), text.length);
    expect(range!.focus.offset - range!.anchor.offset).toBe("שָׁלוֹם".length);
  });

  it("round-trips every offset outside separators (property)", () => {
    const leafText = fc.array(fc.constantFrom("a", " ", "é", "e\u0301", "😀", "🇦🇿", "ש", "\n"), { maxLength: 6 }).map((p) => p.join(""));
    const docArbitrary = fc.array(fc.array(leafText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(docArbitrary, (blocks) => {
        const value = blocks.map((leaves) => block(...leaves));
        const text = documentText(value);
        const map = createOffsetMap(value);
        expect(map.length).toBe(text.length);
        let blockStart = 0;
        const inSeparator = new Set<number>();
        const separatorChars = new Set<number>();
        for (const leaves of blocks) {
          const end = blockStart + leaves.join("").length;
          for (let o = end + 1; o < end + BLOCK_SEPARATOR.length; o++) inSeparator.add(o);
          for (let o = end; o < end + BLOCK_SEPARATOR.length; o++) separatorChars.add(o);
          blockStart = end + BLOCK_SEPARATOR.length;
        }
        for (let o = 0; o <= text.length; o++) {
          if (inSeparator.has(o)) continue;
          expect(map.pointToOffset(map.offsetToPoint(o))).toBe(o);
          expect(map.pointToOffset(map.offsetToPoint(o, "backward"))).toBe(o);
        }
        // Per-leaf ranges cover exactly the non-separator characters of a span.
        const a = Math.floor(text.length / 3);
        const b = text.length - a;
        const covered = map.offsetsToRanges(a, b).map((r) => {
          const leaf = blocks[r.path[0]]![r.path[1]]!;
          return leaf.slice(r.anchor.offset, r.focus.offset);
        });
        let expected = "";
        for (let o = a; o < b; o++) if (!separatorChars.has(o)) expected += text[o];
        expect(covered.join("")).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Slate values from statement text", () => {
  it("makes one paragraph per block and at least one block", () => {
    expect(paragraphsToSlateValue(["One.", "Two."])).toEqual([
      { type: "paragraph", children: [{ text: "One." }] },
      { type: "paragraph", children: [{ text: "Two." }] },
    ]);
    expect(paragraphsToSlateValue([])).toEqual([{ type: "paragraph", children: [{ text: "" }] }]);
  });

  it("gives back the exact text, so stored offsets stay valid", () => {
    for (const text of ["", "one", "a\n\nb", "a\n\n\nb", "line\nbreak\n\npara"]) {
      expect(documentText(textToSlateValue(text))).toBe(text);
    }
  });

  it("agrees with lib/text's paragraphs for normalised corpus statements", () => {
    const dir = path.resolve(import.meta.dirname, "../../../shared/corpus");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      const text = normaliseText(readFileSync(path.join(dir, file), "utf8"));
      const value = paragraphsToSlateValue(splitParagraphs(text));
      expect(documentText(value)).toBe(text);
      const word = text.indexOf("Azerbaijan", text.length / 2);
      const point = offsetToPoint(value, word);
      const paragraph = splitParagraphs(text)[point.path[0]!]!;
      expect(paragraph.slice(point.offset, point.offset + 10)).toBe("Azerbaijan");
    }
  });
});
