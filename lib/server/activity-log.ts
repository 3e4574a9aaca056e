import "server-only";
import { z } from "zod";
import {
  actionLabel,
  describeActivity,
  entityLabel,
  referencedIds,
  type ActivityRefs,
  type PhraseDetail,
  type PhrasePart,
} from "../activity-phrases";
import { db } from "./db";
import { Invalid } from "./errors";
import { workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// Reading the workspace's activity log (ActivityEvent rows, written by every service next to its
// change): newest first, filtered by who, what and when, a page at a time. Editors and admins only
// — it names every member's every step. Read-only: nothing here writes.

export const ACTIVITY_PAGE_SIZE = 50;
/** The actor filter's value for events no person caused (the starter rating scale, say). */
export const SYSTEM_ACTOR = "system";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "That date does not exist.");

export const ListActivitySchema = z
  .object({
    workspaceId: z.string(),
    actorId: z.preprocess(blankToUndefined, z.string().min(1).max(100).optional()),
    entityType: z.preprocess(blankToUndefined, z.string().regex(/^[a-z][a-z_]{0,49}$/, "Choose a kind of change from the list.").optional()),
    action: z.preprocess(blankToUndefined, z.string().regex(/^[a-z][a-z_]{0,49}\.[a-z][a-z_]{0,49}$/, "Choose a kind of change from the list.").optional()),
    from: z.preprocess(blankToUndefined, DaySchema.optional()),
    to: z.preprocess(blankToUndefined, DaySchema.optional()),
    cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date." });
export type ListActivityInput = z.input<typeof ListActivitySchema>;

export type ActivityItem = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string;
  /** The sentence after the actor's name, with links to what still exists. */
  parts: PhrasePart[];
  details: PhraseDetail[];
};

export type ActivityFilterOptions = {
  actors: Array<{ id: string; name: string }>;
  kinds: Array<{ entityType: string; label: string; actions: Array<{ action: string; label: string }> }>;
};

export type ActivityLog = {
  items: ActivityItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  filters: ActivityFilterOptions;
  applied: { actorId?: string; entityType?: string; action?: string; from?: string; to?: string; cursor?: string };
};

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime()) || id.length > 100) {
    throw new Invalid("This page of the log no longer exists; start again from the newest.", { cursor: ["Unknown page."] });
  }
  return { at, id };
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const DAY_MS = 86_400_000;

/** The workspace's activity, newest first, as editors and admins may read it. */
export async function listActivity(actor: Actor, input: ListActivityInput): Promise<ActivityLog> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  const parsed = parseInput(ListActivitySchema, input);
  const pageSize = parsed.pageSize ?? ACTIVITY_PAGE_SIZE;
  const cursor = parsed.cursor ? decodeCursor(parsed.cursor) : null;

  const and: object[] = [];
  if (parsed.from) and.push({ at: { gte: new Date(`${parsed.from}T00:00:00Z`) } });
  // "To" is a whole day: everything before the next midnight (UTC, as the log shows its times).
  if (parsed.to) and.push({ at: { lt: new Date(Date.parse(`${parsed.to}T00:00:00Z`) + DAY_MS) } });
  if (cursor) and.push({ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] });
  const where = {
    workspaceId: ws.id,
    ...(parsed.actorId ? { actorId: parsed.actorId === SYSTEM_ACTOR ? null : parsed.actorId } : {}),
    ...(parsed.entityType ? { entityType: parsed.entityType } : {}),
    ...(parsed.action ? { action: parsed.action } : {}),
    ...(and.length ? { AND: and } : {}),
  };

  const [rows, filters] = await Promise.all([
    db().activityEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: { id: true, at: true, action: true, entityType: true, entityId: true, data: true, actorId: true, actor: { select: { id: true, name: true } } },
    }),
    filterOptions(ws.id),
  ]);
  const page = rows.slice(0, pageSize);
  const events = page.map((row) => ({ row, event: { action: row.action, entityType: row.entityType, entityId: row.entityId, actorId: row.actorId, data: parseData(row.data) } }));
  const refs = await resolveRefs(ws.id, events.map((e) => e.event));
  const last = page[page.length - 1];
  return {
    items: events.map(({ row, event }) => {
      const phrase = describeActivity(event, refs);
      return {
        id: row.id,
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        actionLabel: actionLabel(row.action),
        entityType: row.entityType,
        entityId: row.entityId,
        parts: phrase.parts,
        details: phrase.details,
      };
    }),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.at, last.id) : null,
    filters,
    applied: {
      ...(parsed.actorId ? { actorId: parsed.actorId } : {}),
      ...(parsed.entityType ? { entityType: parsed.entityType } : {}),
      ...(parsed.action ? { action: parsed.action } : {}),
      ...(parsed.from ? { from: parsed.from } : {}),
      ...(parsed.to ? { to: parsed.to } : {}),
      ...(parsed.cursor ? { cursor: parsed.cursor } : {}),
    },
  };
}

