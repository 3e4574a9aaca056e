// A signed permission to move one user's session token from one session version to the next.
// After a password change the server signs it and hands it to next-auth's session update; the
// jwt callback accepts a new version only with a valid proof, because a browser can call the
// same update endpoint with any data it likes.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signSessionVersionProof(secret: string, userId: string, from: number, to: number): string {
  return `${from}.${to}.${mac(secret, userId, from, to)}`;
}

/** The version to move to, or null unless the proof is valid for this user and this token's current version. */
export function verifySessionVersionProof(secret: string, userId: unknown, currentVersion: unknown, proof: unknown): number | null {
  if (typeof userId !== "string" || typeof proof !== "string") return null;
  const [fromText, toText, given] = proof.split(".");
  const from = Number(fromText);
  const to = Number(toText);
  if (!fromText || !toText || !Number.isInteger(from) || !Number.isInteger(to) || !given) return null;
  if (from !== (typeof currentVersion === "number" ? currentVersion : 0)) return null;
  const expected = Buffer.from(mac(secret, userId, from, to));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? to : null;
}

function mac(secret: string, userId: string, from: number, to: number): string {
  return createHmac("sha256", secret).update(`factdesk-session-version:${userId}:${from}:${to}`).digest("base64url");
}
