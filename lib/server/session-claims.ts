import "server-only";
import { sqliteConnectionOf } from "../db/client";
import { db } from "./db";
import type { Actor } from "./permissions";

// The per-request half of "who is signed in" (session.ts wires it to Auth.js and the request).
//
// Auth.js's auth() rebuilds its configuration, derives the key (HKDF), decrypts the session JWE,
// re-encrypts a refreshed one that a server component cannot even set, hashes a CSRF token and
// round-trips the session through a Response and JSON — about 2 ms of CPU per call, more than
// creating a highlight costs. A session cookie's value always decrypts to the same claims, so the
// claims are kept per cookie value: a request with a cookie seen before skips Auth.js altogether.
// What makes the cache safe:
// - only cookies that Auth.js accepted are kept, under their exact value (a changed cookie is a
//   different key); a forged or broken cookie is never kept, so it goes to Auth.js every time;
// - the token's own expiry still ends it: an entry past `expiresAt` is dropped, not served;
// - the session version is still compared with the user's row on every request (sessionUserFor),
//   so signing out everywhere and changing the password end every session at once, cached or not.

export type SessionUser = Actor & { email: string; name: string };

/** What a session token says: whose it is, the session version it was issued under, and until when (epoch ms). */
export type SessionClaims = { uid: string; sv: number; expiresAt: number };

/** Auth.js's session cookie: plain or __Secure- (HTTPS), whole or in chunks (name.0, name.1…). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.(\d+))?$/;

/**
 * The cache key of a request's session: every session cookie (name and value, chunks in order) and
 * the forwarded protocol, which decides which cookie name Auth.js reads. Null when the request has
 * no session cookie at all, which Auth.js answers with "signed out" too.
 */
export function sessionCookieKey(cookieHeader: string | null | undefined, forwardedProto?: string | null): string | null {
  if (!cookieHeader) return null;
  const found: Array<{ name: string; chunk: number; pair: string }> = [];
  for (const part of cookieHeader.split(";")) {
    const pair = part.trim();
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    const match = SESSION_COOKIE.exec(name);
    if (match) found.push({ name, chunk: match[1] === undefined ? -1 : Number(match[1]), pair });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.chunk - b.chunk);
  return `${forwardedProto ?? ""}|${found.map((f) => f.pair).join("; ")}`;
}

/**
 * Decoded session claims by cookie key, least recently used out first. Bounded by entries (a
 * key is a few hundred bytes to a few KB), so a flood of distinct valid sessions costs at most a
 * few MB and only pushes out older entries, which then go through Auth.js again.
 */
export class SessionClaimsCache {
  readonly #entries = new Map<string, SessionClaims>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): SessionClaims | undefined {
    const claims = this.#entries.get(key);
    if (!claims) return undefined;
    this.#entries.delete(key);
    if (claims.expiresAt <= now) return undefined;
    this.#entries.set(key, claims);
    return claims;
  }

  set(key: string, claims: SessionClaims, now = Date.now()): void {
    if (claims.expiresAt <= now) return;
    this.#entries.delete(key);
    this.#entries.set(key, claims);
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** Claims from what auth() returned (the session callback in auth.ts adds uid, sv and exp); null when signed out. */
export function claimsOfSession(session: unknown): SessionClaims | null {
  const s = session as { uid?: unknown; sv?: unknown; exp?: unknown } | null | undefined;
  if (!s || typeof s.uid !== "string" || s.uid === "") return null;
  // A token without an expiry is still honoured for this request but never kept.
  const expiresAt = typeof s.exp === "number" ? s.exp * 1000 : 0;
  return { uid: s.uid, sv: typeof s.sv === "number" ? s.sv : 0, expiresAt };
}

/**
 * The user the claims name, if they still may act: the user exists and the token's session
 * version is the current one (older tokens are from before a password change or a sign-out
 * everywhere). One primary-key read; on SQLite straight on the connection, as the annotation hot
 * path does, since every request makes it.
 */
export async function sessionUserFor(claims: SessionClaims): Promise<SessionUser | null> {
  type Row = { id: string; email: string; name: string; sessionVersion: number };
  let user: Row | null | undefined;
  const sqlite = sqliteConnectionOf(db());
  if (sqlite) {
    [user] = await sqlite.use((c) => c.all<Row>('SELECT "id", "email", "name", "sessionVersion" FROM "User" WHERE "id" = ?', [claims.uid]));
  } else {
    user = await db().user.findUnique({ where: { id: claims.uid }, select: { id: true, email: true, name: true, sessionVersion: true } });
  }
  if (!user || Number(user.sessionVersion) !== claims.sv) return null;
  return { userId: user.id, email: user.email, name: user.name };
}

/**
 * The signed-in user for a request whose session cookie key is `key`: cached claims if there are
 * some, else `decode` (Auth.js) and keep what it accepted; then the user's row decides.
 */
export async function resolveSessionUser(
  key: string | null,
  cache: SessionClaimsCache,
  decode: () => Promise<SessionClaims | null>,
  now = Date.now(),
): Promise<SessionUser | null> {
  if (key === null) return null;
  let claims = cache.get(key, now);
  if (!claims) {
    const decoded = await decode();
    if (!decoded) return null;
    cache.set(key, decoded, now);
    claims = decoded;
  }
  return sessionUserFor(claims);
}
