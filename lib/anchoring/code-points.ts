// JavaScript strings (and the database) count UTF-16 code units; W3C TextPositionSelectors count
// Unicode code points. Convert only at that boundary. Selections must also never split a grapheme
// cluster (an emoji ZWJ sequence, a flag, a letter with its combining marks), or a highlight would
// cut a visible character in half.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

function assertOffset(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} ${offset} is outside 0..${max}`);
  }
}

export type OffsetConverter = {
  /** Number of code points in the text. */
  readonly codePointLength: number;
  toCodePointOffset(utf16Offset: number): number;
  toUtf16Offset(codePointOffset: number): number;
};

/**
 * Precomputes where the astral characters (surrogate pairs) are, so converting many offsets of one
 * text (an export of a thousand highlights) costs O(log k) each instead of a walk over the text.
 */
export function createOffsetConverter(text: string): OffsetConverter {
  // UTF-16 index of the high surrogate of every well-formed pair, ascending.
  const pairStarts: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairStarts.push(i);
      i++;
    }
  }
  const codePointLength = text.length - pairStarts.length;

  if (pairStarts.length === 0) {
    return {
      codePointLength,
      toCodePointOffset(u) {
        assertOffset(u, text.length, "UTF-16 offset");
        return u;
      },
      toUtf16Offset(c) {
        assertOffset(c, codePointLength, "code point offset");
        return c;
      },
    };
  }

  // Code point index of each pair: its UTF-16 index minus the pairs before it.
  const pairCodePoints = pairStarts.map((start, k) => start - k);

  /** Number of entries of `sorted` strictly below `value`. */
  const countBelow = (sorted: number[], value: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    codePointLength,
    toCodePointOffset(u) {
      assertOffset(u, text.length, "UTF-16 offset");
      // An offset inside a pair counts as the pair's start: a position never names half a character.
      const pairsBefore = countBelow(pairStarts, u - 1);
      const inside = pairsBefore < pairStarts.length && pairStarts[pairsBefore] === u - 1;
      return inside ? u - 1 - pairsBefore : u - pairsBefore;
    },
    toUtf16Offset(c) {
      assertOffset(c, codePointLength, "code point offset");
      return c + countBelow(pairCodePoints, c);
    },
  };
}

/**
 * The code-point offset (W3C TextPositionSelector) of a UTF-16 offset. An offset between the two
 * halves of a surrogate pair counts as the start of that pair.
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return createOffsetConverter(text).toCodePointOffset(utf16Offset);
}

/** The UTF-16 offset (JavaScript string index) of a code-point offset. */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  return createOffsetConverter(text).toUtf16Offset(codePointOffset);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Segmenting copies the text into ICU; re-anchoring asks about one text many times in a row.
let cachedText: string | undefined;
let cachedSegments: Intl.Segments | undefined;

function segmentsOf(text: string): Intl.Segments {
  if (cachedText !== text || !cachedSegments) {
    cachedText = text;
    cachedSegments = graphemes.segment(text);
  }
  return cachedSegments;
}

/** True when a cursor at `offset` would not split a grapheme cluster. */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  assertOffset(offset, text.length, "offset");
  if (offset === 0 || offset === text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  // Below U+0300 nothing combines with its neighbour except CR LF: skip ICU for plain text.
  if (before < 0x300 && after < 0x300) return !(before === 0x0d && after === 0x0a);
  return segmentsOf(text).containing(offset)?.index === offset;
}

function graphemeStartAtOrBefore(text: string, offset: number): number {
  if (isGraphemeBoundary(text, offset)) return offset;
  return segmentsOf(text).containing(offset)!.index;
}

function graphemeEndAtOrAfter(text: string, offset: number): number {
  if (isGraphemeBoundary(text, offset)) return offset;
  const segment = segmentsOf(text).containing(offset)!;
  return segment.index + segment.segment.length;
}

/**
 * Widens [start, end) (UTF-16 offsets) to whole grapheme clusters. A collapsed range stays
 * collapsed, moved back to the start of the cluster it fell inside.
 */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  assertOffset(start, text.length, "start");
  assertOffset(end, text.length, "end");
  if (end < start) throw new RangeError(`end ${end} is before start ${start}`);
  const snappedStart = graphemeStartAtOrBefore(text, start);
  if (start === end) return { start: snappedStart, end: snappedStart };
  return { start: snappedStart, end: graphemeEndAtOrAfter(text, end) };
}
