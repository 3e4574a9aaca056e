import { describe, expect, it } from "vitest";
import { makeUser, unique } from "../../test/factories";
import { changePassword, createUserAccount, signOutEverywhere } from "./accounts";
import { db } from "./db";
import { claimsOfSession, resolveSessionUser, SessionClaimsCache, sessionCookieKey, sessionUserFor, type SessionClaims } from "./session-claims";

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 15, 12);

/** A decoder standing in for Auth.js that counts how often it was asked. */
function countingDecoder(claims: SessionClaims | null) {
  const decoder = async () => {
    decoder.calls++;
    return claims;
  };
  decoder.calls = 0;
  return decoder;
}

async function claimsOf(userId: string, expiresAt = NOW + HOUR): Promise<SessionClaims> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { uid: userId, sv: sessionVersion, expiresAt };
}

describe("sessionCookieKey", () => {
  it("keys a request by its session cookies only, chunks in order, with the forwarded protocol", () => {
    expect(sessionCookieKey("theme=dark; authjs.csrf-token=a%7Cb; authjs.session-token=TOKEN; authjs.callback-url=x", "http")).toBe(
      "http|authjs.session-token=TOKEN",
    );
    expect(sessionCookieKey("authjs.session-token.1=B; other=1; authjs.session-token.0=A", "https")).toBe("https|authjs.session-token.0=A; authjs.session-token.1=B");
    expect(sessionCookieKey("__Secure-authjs.session-token=S", "https")).toBe("https|__Secure-authjs.session-token=S");
  });

  it("gives different tokens and different protocols different keys", () => {
    expect(sessionCookieKey("authjs.session-token=A", "http")).not.toBe(sessionCookieKey("authjs.session-token=B", "http"));
    expect(sessionCookieKey("authjs.session-token=A", "http")).not.toBe(sessionCookieKey("authjs.session-token=A", "https"));
  });

  it("is null without a session cookie", () => {
    expect(sessionCookieKey(null)).toBeNull();
    expect(sessionCookieKey("")).toBeNull();
    expect(sessionCookieKey("authjs.csrf-token=a; not-authjs.session-token=x; authjs.session-tokens=y")).toBeNull();
  });
});

