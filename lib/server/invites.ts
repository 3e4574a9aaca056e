import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { isRole, roleAtLeast, type Role } from "../roles";
import { recordActivity } from "./activity";
import { db } from "./db";
import { Conflict, Invalid, NotFound, Unauthenticated } from "./errors";
import { EmailSchema, RoleSchema, workspaceIdOf } from "./members";
import { hashPassword, PasswordSchema } from "./passwords";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";
import { isUniqueViolation } from "./workspaces";

export const INVITE_LIFETIME_DAYS = 7;
const INVITE_LIFETIME_MS = INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** The link's secret is stored only as this hash: a leaked database holds no usable invite. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type CreatedInvite = {
  id: string;
  /** Shown once; only its hash is stored. */
  token: string;
  /** The invite's path on this server, "/invite/<token>" (prefix it with the site's origin). */
  url: string;
  expiresAt: Date;
};

const CreateInviteSchema = z.object({
  workspaceId: z.string(),
  role: RoleSchema,
  email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), EmailSchema.optional()),
});
export type CreateInviteInput = z.input<typeof CreateInviteSchema>;

/**
 * Admins create a single-use invite link for a role. With an email, only the account with that
 * email can accept it.
 */
export async function createInvite(actor: Actor, input: CreateInviteInput): Promise<CreatedInvite> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const { role, email } = parseInput(CreateInviteSchema, input);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
  const invite = await db().$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { workspaceId: ws.id, tokenHash: hashInviteToken(token), role, email: email ?? null, createdById: actor.userId, expiresAt },
      select: { id: true },
    });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "invite.created",
      entityType: "invite",
      entityId: created.id,
      data: { role, email: email ?? null, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { id: invite.id, token, url: `/invite/${token}`, expiresAt };
}

export type InviteStatus = "valid" | "expired" | "revoked" | "used" | "unknown";

export type InvitePreview =
  | {
      status: "valid";
      workspaceName: string;
      workspaceSlug: string;
      role: Role;
      inviterName: string;
      email: string | null;
      expiresAt: Date;
    }
  | {
      status: Exclude<InviteStatus, "valid">;
      message: string;
      /** Set when the viewer is the person who used this link and is still a member. */
      joined?: { workspaceName: string; workspaceSlug: string };
    };

const STATUS_MESSAGES: Record<Exclude<InviteStatus, "valid">, string> = {
  unknown: "This invite link is not valid. Check that you copied the whole link, or ask for a new one.",
  expired: `This invite link has expired (links last ${INVITE_LIFETIME_DAYS} days). Ask an admin of the workspace for a new one.`,
  revoked: "This invite link was withdrawn by an admin of the workspace. Ask them for a new one if you still need access.",
  used: "This invite link has already been used. Each link works once; ask an admin of the workspace for a new one.",
};

type InviteRow = {
  id: string;
  role: string;
  email: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedById: string | null;
  revokedAt: Date | null;
  workspace: { id: string; name: string; slug: string };
  createdBy: { name: string };
};

function statusOf(invite: InviteRow | null, now = new Date()): InviteStatus {
  if (!invite || !isRole(invite.role)) return "unknown";
  if (invite.revokedAt) return "revoked";
  if (invite.acceptedAt) return "used";
  if (invite.expiresAt <= now) return "expired";
  return "valid";
}

async function findInvite(token: string): Promise<InviteRow | null> {
  if (typeof token !== "string" || token.length < 16 || token.length > 200) return null;
  return db().invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true, slug: true } },
      createdBy: { select: { name: true } },
    },
  });
}

/**
 * What the accept page shows. Holding the link is what entitles someone to see the desk's name,
 * so nothing about the workspace is told for links that no longer work.
 */
export async function getInvite(token: string, viewer?: Actor | null): Promise<InvitePreview> {
  const invite = await findInvite(token);
  const status = statusOf(invite);
  if (status === "used" && invite && viewer && invite.acceptedById === viewer.userId) {
    const stillMember = await db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspace.id, userId: viewer.userId } },
      select: { id: true },
    });
    if (stillMember) {
      return {
        status,
        message: `You have already joined ${invite.workspace.name} with this link.`,
        joined: { workspaceName: invite.workspace.name, workspaceSlug: invite.workspace.slug },
      };
    }
  }
  if (status !== "valid") return { status, message: STATUS_MESSAGES[status] };
  if (!invite) return { status: "unknown", message: STATUS_MESSAGES.unknown };
  return {
    status: "valid",
    workspaceName: invite.workspace.name,
    workspaceSlug: invite.workspace.slug,
    role: invite.role as Role,
    inviterName: invite.createdBy.name,
    email: invite.email,
    expiresAt: invite.expiresAt,
  };
}

