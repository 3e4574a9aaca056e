import { describe, expect, it } from "vitest";
import { makeDesk, makeMember, makeUser } from "../../test/factories";
import { db } from "./db";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { addMemberByEmail, changeMemberRole, listMembers, removeMember } from "./members";
import { requireRole } from "./permissions";
import { createInvite } from "./invites";

async function membershipsOf(workspaceId: string) {
  const rows = await db().membership.findMany({ where: { workspaceId }, select: { id: true, userId: true, role: true } });
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

async function membershipId(workspaceId: string, userId: string) {
  const m = await db().membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId } } });
  return m.id;
}

describe("listMembers", () => {
  it("shows every member to any member, pending invites only to admins", async () => {
    const desk = await makeDesk();
    await createInvite(desk.admin, { workspaceId: desk.workspace.id, role: "checker" });
    const forViewer = await listMembers(desk.viewer, { workspaceId: desk.workspace.id });
    expect(forViewer.yourRole).toBe("viewer");
    expect(forViewer.members.map((m) => m.role)).toEqual(["admin", "editor", "checker", "viewer"]);
    expect(forViewer.members.find((m) => m.isYou)?.userId).toBe(desk.viewer.userId);
    expect(forViewer.pendingInvites).toEqual([]);
    expect(JSON.stringify(forViewer)).not.toMatch(/passwordHash|tokenHash/);

    const forAdmin = await listMembers(desk.admin, { workspaceId: desk.workspace.id });
    expect(forAdmin.pendingInvites).toHaveLength(1);
    expect(forAdmin.pendingInvites[0]).toMatchObject({ role: "checker", createdByName: (await db().user.findUniqueOrThrow({ where: { id: desk.admin.userId } })).name });
  });

  it("answers an outsider with NotFound", async () => {
    const desk = await makeDesk();
    await expect(listMembers(desk.outsider, { workspaceId: desk.workspace.id })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("addMemberByEmail", () => {
  it("adds an existing account with the chosen role and records it", async () => {
    const desk = await makeDesk();
    const newcomer = await makeUser();
    const added = await addMemberByEmail(desk.admin, {
      workspaceId: desk.workspace.id,
      email: `  ${newcomer.email.toUpperCase()} `,
      role: "checker",
    });
    expect(added).toMatchObject({ userId: newcomer.userId, role: "checker" });
    await expect(requireRole(newcomer, { id: desk.workspace.id }, "checker")).resolves.toMatchObject({ role: "checker" });
    const event = await db().activityEvent.findFirst({ where: { workspaceId: desk.workspace.id, action: "member.added" } });
    expect(event?.entityId).toBe(added.membershipId);
  });

  it("suggests an invite link when nobody has that email, and adds no one", async () => {
    const desk = await makeDesk();
    const before = await membershipsOf(desk.workspace.id);
    const error = await addMemberByEmail(desk.admin, {
      workspaceId: desk.workspace.id,
      email: "nobody-here@example.test",
      role: "viewer",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(error.fieldErrors.email[0]).toMatch(/invite link/);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
  });

  it("refuses bad email and unknown role with field errors", async () => {
    const desk = await makeDesk();
    const newcomer = await makeUser();
    const before = await membershipsOf(desk.workspace.id);
    const badEmail = await addMemberByEmail(desk.admin, { workspaceId: desk.workspace.id, email: "not-an-email", role: "viewer" }).catch((e) => e);
    expect(badEmail).toBeInstanceOf(Invalid);
    expect(badEmail.fieldErrors.email).toBeDefined();
    const badRole = await addMemberByEmail(desk.admin, {
      workspaceId: desk.workspace.id,
      email: newcomer.email,
      role: "owner" as "admin",
    }).catch((e) => e);
    expect(badRole).toBeInstanceOf(Invalid);
    expect(badRole.fieldErrors.role[0]).toMatch(/Choose a role/);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
  });

  it("says so when the person is already a member", async () => {
    const desk = await makeDesk();
    const error = await addMemberByEmail(desk.admin, { workspaceId: desk.workspace.id, email: desk.viewer.email, role: "editor" }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.fieldErrors.email[0]).toMatch(/Already a member/);
  });

  it("refuses an outsider (NotFound) and non-admins (Forbidden), adding no one", async () => {
    const desk = await makeDesk();
    const newcomer = await makeUser();
    const before = await membershipsOf(desk.workspace.id);
    const input = { workspaceId: desk.workspace.id, email: newcomer.email, role: "viewer" as const };
    await expect(addMemberByEmail(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    for (const member of [desk.editor, desk.checker, desk.viewer]) {
      await expect(addMemberByEmail(member, input)).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
  });
});

describe("changeMemberRole", () => {
  it("changes a role, takes effect at once, and records from/to", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.viewer.userId);
    await changeMemberRole(desk.admin, { workspaceId: desk.workspace.id, membershipId: id, role: "editor" });
    await expect(requireRole(desk.viewer, { id: desk.workspace.id }, "editor")).resolves.toMatchObject({ role: "editor" });
    const event = await db().activityEvent.findFirst({ where: { workspaceId: desk.workspace.id, action: "member.role_changed" } });
    expect(JSON.parse(event!.data)).toMatchObject({ from: "viewer", to: "editor" });
  });

  it("refuses to demote the last admin, but allows it when another admin remains", async () => {
    const desk = await makeDesk();
    const adminId = await membershipId(desk.workspace.id, desk.admin.userId);
    const before = await membershipsOf(desk.workspace.id);
    const error = await changeMemberRole(desk.admin, { workspaceId: desk.workspace.id, membershipId: adminId, role: "editor" }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/at least one admin/);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);

    await makeMember(desk.workspace.id, "admin");
    await changeMemberRole(desk.admin, { workspaceId: desk.workspace.id, membershipId: adminId, role: "editor" });
    await expect(requireRole(desk.admin, { id: desk.workspace.id }, "admin")).rejects.toBeInstanceOf(Forbidden);
  });

  it("keeps at least one admin when two admins demote each other at the same time", async () => {
    const desk = await makeDesk();
    const second = await makeMember(desk.workspace.id, "admin");
    const [a, b] = await Promise.all([
      membershipId(desk.workspace.id, desk.admin.userId),
      membershipId(desk.workspace.id, second.userId),
    ]);
    const results = await Promise.allSettled([
      changeMemberRole(desk.admin, { workspaceId: desk.workspace.id, membershipId: b, role: "viewer" }),
      changeMemberRole(second, { workspaceId: desk.workspace.id, membershipId: a, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db().membership.count({ where: { workspaceId: desk.workspace.id, role: "admin" } })).toBe(1);
  });

  it("refuses outsiders, non-admins, bad roles and other desks' memberships, changing nothing", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.viewer.userId);
    const before = await membershipsOf(desk.workspace.id);
    const input = { workspaceId: desk.workspace.id, membershipId: id, role: "admin" as const };
    await expect(changeMemberRole(desk.outsider, input)).rejects.toBeInstanceOf(NotFound);
    for (const member of [desk.editor, desk.checker, desk.viewer]) {
      await expect(changeMemberRole(member, input)).rejects.toBeInstanceOf(Forbidden);
    }
    const bad = await changeMemberRole(desk.admin, { ...input, role: "superuser" as "admin" }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect(bad.fieldErrors.role).toBeDefined();
    // The outsider's own membership in their desk, named through this desk: not found here.
    const foreign = await membershipId(desk.otherWorkspace.id, desk.outsider.userId);
    await expect(changeMemberRole(desk.admin, { ...input, membershipId: foreign })).rejects.toBeInstanceOf(NotFound);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
    expect((await membershipsOf(desk.otherWorkspace.id))[0]?.role).toBe("admin");
  });
});

describe("removeMember", () => {
  it("removes a member and their access ends at once", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.checker.userId);
    await expect(removeMember(desk.admin, { workspaceId: desk.workspace.id, membershipId: id })).resolves.toEqual({ left: false });
    await expect(requireRole(desk.checker, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(NotFound);
    const event = await db().activityEvent.findFirst({ where: { workspaceId: desk.workspace.id, action: "member.removed" } });
    expect(JSON.parse(event!.data)).toMatchObject({ userId: desk.checker.userId, role: "checker" });
  });

  it("lets any member leave by themselves", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.viewer.userId);
    await expect(removeMember(desk.viewer, { workspaceId: desk.workspace.id, membershipId: id })).resolves.toEqual({ left: true });
    await expect(requireRole(desk.viewer, { id: desk.workspace.id }, "viewer")).rejects.toBeInstanceOf(NotFound);
    expect(await db().activityEvent.count({ where: { workspaceId: desk.workspace.id, action: "member.left" } })).toBe(1);
  });

  it("refuses to remove the last admin, even by themselves", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.admin.userId);
    const before = await membershipsOf(desk.workspace.id);
    const error = await removeMember(desk.admin, { workspaceId: desk.workspace.id, membershipId: id }).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toMatch(/only admin/);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
  });

  it("refuses outsiders (NotFound), non-admins removing others (Forbidden) and bad ids (Invalid), removing no one", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.viewer.userId);
    const before = await membershipsOf(desk.workspace.id);
    await expect(removeMember(desk.outsider, { workspaceId: desk.workspace.id, membershipId: id })).rejects.toBeInstanceOf(NotFound);
    for (const member of [desk.editor, desk.checker]) {
      await expect(removeMember(member, { workspaceId: desk.workspace.id, membershipId: id })).rejects.toBeInstanceOf(Forbidden);
    }
    const bad = await removeMember(desk.admin, { workspaceId: desk.workspace.id, membershipId: "" }).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect(bad.fieldErrors.membershipId).toBeDefined();
    const foreign = await membershipId(desk.otherWorkspace.id, desk.outsider.userId);
    await expect(removeMember(desk.admin, { workspaceId: desk.workspace.id, membershipId: foreign })).rejects.toBeInstanceOf(NotFound);
    expect(await membershipsOf(desk.workspace.id)).toEqual(before);
    expect(await membershipsOf(desk.otherWorkspace.id)).toHaveLength(1);
  });

  it("treats a missing workspace id as no workspace at all", async () => {
    const desk = await makeDesk();
    const id = await membershipId(desk.workspace.id, desk.viewer.userId);
    await expect(removeMember(desk.admin, { membershipId: id } as never)).rejects.toBeInstanceOf(NotFound);
    await expect(listMembers(desk.admin, {} as never)).rejects.toBeInstanceOf(NotFound);
  });
});
