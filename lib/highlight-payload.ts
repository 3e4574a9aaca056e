// The statement page's highlights as it sends them to the browser. A statement can carry a
// thousand highlights by twenty people; as plain DTOs they were 570 KB of the page, each repeating
// its author, its tags, its quote with 64 characters of context and a date the workbench never
// shows. Packed, each person, tag and claim status is sent once and referred to by index, a placed
// highlight's quote is read back from the text the page sends anyway, and a claim's "claim
// reviewed" is sent only where someone changed it from the one proposed from the quote.
//
// It travels as one JSON text: React's page payload walks every value of a structure (and the
// browser revives each), so ten thousand small values cost far more than their bytes; a string is
// copied as it is. That text is then written into the HTML inside a JavaScript string, where every
// `"` becomes `\"`, and on the server that writing (and the compression after it) costs time by
// the byte. So the text is columnar: a column of numbers is digits and commas, the ids are one
// string, the kinds one character each, and fields most highlights leave empty (a note's body, a
// changed sentence, an assignee, a quote the text does not hold) are listed only where present.
//
// Pure: packed on the server, unpacked in the browser, and `unpack(pack(x, text), text)` gives back
// x minus what is left out (the quote's context and the creation date).
import { MAX_CLAIM_REVIEWED, proposeClaimReviewed } from "./claim-reviewed";
import type { ClaimSummary, HighlightDTO, HighlightKind } from "./server/highlights";

/** A highlight as the workbench uses it: no quote context (prefix, suffix), no creation date. */
export type ShownHighlight = Omit<HighlightDTO, "prefix" | "suffix" | "createdAt">;

/**
 * A service's highlight as the workbench takes it back from an action: the quote's context and the
 * date stay on the server, as in the page's payload — the workbench uses neither, and every highlight
 * made from the keyboard would carry them back.
 */
export function shownHighlight({ prefix: _prefix, suffix: _suffix, createdAt: _createdAt, ...shown }: HighlightDTO): ShownHighlight {
  return shown;
}

type Author = HighlightDTO["author"];
type Tag = ClaimSummary["tags"][number];

/**
 * Ids as one string: each as the number of leading characters it shares with another id (one
 * base-36 digit) and the rest, joined by ID_SEPARATOR — or listed as they are when one contains
 * the separator. Ids made around the same time share their leading time part, and a claim made
 * with its highlight shares most of that highlight's id.
 */
type IdColumn = string | string[];
const ID_SEPARATOR = " ";
const MAX_SHARED = 35;