function refusal(status: Exclude<InviteStatus, "valid">): Error {
  if (status === "unknown") return new Invalid(STATUS_MESSAGES.unknown);
  return new Conflict(STATUS_MESSAGES[status]);
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Uses up the invite and makes the user a member, inside the caller's transaction. The
 * conditional update is what makes the link single-use: of two simultaneous accepts only one
 * finds it still open.
 */
async function redeem(tx: Tx, invite: InviteRow, userId: string): Promise<{ role: Role }> {
  const now = new Date();
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (claimed.count !== 1) {
    const fresh = await tx.invite.findUnique({ where: { id: invite.id }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
    const status = statusOf(fresh ? { ...invite, ...fresh } : null, now);
    throw refusal(status === "valid" ? "used" : status);
  }
  const offered = invite.role as Role;
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invite.workspace.id, userId } },
    select: { id: true, role: true },
  });
  let role = offered;
  let membershipId: string;
  if (existing) {
    // Someone already in the desk keeps the higher of their role and the invite's.
    role = isRole(existing.role) && roleAtLeast(existing.role, offered) ? existing.role : offered;
    membershipId = existing.id;
    if (role !== existing.role) await tx.membership.update({ where: { id: existing.id }, data: { role } });
  } else {
    membershipId = (await tx.membership.create({ data: { workspaceId: invite.workspace.id, userId, role }, select: { id: true } })).id;
  }
  await recordActivity(tx, {
    workspaceId: invite.workspace.id,
    actorId: userId,
    action: "invite.accepted",
    entityType: "invite",
    entityId: invite.id,
    data: { membershipId, role, previousRole: existing?.role ?? null },
  });
  return { role };
}

function checkAddressedTo(invite: InviteRow, email: string) {
  if (invite.email && invite.email.toLowerCase() !== email.toLowerCase()) {
    throw new Invalid(
      `This invite is for ${invite.email}. Sign in with that account, or ask the admin for a link addressed to you.`,
      { email: [`This invite is for ${invite.email}.`] },
    );
  }
}

export type AcceptedInvite = { workspaceId: string; slug: string; name: string; role: Role };

/** A signed-in user joins the desk with the invite's role (keeping a higher role they have). */
export async function acceptInvite(actor: Actor, input: { token: string }): Promise<AcceptedInvite> {
  if (!actor) throw new Unauthenticated();
  const invite = await findInvite(String(input?.token ?? ""));
  const status = statusOf(invite);
  if (!invite) throw refusal("unknown");
  const done = { workspaceId: invite.workspace.id, slug: invite.workspace.slug, name: invite.workspace.name };
  // A second click by the same person (double submit, back button) is not an error.
  if (status === "used" && invite.acceptedById === actor.userId) {
    const membership = await db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspace.id, userId: actor.userId } },
      select: { role: true },
    });
    if (membership && isRole(membership.role)) return { ...done, role: membership.role };
  }
  if (status !== "valid") throw refusal(status);
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  if (!user) throw new Unauthenticated();
  checkAddressedTo(invite, user.email);
  const { role } = await db().$transaction((tx) => redeem(tx, invite, actor.userId));
  return { ...done, role };
}

export const AcceptInviteWithSignupSchema = z.object({
  token: z.string(),
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: EmailSchema,
  password: PasswordSchema,
});
export type AcceptInviteWithSignupInput = z.input<typeof AcceptInviteWithSignupSchema>;

/**
 * Someone invited by link who has no account yet: creates the account and joins the desk in one
 * transaction, so there is never an account whose invite was lost, nor a used invite without one.
 */
export async function acceptInviteWithSignup(input: AcceptInviteWithSignupInput): Promise<AcceptedInvite & { email: string }> {
  const data = parseInput(AcceptInviteWithSignupSchema, input);
  const invite = await findInvite(data.token);
  const status = statusOf(invite);
  if (!invite || status !== "valid") throw refusal(status === "valid" ? "unknown" : status);
  checkAddressedTo(invite, data.email);
  const taken = await db().user.findUnique({ where: { email: data.email }, select: { id: true } });
  const accountExists = () =>
    new Conflict("An account with this email already exists. Sign in to accept the invite.", {
      email: ["An account with this email already exists. Sign in instead."],
    });
  if (taken) throw accountExists();
  // Hashing is slow on purpose; doing it before the transaction keeps the write lock short.
  const passwordHash = await hashPassword(data.password);
  try {
    const { role } = await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash }, select: { id: true } });
      return redeem(tx, invite, user.id);
    });
    return { workspaceId: invite.workspace.id, slug: invite.workspace.slug, name: invite.workspace.name, role, email: data.email };
  } catch (error) {
    if (isUniqueViolation(error)) throw accountExists();
    throw error;
  }
}

const RevokeInviteSchema = z.object({ workspaceId: z.string(), inviteId: z.string().min(1) });
export type RevokeInviteInput = z.input<typeof RevokeInviteSchema>;

/** Admins withdraw an invite that has not been used yet. */
export async function revokeInvite(actor: Actor, input: RevokeInviteInput): Promise<{ id: string }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const { inviteId } = parseInput(RevokeInviteSchema, input);
  return db().$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, workspaceId: ws.id },
      select: { id: true, acceptedAt: true, revokedAt: true },
    });
    if (!invite) throw new NotFound("invite");
    if (invite.revokedAt) return { id: invite.id };
    const revoked = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw new Conflict("This invite has already been used; remove the member instead.");
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "invite.revoked",
      entityType: "invite",
      entityId: invite.id,
    });
    return { id: invite.id };
  });
}
