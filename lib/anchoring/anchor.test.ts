import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorQuote, maxErrorsFor, reanchorAll, type HighlightToReanchor } from "./anchor";
import { isGraphemeBoundary } from "./code-points";
import { describeRange } from "./text-quote";
import {
  applyEdit,
  correction,
  figureRanges,
  highlightsOn,
  mapOffset,
  phraseRanges,
  sentenceRanges,
  type Edit,
} from "./test-helpers";

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const corpus = Object.fromEntries(
  readdirSync(corpusDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => [f.slice(0, 3), readFileSync(path.join(corpusDir, f), "utf8")]),
) as Record<string, string>;
const statement = corpus["002"]!;

function selectorFor(text: string, phrase: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at === -1) throw new Error(`"${phrase}" not found`);
  return describeRange(text, at, at + phrase.length);
}

function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 1 : inter / union;
}

describe("anchorQuote", () => {
  const quote = "303 Azerbaijanis, including two journalists, have become landmine victims";

  it("keeps the stored position when the text is unchanged", () => {
    const selector = selectorFor(statement, quote);
    expect(anchorQuote(statement, selector)).toEqual({
      start: selector.start,
      end: selector.end,
      method: "position",
      score: 1,
    });
  });

  it("follows an insertion before the quote", () => {
    const selector = selectorFor(statement, quote);
    const inserted = "Baku, 29 July. ";
    const text = inserted + statement;
    const anchor = anchorQuote(text, selector);
    expect(anchor).toMatchObject({ start: selector.start + inserted.length, end: selector.end + inserted.length, method: "exact" });
  });

  it("follows a deletion before the quote", () => {
    const selector = selectorFor(statement, quote);
    const removed = "Armenia continues its actions leading to tension, ";
    const text = statement.replace(removed, "");
    const anchor = anchorQuote(text, selector);
    expect(anchor).toMatchObject({ start: selector.start - removed.length, method: "exact" });
    expect(text.slice(anchor!.start, anchor!.end)).toBe(quote);
  });

  it("keeps the position when the text changed only after the quote", () => {
    const selector = selectorFor(statement, quote);
    const text = statement + "\n\nSource: the ministry's website";
    expect(anchorQuote(text, selector)).toMatchObject({ start: selector.start, end: selector.end, method: "position" });
  });

  it("finds the quote after an insertion inside it", () => {
    const selector = selectorFor(statement, quote);
    const text = statement.replace("two journalists", "two local journalists");
    const anchor = anchorQuote(text, selector);
    expect(anchor?.method).toBe("fuzzy");
    expect(text.slice(anchor!.start, anchor!.end)).toBe(
      "303 Azerbaijanis, including two local journalists, have become landmine victims",
    );
  });

  it("finds the quote after a deletion inside it", () => {
    const selector = selectorFor(statement, quote);
    const text = statement.replace("including two journalists, ", "");
    const anchor = anchorQuote(text, selector);
    expect(anchor?.method).toBe("fuzzy");
    expect(text.slice(anchor!.start, anchor!.end)).toBe("303 Azerbaijanis, have become landmine victims");
  });

  it("moves a corrected figure to its new value rather than to the same figure elsewhere", () => {
    const text =
      "In 2021, 303 people were hurt. The army said 303 soldiers were on leave. Later, 303 more claims came in.";
    const selector = selectorFor(text, "303", 1);
    const corrected = text.replace("said 303 soldiers", "said 305 soldiers");
    const anchor = anchorQuote(corrected, selector);
    expect(anchor?.method).toBe("fuzzy");
    expect(corrected.slice(anchor!.start, anchor!.end)).toBe("305");
    expect(anchor!.start).toBe(corrected.indexOf("305"));
  });

  it("tells repeated quotes apart by prefix and suffix", () => {
    const text = [
      "The first report said the ministry was right about the border.",
      "The second report said the ministry was wrong about the mines.",
      "The third report said the ministry was silent about the roads.",
    ].join(" ");
    const phrase = "said the ministry was";
    for (const occurrence of [0, 1, 2]) {
      const selector = selectorFor(text, phrase, occurrence);
      const moved = "Preface added later. " + text;
      // Even a misleading position hint does not beat the context.
      const wrongHint = moved.indexOf(phrase);
      const anchor = anchorQuote(moved, selector, { hint: wrongHint });
      expect(anchor).toMatchObject({ start: selector.start + 21, method: "exact" });
    }
  });

  it("picks the occurrence whose context survived when context partly changed", () => {
    const text = "Alpha said: the claim is false. Beta said: the claim is false. Gamma said: the claim is false.";
    const selector = selectorFor(text, "the claim is false", 1);
    const corrected = text.replace("Beta said:", "Beta, the minister, said:");
    const anchor = anchorQuote(corrected, selector);
    expect(anchor!.start).toBe(corrected.indexOf("the claim is false", corrected.indexOf("Beta")));
  });

  it("orphans a quote whose sentence was deleted", () => {
    const sentence = "Thus, Azerbaijan has installed the Lachin border checkpoint in its sovereign territories";
    const selector = selectorFor(statement, sentence);
    const text = statement.replace(/Thus, Azerbaijan has installed[^\n]*\n\n/, "");
    expect(anchorQuote(text, selector)).toBeNull();
  });

  it("orphans a quote rewritten beyond the error budget", () => {
    const selector = selectorFor(statement, quote);
    const text = statement.replace(quote, "many civilians were hurt by mines laid in the years after the war");
    expect(anchorQuote(text, selector)).toBeNull();
  });

  it("orphans a short quote whose context is gone, though the figure occurs elsewhere", () => {
    const selector = selectorFor(statement, "303");
    const text = statement.replace(/"As a result of intensive laying[^\n]*\n\n/, "") + "\n\nOf 303 cases, none were verified.";
    expect(anchorQuote(text, selector)).toBeNull();
  });

  it("orphans an empty quote and anything in an empty text", () => {
    expect(anchorQuote(statement, { exact: "", prefix: "", suffix: "", start: 0, end: 0 })).toBeNull();
    expect(anchorQuote("", selectorFor(statement, quote))).toBeNull();
  });

  it("never lands a fuzzy match inside an emoji or a combining sequence", () => {
    const text = "We stand with 👨‍👩‍👧 families of the 🇦🇿 region and the café owners.";
    const selector = selectorFor(text, "👨‍👩‍👧 families of the 🇦🇿 region");
    const corrected = text.replace("families of the", "the families in the");
    const anchor = anchorQuote(corrected, selector)!;
    expect(anchor.method).toBe("fuzzy");
    expect(isGraphemeBoundary(corrected, anchor.start)).toBe(true);
    expect(isGraphemeBoundary(corrected, anchor.end)).toBe(true);
    expect(corrected.slice(anchor.start, anchor.end)).toContain("the families in the 🇦🇿 region");
  });

  it("skips exact occurrences that would split a grapheme cluster", () => {
    // NFC would compose the first one into "café"; the decomposed form must not match "cafe".
    const text = "cafe\u0301 and cafe";
    const selector = { exact: "cafe", prefix: "", suffix: "", start: 0, end: 4 };
    const anchor = anchorQuote(text, selector)!;
    expect(anchor.start).toBe(text.lastIndexOf("cafe"));
  });

  it("re-anchors right-to-left text", () => {
    const text = "قالت الوزارة إن 303 مدنيين أصيبوا بالألغام منذ نوفمبر 2020. שר החוץ אמר כי הנתון אינו מדויק.";
    const selector = selectorFor(text, "303 مدنيين أصيبوا بالألغام");
    const corrected = "بيان: " + text.replace("303", "305");
    const anchor = anchorQuote(corrected, selector)!;
    expect(anchor.method).toBe("fuzzy");
    expect(corrected.slice(anchor.start, anchor.end)).toBe("305 مدنيين أصيبوا بالألغام");
  });
});

// Random edits that leave the quote itself alone.
const words = fc.constantFrom("the ", "ministry ", "said ", "303 ", "Azerbaijan ", "“", "”, ", "peace ", "\n\n", "é", "😀 ");
const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.array(words, { maxLength: 6 }).map((w) => w.join("")) });

