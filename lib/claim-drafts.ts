// Unsaved edits of the workbench's claim editor, one draft per highlight, so typing survives the
// editor closing (another highlight opened, Esc, a correction orphaning the claim) and a reload.
//
// A draft keeps the values it started from (`base`) beside the typed ones, so a change someone
// else saves meanwhile is merged like three-way text: a field only they changed takes theirs, a
// field only this reader changed keeps the typing, and a field both changed differently is a
// conflict the reader settles — never silently overwritten by a save.
//
// A draft whose highlight someone deletes is not dropped with it: it is marked deleted and kept,
// read-only, until the reader copies what they typed and discards it (also across a reload).
//
// Pure decisions plus a small store (no React, no DOM): the store is handed a Storage-like object
// (localStorage in the browser) and notifies subscribers per highlight.

/** The editable fields of a highlight: its claim's (if any) and a note's body. Tag ids are sorted. */
export type DraftValues = {
  claimReviewed: string;
  status: string;
  assigneeId: string;
  tagIds: string[];
  body: string;
};
export type DraftField = keyof DraftValues;
export const DRAFT_FIELDS: readonly DraftField[] = ["claimReviewed", "status", "assigneeId", "tagIds", "body"];

export type ClaimDraft = {
  highlightId: string;
  /** What the server held when the typing started (or when the reader last chose to keep theirs). */
  base: DraftValues;
  values: DraftValues;
  /** Last change, ms since the epoch. */
  at: number;
  /** Set once the highlight was deleted: the draft is only kept to be copied, then discarded. */
  deleted?: DeletedHighlight;
};

/** What a kept draft says of the highlight it belonged to. */
export type DeletedHighlight = {
  /** Who deleted it, as the page heard it; null when the page found it gone (on opening, or after missing the news). */
  by: { id: string; name: string } | null;
  kind: "claim" | "note" | null;
  /** The quoted passage, when known. */
  exact: string | null;
  /** When the page learnt of it, ms since the epoch. */
  at: number;
};

export const DRAFT_FIELD_LABELS: Record<DraftField, string> = { claimReviewed: "Claim reviewed", status: "Status", assigneeId: "Assignee", tagIds: "Tags", body: "Note" };

/** The fields of a highlight as the page has them (ShownHighlight and WorkbenchHighlight fit). */
export type EditableHighlight = {
  body: string;
  claim: { claimReviewed: string; status: string; assignee: { id: string } | null; tags: ReadonlyArray<{ id: string }> } | null;
};

export function valuesOf(h: EditableHighlight): DraftValues {
  return {
    claimReviewed: h.claim?.claimReviewed ?? "",
    status: h.claim?.status ?? "",
    assigneeId: h.claim?.assignee?.id ?? "",
    tagIds: sortedIds(h.claim?.tags.map((t) => t.id) ?? []),
    body: h.body,
  };
}

export function sortedIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function sameField(a: DraftValues, b: DraftValues, field: DraftField): boolean {
  if (field === "tagIds") return a.tagIds.length === b.tagIds.length && a.tagIds.every((id) => b.tagIds.includes(id));
  return a[field] === b[field];
}

export function sameValues(a: DraftValues, b: DraftValues): boolean {
  return DRAFT_FIELDS.every((f) => sameField(a, b, f));
}

function withField(target: DraftValues, source: DraftValues, field: DraftField): DraftValues {
  return field === "tagIds" ? { ...target, tagIds: source.tagIds } : { ...target, [field]: source[field] };
}

export type ResolvedDraft = {
  /** What the editor shows: the typing, with what others changed in fields this reader left alone. */
  values: DraftValues;
  /** Fields both this reader and someone else changed, differently: the reader chooses. */
  conflicts: DraftField[];
  /** False when the draft holds nothing the server does not (e.g. the other person made the same change). */
  unsaved: boolean;
};

/** The draft against what the server holds now (`current`). */
export function resolveDraft(draft: ClaimDraft, current: DraftValues): ResolvedDraft {
  let values = draft.values;
  const conflicts: DraftField[] = [];
  for (const f of DRAFT_FIELDS) {
    if (sameField(draft.base, current, f)) continue; // nobody else touched it
    if (sameField(draft.values, draft.base, f)) values = withField(values, current, f); // only they did
    else if (!sameField(draft.values, current, f)) conflicts.push(f); // both did, differently
  }
  return { values, conflicts, unsaved: !sameValues(values, current) };
}