function sharedPrefix(a: string, b: string): number {
  const most = Math.min(a.length, b.length, MAX_SHARED);
  let n = 0;
  while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** `reference(i)` is the id the i-th is written against. */
function idColumn(ids: readonly string[], reference: (i: number) => string): IdColumn {
  if (ids.some((id) => id.includes(ID_SEPARATOR))) return [...ids];
  return ids
    .map((id, i) => {
      const n = sharedPrefix(id, reference(i));
      return n.toString(36) + id.slice(n);
    })
    .join(ID_SEPARATOR);
}

/** Reads an IdColumn's `at`-th id, given the id it is written against. */
function idColumnReader(column: IdColumn): (at: number, reference: string) => string {
  if (typeof column !== "string") return (at) => column[at]!;
  const tokens = column === "" ? [] : column.split(ID_SEPARATOR);
  return (at, reference) => {
    const token = tokens[at]!;
    return reference.slice(0, parseInt(token[0]!, 36)) + token.slice(1);
  };
}

/** Index, value, index, value…: a column most rows leave empty. */
type Sparse<T> = Array<number | T>;

/** One character per highlight. A claim highlight has its Claim; "x" is a claim without one (the page reads claims defensively). */
const KIND_CODES = { claim: "c", note: "n", claimWithoutClaim: "x" } as const;

/** Highlights, column by column, in the order given. */
export type PackedSection = {
  ids: IdColumn;
  /** Each start as the difference from the one before (the first from 0): text order makes them small. */
  start: number[];
  /** end − start. */
  length: number[];
  kind: string;
  /** Index into `people`. */
  author: number[];
  body: Sparse<string>;
  /** Where the quote is not the text at start..end: always for an orphan (its offsets are in an older revision). */
  exact: Sparse<string>;
  /** One entry per "c" in `kind`, in the same order. */
  claims: {
    ids: IdColumn;
    /** Index into `statuses`. */
    status: number[];
    /** Only where it is not the sentence proposed from the quote. */
    claimReviewed: Sparse<string>;
    /** Claim index, then an index into `people`. */
    assignee: Sparse<number>;
    /** One tag's index, or a list of them (none or several). */
    tags: Array<number | number[]>;
  };
};

export type PackedHighlights = {
  /** [id, name, desk colour]; a person who is only ever an assignee has no colour (""). */
  people: Array<[id: string, name: string, color: string]>;
  tags: Array<[id: string, name: string, color: string]>;
  statuses: string[];
  placed: PackedSection;
  orphans: PackedSection;
};

/** Printable ASCII words separated by single spaces: a quote that is already its own proposal. */
const ONE_PLAIN_LINE = /^(?:[!-~]+ )*[!-~]+$/;

/**
 * proposeClaimReviewed, without normalising the common quote that needs none: both ends of the
 * payload propose every claim's sentence, a thousand times on a busy statement.
 */
export function proposalFor(quote: string): string {
  return quote.length <= MAX_CLAIM_REVIEWED && ONE_PLAIN_LINE.test(quote) ? quote : proposeClaimReviewed(quote);
}

/** PackedHighlights as JSON text, as the page sends it. */
export type HighlightPayload = string & { readonly __packedHighlights: true };

type Packable = Pick<HighlightDTO, "id" | "start" | "end" | "exact" | "kind" | "body" | "author" | "claim">;

/** Packs the page's highlights (placed ones on `text`, the current revision) and its orphans. */
export function packHighlights(input: { highlights: readonly Packable[]; orphans: readonly Packable[] }, text: string): HighlightPayload {
  return JSON.stringify(packedHighlights(input, text)) as HighlightPayload;
}

export function packedHighlights(input: { highlights: readonly Packable[]; orphans: readonly Packable[] }, text: string): PackedHighlights {
  const people: PackedHighlights["people"] = [];
  const tags: PackedHighlights["tags"] = [];
  const statuses: string[] = [];
  const personAt = new Map<string, number>();
  const tagAt = new Map<string, number>();
  const statusAt = new Map<string, number>();
  const person = (p: { id: string; name: string; color?: string }) => {
    let at = personAt.get(p.id);
    if (at === undefined) personAt.set(p.id, (at = people.push([p.id, p.name, p.color ?? ""]) - 1));
    else if (p.color && !people[at]![2]) people[at]![2] = p.color; // seen first as an assignee
    return at;
  };
  const tag = (t: Tag) => {
    let at = tagAt.get(t.id);
    if (at === undefined) tagAt.set(t.id, (at = tags.push([t.id, t.name, t.color]) - 1));
    return at;
  };
  const status = (s: string) => {
    let at = statusAt.get(s);
    if (at === undefined) statusAt.set(s, (at = statuses.push(s) - 1));
    return at;
  };

  const section = (list: readonly Packable[], placed: boolean): PackedSection => {
    const ids: string[] = [];
    const claimIds: string[] = [];
    const claimOwners: string[] = [];
    const out: PackedSection = {
      ids: "",
      start: [],
      length: [],
      kind: "",
      author: [],
      body: [],
      exact: [],
      claims: { ids: "", status: [], claimReviewed: [], assignee: [], tags: [] },
    };
    const c = out.claims;
    let kinds = "";
    let previousStart = 0;
    list.forEach((h, i) => {
      ids.push(h.id);
      out.start.push(h.start - previousStart);
      previousStart = h.start;
      out.length.push(h.end - h.start);
      out.author.push(person(h.author));
      if (h.body) out.body.push(i, h.body);
      // Compared in place: a thousand quotes sliced out of the text only to be compared were a
      // thousand strings for the collector.
      if (!placed || h.exact.length !== h.end - h.start || !text.startsWith(h.exact, h.start)) out.exact.push(i, h.exact);
      if (!h.claim) {
        kinds += h.kind === "claim" ? KIND_CODES.claimWithoutClaim : KIND_CODES.note;
        return;
      }
      kinds += KIND_CODES.claim;
      const at = claimIds.push(h.claim.id) - 1;
      claimOwners.push(h.id);
      c.status.push(status(h.claim.status));
      if (h.claim.claimReviewed !== proposalFor(h.exact)) c.claimReviewed.push(at, h.claim.claimReviewed);
      if (h.claim.assignee) c.assignee.push(at, person(h.claim.assignee));
      const tagIndexes = h.claim.tags.map(tag);
      c.tags.push(tagIndexes.length === 1 ? tagIndexes[0]! : tagIndexes);
    });
    out.ids = idColumn(ids, (i) => ids[i - 1] ?? "");
    out.kind = kinds;
    c.ids = idColumn(claimIds, (i) => claimOwners[i]!);
    return out;
  };

  const placed = section(input.highlights, true);
  const orphans = section(input.orphans, false);
  return { people, tags, statuses, placed, orphans };
}

function sparse<T>(pairs: Sparse<T>): Map<number, T> {
  const map = new Map<number, T>();
  for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i] as number, pairs[i + 1] as T);
  return map;
}

