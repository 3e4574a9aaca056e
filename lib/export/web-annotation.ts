// A statement's highlights as W3C Web Annotations (JSON-LD), readable by Hypothesis-style tools and
// by our own import (web-annotation-import.ts). Each highlight targets the statement with two
// selectors: the quote with its context (what survives edits) and the position, which the standard
// counts in Unicode code points; our offsets are UTF-16 code units, converted here and only here.
//
// How our highlights map onto the model:
// - a claim: motivation "assessing", its "claim reviewed" sentence a TextualBody with purpose
//   "assessing";
// - a note with text: motivation "commenting"; with tags only: "tagging"; bare: "highlighting";
// - note text (on notes and claims): a TextualBody with purpose "commenting";
// - each tag: a TextualBody with purpose "tagging".
import { createOffsetConverter, type OffsetConverter } from "../anchoring/code-points";
import { isoInstant, type DateLike, type ExportPerson } from "./types";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type Motivation = "assessing" | "commenting" | "tagging" | "highlighting";

export type TextualBody = {
  type: "TextualBody";
  value: string;
  purpose: "assessing" | "commenting" | "tagging";
  format?: "text/plain";
};

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

export type WebAnnotation = {
  id: string;
  type: "Annotation";
  motivation: Motivation;
  body?: TextualBody[];
  target: { source: string; selector: Array<TextQuoteSelector | TextPositionSelector> };
  creator?: { id?: string; type: "Person"; name: string };
  created?: string;
  modified?: string;
};

export type AnnotationPage = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationPage";
  partOf?: { id: string; type: "AnnotationCollection"; label?: string; total: number };
  startIndex: 0;
  items: WebAnnotation[];
};

/** A highlight as the export reads it. Offsets are UTF-16 code units into `text`. */
export type AnnotationHighlight = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: "claim" | "note";
  /** Note text (notes and claims may both carry one). */
  body: string;
  /** A claim's "claim reviewed" sentence. */
  claimReviewed?: string | null;
  tags: readonly string[];
  creator: ExportPerson | null;
  createdAt: DateLike;
  updatedAt?: DateLike | null;
};

export type AnnotationPageInput = {
  /** The statement text the highlights' offsets index (their revision). */
  text: string;
  /** IRI of the statement: every annotation's target.source. */
  source: string;
  /** IRI of this page. */
  pageId: string;
  /** The collection (all of the statement's annotations) this page belongs to, when it has an IRI. */
  collection?: { id: string; label?: string };
  annotationId: (highlight: AnnotationHighlight) => string;
  creatorId?: (person: ExportPerson) => string;
  highlights: readonly AnnotationHighlight[];
};

function motivationOf(h: AnnotationHighlight): Motivation {
  if (h.kind === "claim") return "assessing";
  if (h.body.trim() !== "") return "commenting";
  if (h.tags.length > 0) return "tagging";
  return "highlighting";
}

function bodiesOf(h: AnnotationHighlight): TextualBody[] {
  const bodies: TextualBody[] = [];
  const claimReviewed = h.kind === "claim" ? (h.claimReviewed ?? "").trim() : "";
  if (claimReviewed) bodies.push({ type: "TextualBody", value: claimReviewed, purpose: "assessing", format: "text/plain" });
  if (h.body.trim() !== "") bodies.push({ type: "TextualBody", value: h.body, purpose: "commenting", format: "text/plain" });
  for (const tag of h.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return bodies;
}

function selectorsOf(h: AnnotationHighlight, text: string, offsets: OffsetConverter): WebAnnotation["target"]["selector"] {
  const quote: TextQuoteSelector = { type: "TextQuoteSelector", exact: h.exact };
  if (h.prefix) quote.prefix = h.prefix;
  if (h.suffix) quote.suffix = h.suffix;
  // A position is only stated where it still holds the quote (an orphan's does not): a wrong
  // position would mislead every tool that trusts it first.
  const fits = Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= text.length && text.slice(h.start, h.end) === h.exact;
  if (!fits) return [quote];
  return [quote, { type: "TextPositionSelector", start: offsets.toCodePointOffset(h.start), end: offsets.toCodePointOffset(h.end) }];
}

function toAnnotation(h: AnnotationHighlight, input: AnnotationPageInput, offsets: OffsetConverter): WebAnnotation {
  const annotation: WebAnnotation = {
    id: input.annotationId(h),
    type: "Annotation",
    motivation: motivationOf(h),
    target: { source: input.source, selector: selectorsOf(h, input.text, offsets) },
  };
  const bodies = bodiesOf(h);
  if (bodies.length > 0) annotation.body = bodies;
  if (h.creator) {
    annotation.creator = input.creatorId
      ? { id: input.creatorId(h.creator), type: "Person", name: h.creator.name }
      : { type: "Person", name: h.creator.name };
  }
  const created = isoInstant(h.createdAt);
  if (created) annotation.created = created;
  const modified = isoInstant(h.updatedAt);
  if (modified) annotation.modified = modified;
  return annotation;
}

/** The statement's highlights as one AnnotationPage, in the order given. */
export function statementAnnotationPage(input: AnnotationPageInput): AnnotationPage {
  const offsets = createOffsetConverter(input.text);
  const items = input.highlights.map((h) => toAnnotation(h, input, offsets));
  return {
    "@context": ANNOTATION_CONTEXT,
    id: input.pageId,
    type: "AnnotationPage",
    ...(input.collection
      ? {
          partOf: {
            id: input.collection.id,
            type: "AnnotationCollection",
            ...(input.collection.label ? { label: input.collection.label } : {}),
            total: items.length,
          },
        }
      : {}),
    startIndex: 0,
    items,
  };
}
