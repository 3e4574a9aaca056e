// Reading annotations made elsewhere (or exported by us) back as highlights: W3C Web Annotations
// (one, an array, an AnnotationPage, an AnnotationCollection with embedded pages) and Hypothesis'
// API export ({ rows: [...] }). Parsing knows nothing of the statement; placeIncoming then finds
// each quote in the statement text with the anchoring matcher. Anything unusable is reported per
// item, in words the importing person can act on, and the rest still imports.
//
// Positions from elsewhere are only hints: Hypothesis counts them in the whole web page's text (and
// in UTF-16 units), other tools in other documents. The quote with its context decides.
import { anchorQuote, reanchorAll, type AnchorMethod, type HighlightToReanchor } from "../anchoring/anchor";
import { createOffsetConverter } from "../anchoring/code-points";
import { QUOTE_CONTEXT_LENGTH } from "../anchoring/text-quote";

// The limits highlights have when made in the workbench (lib/server/highlights.ts, tags.ts).
export const MAX_IMPORT_ITEMS = 10_000;
export const MAX_QUOTE_LENGTH = 5_000;
export const MAX_BODY_LENGTH = 10_000;
export const MAX_CLAIM_REVIEWED_LENGTH = 280;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export type IncomingHighlight = {
  /** Position of the item in the input (0-based), so problems and results can name it. */
  index: number;
  /** The annotation's own id, when it had one. */
  id?: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector as given: Unicode code points, a hint only. */
  start?: number;
  end?: number;
  kind: "claim" | "note";
  /** Note text. */
  body: string;
  /** A claim's "claim reviewed" sentence, when the annotation carried one. */
  claimReviewed?: string;
  tags: string[];
  creator?: string;
  /** ISO 8601 instant. */
  created?: string;
};

export type ImportProblem = {
  /** The item (0-based) the problem is about; null for the input as a whole. */
  index: number | null;
  message: string;
};