/**
 * The payload read once. The page shows a preview first and unpacks the whole payload a render
 * later; both can start from the same parse.
 */
export function readPayload(payload: HighlightPayload | PackedHighlights): PackedHighlights {
  return typeof payload === "string" ? (JSON.parse(payload) as PackedHighlights) : payload;
}

/** The page's highlights back from the payload; people and tags are shared objects. */
export function unpackHighlights(packed: HighlightPayload | PackedHighlights, text: string): { highlights: ShownHighlight[]; orphans: ShownHighlight[] } {
  const { section, payload } = unpacker(readPayload(packed), text);
  return { highlights: section(payload.placed, false), orphans: section(payload.orphans, true) };
}

/** What the page shows of its highlights before it has them all: see previewHighlights. */
export type HighlightPreview = {
  /** The first placed highlights in text order (start, then the longer first, then id). */
  highlights: ShownHighlight[];
  orphans: ShownHighlight[];
  /** All placed highlights, by kind. */
  claims: number;
  notes: number;
  /** Everyone who made a placed or orphaned highlight, by name. */
  people: Author[];
};

/**
 * The first `rows` placed highlights in text order, every orphan, and counts and people over all
 * of them — without making a highlight of each of a thousand: what the page's first screen (the
 * server's HTML and the render that hydrates it) shows of a busy statement. Each highlight
 * otherwise costs its quote, its proposed sentence, its claim and its tags.
 */
