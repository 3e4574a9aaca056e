import { describe, expect, it } from "vitest";
import { makeDesk, makeUser, unique } from "../../test/factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import {
  acceptInvite,
  acceptInviteWithSignup,
  createInvite,
  getInvite,
  hashInviteToken,
  revokeInvite,
} from "./invites";
import { requireRole } from "./permissions";
import { verifyPassword } from "./passwords";

async function invitesOf(workspaceId: string) {
  return db().invite.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
}

describe("createInvite", () => {
  it("returns a one-time link and stores only the token's SHA-256", async () => {
    const desk = await makeDesk();
    const invite = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "checker" });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite.url).toBe(`/invite/${invite.token}`);
    const days = (invite.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const row = await db().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(invite.token);
    const event = await db().activityEvent.findFirst({ where: { workspaceId: desk.workspace.id, action: "invite.created" } });
    expect(event?.entityId).toBe(invite.id);
    expect(event?.data).not.toContain(invite.token);
  });

  it("refuses outsiders, non-admins and bad input, creating nothing", async () => {
    const desk = await makeDesk();
    const input = { workspaceId: desk.workspace.id, role: "viewer" as const };
    await expect(createInvite(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    for (const member of [desk.editor, desk.checker, desk.viewer]) {
      await expect(createInvite(member, input)).rejects.toBeInstanceOf(Forbidden);
    }
    const badRole = await createInvite(desk.admin, { ...input, role: "owner" as "admin" }).catch((e) => e);
    expect(badRole).toBeInstanceOf(Invalid);
    expect(badRole.fieldErrors.role).toBeDefined();
    const badEmail = await createInvite(desk.admin, { ...input, email: "nope" }).catch((e) => e);
    expect(badEmail).toBeInstanceOf(Invalid);
    expect(badEmail.fieldErrors.email).toBeDefined();
    expect(await invitesOf(desk.workspace.id)).toEqual([]);
  });
});

