import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { claimsOfSession, resolveSessionUser, SessionClaimsCache, sessionCookieKey, type SessionUser } from "./session-claims";

export type { SessionUser };

/** Decoded session tokens of this process (session-claims.ts says why that is safe). */
const sessionClaims = new SessionClaimsCache(5_000);

/**
 * The signed-in user, checked against the database on every request: a deleted user or a token
 * from before a password change (older session version) counts as signed out. The token itself is
 * decoded by Auth.js once per cookie value and process, not on every request.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const h = await headers();
  const key = sessionCookieKey(h.get("cookie"), h.get("x-forwarded-proto"));
  return resolveSessionUser(key, sessionClaims, async () => claimsOfSession(await auth()));
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