function editsAwayFrom(text: string, start: number, end: number, raw: Edit[], margin: number) {
  let current = text;
  let s = start;
  let e = end;
  for (const r of raw) {
    const at = r.at % (current.length + 1);
    const edit = { at, remove: Math.min(r.remove, current.length - at), insert: r.insert };
    const touches = !(edit.at + edit.remove <= s - margin || edit.at >= e + margin);
    if (touches) continue;
    current = applyEdit(current, edit);
    const shift = edit.at + edit.remove <= s ? edit.insert.length - edit.remove : 0;
    s += shift;
    e += shift;
  }
  return { text: current, start: s, end: e };
}

describe("anchorQuote under random edits (property)", () => {
  it("keeps a quote of 24+ characters on the same text when edits avoid the quote", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 24, max: 160 }), fc.array(editArbitrary, { maxLength: 8 }), (s, length, raw) => {
        const start = s % (statement.length - length);
        const selector = describeRange(statement, start, start + length);
        const moved = editsAwayFrom(statement, start, start + length, raw, 0);
        const anchor = anchorQuote(moved.text, selector);
        expect(anchor).not.toBeNull();
        expect(moved.text.slice(anchor!.start, anchor!.end)).toBe(selector.exact);
        if (moved.text.indexOf(selector.exact) === moved.text.lastIndexOf(selector.exact)) {
          expect(anchor!.start).toBe(moved.start);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps any quote, even one character, when edits avoid it and its context", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 60 }), fc.array(editArbitrary, { maxLength: 8 }), (s, length, raw) => {
        const start = s % (statement.length - length);
        const selector = describeRange(statement, start, start + length);
        const moved = editsAwayFrom(statement, start, start + length, raw, 40);
        const anchor = anchorQuote(moved.text, selector);
        expect(anchor).toMatchObject({ start: moved.start, end: moved.end });
      }),
      { numRuns: 200 },
    );
  });

  it("finds a long quote again after small edits inside it", () => {
    const inside = fc.record({ offset: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom("", "a", "the ", "s", "9") });
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 60, max: 200 }), fc.array(inside, { minLength: 1, maxLength: 3 }), (s, length, raw) => {
        const start = s % (statement.length - length);
        const selector = describeRange(statement, start, start + length);
        let text = statement;
        let expected = { start, end: start + length };
        for (const r of raw) {
          const edit = { at: expected.start + 1 + (r.offset % (expected.end - expected.start - 4)), remove: r.remove, insert: r.insert };
          text = applyEdit(text, edit);
          expected = { start: expected.start, end: mapOffset(edit, expected.end) };
        }
        const anchor = anchorQuote(text, selector);
        expect(anchor).not.toBeNull();
        expect(overlapRatio(anchor!, expected)).toBeGreaterThan(0.9);
      }),
      { numRuns: 150 },
    );
  });
});