describe("getInvite / acceptInvite", () => {
  it("previews a valid invite and lets a signed-in user join with its role, once", async () => {
    const desk = await makeDesk();
    const { token, id } = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "checker" });
    await expect(getInvite(token)).resolves.toMatchObject({
      status: "valid",
      workspaceName: desk.workspace.name,
      role: "checker",
      inviterName: (await db().user.findUniqueOrThrow({ where: { id: desk.admin.userId } })).name,
    });

    const joiner = await makeUser();
    await expect(acceptInvite(joiner, { token })).resolves.toMatchObject({ slug: desk.workspace.slug, role: "checker" });
    await expect(requireRole(joiner, { id: desk.workspace.id }, "checker")).resolves.toMatchObject({ role: "checker" });
    const row = await db().invite.findUniqueOrThrow({ where: { id } });
    expect(row.acceptedById).toBe(joiner.userId);
    expect(await db().activityEvent.count({ where: { workspaceId: desk.workspace.id, action: "invite.accepted" } })).toBe(1);

    // The same person again is harmless; anyone else finds the link used.
    await expect(acceptInvite(joiner, { token })).resolves.toMatchObject({ role: "checker" });
    const other = await makeUser();
    const error = await acceptInvite(other, { token }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/already been used/);
    await expect(requireRole(other, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(NotFound);
    await expect(getInvite(token)).resolves.toMatchObject({ status: "used" });
    await expect(getInvite(token, other)).resolves.not.toHaveProperty("joined");
    await expect(getInvite(token, joiner)).resolves.toMatchObject({
      status: "used",
      joined: { workspaceSlug: desk.workspace.slug },
    });
  });

  it("is single-use under concurrent accepts", async () => {
    const desk = await makeDesk();
    const { token } = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    const users = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const results = await Promise.allSettled(users.map((u) => acceptInvite(u, { token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const joined = await db().membership.count({ where: { workspaceId: desk.workspace.id, userId: { in: users.map((u) => u.userId) } } });
    expect(joined).toBe(1);
  });

  it("keeps a member's higher role, and raises a lower one", async () => {
    const desk = await makeDesk();
    const low = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    await expect(acceptInvite(desk.editor, { token: low.token })).resolves.toMatchObject({ role: "editor" });
    const high = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "editor" });
    await expect(acceptInvite(desk.viewer, { token: high.token })).resolves.toMatchObject({ role: "editor" });
    await expect(requireRole(desk.viewer, { id: desk.workspace.id }, "editor")).resolves.toBeTruthy();
  });

  it("refuses expired, revoked and unknown links with clear messages, joining no one", async () => {
    const desk = await makeDesk();
    const joiner = await makeUser();

    const expired = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    await db().invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(getInvite(expired.token)).resolves.toMatchObject({ status: "expired", message: expect.stringMatching(/expired/) });
    await expect(acceptInvite(joiner, { token: expired.token })).rejects.toThrow(/expired/);

    const revoked = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    await revokeInvite(desk.admin, { workspaceId: desk.workspace.id, inviteId: revoked.id });
    await expect(getInvite(revoked.token)).resolves.toMatchObject({ status: "revoked" });
    await expect(acceptInvite(joiner, { token: revoked.token })).rejects.toThrow(/withdrawn/);

    for (const token of ["", "short", "x".repeat(43), "y".repeat(5000)]) {
      await expect(getInvite(token)).resolves.toMatchObject({ status: "unknown" });
      const error = await acceptInvite(joiner, { token }).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect(error.message).toMatch(/not valid/);
    }
    // Nothing about the desk is told for a link that no longer works.
    expect(JSON.stringify(await getInvite(expired.token))).not.toContain(desk.workspace.name);
    await expect(requireRole(joiner, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(NotFound);
  });

  it("holds an invite addressed to an email to that account", async () => {
    const desk = await makeDesk();
    const intended = await makeUser();
    const invite = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer", email: intended.email.toUpperCase() });
    const stranger = await makeUser();
    await expect(acceptInvite(stranger, { token: invite.token })).rejects.toThrow(/This invite is for/);
    await expect(acceptInvite(intended, { token: invite.token })).resolves.toMatchObject({ role: "viewer" });
  });
});

describe("acceptInviteWithSignup", () => {
  const signup = (token: string, email = `${unique("new")}@example.test`) => ({
    token,
    name: "New Checker",
    email,
    password: "a long enough passphrase",
  });

  it("creates the account and the membership together", async () => {
    const desk = await makeDesk();
    const { token } = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "checker" });
    const input = signup(token);
    const result = await acceptInviteWithSignup({ ...input, email: input.email.toUpperCase() });
    expect(result).toMatchObject({ slug: desk.workspace.slug, role: "checker", email: input.email });
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(user.passwordHash, input.password)).toBe(true);
    await expect(requireRole({ userId: user.id }, { id: desk.workspace.id }, "checker")).resolves.toBeTruthy();
  });

  it("refuses a short password, a taken email and a used link, creating no account", async () => {
    const desk = await makeDesk();
    const { token } = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    const attempt = signup(token);

    const short = await acceptInviteWithSignup({ ...attempt, password: "short" }).catch((e) => e);
    expect(short).toBeInstanceOf(Invalid);
    expect(short.fieldErrors.password[0]).toMatch(/12 characters/);

    const badEmail = await acceptInviteWithSignup({ ...attempt, email: "not-an-email" }).catch((e) => e);
    expect(badEmail.fieldErrors.email).toBeDefined();

    const taken = await acceptInviteWithSignup(signup(token, desk.viewer.email)).catch((e) => e);
    expect(taken).toBeInstanceOf(Conflict);
    expect(taken.fieldErrors.email[0]).toMatch(/Sign in/);

    expect(await db().user.findUnique({ where: { email: attempt.email } })).toBeNull();
    expect(await db().user.count({ where: { email: { in: ["not-an-email", "not-an-email@"] } } })).toBe(0);
    const row = await db().invite.findFirstOrThrow({ where: { workspaceId: desk.workspace.id } });
    expect(row.acceptedAt).toBeNull();

    await acceptInviteWithSignup(signup(token));
    const reused = signup(token);
    await expect(acceptInviteWithSignup(reused)).rejects.toThrow(/already been used/);
    expect(await db().user.findUnique({ where: { email: reused.email } })).toBeNull();
  });
});

describe("revokeInvite", () => {
  it("lets an admin withdraw a pending invite and records it", async () => {
    const desk = await makeDesk();
    const invite = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    await revokeInvite(desk.admin, { workspaceId: desk.workspace.id, inviteId: invite.id });
    const row = await db().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(await db().activityEvent.count({ where: { workspaceId: desk.workspace.id, action: "invite.revoked" } })).toBe(1);
  });

  it("cannot withdraw a used invite", async () => {
    const desk = await makeDesk();
    const invite = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    await acceptInvite(await makeUser(), { token: invite.token });
    await expect(revokeInvite(desk.admin, { workspaceId: desk.workspace.id, inviteId: invite.id })).rejects.toBeInstanceOf(Conflict);
  });

  it("refuses outsiders, non-admins, other desks' invites and bad ids, changing nothing", async () => {
    const desk = await makeDesk();
    const invite = await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "viewer" });
    const foreign = await createInvite(desk.outsider, { workspaceId: desk.otherWorkspace.id, role: "viewer" });
    const input = { workspaceId: desk.workspace.id, inviteId: invite.id };
    await expect(revokeInvite(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    for (const member of [desk.editor, desk.checker, desk.viewer]) {
      await expect(revokeInvite(member, input)).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(revokeInvite(desk.admin, { ...input, inviteId: foreign.id })).rejects.toBeInstanceOf(NotFound);
    const bad = await revokeInvite(desk.admin, { ...input, inviteId: "" }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    const rows = [...(await invitesOf(desk.workspace.id)), ...(await invitesOf(desk.otherWorkspace.id))];
    expect(rows.every((r) => r.revokedAt === null)).toBe(true);
  });
});