describe("SessionClaimsCache", () => {
  const claims = (uid: string, expiresAt = NOW + HOUR): SessionClaims => ({ uid, sv: 0, expiresAt });

  it("serves claims until the token expires, then drops them", () => {
    const cache = new SessionClaimsCache(10);
    cache.set("k", claims("u1"), NOW);
    expect(cache.get("k", NOW + HOUR - 1)).toEqual(claims("u1"));
    expect(cache.get("k", NOW + HOUR)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never keeps claims that have already expired or carry no expiry", () => {
    const cache = new SessionClaimsCache(10);
    cache.set("old", claims("u1", NOW - 1), NOW);
    cache.set("none", claims("u2", 0), NOW);
    expect(cache.size).toBe(0);
  });

  it("is bounded: the least recently used entry goes first", () => {
    const cache = new SessionClaimsCache(2);
    cache.set("a", claims("a"), NOW);
    cache.set("b", claims("b"), NOW);
    expect(cache.get("a", NOW)?.uid).toBe("a"); // a is now the most recently used
    cache.set("c", claims("c"), NOW);
    expect(cache.size).toBe(2);
    expect(cache.get("b", NOW)).toBeUndefined();
    expect(cache.get("a", NOW)?.uid).toBe("a");
    expect(cache.get("c", NOW)?.uid).toBe("c");
  });
});

describe("claimsOfSession", () => {
  it("reads uid, session version and expiry from what auth() returns", () => {
    expect(claimsOfSession({ user: {}, expires: "x", uid: "u1", sv: 3, exp: 1_800_000_000 })).toEqual({ uid: "u1", sv: 3, expiresAt: 1_800_000_000_000 });
    // A token from before session versions counts as version 0; one without an expiry is not kept.
    expect(claimsOfSession({ uid: "u1" })).toEqual({ uid: "u1", sv: 0, expiresAt: 0 });
  });

  it("is null when signed out", () => {
    expect(claimsOfSession(null)).toBeNull();
    expect(claimsOfSession({ user: { name: "x" } })).toBeNull();
    expect(claimsOfSession({ uid: "" })).toBeNull();
  });
});

describe("sessionUserFor", () => {
  it("returns the user named by current claims", async () => {
    const user = await makeUser();
    expect(await sessionUserFor(await claimsOf(user.userId))).toEqual({ userId: user.userId, email: user.email, name: user.name });
  });

  it("refuses claims of another session version, an unknown user and a deleted one", async () => {
    const user = await makeUser();
    const claims = await claimsOf(user.userId);
    expect(await sessionUserFor({ ...claims, sv: claims.sv + 1 })).toBeNull();
    expect(await sessionUserFor({ ...claims, uid: unique("nobody") })).toBeNull();
    await db().user.delete({ where: { id: user.userId } });
    expect(await sessionUserFor(claims)).toBeNull();
  });
});

describe("resolveSessionUser", () => {
  it("decodes a cookie once and serves later requests with it from the cache", async () => {
    const user = await makeUser();
    const cache = new SessionClaimsCache(10);
    const decode = countingDecoder(await claimsOf(user.userId));
    expect((await resolveSessionUser("k", cache, decode, NOW))?.userId).toBe(user.userId);
    expect((await resolveSessionUser("k", cache, decode, NOW + 1000))?.userId).toBe(user.userId);
    expect(decode.calls).toBe(1);
  });

  it("without a session cookie is signed out without asking Auth.js", async () => {
    const decode = countingDecoder(null);
    expect(await resolveSessionUser(null, new SessionClaimsCache(10), decode, NOW)).toBeNull();
    expect(decode.calls).toBe(0);
  });

  it("keeps nothing for a cookie Auth.js refused, and asks again next time", async () => {
    const cache = new SessionClaimsCache(10);
    const decode = countingDecoder(null);
    expect(await resolveSessionUser("forged", cache, decode, NOW)).toBeNull();
    expect(await resolveSessionUser("forged", cache, decode, NOW)).toBeNull();
    expect(decode.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("ends a cached session when the user signs out everywhere", async () => {
    const user = await makeUser();
    const cache = new SessionClaimsCache(10);
    const decode = countingDecoder(await claimsOf(user.userId));
    expect(await resolveSessionUser("k", cache, decode, NOW)).not.toBeNull();
    await signOutEverywhere({ userId: user.userId });
    expect(await resolveSessionUser("k", cache, decode, NOW)).toBeNull();
    expect(decode.calls).toBe(1); // refused by the session version, not by decoding again
  });

  it("ends a cached session when the password changes, while a token of the new version works", async () => {
    const password = "correct horse battery staple";
    const account = await createUserAccount({ email: `${unique("sess")}@example.test`, name: "Password Changer", password });
    const user = { userId: account.id };
    const cache = new SessionClaimsCache(10);
    const before = await claimsOf(user.userId);
    expect(await resolveSessionUser("old-cookie", cache, countingDecoder(before), NOW)).not.toBeNull();
    const { sessionVersion } = await changePassword({ userId: user.userId }, { currentPassword: password, newPassword: "a much better passphrase", confirmPassword: "a much better passphrase" });
    expect(await resolveSessionUser("old-cookie", cache, countingDecoder(before), NOW)).toBeNull();
    expect((await resolveSessionUser("new-cookie", cache, countingDecoder({ ...before, sv: sessionVersion }), NOW))?.userId).toBe(user.userId);
  });

  it("goes back to Auth.js once the cached token has expired", async () => {
    const user = await makeUser();
    const cache = new SessionClaimsCache(10);
    const decode = countingDecoder(await claimsOf(user.userId, NOW + HOUR));
    await resolveSessionUser("k", cache, decode, NOW);
    const expired = countingDecoder(null); // Auth.js refuses an expired token
    expect(await resolveSessionUser("k", cache, expired, NOW + HOUR)).toBeNull();
    expect(expired.calls).toBe(1);
  });
});