/** The draft after the reader typed `values` (the whole form) over `current`; null once nothing is unsaved. */
export function editDraft(draft: ClaimDraft | undefined, highlightId: string, current: DraftValues, values: DraftValues, at: number): ClaimDraft | null {
  const next = { ...values, tagIds: sortedIds(values.tagIds) };
  if (sameValues(next, current)) return null;
  return { highlightId, base: draft?.base ?? current, values: next, at };
}

/** "Keep mine": the shown values stay, as if typed over what the server holds now. */
export function keepMine(draft: ClaimDraft, current: DraftValues, at: number): ClaimDraft | null {
  return editDraft(undefined, draft.highlightId, current, resolveDraft(draft, current).values, at);
}

/** "Use theirs" for the conflicting fields; the rest of the typing stays. */
export function takeTheirs(draft: ClaimDraft, current: DraftValues, at: number): ClaimDraft | null {
  const { values, conflicts } = resolveDraft(draft, current);
  const taken = conflicts.reduce((v, f) => withField(v, current, f), values);
  return editDraft(undefined, draft.highlightId, current, taken, at);
}

/**
 * After a save of `submitted` came back as `saved` (as stored: trimmed, normalised, with whatever
 * else changed meanwhile): fields still as submitted are done; typing that came after the save
 * started stays a draft over `saved`.
 */
export function settleDraft(draft: ClaimDraft | undefined, submitted: DraftValues, saved: DraftValues, at: number): ClaimDraft | null {
  if (!draft) return null;
  const left = DRAFT_FIELDS.reduce((v, f) => (sameField(draft.values, submitted, f) ? withField(v, saved, f) : v), draft.values);
  return editDraft(undefined, draft.highlightId, saved, left, at);
}

/** The changes a claim save sends: the fields that differ from what the server holds. */
export function claimChanges(values: DraftValues, current: DraftValues): { claimReviewed?: string; status?: string; assigneeId?: string | null; tagIds?: string[] } {
  const changes: { claimReviewed?: string; status?: string; assigneeId?: string | null; tagIds?: string[] } = {};
  if (!sameField(values, current, "claimReviewed")) changes.claimReviewed = values.claimReviewed;
  if (!sameField(values, current, "status")) changes.status = values.status;
  if (!sameField(values, current, "assigneeId")) changes.assigneeId = values.assigneeId || null;
  if (!sameField(values, current, "tagIds")) changes.tagIds = values.tagIds;
  return changes;
}

/** The form's values once `changes` (claimChanges' shape, or a note's body) were applied to `current`. */
export function applyChanges(current: DraftValues, changes: { claimReviewed?: string; status?: string; assigneeId?: string | null; tagIds?: string[]; body?: string }): DraftValues {
  return {
    claimReviewed: changes.claimReviewed ?? current.claimReviewed,
    status: changes.status ?? current.status,
    assigneeId: changes.assigneeId === undefined ? current.assigneeId : (changes.assigneeId ?? ""),
    tagIds: changes.tagIds ? sortedIds(changes.tagIds) : current.tagIds,
    body: changes.body ?? current.body,
  };
}

/** The fields the reader changed and has not saved: what a kept draft shows. */
export function typedFields(draft: ClaimDraft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !sameField(draft.values, draft.base, f));
}

/**
 * The draft of a highlight that was just deleted, kept for the reader: their typing over what the
 * server last held (`current`, when the page still had it), or null when nothing was unsaved.
 * Marking a kept draft again keeps it, learning who deleted it if it did not know.
 */
export function keepDeleted(draft: ClaimDraft | undefined, current: DraftValues | undefined, deleted: DeletedHighlight): ClaimDraft | null {
  if (!draft) return null;
  if (draft.deleted) return draft.deleted.by || !deleted.by ? draft : { ...draft, deleted: { ...draft.deleted, by: deleted.by } };
  const values = current ? resolveDraft(draft, current).values : draft.values;
  const base = current ?? draft.base;
  if (sameValues(values, base)) return null;
  return { highlightId: draft.highlightId, base, values, at: draft.at, deleted };
}

/** What "Copy my text" copies: one field's text as it is, several as labelled paragraphs. */
export function clipboardText(fields: ReadonlyArray<{ label: string; text: string }>): string {
  if (fields.length === 1) return fields[0]!.text;
  return fields.map((f) => `${f.label}: ${f.text}`).join("\n\n");
}

// ---- keeping drafts in the browser ---------------------------------------------------------------

