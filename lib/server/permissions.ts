import "server-only";
import { isRole, roleAtLeast, type Role } from "../roles";
import { db } from "./db";
import { Forbidden, NotFound, Unauthenticated } from "./errors";

/**
 * Who is acting: the signed-in user's id, from the session or an API token. A token's actor also
 * carries its scope: it reaches only that workspace, and acts with the smaller of the token's role
 * and the user's current membership role (so a demotion or removal shrinks the token at once).
 */
export type Actor = { userId: string; scope?: ActorScope };
export type ActorScope = { workspaceId: string; role: Role };

export type WorkspaceAccess = { id: string; slug: string; name: string; role: Role };

/**
 * Loads the workspace by id or slug and the actor's membership, fresh from the database on every
 * call (so role changes and removals take effect at once). A non-member gets the same NotFound as
 * a workspace that does not exist; a member with too small a role gets Forbidden.
 */
export async function requireRole(
  actor: Actor | null | undefined,
  workspace: { id: string } | { slug: string },
  minimum: Role,
): Promise<WorkspaceAccess> {
  if (!actor) throw new Unauthenticated();
  // An undefined id would drop the filter and match any of the actor's workspaces.
  const key = "id" in workspace ? workspace.id : workspace.slug;
  if (typeof key !== "string" || key === "") throw new NotFound("workspace");
  const membership = await db().membership.findFirst({
    where: { userId: actor.userId, workspace: "id" in workspace ? { id: workspace.id } : { slug: workspace.slug } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  return checkMembership(membership, minimum, actor);
}

/**
 * The access decision itself, for a membership however it was read (raw SQL hot paths read it in
 * the same query as their data): none, or an unknown role, is NotFound like a missing workspace;
 * too small a role is Forbidden. A scoped actor (an API token) is a non-member of every other
 * workspace, and its role is capped by the scope's.
 */
export function checkMembership(
  membership: { role: string; workspace: { id: string; slug: string; name: string } } | null | undefined,
  minimum: Role,
  actor?: Actor | null,
): WorkspaceAccess {
  if (!membership || !isRole(membership.role)) throw new NotFound("workspace");
  const scope = actor?.scope;
  if (scope && (scope.workspaceId !== membership.workspace.id || !isRole(scope.role))) throw new NotFound("workspace");
  const role = scope && !roleAtLeast(scope.role, membership.role) ? scope.role : membership.role;
  if (!roleAtLeast(role, minimum)) {
    throw new Forbidden(
      scope
        ? `This needs the ${minimum} role or higher; this API token acts as a ${role} in this workspace.`
        : `This needs the ${minimum} role or higher; you are a ${role} in this workspace.`,
    );
  }
  return { ...membership.workspace, role };
}

/** Same as requireRole but for reads: any member may pass. */
export function requireMember(actor: Actor | null | undefined, workspace: { id: string } | { slug: string }) {
  return requireRole(actor, workspace, "viewer");
}