export type ParsedAnnotations = { items: IncomingHighlight[]; problems: ImportProblem[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function typesOf(node: Json): string[] {
  const t = node.type ?? node["@type"];
  const all = typeof t === "string" ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : [];
  // "oa:Annotation" and full IRIs name the same types as the compact form.
  return all.map((x) => x.replace(/^.*[#/:]/, ""));
}
const hasType = (node: Json, type: string) => typesOf(node).includes(type);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Thrown inside one item's parse; becomes that item's problem. */
class ItemProblem extends Error {}

// ---------------------------------------------------------------------------------------------
// Finding the items

/** The annotations of whatever shape came in, or a problem for the input as a whole. */
function itemsOf(input: unknown): { items: unknown[]; note?: string } | { problem: string } {
  if (Array.isArray(input)) return { items: input };
  if (!isObject(input)) return { problem: "Expected annotations as JSON: an Annotation, a list of them, an AnnotationPage or a Hypothesis export." };
  if (Array.isArray(input.rows)) return { items: input.rows };
  if (hasType(input, "AnnotationPage")) {
    if (!Array.isArray(input.items)) return { problem: "The AnnotationPage has no list of items." };
    return { items: input.items };
  }
  if (hasType(input, "AnnotationCollection")) {
    // Pages are followed only when embedded: an import reads one file and fetches nothing.
    const linked = "links to its pages instead of including them; export it with the annotations embedded.";
    if (input.first === undefined) return Array.isArray(input.items) ? { items: input.items } : { problem: "The AnnotationCollection holds no pages." };
    if (!isObject(input.first) || !Array.isArray(input.first.items)) return { problem: `The AnnotationCollection ${linked}` };
    const items: unknown[] = [];
    const seen = new Set<unknown>();
    let page: unknown = input.first;
    while (isObject(page) && Array.isArray(page.items) && !seen.has(page)) {
      seen.add(page);
      items.push(...page.items);
      page = page.next;
    }
    if (page !== undefined && !seen.has(page)) {
      return {
        items,
        note: `Only ${seen.size === 1 ? "the first page was" : `the first ${seen.size} pages were`} read: the AnnotationCollection ${linked}`,
      };
    }
    return { items };
  }
  if (hasType(input, "Annotation") || input.target !== undefined) return { items: [input] };
  return { problem: "This is not a Web Annotation file: no Annotation, AnnotationPage, AnnotationCollection or Hypothesis rows were found." };
}

// ---------------------------------------------------------------------------------------------
// One item

function optionalString(node: Json, key: string, what: string): string | undefined {
  const value = node[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ItemProblem(`${what} must be text.`);
  return value;
}

function selectorsOf(item: Json): Json[] {
  const selectors: Json[] = [];
  for (const target of asArray(item.target)) {
    if (!isObject(target)) continue; // a bare IRI targets a whole document: nothing to highlight
    for (const selector of asArray(target.selector)) if (isObject(selector)) selectors.push(selector);
  }
  return selectors;
}

/** The context beside a quote; ours is 32 code units and longer context only slows matching. */
function trimContext(value: string, side: "prefix" | "suffix"): string {
  if (value.length <= QUOTE_CONTEXT_LENGTH) return value;
  let cut = side === "prefix" ? value.slice(-QUOTE_CONTEXT_LENGTH) : value.slice(0, QUOTE_CONTEXT_LENGTH);
  // Never keep half of a surrogate pair.
  if (side === "prefix" && /^[\udc00-\udfff]/.test(cut)) cut = cut.slice(1);
  if (side === "suffix" && /[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

function quoteOf(selectors: Json[]): Pick<IncomingHighlight, "exact" | "prefix" | "suffix" | "start" | "end"> {
  if (selectors.length === 0) throw new ItemProblem("It has no selector, so there is no passage to highlight.");
  const quote = selectors.find((s) => hasType(s, "TextQuoteSelector"));
  if (!quote) throw new ItemProblem("It has no TextQuoteSelector: the quoted passage is needed to find it in the text.");
  if (typeof quote.exact !== "string") throw new ItemProblem("The quote (exact) must be text.");
  if (quote.exact.trim() === "") throw new ItemProblem("The quote (exact) is empty.");
  if (quote.exact.length > MAX_QUOTE_LENGTH) {
    throw new ItemProblem(
      `The quote is ${quote.exact.length.toLocaleString("en")} characters long; a highlight has at most ${MAX_QUOTE_LENGTH.toLocaleString("en")}.`,
    );
  }
  const prefix = optionalString(quote, "prefix", "The prefix") ?? "";
  const suffix = optionalString(quote, "suffix", "The suffix") ?? "";
  const result: ReturnType<typeof quoteOf> = {
    exact: quote.exact,
    prefix: trimContext(prefix, "prefix"),
    suffix: trimContext(suffix, "suffix"),
  };

  const position = selectors.find((s) => hasType(s, "TextPositionSelector"));
  if (position) {
    const { start, end } = position;
    const offset = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
    if (!offset(start) || !offset(end)) throw new ItemProblem("The position (start, end) must be whole numbers from 0.");
    if ((end as number) < (start as number)) throw new ItemProblem("The position ends before it starts.");
    result.start = start as number;
    result.end = end as number;
  }
  return result;
}

function motivationsOf(item: Json): string[] {
  return asArray(item.motivation)
    .filter((m): m is string => typeof m === "string")
    .map((m) => m.replace(/^.*[#/:]/, ""));
}

type Bodies = { comments: string[]; claimReviewed?: string; tags: string[] };

function bodiesOf(item: Json): Bodies {
  const bodies: Bodies = { comments: [], tags: [] };
  const bodyValue = optionalString(item, "bodyValue", "The body (bodyValue)");
  if (bodyValue?.trim()) bodies.comments.push(bodyValue);
  for (const body of asArray(item.body)) {
    if (typeof body === "string") continue; // an IRI of a resource elsewhere: nothing to import
    if (!isObject(body)) throw new ItemProblem("Each body must be an object (a TextualBody).");
    if (body.value === undefined) continue; // a SpecificResource or similar: not text
    if (typeof body.value !== "string") throw new ItemProblem("A body's value must be text.");
    const value = body.value;
    const purposes = asArray(body.purpose).filter((p): p is string => typeof p === "string");
    if (purposes.includes("tagging")) bodies.tags.push(value);
    else if (purposes.includes("assessing") && bodies.claimReviewed === undefined) bodies.claimReviewed = value;
    else if (value.trim()) bodies.comments.push(value);
  }
  return bodies;
}

function tagsOf(item: Json, fromBodies: string[]): string[] {
  const hypothesis = item.tags;
  if (hypothesis !== undefined && hypothesis !== null) {
    if (!Array.isArray(hypothesis) || hypothesis.some((t) => typeof t !== "string")) throw new ItemProblem("The tags must be a list of text.");
  }
  const all = [...fromBodies, ...((hypothesis as string[] | undefined) ?? [])].map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
  // The same tag twice in different case is one tag, spelled as first given.
  const seen = new Set<string>();
  const tags = all.filter((t) => {
    const key = t.toLocaleLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (tags.length > MAX_TAGS) throw new ItemProblem(`It has ${tags.length} tags; a highlight has at most ${MAX_TAGS}.`);
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) throw new ItemProblem(`The tag “${long.slice(0, MAX_TAG_LENGTH)}…” is longer than ${MAX_TAG_LENGTH} characters.`);
  return tags;
}

function creatorOf(item: Json): string | undefined {
  // Hypothesis: user "acct:alice@hypothes.is", the display name beside it.
  if (isObject(item.user_info) && typeof item.user_info.display_name === "string" && item.user_info.display_name.trim()) {
    return item.user_info.display_name.trim();
  }
  if (typeof item.user === "string" && item.user.trim()) return item.user.replace(/^acct:/, "").replace(/@.*$/, "").trim() || undefined;
  const creator = asArray(item.creator)[0];
  if (creator === undefined) return undefined;
  if (typeof creator === "string") return creator.trim() || undefined;
  if (!isObject(creator)) throw new ItemProblem("The creator must be a name or an agent object.");
  for (const key of ["name", "nickname", "id"]) {
    const value = creator[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
}

function createdOf(item: Json): string | undefined {
  const created = optionalString(item, "created", "The creation date");
  if (created === undefined) return undefined;
  const time = Date.parse(created);
  if (Number.isNaN(time)) throw new ItemProblem(`The creation date “${created.slice(0, 40)}” is not a date.`);
  return new Date(time).toISOString();
}

function parseItem(raw: unknown, index: number): IncomingHighlight {
  if (!isObject(raw)) throw new ItemProblem("It is not an annotation object.");
  const quote = quoteOf(selectorsOf(raw));
  const bodies = bodiesOf(raw);
  const hypothesisText = optionalString(raw, "text", "The annotation text");
  if (hypothesisText?.trim()) bodies.comments.push(hypothesisText);
  const body = bodies.comments.join("\n\n");
  if (body.length > MAX_BODY_LENGTH) {
    throw new ItemProblem(`The note is ${body.length.toLocaleString("en")} characters long; notes have at most ${MAX_BODY_LENGTH.toLocaleString("en")}.`);
  }
  const claimReviewed = bodies.claimReviewed?.replace(/\s+/g, " ").trim();
  if (claimReviewed && claimReviewed.length > MAX_CLAIM_REVIEWED_LENGTH) {
    throw new ItemProblem(`The claim reviewed has ${claimReviewed.length} characters; at most ${MAX_CLAIM_REVIEWED_LENGTH}.`);
  }
  const kind = motivationsOf(raw).includes("assessing") || bodies.claimReviewed !== undefined ? "claim" : "note";
  const id = typeof raw.id === "string" ? raw.id : typeof raw["@id"] === "string" ? (raw["@id"] as string) : undefined;
  const creator = creatorOf(raw);
  const created = createdOf(raw);
  return {
    index,
    ...(id ? { id } : {}),
    ...quote,
    kind,
    body,
    ...(kind === "claim" && claimReviewed ? { claimReviewed } : {}),
    tags: tagsOf(raw, bodies.tags),
    ...(creator ? { creator } : {}),
    ...(created ? { created } : {}),
  };
}

/** Reads annotations of any supported shape; each unusable item becomes a problem, the rest import. */
export function parseAnnotations(input: unknown): ParsedAnnotations {
  const found = itemsOf(input);
  if ("problem" in found) return { items: [], problems: [{ index: null, message: found.problem }] };
  const problems: ImportProblem[] = found.note ? [{ index: null, message: found.note }] : [];
  let raw = found.items;
  if (raw.length === 0) problems.push({ index: null, message: "The file holds no annotations." });
  if (raw.length > MAX_IMPORT_ITEMS) {
    problems.push({
      index: null,
      message: `The file holds ${raw.length.toLocaleString("en")} annotations; only the first ${MAX_IMPORT_ITEMS.toLocaleString("en")} were read.`,
    });
    raw = raw.slice(0, MAX_IMPORT_ITEMS);
  }
  const items: IncomingHighlight[] = [];
  raw.forEach((item, index) => {
    try {
      items.push(parseItem(item, index));
    } catch (error) {
      if (!(error instanceof ItemProblem)) throw error;
      problems.push({ index, message: `Annotation ${index + 1}: ${error.message}` });
    }
  });
  return { items, problems };
}

/** parseAnnotations for the text of an uploaded file. */
export function parseAnnotationsJson(json: string): ParsedAnnotations {
  let input: unknown;
  try {
    input = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch {
    return { items: [], problems: [{ index: null, message: "The file is not valid JSON." }] };
  }
  return parseAnnotations(input);
}

// ---------------------------------------------------------------------------------------------
// Placing them on a statement

export type PlacedIncoming = {
  incoming: IncomingHighlight;
  /** UTF-16 offsets into the text, as our highlights store them. */
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
};

export type PlacementResult = { placed: PlacedIncoming[]; orphans: IncomingHighlight[] };

/**
 * Finds each incoming quote in `text` with the anchoring matcher (position, exact, fuzzy: see
 * anchor.ts). Where it stands in the given position, it is taken from there; otherwise it is
 * searched. What cannot be found convincingly is an orphan, listed for the person importing.
 */
export function placeIncoming(text: string, incoming: readonly IncomingHighlight[]): PlacementResult {
  const offsets = createOffsetConverter(text);
  // Statement text is stored NFC; quotes from other tools may be decomposed.
  const nfc = text.normalize("NFC") === text;
  const form = (s: string) => (nfc ? s.normalize("NFC") : s);

  const positioned: HighlightToReanchor[] = [];
  const unpositioned: number[] = [];
  incoming.forEach((item, i) => {
    const selector = { exact: form(item.exact), prefix: form(item.prefix), suffix: form(item.suffix) };
    if (item.start !== undefined && item.end !== undefined && item.end <= offsets.codePointLength) {
      positioned.push({ id: String(i), ...selector, start: offsets.toUtf16Offset(item.start), end: offsets.toUtf16Offset(item.end) });
    } else {
      unpositioned.push(i);
    }
  });

  const anchors = new Map<number, { start: number; end: number; method: AnchorMethod; score: number }>();
  // Together, so highlights found where they were tell how far the text moved around the others.
  for (const p of reanchorAll(text, positioned).placed) anchors.set(Number(p.id), p);
  for (const i of unpositioned) {
    const item = incoming[i]!;
    // No position: -1 matches no stored place; the search then runs over the whole text.
    const anchor = anchorQuote(text, { exact: form(item.exact), prefix: form(item.prefix), suffix: form(item.suffix), start: -1, end: -1 });
    if (anchor) anchors.set(i, anchor);
  }

  const placed: PlacedIncoming[] = [];
  const orphans: IncomingHighlight[] = [];
  incoming.forEach((item, i) => {
    const anchor = anchors.get(i);
    if (anchor) placed.push({ incoming: item, start: anchor.start, end: anchor.end, method: anchor.method, score: anchor.score });
    else orphans.push(item);
  });
  return { placed, orphans };
}