/**
 * Keys are `factdesk:claim-draft:<user>:<workspace>:<statement>:<highlight>`; ids never contain ":"
 * (cuid/uuid). Per person: on a desk's shared computer, the next person signed in in the same
 * browser must not be shown (or handed back as theirs) someone else's unsaved typing.
 */
export function draftKeyPrefix(userId: string, workspaceId: string, statementId: string): string {
  return `factdesk:claim-draft:${userId}:${workspaceId}:${statementId}:`;
}

function isValues(v: unknown): v is DraftValues {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.claimReviewed === "string" &&
    typeof o.status === "string" &&
    typeof o.assigneeId === "string" &&
    typeof o.body === "string" &&
    Array.isArray(o.tagIds) &&
    o.tagIds.every((t) => typeof t === "string")
  );
}

function isPerson(v: unknown): v is { id: string; name: string } {
  return Boolean(v) && typeof v === "object" && typeof (v as Record<string, unknown>).id === "string" && typeof (v as Record<string, unknown>).name === "string";
}

function isDeleted(v: unknown): v is DeletedHighlight {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    (o.by === null || isPerson(o.by)) &&
    (o.kind === null || o.kind === "claim" || o.kind === "note") &&
    (o.exact === null || typeof o.exact === "string") &&
    typeof o.at === "number"
  );
}

/** A stored draft, or null for anything else (another version's shape, a hand-edited value). */
export function parseStoredDraft(text: string | null, highlightId: string): ClaimDraft | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object") return null;
  const o = data as Record<string, unknown>;
  if (o.highlightId !== highlightId || !isValues(o.base) || !isValues(o.values) || typeof o.at !== "number") return null;
  if (o.deleted !== undefined && !isDeleted(o.deleted)) return null;
  const draft: ClaimDraft = { highlightId, base: { ...o.base, tagIds: sortedIds(o.base.tagIds) }, values: { ...o.values, tagIds: sortedIds(o.values.tagIds) }, at: o.at };
  if (o.deleted) draft.deleted = { by: o.deleted.by && { id: o.deleted.by.id, name: o.deleted.by.name }, kind: o.deleted.kind, exact: o.deleted.exact, at: o.deleted.at };
  return draft;
}

export type DraftStorage = Pick<Storage, "length" | "key" | "getItem" | "setItem" | "removeItem">;

/**
 * The drafts of one statement's page. Lives as long as the page; mirrors every change into
 * storage (when it has one) so a reload or a crash offers the typing back.
 */
export class ClaimDraftStore {
  private drafts = new Map<string, ClaimDraft>();
  private listeners = new Map<string, Set<() => void>>();
  private everyone = new Set<() => void>();
  private storage: DraftStorage | null = null;
  private keptList: ClaimDraft[] = [];
  private keptStale = false;

  constructor(private readonly prefix: string) {}

  get(highlightId: string): ClaimDraft | undefined {
    return this.drafts.get(highlightId);
  }

  /** The drafts of deleted highlights, oldest news first; the same array until one changes. */
  kept(): ClaimDraft[] {
    if (!this.keptStale) return this.keptList;
    this.keptStale = false;
    const next = [...this.drafts.values()].filter((d) => d.deleted).sort((a, b) => a.deleted!.at - b.deleted!.at);
    // Typing in an editor changes no kept draft: the list keeps its identity, and its readers their render.
    if (next.length !== this.keptList.length || next.some((d, i) => d !== this.keptList[i])) this.keptList = next;
    return this.keptList;
  }

  /** Calls `listener` when the draft of `highlightId` changes (or any draft, without an id). */
  subscribe(listener: () => void, highlightId?: string): () => void {
    const set = highlightId === undefined ? this.everyone : (this.listeners.get(highlightId) ?? new Set());
    if (highlightId !== undefined) this.listeners.set(highlightId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (highlightId !== undefined && set.size === 0) this.listeners.delete(highlightId);
    };
  }

