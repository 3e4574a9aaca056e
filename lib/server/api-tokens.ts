import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { isRole, roleAtLeast, ROLE_LABELS, type Role } from "../roles";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "./errors";
import { RoleSchema, workspaceIdOf } from "./members";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

// Personal access tokens for the JSON API (/api/v1). A token belongs to one member of one
// workspace and carries a role no larger than theirs when it was made; every request acts as
// that member with the smaller of the token's role and their CURRENT membership role (see the
// scope in permissions.ts), so a demotion or removal shrinks their tokens at once.
//
// The token reads `fd_<id>_<secret>`: the id is the row's primary key and is shown in lists so a
// token can be recognised; the secret is 256 random bits. Only the SHA-256 of the whole token is
// stored (a fast hash is enough for a high-entropy secret: there is nothing to guess), and the
// token itself is shown once, when it is made.
//
// A token stops working at its expiry (expiresAt, chosen when it is made) or when it is revoked
// (revokedAt), whichever comes first.

export const API_TOKEN_PREFIX = "fd_";
export const MAX_API_TOKEN_NAME = 100;
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
/** lastUsedAt is written at most this often per token, so reads do not all become writes. */
const LAST_USED_PRECISION_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const TOKEN_PATTERN = /^fd_([a-z2-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 12 characters from an unambiguous alphabet (60 bits): unique in practice, short to read. */
function newPublicId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/** How a token is shown in lists: its public part only. */
export function tokenDisplayPrefix(id: string): string {
  return `${API_TOKEN_PREFIX}${id}_…`;
}

// ---------------------------------------------------------------------------------------------
// DTOs

export type ApiTokenStatus = "active" | "expired" | "revoked";

export type ApiTokenDTO = {
  id: string;
  name: string;
  /** "fd_<id>_…": enough to recognise the token, useless to use it. */
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  /** When an active token will stop working; null for a token without expiry. */
  expiresAt: string | null;
  /** When a token that no longer works stopped: its revocation or its expiry. */
  endedAt: string | null;
  status: ApiTokenStatus;
};

export type CreatedApiToken = ApiTokenDTO & {
  /** The whole token, shown once: only its hash is stored. */
  token: string;
};

type TokenRow = { id: string; name: string; role: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };

function toDTO(row: TokenRow, now: Date): ApiTokenDTO {
  const until = validUntil(row);
  const ended = until !== null && until <= now;
  const revoked = row.revokedAt !== null && row.revokedAt <= now;
  return {
    id: row.id,
    name: row.name,
    prefix: tokenDisplayPrefix(row.id),
    role: isRole(row.role) ? row.role : "viewer",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: until && !ended ? until.toISOString() : null,
    endedAt: until && ended ? until.toISOString() : null,
    status: !ended ? "active" : revoked ? "revoked" : "expired",
  };
}

/** The moment the token stops working (expiry or revocation, the earlier), or null while it has none. */
function validUntil(row: { expiresAt: Date | null; revokedAt: Date | null }): Date | null {
  if (row.expiresAt && row.revokedAt) return row.expiresAt < row.revokedAt ? row.expiresAt : row.revokedAt;
  return row.expiresAt ?? row.revokedAt;
}

const tokenSelect = { id: true, name: true, role: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

// ---------------------------------------------------------------------------------------------
// Managing tokens (signed-in members, never through a token)

function requireSessionActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new Unauthenticated();
  if (actor.scope) throw new Forbidden("API tokens are managed on the API tokens page, not through the API.");
  return actor;
}

const ExpirySchema = z.preprocess(
  (v) => (v === "" || v === "never" || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: "Choose when the token expires." })
    .refine((d) => (API_TOKEN_EXPIRY_DAYS as readonly number[]).includes(d), {
      message: `Choose when the token expires: never, or after ${API_TOKEN_EXPIRY_DAYS.join(", ")} days.`,
    })
    .nullable(),
);

export const CreateApiTokenSchema = z.object({
  workspaceId: z.string(),
  name: z
    .string({ error: "Name the token." })
    .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "Name the token, e.g. after the script that uses it.").max(MAX_API_TOKEN_NAME, `Use at most ${MAX_API_TOKEN_NAME} characters for the name.`)),
  role: RoleSchema,
  /** Days until the token expires, or null (or "never") for no expiry. */
  expiresInDays: ExpirySchema.optional().transform((v) => v ?? null),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

/**
 * Makes a token for the actor in this workspace, with at most the actor's own role. The returned
 * `token` is the only time it is ever shown.
 */
export async function createApiToken(actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const ws = await requireRole(requireSessionActor(actor), { id: workspaceIdOf(input) }, "viewer");
  const parsed = parseInput(CreateApiTokenSchema, input);
  if (!roleAtLeast(ws.role, parsed.role)) {
    const message = `A token can have at most your own role here (${ROLE_LABELS[ws.role].toLowerCase()}).`;
    throw new Invalid(message, { role: [message] });
  }
  const id = newPublicId();
  const token = `${API_TOKEN_PREFIX}${id}_${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  const expiresAt = parsed.expiresInDays ? new Date(now.getTime() + parsed.expiresInDays * DAY_MS) : null;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { id, workspaceId: ws.id, userId: actor.userId, name: parsed.name, tokenHash: hashApiToken(token), role: parsed.role, createdAt: now, expiresAt },
      select: tokenSelect,
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "api_token.created",
      entityType: "api_token",
      entityId: id,
      data: { name: parsed.name, role: parsed.role, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ...toDTO(row, now), token };
}

/** The actor's own tokens in this workspace, newest first, active ones before those that ended. */
export async function listApiTokens(actor: Actor, input: { workspaceId: string }): Promise<ApiTokenDTO[]> {
  const ws = await requireRole(requireSessionActor(actor), { id: workspaceIdOf(input) }, "viewer");
  const rows = await db().apiToken.findMany({
    where: { workspaceId: ws.id, userId: actor.userId },
    select: tokenSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const now = new Date();
  const tokens = rows.map((r) => toDTO(r, now));
  return [...tokens.filter((t) => t.status === "active"), ...tokens.filter((t) => t.status !== "active")];
}

const RevokeApiTokenSchema = z.object({
  workspaceId: z.string(),
  tokenId: z.string({ error: "Choose a token." }).min(1, "Choose a token.").max(100),
});
export type RevokeApiTokenInput = z.input<typeof RevokeApiTokenSchema>;

/** Stops one of the actor's own tokens at once. Revoking a token that already stopped is refused. */
export async function revokeApiToken(actor: Actor, input: RevokeApiTokenInput): Promise<ApiTokenDTO> {
  const ws = await requireRole(requireSessionActor(actor), { id: workspaceIdOf(input) }, "viewer");
  const { tokenId } = parseInput(RevokeApiTokenSchema, input);
  const token = await db().apiToken.findFirst({ where: { id: tokenId, workspaceId: ws.id, userId: actor.userId }, select: tokenSelect });
  if (!token) throw new NotFound("token");
  const now = new Date();
  const row = await db().$transaction(async (tx) => {
    // Conditional, so a token revoked or expired meanwhile keeps the end it had.
    const done = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { revokedAt: now },
    });
    if (done.count !== 1) throw new Invalid("This token no longer works; there is nothing to revoke.");
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: token.id,
      data: { name: token.name, role: token.role },
    });
    return tx.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: tokenSelect });
  });
  return toDTO(row, now);
}

// ---------------------------------------------------------------------------------------------
// Using a token

/**
 * The actor behind an `Authorization: Bearer <token>` header: the token's owner, scoped to its
 * workspace and role. Every failure is Unauthenticated with a message that says what to fix; the
 * role is decided later, by requireRole, against the owner's membership as it is at that moment.
 */
export async function authenticateApiToken(authorization: string | null): Promise<Actor & { scope: { workspaceId: string; role: Role } }> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  if (!match) throw new Unauthenticated("Send an API token in the Authorization header: “Authorization: Bearer fd_…”.");
  const token = match[1]!;
  const invalid = new Unauthenticated("This API token is not valid. Check that you copied all of it, or make a new one.");
  if (!TOKEN_PATTERN.test(token)) throw invalid;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, workspaceId: true, userId: true, role: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  if (!row || !isRole(row.role)) throw invalid;
  const now = new Date();
  const until = validUntil(row);
  if (until && until <= now) throw new Unauthenticated("This API token has been revoked or has expired; make a new one on the API tokens page.");
  const member = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.userId } },
    select: { id: true },
  });
  if (!member) throw new Unauthenticated("This API token's owner is no longer a member of its workspace.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, scope: { workspaceId: row.workspaceId, role: row.role } };
}