describe("reanchorAll", () => {
  const highlights = highlightsOn(statement, [...sentenceRanges(statement), ...figureRanges(statement), ...phraseRanges(statement)]);

  it("gives every highlight its identical position when the text is unchanged", () => {
    const { placed, orphans } = reanchorAll(statement, highlights);
    expect(orphans).toEqual([]);
    expect(placed).toHaveLength(highlights.length);
    for (const [i, p] of placed.entries()) {
      expect(p).toMatchObject({ id: highlights[i]!.id, start: highlights[i]!.start, end: highlights[i]!.end, method: "position" });
    }
  });

  it("anchors identical selectors of several users once, for each of them", () => {
    const selector = selectorFor(statement, "303 Azerbaijanis");
    const many: HighlightToReanchor[] = ["a", "b", "c"].map((id) => ({ id, ...selector }));
    const text = "Dateline. " + statement;
    const { placed } = reanchorAll(text, [...many, { id: "gone", exact: "no such words anywhere here", prefix: "", suffix: "", start: 3, end: 30 }]);
    expect(placed.map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(new Set(placed.map((p) => p.start))).toEqual(new Set([selector.start + 10]));
  });

  it("lists orphans apart, in input order", () => {
    const text = statement.replace(/"As a result of intensive laying[^\n]*\n\n/, "");
    const gone = highlights.filter((h) => h.exact.includes("landmine victims since November 2020"));
    expect(gone.length).toBeGreaterThan(0);
    const { orphans } = reanchorAll(text, highlights);
    for (const h of gone) expect(orphans).toContain(h.id);
  });

  it("uses the shift of placed neighbours to find an edited quote after a large deletion", () => {
    const fuzzyTarget = selectorFor(statement, "Armenia has conducted their rotation, continued to supply them with weapons");
    const text = statement
      .replace(/Azerbaijan liberated its lands[^\n]*\n\n/, "")
      .replace("continued to supply them", "continued to supply its troops");
    const nearby = highlights.filter((h) => h.start > fuzzyTarget.start - 400 && h.start < fuzzyTarget.start);
    const { placed } = reanchorAll(text, [...nearby, { id: "target", ...fuzzyTarget }]);
    const target = placed.find((p) => p.id === "target");
    expect(target?.method).toBe("fuzzy");
    expect(text.slice(target!.start, target!.end)).toBe(
      "Armenia has conducted their rotation, continued to supply its troops with weapons",
    );
  });
});

// Realistic corrections of the three corpus statements: a changed figure, a deleted sentence and a
// typo fix each. Every highlight on an untouched passage must land on the same words; a highlight
// on a corrected passage lands on the corrected words; one on a deleted sentence is an orphan.
const corrections: Record<string, [string, string][]> = {
  "001": [
    ["placing more than 2,700 mines", "placing more than 2,900 mines"],
    [" Azerbaijan intends to take all necessary steps towards the reintegration of local Armenian residents.", ""],
    ["the Armenian side, which occupied", "the Armenian side, that occupied"],
  ],
  "002": [
    ["303 Azerbaijanis, including two journalists", "305 Azerbaijanis, including two journalists"],
    ["Besides, in violation of its obligations, Armenia has not yet fully withdrawn its armed forces from Azerbaijani territories. ", ""],
    ["Azerbaijan have taken consistent steps", "Azerbaijan has taken consistent steps"],
    ["unacceptable.The responsibility", "unacceptable. The responsibility"],
  ],
  "004": [
    ["on December 8, 2021", "on December 7, 2021"],
    [" As a result of the response measures of the Azerbaijani Army, the provocations of the opposite side were prevented.", ""],
    ["the Armenian Armed forces has continued", "the Armenian Armed Forces have continued"],
  ],
};

describe.each(Object.keys(corrections))("corpus statement %s after a correction", (key) => {
  const original = corpus[key]!;
  const highlights = highlightsOn(original, [...sentenceRanges(original), ...figureRanges(original), ...phraseRanges(original)]);
  let text = original;
  const edits: Edit[] = [];
  for (const [before, after] of corrections[key]!) {
    const edit = correction(text, before, after);
    edits.push(edit);
    text = applyEdit(text, edit);
  }
  const mapped = (offset: number, side: "start" | "end") => edits.reduce((o, edit) => mapOffset(edit, o, side), offset);
  const expectedRange = (h: HighlightToReanchor) => ({ start: mapped(h.start, "start"), end: mapped(h.end, "end") });
  // Characters changed inside a highlight: what the error budget is measured against.
  const changedChars = (h: HighlightToReanchor) => {
    let start = h.start;
    let end = h.end;
    let changed = 0;
    for (const edit of edits) {
      const removedInside = Math.max(0, Math.min(end, edit.at + edit.remove) - Math.max(start, edit.at));
      const insertedInside = edit.at >= start && edit.at <= end && (edit.remove > 0 || (edit.at > start && edit.at < end)) ? edit.insert.length : 0;
      changed += Math.max(removedInside, insertedInside);
      start = mapOffset(edit, start, "start");
      end = mapOffset(edit, end, "end");
    }
    return changed;
  };
  // The edits in original-text coordinates, to tell which highlights they touch.
  const touched = (h: HighlightToReanchor) => {
    let start = h.start;
    let end = h.end;
    return edits.some((edit) => {
      const hit = edit.at < end && edit.at + edit.remove > start || (edit.remove === 0 && edit.at > start && edit.at < end);
      start = mapOffset(edit, start, "start");
      end = mapOffset(edit, end, "end");
      return hit;
    });
  };
  const { placed, orphans } = reanchorAll(text, highlights);
  const byId = new Map(placed.map((p) => [p.id, p]));

  it("has many highlights to move", () => {
    expect(highlights.length).toBeGreaterThan(30);
    expect(placed.length + orphans.length).toBe(highlights.length);
  });

  it("keeps untouched highlights on the same words, moved by the edits before them", () => {
    for (const h of highlights.filter((x) => !touched(x))) {
      const p = byId.get(h.id);
      expect(p, `"${h.exact}"`).toBeDefined();
      expect(text.slice(p!.start, p!.end)).toBe(h.exact);
      expect(p!.start).toBe(mapped(h.start, "start"));
      expect(["position", "exact"]).toContain(p!.method);
    }
  });

  it("orphans the highlights of the deleted sentence", () => {
    const deleted = highlights.filter((h) => {
      const range = expectedRange(h);
      return touched(h) && range.start === range.end;
    });
    expect(deleted.length).toBeGreaterThan(0);
    for (const h of deleted) expect(orphans, `"${h.exact}"`).toContain(h.id);
  });

  const corrected = highlights.filter((h) => {
    const range = expectedRange(h);
    return touched(h) && range.start !== range.end;
  });

  it("moves highlights of corrected passages onto the corrected words", () => {
    const withinBudget = corrected.filter((h) => changedChars(h) <= maxErrorsFor(h.exact));
    expect(withinBudget.length).toBeGreaterThan(0);
    for (const h of withinBudget) {
      const p = byId.get(h.id);
      expect(p, `"${h.exact}"`).toBeDefined();
      expect(p!.method).toBe("fuzzy");
      expect(overlapRatio(p!, expectedRange(h)), `"${h.exact}" → "${text.slice(p!.start, p!.end)}"`).toBeGreaterThan(0.9);
    }
  });

  it("orphans highlights changed beyond the error budget", () => {
    for (const h of corrected.filter((x) => changedChars(x) > maxErrorsFor(x.exact))) {
      expect(orphans, `"${h.exact}"`).toContain(h.id);
    }
  });
});
