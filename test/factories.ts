// Each call makes new, uniquely named rows, so tests run in parallel without cleanup.
import { randomUUID } from "node:crypto";
import type { Role } from "../lib/roles";
import { db } from "../lib/server/db";
import type { Actor } from "../lib/server/permissions";

export function unique(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function makeUser(name = unique("user")): Promise<Actor & { email: string; name: string }> {
  const email = `${name}@example.test`;
  const user = await db().user.create({ data: { email, name } });
  return { userId: user.id, email, name };
}

export async function makeWorkspace(owner?: Actor) {
  const admin = owner ?? (await makeUser());
  const slug = unique("ws");
  const workspace = await db().workspace.create({
    data: { slug, name: `Desk ${slug}`, memberships: { create: { userId: admin.userId, role: "admin" } } },
  });
  return { workspace, admin };
}

export async function makeMember(workspaceId: string, role: Role): Promise<Actor & { email: string; name: string }> {
  const user = await makeUser();
  await db().membership.create({ data: { workspaceId, userId: user.userId, role } });
  return user;
}

/** A workspace with one member of every role, and an outsider who is admin of another desk. */
export async function makeDesk() {
  const { workspace, admin } = await makeWorkspace();
  const [editor, checker, viewer] = await Promise.all([
    makeMember(workspace.id, "editor"),
    makeMember(workspace.id, "checker"),
    makeMember(workspace.id, "viewer"),
  ]);
  const other = await makeWorkspace();
  return { workspace, admin, editor, checker, viewer, outsider: other.admin, otherWorkspace: other.workspace };
}
