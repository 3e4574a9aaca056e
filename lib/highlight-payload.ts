// The statement page's highlights as it sends them to the browser. A statement can carry a
// thousand highlights by twenty people; as plain DTOs they were 570 KB of the page, each repeating
// its author, its tags, its quote with 64 characters of context and a date the workbench never
// shows. Packed, each person and tag is sent once and referred to by index, a placed highlight's
// quote is read back from the text the page sends anyway, and a claim's "claim reviewed" is sent
// only where someone changed it from the one proposed from the quote. And it travels as one JSON
// text: React's page payload walks every value of a structure (and the browser revives each), so
// ten thousand small values cost far more than their bytes; a string is copied as it is. Pure:
// packed on the server, unpacked in the browser, and `unpack(pack(x, text), text)` gives back x
// minus what is left out.
import { proposeClaimReviewed } from "./claim-reviewed";
import type { ClaimSummary, HighlightDTO, HighlightKind } from "./server/highlights";

/** A highlight as the workbench uses it: no quote context (prefix, suffix), no creation date. */
export type ShownHighlight = Omit<HighlightDTO, "prefix" | "suffix" | "createdAt">;

type Person = HighlightDTO["author"];
type Tag = ClaimSummary["tags"][number];

/** `claimReviewed` is null while it is the sentence proposed from the quote. */
export type PackedClaim = [id: string, claimReviewed: string | null, status: string, assignee: [id: string, name: string] | null, tags: number[]];

/** `author` indexes `people`; `exact` is there only when it is not the text at start..end. */
export type PackedHighlight = [id: string, start: number, end: number, kind: HighlightKind, author: number, body: string, claim: PackedClaim | null, exact?: string];

export type PackedHighlights = {
  people: Person[];
  tags: Tag[];
  highlights: PackedHighlight[];
  /** An orphan's offsets are in an older revision, so its quote always comes along. */
  orphans: PackedHighlight[];
};

/** PackedHighlights as JSON text, as the page sends it. */
export type HighlightPayload = string & { readonly __packedHighlights: true };

type Packable = Pick<HighlightDTO, "id" | "start" | "end" | "exact" | "kind" | "body" | "author" | "claim">;

/** Packs the page's highlights (placed ones on `text`, the current revision) and its orphans. */
export function packHighlights(input: { highlights: readonly Packable[]; orphans: readonly Packable[] }, text: string): HighlightPayload {
  return JSON.stringify(packedHighlights(input, text)) as HighlightPayload;
}

export function packedHighlights(input: { highlights: readonly Packable[]; orphans: readonly Packable[] }, text: string): PackedHighlights {
  const people: Person[] = [];
  const tags: Tag[] = [];
  const personIndex = new Map<string, number>();
  const tagIndex = new Map<string, number>();
  const indexOf = <T extends { id: string }>(list: T[], index: Map<string, number>, item: T) => {
    let at = index.get(item.id);
    if (at === undefined) index.set(item.id, (at = list.push(item) - 1));
    return at;
  };
  const pack = (h: Packable, placed: boolean): PackedHighlight => {
    const quoteInText = placed && text.slice(h.start, h.end) === h.exact;
    const claim: PackedClaim | null = h.claim
      ? [
          h.claim.id,
          h.claim.claimReviewed === proposeClaimReviewed(h.exact) ? null : h.claim.claimReviewed,
          h.claim.status,
          h.claim.assignee ? [h.claim.assignee.id, h.claim.assignee.name] : null,
          h.claim.tags.map((t) => indexOf(tags, tagIndex, t)),
        ]
      : null;
    const row: PackedHighlight = [h.id, h.start, h.end, h.kind, indexOf(people, personIndex, h.author), h.body, claim];
    if (!quoteInText) row.push(h.exact);
    return row;
  };
  return {
    people,
    tags,
    highlights: input.highlights.map((h) => pack(h, true)),
    orphans: input.orphans.map((h) => pack(h, false)),
  };
}

/** The page's highlights back from the payload; people and tags are shared objects. */
export function unpackHighlights(json: HighlightPayload, text: string): { highlights: ShownHighlight[]; orphans: ShownHighlight[] } {
  const payload = JSON.parse(json) as PackedHighlights;
  const unpack = ([id, start, end, kind, author, body, claim, exact]: PackedHighlight, orphaned: boolean): ShownHighlight => {
    const quote = exact ?? text.slice(start, end);
    return {
      id,
      start,
      end,
      exact: quote,
      kind,
      body,
      orphaned,
      author: payload.people[author]!,
      claim: claim
        ? {
            id: claim[0],
            claimReviewed: claim[1] ?? proposeClaimReviewed(quote),
            status: claim[2],
            assignee: claim[3] ? { id: claim[3][0], name: claim[3][1] } : null,
            tags: claim[4].map((t) => payload.tags[t]!),
          }
        : null,
    };
  };
  return {
    highlights: payload.highlights.map((h) => unpack(h, false)),
    orphans: payload.orphans.map((h) => unpack(h, true)),
  };
}
