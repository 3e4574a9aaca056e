// The activity log in words: "Chris Checker updated the claim “…”" and what changed, readably
// ("status: to check → researching"). Pure: the service resolves the ids an event names (claims,
// statements, people, tags, rating levels) within the workspace and passes them in; the page turns
// references into links. Actions this module does not know yet get a plain, generic sentence and
// their data listed as it is, so a new kind of event is never hidden from the log.

export type ActivityRef =
  | { kind: "claim"; id: string }
  | { kind: "statement"; id: string }
  | { kind: "comment"; claimId: string; commentId: string }
  | { kind: "tags" }
  | { kind: "members" }
  | { kind: "settings" }
  | { kind: "rating-scale" };

/** A piece of the sentence after the actor's name: plain text, or text that links somewhere. */
export type PhrasePart = string | { text: string; ref: ActivityRef | null; quoted?: boolean };

/** One line of "what changed": a before → after pair, or a single value. */
export type PhraseDetail = { label: string; from?: string; to?: string; value?: string };

export type Phrase = { parts: PhrasePart[]; details: PhraseDetail[] };

export type ActivityEventInput = {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  data: Record<string, unknown>;
};

/** Names of what events refer to, as they are now; a missing entry means deleted or unknown. */
export type ActivityRefs = {
  claims: ReadonlyMap<string, { claimReviewed: string }>;
  statements: ReadonlyMap<string, { title: string }>;
  users: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
  levels: ReadonlyMap<string, string>;
};

export const emptyRefs = (): ActivityRefs => ({ claims: new Map(), statements: new Map(), users: new Map(), tags: new Map(), levels: new Map() });

const CLAIM_STATUS_WORDS: Record<string, string> = { to_check: "to check", researching: "researching", in_review: "in review", checked: "checked" };
const VERDICT_STATUS_WORDS: Record<string, string> = {
  draft: "draft",
  in_review: "in review",
  changes_requested: "changes requested",
  approved: "approved",
  published: "published",
  withdrawn: "withdrawn",
};
const STANCE_WORDS: Record<string, string> = { supports: "supports the claim", refutes: "refutes the claim", context: "context" };
const ROLE_WORDS: Record<string, string> = { viewer: "viewer", checker: "checker", editor: "editor", admin: "admin" };

const ENTITY_WORDS: Record<string, string> = {
  statement: "statement",
  highlight: "highlight",
  claim: "claim",
  tag: "tag",
  membership: "membership",
  invite: "invite",
  workspace: "workspace",
  comment: "comment",
  source: "source",
  verdict: "verdict",
  rating_scale: "rating scale",
  rating_level: "rating level",
  api_token: "API token",
};

/** Labels for the log's filter: "Claim updated", "Verdict: changes requested". */
const ACTION_LABELS: Record<string, string> = {
  "statement.imported": "Statement imported",
  "statement.corrected": "Statement text corrected",
  "highlight.created": "Highlight created",
  "highlight.updated": "Highlight changed",
  "highlight.deleted": "Highlight deleted",
  "highlight.reattached": "Orphan re-attached",
  "claim.updated": "Claim updated",
  "tag.created": "Tag created",
  "tag.renamed": "Tag renamed",
  "tag.recolored": "Tag recoloured",
  "tag.retired": "Tag retired",
  "tag.restored": "Tag restored",
  "tag.merged": "Tags merged",
  "member.added": "Member added",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "invite.created": "Invite created",
  "invite.accepted": "Invite accepted",
  "invite.revoked": "Invite revoked",
  "workspace.created": "Workspace created",
  "workspace.settings_updated": "Settings changed",
  "comment.created": "Comment posted",
  "comment.edited": "Comment edited",
  "comment.deleted": "Comment deleted",
  "source.added": "Source added",
  "source.updated": "Source updated",
  "source.removed": "Source removed",
  "verdict.drafted": "Verdict started",
  "verdict.draft_saved": "Verdict draft saved",
  "verdict.submitted": "Verdict submitted",
  "verdict.approved": "Verdict approved",
  "verdict.changes_requested": "Verdict: changes requested",
  "verdict.published": "Verdict published",
  "verdict.withdrawn": "Verdict withdrawn",
  "verdict.reopened": "Verdict reopened",
  "rating_scale.created": "Rating scale set up",
  "rating_scale.reordered": "Rating scale reordered",
  "rating_level.created": "Rating level added",
  "rating_level.updated": "Rating level changed",
  "rating_level.retired": "Rating level retired",
  "rating_level.restored": "Rating level restored",
  "rating_level.deleted": "Rating level deleted",
  "rating_level.put_in_order": "Rating level put in the truth order",
  "rating_level.taken_out_of_order": "Rating level taken out of the truth order",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
};