export function previewHighlights(packed: HighlightPayload | PackedHighlights, text: string, rows: number): HighlightPreview {
  const { section, highlight, payload, authorOf } = unpacker(readPayload(packed), text);
  const placed = payload.placed;
  // One pass over the positions and ids (numbers and short strings) keeps the first rows so far,
  // in order; only those become highlights.
  type Row = { i: number; id: string; start: number; end: number; claimAt: number };
  const before = (a: Row, start: number, end: number, id: string) => a.start - start || end - a.end || (a.id < id ? -1 : 1);
  const first: Row[] = [];
  const count = placed.kind.length;
  const idAt = idColumnReader(placed.ids);
  let notes = 0;
  let claimAt = 0;
  let start = 0;
  let id = "";
  for (let i = 0; i < count; i++) {
    id = idAt(i, id);
    start += placed.start[i]!;
    const end = start + placed.length[i]!;
    const code = placed.kind[i];
    if (code === KIND_CODES.note) notes++;
    const row = { i, id, start, end, claimAt };
    if (code === KIND_CODES.claim) claimAt++;
    if (rows === 0 || (first.length === rows && before(first[rows - 1]!, start, end, id) < 0)) continue;
    let at = first.length;
    while (at > 0 && before(first[at - 1]!, start, end, id) > 0) at--;
    first.splice(at, 0, row);
    if (first.length > rows) first.pop();
  }
  const claimIdAt = idColumnReader(placed.claims.ids);
  const lookups = sectionLookups(placed);
  const highlights = first.map((r) => highlight(placed, lookups, false, r.i, r.id, r.start, r.end, r.claimAt, claimIdAt));
  const people = [...new Set([...placed.author, ...payload.orphans.author])].map(authorOf).sort((a, b) => a.name.localeCompare(b.name));
  return { highlights, orphans: section(payload.orphans, true), claims: count - notes, notes, people };
}

function sectionLookups(s: PackedSection) {
  return { bodies: sparse(s.body), quotes: sparse(s.exact), sentences: sparse(s.claims.claimReviewed), assigned: sparse(s.claims.assignee) };
}

function unpacker(payload: PackedHighlights, text: string) {
  const authors: Author[] = [];
  const assignees: Array<{ id: string; name: string }> = [];
  const authorOf = (i: number) => (authors[i] ??= { id: payload.people[i]![0], name: payload.people[i]![1], color: payload.people[i]![2] });
  const assigneeOf = (i: number) => (assignees[i] ??= { id: payload.people[i]![0], name: payload.people[i]![1] });
  const tags: Tag[] = payload.tags.map(([id, name, color]) => ({ id, name, color }));

  /** The i-th highlight of a section; `claimAt` is its claim's index, if it has one. */
  const highlight = (
    s: PackedSection,
    lookups: ReturnType<typeof sectionLookups>,
    orphaned: boolean,
    i: number,
    id: string,
    start: number,
    end: number,
    claimAt: number,
    claimIdAt: (at: number, reference: string) => string,
  ): ShownHighlight => {
    const exact = lookups.quotes.get(i) ?? text.slice(start, end);
    const code = s.kind[i];
    let claim: ClaimSummary | null = null;
    if (code === KIND_CODES.claim) {
      const assignee = lookups.assigned.get(claimAt);
      const tagIndexes = s.claims.tags[claimAt]!;
      claim = {
        id: claimIdAt(claimAt, id),
        claimReviewed: lookups.sentences.get(claimAt) ?? proposalFor(exact),
        status: payload.statuses[s.claims.status[claimAt]!]!,
        assignee: assignee === undefined ? null : assigneeOf(assignee),
        tags: typeof tagIndexes === "number" ? [tags[tagIndexes]!] : tagIndexes.map((t) => tags[t]!),
      };
    }
    return {
      id,
      start,
      end,
      exact,
      kind: (code === KIND_CODES.note ? "note" : "claim") satisfies HighlightKind,
      body: lookups.bodies.get(i) ?? "",
      orphaned,
      author: authorOf(s.author[i]!),
      claim,
    };
  };

  const section = (s: PackedSection, orphaned: boolean): ShownHighlight[] => {
    const count = s.kind.length;
    const idAt = idColumnReader(s.ids);
    const claimIdAt = idColumnReader(s.claims.ids);
    const lookups = sectionLookups(s);
    const out: ShownHighlight[] = new Array(count);
    let start = 0;
    let claimAt = 0;
    let id = "";
    for (let i = 0; i < count; i++) {
      id = idAt(i, id);
      start += s.start[i]!;
      out[i] = highlight(s, lookups, orphaned, i, id, start, start + s.length[i]!, claimAt, claimIdAt);
      if (s.kind[i] === KIND_CODES.claim) claimAt++;
    }
    return out;
  };
  return { section, highlight, payload, authorOf };
}
