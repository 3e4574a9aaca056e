import "server-only";
import { z } from "zod";
import { isRole, ROLES, type Role } from "../roles";
import { recordActivity } from "./activity";
import type { Db } from "../db/client";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { requireRole, type Actor } from "./permissions";
import { parseInput } from "./validate";

export type MemberDTO = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  isYou: boolean;
};

export type PendingInviteDTO = {
  id: string;
  role: Role;
  email: string | null;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
};

export type MemberList = {
  /** The actor's own role, so the page can show or hide admin controls. */
  yourRole: Role;
  members: MemberDTO[];
  /** Only admins see pending invites; empty for everyone else. */
  pendingInvites: PendingInviteDTO[];
};

export const RoleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });

export const EmailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }).max(254, "That email address is too long."));

/**
 * The workspace id of an input, as a string: an absent id must never reach Prisma as `undefined`,
 * which would drop the filter instead of matching nothing.
 */
export function workspaceIdOf(input: unknown): string {
  const id = (input as { workspaceId?: unknown } | null | undefined)?.workspaceId;
  return typeof id === "string" ? id : "";
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Who is in the desk. Every member may see this; admins also see invites not yet used. */
export async function listMembers(actor: Actor, input: { workspaceId: string }): Promise<MemberList> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const rows = await db().membership.findMany({
    where: { workspaceId: ws.id },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const members = rows
    .filter((m) => isRole(m.role))
    .map((m) => ({
      membershipId: m.id,
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role as Role,
      joinedAt: m.createdAt,
      isYou: m.user.id === actor.userId,
    }))
    .sort((a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));

  let pendingInvites: PendingInviteDTO[] = [];
  if (ws.role === "admin") {
    const invites = await db().invite.findMany({
      where: { workspaceId: ws.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    pendingInvites = invites
      .filter((i) => isRole(i.role))
      .map((i) => ({
        id: i.id,
        role: i.role as Role,
        email: i.email,
        createdByName: i.createdBy.name,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
      }));
  }
  return { yourRole: ws.role, members, pendingInvites };
}

const AddMemberSchema = z.object({ workspaceId: z.string(), email: EmailSchema, role: RoleSchema });
export type AddMemberInput = z.input<typeof AddMemberSchema>;

/** Admins add someone who already has an account; people without one get an invite link. */
export async function addMemberByEmail(actor: Actor, input: AddMemberInput): Promise<MemberDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const { email, role } = parseInput(AddMemberSchema, input);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) {
    throw new Invalid("No account uses this email address yet.", {
      email: ["No account uses this email address yet. Create an invite link below and send it to them instead."],
    });
  }
  const existing = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: ws.id, userId: user.id } },
    select: { role: true },
  });
  if (existing) {
    throw new Conflict(`${user.name || user.email} is already a member (${existing.role}).`, {
      email: [`Already a member of this workspace, as ${existing.role}. Change their role in the table instead.`],
    });
  }
  try {
    return await db().$transaction(async (tx) => {
      const membership = await tx.membership.create({
        data: { workspaceId: ws.id, userId: user.id, role },
        select: { id: true, createdAt: true },
      });
      await recordActivity(tx, {
        workspaceId: ws.id,
        actorId: actor.userId,
        action: "member.added",
        entityType: "membership",
        entityId: membership.id,
        data: { userId: user.id, role },
      });
      return {
        membershipId: membership.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        role,
        joinedAt: membership.createdAt,
        isYou: user.id === actor.userId,
      };
    });
  } catch (error) {
    if ((error as { code?: unknown })?.code === "P2002") {
      throw new Conflict("They were added a moment ago by someone else.", { email: ["Already a member of this workspace."] });
    }
    throw error;
  }
}

const ChangeRoleSchema = z.object({ workspaceId: z.string(), membershipId: z.string().min(1), role: RoleSchema });
export type ChangeMemberRoleInput = z.input<typeof ChangeRoleSchema>;

const LAST_ADMIN_MESSAGE =
  "A workspace needs at least one admin. Make someone else an admin first.";

/**
 * Serialises membership changes of one desk: touching the workspace row takes its write lock
 * (a row lock on PostgreSQL, the database lock on SQLite), so two admins demoting each other at
 * the same moment cannot both pass the last-admin check.
 */
async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.workspace.update({ where: { id: workspaceId }, data: { updatedAt: new Date() }, select: { id: true } });
}

async function adminCount(tx: Tx, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, role: "admin" } });
}

/** Admins change a member's role; the last admin cannot be demoted. */
export async function changeMemberRole(actor: Actor, input: ChangeMemberRoleInput): Promise<MemberDTO> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "admin");
  const { membershipId, role } = parseInput(ChangeRoleSchema, input);
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, ws.id);
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, workspaceId: ws.id },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (!membership) throw new NotFound("member");
    const dto = {
      membershipId: membership.id,
      userId: membership.user.id,
      name: membership.user.name,
      email: membership.user.email,
      role,
      joinedAt: membership.createdAt,
      isYou: membership.user.id === actor.userId,
    };
    if (membership.role === role) return dto;
    if (membership.role === "admin" && (await adminCount(tx, ws.id)) <= 1) {
      throw new Conflict(LAST_ADMIN_MESSAGE, { role: [LAST_ADMIN_MESSAGE] });
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "membership",
      entityId: membership.id,
      data: { userId: membership.user.id, from: membership.role, to: role },
    });
    return dto;
  });
}

const RemoveMemberSchema = z.object({ workspaceId: z.string(), membershipId: z.string().min(1, "Choose a member.") });
export type RemoveMemberInput = z.input<typeof RemoveMemberSchema>;

/**
 * Admins remove anyone; any member may remove themselves (leave). Access ends at once because
 * every request reads the membership afresh. The last admin can neither be removed nor leave.
 */
export async function removeMember(actor: Actor, input: RemoveMemberInput): Promise<{ left: boolean }> {
  const ws = await requireRole(actor, { id: workspaceIdOf(input) }, "viewer");
  const { membershipId } = parseInput(RemoveMemberSchema, input);
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, ws.id);
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, workspaceId: ws.id },
      select: { id: true, role: true, userId: true },
    });
    const leaving = membership?.userId === actor.userId;
    // A non-admin learns nothing about other memberships: Forbidden whether the id exists or not.
    if (!leaving && ws.role !== "admin") {
      throw new Forbidden("Only admins can remove other members.");
    }
    if (!membership) throw new NotFound("member");
    if (membership.role === "admin" && (await adminCount(tx, ws.id)) <= 1) {
      const message = leaving
        ? "You are the only admin. Make someone else an admin before you leave."
        : LAST_ADMIN_MESSAGE;
      throw new Conflict(message);
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordActivity(tx, {
      workspaceId: ws.id,
      actorId: actor.userId,
      action: leaving ? "member.left" : "member.removed",
      entityType: "membership",
      entityId: membership.id,
      data: { userId: membership.userId, role: membership.role },
    });
    return { left: leaving };
  });
}
