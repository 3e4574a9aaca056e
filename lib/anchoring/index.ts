// The anchoring domain core: selectors, offsets, re-anchoring and decoration segments.
export { QUOTE_CONTEXT_LENGTH, describeRange, quoteAt, type TextQuote } from "./text-quote";
export {
  createOffsetConverter,
  isGraphemeBoundary,
  snapToGraphemes,
  toCodePointOffset,
  toUtf16Offset,
  type OffsetConverter,
} from "./code-points";
export {
  DISTINCTIVE_QUOTE_LENGTH,
  MIN_ANCHOR_SCORE,
  MIN_CONTEXT_FOR_SHORT_QUOTE,
  anchorQuote,
  maxErrorsFor,
  reanchorAll,
  type Anchor,
  type AnchorMethod,
  type AnchorOptions,
  type HighlightToReanchor,
  type PlacedHighlight,
  type QuoteSelector,
  type ReanchorResult,
} from "./anchor";
export {
  BLOCK_SEPARATOR,
  createOffsetMap,
  documentText,
  offsetToPoint,
  offsetsToRanges,
  paragraphsToSlateValue,
  pointToOffset,
  rangeToOffsets,
  textToSlateValue,
  type Affinity,
  type LeafRange,
  type OffsetMap,
  type ParagraphElement,
  type SlatePoint,
  type SlateRange,
} from "./slate-offsets";
export { splitOverlaps, type Segment, type Span } from "./overlaps";