function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

export function entityLabel(entityType: string): string {
  return ENTITY_WORDS[entityType] ?? words(entityType);
}

export function actionLabel(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action]!;
  const [entity = "", verb = ""] = action.split(".");
  return capitalise(`${entityLabel(entity)} ${words(verb)}`.trim());
}

// ---------------------------------------------------------------------------------------------
// Reading the data leniently: it was written by many versions of many services.

type Data = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Data | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Data) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function isChange(v: unknown): v is { from: unknown; to: unknown } {
  const o = obj(v);
  return !!o && "from" in o && "to" in o && Object.keys(o).length === 2;
}

/** An excerpt of user text for a sentence: one line, at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Any value of an event's data as a reader would say it. */
export function formatValue(value: unknown, key = ""): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (typeof value === "string") {
    if (/status$/i.test(key)) return CLAIM_STATUS_WORDS[value] ?? VERDICT_STATUS_WORDS[value] ?? words(value);
    if (key === "stance") return STANCE_WORDS[value] ?? value;
    if (key === "role" || key === "previousRole") return ROLE_WORDS[value] ?? value;
    if (ISO_INSTANT.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return DAY.format(date);
    }
    return excerpt(value, 160);
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(v)).join(", ") : "none";
  const o = obj(value);
  if (o) {
    const inner = Object.entries(o).map(([k, v]) => `${words(k)}: ${formatValue(v, k)}`);
    return inner.length ? inner.join("; ") : "none";
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------

class Describer {
  constructor(
    readonly event: ActivityEventInput,
    readonly refs: ActivityRefs,
  ) {}

  get data(): Data {
    return this.event.data;
  }

  user(id: unknown, fallback = "a former member"): string {
    const key = str(id);
    if (key && key === this.event.actorId) return "themselves";
    return (key && this.refs.users.get(key)) || fallback;
  }

  userName(id: unknown, fallback = "a former member"): string {
    const key = str(id);
    return (key && this.refs.users.get(key)) || fallback;
  }

  level(id: unknown): string {
    const key = str(id);
    return (key && this.refs.levels.get(key)) || (key ? "a retired rating" : "none");
  }

  tag(id: string): string {
    return this.refs.tags.get(id) ?? "a deleted tag";
  }

  claim(id: unknown, fallbackText?: string): PhrasePart {
    const key = str(id);
    const claim = key ? this.refs.claims.get(key) : undefined;
    if (claim && key) return { text: excerpt(claim.claimReviewed), ref: { kind: "claim", id: key }, quoted: true };
    return fallbackText ? { text: excerpt(fallbackText), ref: null, quoted: true } : "a claim that no longer exists";
  }

  claimNamed(id: unknown, fallbackText?: string): PhrasePart[] {
    const part = this.claim(id, fallbackText);
    return typeof part === "string" ? [part] : ["the claim ", part];
  }

  statement(id: unknown, fallbackTitle?: string): PhrasePart {
    const key = str(id);
    const statement = key ? this.refs.statements.get(key) : undefined;
    if (statement && key) return { text: excerpt(statement.title), ref: { kind: "statement", id: key }, quoted: true };
    return fallbackTitle ? { text: excerpt(fallbackTitle), ref: null, quoted: true } : "a statement";
  }

  /** The {from, to} pairs and plain values of the data, minus keys the sentence already says. */
  generic(skip: readonly string[] = []): PhraseDetail[] {
    const details: PhraseDetail[] = [];
    for (const [key, value] of Object.entries(this.data)) {
      if (skip.includes(key) || key === "claimId" || key === "statementId" || key === "highlightId") continue;
      if (key === "changes" && obj(value)) {
        for (const [field, change] of Object.entries(obj(value)!)) details.push(this.detail(field, change));
        continue;
      }
      details.push(this.detail(key, value));
    }
    return details;
  }

  detail(key: string, value: unknown): PhraseDetail {
    const label = DETAIL_LABELS[key] ?? words(key.replace(/Id$/, ""));
    const show = (v: unknown) => this.valueOf(key, v);
    if (isChange(value)) return { label, from: show(value.from), to: show(value.to) };
    return { label, value: show(value) };
  }

  valueOf(key: string, v: unknown): string {
    if (/^(userId|authorId|addedById|assignee|assigneeId|reviewerId)$/.test(key)) return v === null ? "nobody" : this.userName(v);
    if (key === "levelId" || key === "level") return this.level(v);
    if (key === "mentioned") {
      const ids = strings(v);
      return ids.length ? ids.map((id) => this.userName(id)).join(", ") : "nobody";
    }
    return formatValue(v, key);
  }
}

const DETAIL_LABELS: Record<string, string> = {
  claimReviewed: "claim reviewed",
  status: "status",
  claimStatus: "claim status",
  assignee: "assignee",
  levelId: "rating",
  publisherName: "publisher name",
  publicBaseUrl: "public address",
  allowSelfApproval: "editors may approve their own verdicts",
  newlyOrphaned: "newly orphaned highlights",
  orphaned: "orphaned highlights",
  placed: "highlights kept",
  mentioned: "mentions",
  archiveUrl: "archive link",
  publishedAt: "published",
  expiresAt: "expires",
};

type Handler = (d: Describer) => Phrase;

const HANDLERS: Record<string, Handler> = {
  "statement.imported": (d) => ({ parts: ["imported the statement ", d.statement(d.event.entityId, str(d.data.title))], details: [] }),
  "statement.corrected": (d) => {
    const details: PhraseDetail[] = [];
    if (str(d.data.note)) details.push({ label: "note", value: excerpt(str(d.data.note)!, 160) });
    const inserted = num(d.data.wordsInserted);
    const deleted = num(d.data.wordsDeleted);
    if (inserted !== undefined || deleted !== undefined) details.push({ label: "words", value: `${inserted ?? 0} inserted, ${deleted ?? 0} deleted` });
    if (num(d.data.placed) !== undefined) details.push({ label: "highlights kept", value: formatValue(d.data.placed) });
    if (num(d.data.newlyOrphaned)) details.push({ label: "newly orphaned highlights", value: formatValue(d.data.newlyOrphaned) });
    const revision = num(d.data.revision);
    return { parts: ["corrected the text of ", d.statement(d.event.entityId), ...(revision ? [` (revision ${revision})`] : [])], details };
  },
  "highlight.created": (d) => {
    const exact = str(d.data.exact) ?? "";
    if (d.data.kind === "claim") {
      return { parts: ["highlighted ", ...d.claimNamed(d.data.claimId, exact), " in ", d.statement(d.data.statementId)], details: [] };
    }
    return { parts: ["added a note on ", { text: excerpt(exact), ref: null, quoted: true }, " in ", d.statement(d.data.statementId)], details: [] };
  },
  "highlight.updated": (d) => {
    const kind = obj(d.data.kind);
    const details: PhraseDetail[] = [];
    if (kind && isChange(kind)) details.push({ label: "kind", from: formatValue(kind.from), to: formatValue(kind.to) });
    if (d.data.bodyChanged === true) details.push({ label: "note text", value: "changed" });
    const what = kind?.to === "claim" ? "turned a note into a claim in " : kind?.to === "note" ? "turned a claim into a note in " : "edited a note in ";
    return { parts: [what, d.statement(d.data.statementId)], details };
  },
  "highlight.deleted": (d) => {
    const kind = d.data.kind === "claim" ? "claim" : "note";
    const details: PhraseDetail[] = [];
    if (str(d.data.authorId) && d.data.authorId !== d.event.actorId) details.push({ label: "highlighted by", value: d.userName(d.data.authorId) });
    return {
      parts: [`deleted the ${kind} highlight `, { text: excerpt(str(d.data.exact) ?? ""), ref: null, quoted: true }, " in ", d.statement(d.data.statementId)],
      details,
    };
  },
  "highlight.reattached": (d) => ({
    parts: ["re-attached an orphaned highlight in ", d.statement(d.data.statementId)],
    details: [{ label: "passage", from: excerpt(str(d.data.from) ?? "", 120), to: excerpt(str(d.data.to) ?? "", 120) }],
  }),
  "claim.updated": (d) => {
    const details = d.generic(["tags"]);
    const tags = obj(d.data.tags);
    if (tags) {
      const added = strings(tags.added).map((id) => d.tag(id));
      const removed = strings(tags.removed).map((id) => d.tag(id));
      if (added.length) details.push({ label: "tags added", value: added.join(", ") });
      if (removed.length) details.push({ label: "tags removed", value: removed.join(", ") });
    }
    return { parts: ["updated ", ...d.claimNamed(d.event.entityId)], details };
  },
  "tag.created": (d) => ({ parts: ["created the tag ", { text: str(d.data.name) ?? "?", ref: { kind: "tags" }, quoted: true }], details: [] }),
  "tag.renamed": (d) => ({
    parts: ["renamed the tag ", { text: str(d.data.from) ?? "?", ref: null, quoted: true }, " to ", { text: str(d.data.to) ?? "?", ref: { kind: "tags" }, quoted: true }],
    details: [],
  }),
  "tag.recolored": (d) => ({
    parts: ["changed the colour of the tag ", { text: d.tag(d.event.entityId), ref: { kind: "tags" }, quoted: true }],
    details: [{ label: "colour", from: formatValue(d.data.from), to: formatValue(d.data.to) }],
  }),
  "tag.retired": (d) => ({ parts: ["retired the tag ", { text: str(d.data.name) ?? "?", ref: { kind: "tags" }, quoted: true }], details: [] }),
  "tag.restored": (d) => ({ parts: ["put the tag ", { text: str(d.data.name) ?? "?", ref: { kind: "tags" }, quoted: true }, " back in use"], details: [] }),
  "tag.merged": (d) => {
    const moved = num(d.data.moved) ?? 0;
    return {
      parts: [
        "merged the tag ",
        { text: str(obj(d.data.source)?.name) ?? "?", ref: null, quoted: true },
        " into ",
        { text: str(obj(d.data.target)?.name) ?? "?", ref: { kind: "tags" }, quoted: true },
      ],
      details: [{ label: "claims moved", value: formatValue(moved) }],
    };
  },
  "member.added": (d) => ({ parts: ["added ", { text: d.userName(d.data.userId), ref: { kind: "members" } }, ` as ${formatValue(d.data.role, "role")}`], details: [] }),
  "member.role_changed": (d) => ({
    parts: ["changed the role of ", { text: d.user(d.data.userId), ref: { kind: "members" } }],
    details: [{ label: "role", from: formatValue(d.data.from, "role"), to: formatValue(d.data.to, "role") }],
  }),
  "member.removed": (d) => ({
    parts: ["removed ", { text: d.userName(d.data.userId), ref: null }, " from the workspace"],
    details: str(d.data.role) ? [{ label: "role", value: formatValue(d.data.role, "role") }] : [],
  }),
  "member.left": () => ({ parts: ["left the workspace"], details: [] }),
  "invite.created": (d) => ({
    parts: [str(d.data.email) ? `invited ${d.data.email}` : "created an invite link", ` as ${formatValue(d.data.role, "role")}`],
    details: str(d.data.expiresAt) ? [{ label: "expires", value: formatValue(d.data.expiresAt) }] : [],
  }),
  "invite.accepted": (d) => ({
    parts: [`joined the workspace through an invite as ${formatValue(d.data.role, "role")}`],
    details: str(d.data.previousRole) ? [{ label: "role", from: formatValue(d.data.previousRole, "role"), to: formatValue(d.data.role, "role") }] : [],
  }),
  "invite.revoked": () => ({ parts: ["revoked an invite"], details: [] }),
  "workspace.created": (d) => ({ parts: ["created the workspace ", { text: str(d.data.name) ?? "?", ref: null, quoted: true }], details: [] }),
  "workspace.settings_updated": (d) => ({ parts: ["changed the ", { text: "workspace settings", ref: { kind: "settings" } }], details: d.generic() }),
  "comment.created": (d) => {
    const mentioned = strings(d.data.mentioned);
    return {
      parts: ["commented on ", ...commentTarget(d)],
      details: mentioned.length ? [{ label: "mentioned", value: mentioned.map((id) => d.userName(id)).join(", ") }] : [],
    };
  },
  "comment.edited": (d) => {
    const mentions = obj(d.data.mentions);
    const details: PhraseDetail[] = [];
    if (mentions) {
      const added = strings(mentions.added).map((id) => d.userName(id));
      const removed = strings(mentions.removed).map((id) => d.userName(id));
      if (added.length) details.push({ label: "now mentions", value: added.join(", ") });
      if (removed.length) details.push({ label: "no longer mentions", value: removed.join(", ") });
    }
    return { parts: ["edited a comment on ", ...commentTarget(d)], details };
  },
  "comment.deleted": (d) =>
    d.data.moderated === true
      ? { parts: [`deleted a comment by ${d.userName(d.data.authorId)} on `, ...claimOnly(d)], details: [] }
      : { parts: ["deleted their comment on ", ...claimOnly(d)], details: [] },
  "source.added": (d) => ({
    parts: ["added a source to ", ...d.claimNamed(d.data.claimId)],
    details: [
      { label: "source", value: str(d.data.title) || str(d.data.url) || "?" },
      ...(str(d.data.title) && str(d.data.url) ? [{ label: "link", value: str(d.data.url)! }] : []),
      ...(str(d.data.stance) ? [{ label: "stance", value: formatValue(d.data.stance, "stance") }] : []),
    ],
  }),
  "source.updated": (d) => ({ parts: ["updated a source of ", ...d.claimNamed(d.data.claimId)], details: d.generic() }),
  "source.removed": (d) => ({
    parts: ["removed a source from ", ...d.claimNamed(d.data.claimId)],
    details: [
      { label: "source", value: str(d.data.title) || str(d.data.url) || "?" },
      ...(str(d.data.title) && str(d.data.url) ? [{ label: "link", value: str(d.data.url)! }] : []),
    ],
  }),
  "verdict.drafted": (d) => verdictPhrase(d, "started a verdict on "),
  "verdict.draft_saved": (d) => verdictPhrase(d, "saved the draft verdict on "),
  "verdict.submitted": (d) => verdictPhrase(d, "submitted the verdict on ", " for review"),
  "verdict.approved": (d) => verdictPhrase(d, "approved the verdict on "),
  "verdict.changes_requested": (d) => verdictPhrase(d, "requested changes to the verdict on "),
  "verdict.published": (d) => verdictPhrase(d, "published the verdict on "),
  "verdict.withdrawn": (d) => verdictPhrase(d, "withdrew the verdict on "),
  "verdict.reopened": (d) => verdictPhrase(d, "reopened the verdict on "),
  "rating_scale.created": (d) => ({
    parts: [d.data.starter === true ? "set up the starter rating scale " : "set up the rating scale ", { text: str(d.data.name) ?? "Rating scale", ref: { kind: "rating-scale" }, quoted: true }],
    details: [],
  }),
  "rating_scale.reordered": (d) => {
    const details: PhraseDetail[] = [];
    if (str(d.data.moved)) details.push({ label: "moved", value: `${d.data.moved}${str(d.data.direction) ? ` ${words(str(d.data.direction)!)}` : ""}` });
    const order = strings(d.data.order);
    if (order.length) details.push({ label: "order", value: order.join(" › ") });
    return { parts: ["reordered the ", { text: "rating scale", ref: { kind: "rating-scale" } }], details };
  },
  "rating_level.created": (d) => ({ parts: ["added the rating ", ratingLevel(d)], details: d.generic(["label"]) }),
  "rating_level.updated": (d) => ({ parts: ["changed the rating ", ratingLevel(d)], details: d.generic(["label"]) }),
  "rating_level.retired": (d) => ({ parts: ["retired the rating ", ratingLevel(d)], details: [] }),
  "rating_level.restored": (d) => ({ parts: ["put the rating ", ratingLevel(d), " back in use"], details: [] }),
  "rating_level.deleted": (d) => ({ parts: ["deleted the rating ", ratingLevel(d)], details: [] }),
  "rating_level.put_in_order": (d) => ({ parts: ["put the rating ", ratingLevel(d), " into the truth order"], details: [] }),
  "rating_level.taken_out_of_order": (d) => ({ parts: ["took the rating ", ratingLevel(d), " out of the truth order"], details: [] }),
  "api_token.created": (d) => ({
    parts: ["created the API token ", { text: str(d.data.name) ?? "?", ref: null, quoted: true }, ` with the ${formatValue(d.data.role, "role")} role`],
    details: str(d.data.expiresAt) ? [{ label: "expires", value: formatValue(d.data.expiresAt) }] : [],
  }),
  "api_token.revoked": (d) => ({ parts: ["revoked the API token ", { text: str(d.data.name) ?? "?", ref: null, quoted: true }], details: [] }),
};

function ratingLevel(d: Describer): PhrasePart {
  return { text: str(d.data.label) ?? d.level(d.event.entityId), ref: { kind: "rating-scale" }, quoted: true };
}

function commentTarget(d: Describer): PhrasePart[] {
  const claimId = str(d.data.claimId);
  const claim = claimId ? d.refs.claims.get(claimId) : undefined;
  if (!claim || !claimId) return ["a claim that no longer exists"];
  return ["the claim ", { text: excerpt(claim.claimReviewed), ref: { kind: "comment", claimId, commentId: d.event.entityId }, quoted: true }];
}

function claimOnly(d: Describer): PhrasePart[] {
  return d.claimNamed(d.data.claimId);
}

function verdictPhrase(d: Describer, verb: string, tail = ""): Phrase {
  const details: PhraseDetail[] = [];
  if ("levelId" in d.data) details.push({ label: "rating", value: d.level(d.data.levelId) });
  if (num(d.data.version)) details.push({ label: "version", value: String(d.data.version) });
  for (const key of ["note", "reason"]) if (str(d.data[key])) details.push({ label: key, value: excerpt(str(d.data[key])!, 200) });
  const status = obj(d.data.claimStatus);
  if (status && isChange(status)) details.push({ label: "claim status", from: formatValue(status.from, "status"), to: formatValue(status.to, "status") });
  return { parts: [verb, ...d.claimNamed(d.data.claimId), ...(tail ? [tail] : [])], details };
}

/** The sentence (after the actor's name) and the readable changes of one event. */
export function describeActivity(event: ActivityEventInput, refs: ActivityRefs): Phrase {
  const d = new Describer(event, refs);
  const handler = HANDLERS[event.action];
  if (handler) {
    try {
      return handler(d);
    } catch {
      // Data of an older shape than the phrase expects: say it the generic way below.
    }
  }
  const [, verb = event.action] = event.action.split(".");
  const entity = entityLabel(event.entityType);
  const claimId = str(event.data.claimId);
  const parts: PhrasePart[] = [`${words(verb)} ${/^[aeiou]/i.test(entity) ? "an" : "a"} ${entity}`];
  if (claimId) parts.push(" on ", ...d.claimNamed(claimId));
  else if (str(event.data.statementId)) parts.push(" in ", d.statement(event.data.statementId));
  return { parts, details: d.generic() };
}

/** Every id an event refers to, so the service can look them all up at once (within the workspace). */
export function referencedIds(event: ActivityEventInput): { claims: string[]; statements: string[]; users: string[]; tags: string[]; levels: string[] } {
  const data = event.data;
  const claims = [str(data.claimId)];
  const statements = [str(data.statementId)];
  const users = [str(data.userId), str(data.authorId), str(data.addedById), str(data.reviewerId), ...strings(data.mentioned)];
  const tags: string[] = [];
  const levels = [str(data.levelId)];
  if (event.entityType === "claim") claims.push(event.entityId);
  if (event.entityType === "statement") statements.push(event.entityId);
  if (event.entityType === "tag") tags.push(event.entityId);
  if (event.entityType === "rating_level") levels.push(event.entityId);
  const assignee = obj(data.assignee);
  if (assignee) users.push(str(assignee.from), str(assignee.to));
  const mentions = obj(data.mentions);
  if (mentions) users.push(...strings(mentions.added), ...strings(mentions.removed));
  const tagChange = obj(data.tags);
  if (tagChange) tags.push(...strings(tagChange.added), ...strings(tagChange.removed));
  const levelChange = obj(data.levelId) ?? obj(obj(data.changes)?.levelId);
  if (levelChange) levels.push(str(levelChange.from), str(levelChange.to));
  const clean = (ids: Array<string | undefined>) => [...new Set(ids.filter((id): id is string => !!id && id.length <= 100))];
  return { claims: clean(claims), statements: clean(statements), users: clean(users), tags: clean(tags), levels: clean(levels) };
}
