// A highlight is stored as a W3C TextQuoteSelector (exact + context) alongside its position, so it
// can be found again after the statement text is corrected (see anchor.ts).
import { splitsSurrogatePair } from "./code-points";

/** Context kept on each side of a quote, in UTF-16 code units (as Hypothesis stores it). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Offsets are UTF-16 code units into the statement's plain text; `end` is exclusive. */
export type TextQuote = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

function assertRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`range ${start}..${end} does not fit a text of length ${text.length}`);
  }
}

/** The quoted text of [start, end). */
export function quoteAt(text: string, start: number, end: number): string {
  assertRange(text, start, end);
  return text.slice(start, end);
}

/**
 * The selectors to store for [start, end): the quote with up to 32 code units of context on each
 * side. The context is shortened by one rather than end on half of a surrogate pair (an emoji), so
 * prefix and suffix are always well-formed strings.
 */
export function describeRange(text: string, start: number, end: number): TextQuote {
  assertRange(text, start, end);
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
