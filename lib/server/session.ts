import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "./db";
import type { Actor } from "./permissions";

export type SessionUser = Actor & { email: string; name: string };

/**
 * The signed-in user, checked against the database on every request: a deleted user or a token
 * from before a password change (older session version) counts as signed out.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await auth()) as { uid?: unknown; sv?: unknown } | null;
  if (!session || typeof session.uid !== "string") return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (typeof session.sv === "number" ? session.sv : 0)) return null;
  return { userId: user.id, email: user.email, name: user.name };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