/** The filter's choices alone (for a page whose filter was refused). */
export async function listActivityFilters(actor: Actor, input: { workspaceId: string }): Promise<ActivityFilterOptions> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "editor");
  return filterOptions(ws.id);
}

/** Who has done anything here, and which kinds of change happened: the filter's choices. */
async function filterOptions(workspaceId: string): Promise<ActivityFilterOptions> {
  const [byActor, byAction] = await Promise.all([
    db().activityEvent.groupBy({ by: ["actorId"], where: { workspaceId } }),
    db().activityEvent.groupBy({ by: ["entityType", "action"], where: { workspaceId } }),
  ]);
  const actorIds = byActor.map((g) => g.actorId).filter((id): id is string => id !== null);
  const users = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const actors = users.sort((a, b) => a.name.localeCompare(b.name, "en"));
  if (byActor.some((g) => g.actorId === null)) actors.push({ id: SYSTEM_ACTOR, name: "Factdesk (automatic)" });

  const kinds = new Map<string, Array<{ action: string; label: string }>>();
  for (const g of byAction) {
    const list = kinds.get(g.entityType) ?? [];
    list.push({ action: g.action, label: actionLabel(g.action) });
    kinds.set(g.entityType, list);
  }
  return {
    actors,
    kinds: [...kinds]
      .map(([entityType, actions]) => ({ entityType, label: entityLabel(entityType), actions: actions.sort((a, b) => a.label.localeCompare(b.label, "en")) }))
      .sort((a, b) => a.label.localeCompare(b.label, "en")),
  };
}

/**
 * Names for the ids the events mention, looked up within this workspace only (an id that is not
 * the workspace's — or no longer exists — stays unnamed, and the sentence says so).
 */
async function resolveRefs(workspaceId: string, events: Parameters<typeof referencedIds>[0][]): Promise<ActivityRefs> {
  const ids = { claims: new Set<string>(), statements: new Set<string>(), users: new Set<string>(), tags: new Set<string>(), levels: new Set<string>() };
  for (const event of events) {
    const found = referencedIds(event);
    for (const key of Object.keys(ids) as Array<keyof typeof ids>) for (const id of found[key]) ids[key].add(id);
  }
  const list = (set: Set<string>) => [...set];
  const [claims, statements, users, tags, levels] = await Promise.all([
    ids.claims.size
      ? db().claim.findMany({ where: { id: { in: list(ids.claims) }, workspaceId, highlight: { deletedAt: null } }, select: { id: true, claimReviewed: true } })
      : [],
    ids.statements.size ? db().statement.findMany({ where: { id: { in: list(ids.statements) }, workspaceId }, select: { id: true, title: true } }) : [],
    // People named in this workspace's own events: members, former members, invitees who joined.
    ids.users.size ? db().user.findMany({ where: { id: { in: list(ids.users) } }, select: { id: true, name: true } }) : [],
    ids.tags.size ? db().tag.findMany({ where: { id: { in: list(ids.tags) }, workspaceId }, select: { id: true, name: true } }) : [],
    ids.levels.size ? db().ratingLevel.findMany({ where: { id: { in: list(ids.levels) }, scale: { workspaceId } }, select: { id: true, label: true } }) : [],
  ]);
  return {
    claims: new Map(claims.map((c) => [c.id, { claimReviewed: c.claimReviewed }])),
    statements: new Map(statements.map((s) => [s.id, { title: s.title }])),
    users: new Map(users.map((u) => [u.id, u.name])),
    tags: new Map(tags.map((t) => [t.id, t.name])),
    levels: new Map(levels.map((l) => [l.id, l.label])),
  };
}