  /**
   * Takes up the drafts kept in `storage` for this statement. Drafts with nothing unsaved are
   * dropped; drafts of highlights no longer there (deleted while the page was closed) are kept as
   * deleted, to be copied. `currentOf` gives what the server holds for a highlight of the page
   * (placed or orphaned).
   */
  restore(storage: DraftStorage | null, currentOf: (highlightId: string) => DraftValues | undefined, at = Date.now()): void {
    this.storage = storage;
    if (!storage) return;
    const found: ClaimDraft[] = [];
    const revived: ClaimDraft[] = [];
    const gone: ClaimDraft[] = [];
    try {
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (!key?.startsWith(this.prefix)) continue;
        const id = key.slice(this.prefix.length);
        if (this.drafts.has(id)) continue;
        const draft = parseStoredDraft(storage.getItem(key), id);
        const current = currentOf(id);
        if (!draft) storage.removeItem(key);
        else if (current) {
          // A highlight the page has is not deleted, whatever was heard: an ordinary draft again.
          const { deleted, ...ordinary } = draft;
          if (!resolveDraft(ordinary, current).unsaved) storage.removeItem(key);
          else if (deleted) revived.push(ordinary);
          else found.push(ordinary);
        } else if (!typedFields(draft).length) storage.removeItem(key);
        else if (draft.deleted) found.push(draft);
        else gone.push(draft);
      }
    } catch {
      // Storage may be off (private mode) or full: drafts still live while the page is open.
    }
    for (const draft of found) this.put(draft.highlightId, draft);
    for (const draft of revived) this.set(draft.highlightId, draft);
    for (const draft of gone) this.set(draft.highlightId, keepDeleted(draft, undefined, { by: null, kind: null, exact: null, at }));
  }

  /**
   * The highlight was deleted: its draft (if it holds anything unsaved over `current`, what the
   * page last had) is kept, marked deleted; otherwise dropped.
   */
  markDeleted(highlightId: string, current: DraftValues | undefined, deleted: DeletedHighlight): void {
    const draft = this.get(highlightId);
    if (draft) this.set(highlightId, keepDeleted(draft, current, deleted));
  }

  /** Marks deleted the drafts of highlights the page no longer has (its data re-read after missed news). */
  markMissing(isPresent: (highlightId: string) => boolean, at = Date.now()): void {
    for (const draft of [...this.drafts.values()]) {
      if (!draft.deleted && !isPresent(draft.highlightId)) this.markDeleted(draft.highlightId, undefined, { by: null, kind: null, exact: null, at });
    }
  }

  /** Sets (or with null, drops) the draft of a highlight. */
  set(highlightId: string, draft: ClaimDraft | null): void {
    if (!draft && !this.drafts.has(highlightId)) return;
    if (draft) this.put(highlightId, draft);
    else {
      this.drafts.delete(highlightId);
      this.notify(highlightId);
    }
    try {
      if (draft) this.storage?.setItem(this.prefix + highlightId, JSON.stringify(draft));
      else this.storage?.removeItem(this.prefix + highlightId);
    } catch {
      // Storage full or off: the draft is still kept while the page is open.
    }
  }

  /** The reader typed: `values` is the whole form over `current`. */
  edit(highlightId: string, current: DraftValues, values: DraftValues, at = Date.now()): void {
    this.set(highlightId, editDraft(this.get(highlightId), highlightId, current, values, at));
  }

  /** A save of `submitted` succeeded and the server now holds `saved`. */
  settle(highlightId: string, submitted: DraftValues, saved: DraftValues, at = Date.now()): void {
    if (!this.drafts.has(highlightId)) return;
    this.set(highlightId, settleDraft(this.get(highlightId), submitted, saved, at));
  }

  discard(highlightId: string): void {
    this.set(highlightId, null);
  }

  /**
   * Another tab of this browser changed the stored drafts (a `storage` event): take its change in,
   * without writing it back. Keys of other statements are not this store's.
   */
  takeStored(key: string | null, text: string | null): void {
    if (!this.storage || !key?.startsWith(this.prefix)) return;
    const id = key.slice(this.prefix.length);
    const draft = text === null ? null : parseStoredDraft(text, id);
    // Each page marks a draft deleted when it hears so itself: another tab's page, opened on data
    // read before this one made the highlight, may take it for deleted when it is not.
    if (draft?.deleted && this.drafts.has(id) && !this.drafts.get(id)!.deleted) return;
    if (draft) this.put(id, draft);
    else if (text === null && this.drafts.has(id)) {
      this.drafts.delete(id);
      this.notify(id);
    }
  }

  private put(highlightId: string, draft: ClaimDraft) {
    this.drafts.set(highlightId, draft);
    this.notify(highlightId);
  }

  private notify(highlightId: string) {
    this.keptStale = true;
    for (const listener of [...(this.listeners.get(highlightId) ?? []), ...this.everyone]) listener();
  }
}
