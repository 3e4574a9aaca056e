// How Factdesk reads the identity an OAuth/OIDC provider hands back. Pure, so it is unit tested;
// the OAuth dance itself cannot run offline.

export type GitHubEmail = { email: string; primary?: boolean; verified?: boolean };

/** GitHub's primary address if verified, else any verified one; null when none is verified. */
export function pickVerifiedGitHubEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const verified = (emails as GitHubEmail[]).filter((e) => e && typeof e.email === "string" && e.verified === true);
  return (verified.find((e) => e.primary) ?? verified[0])?.email ?? null;
}

/**
 * Whether the provider vouches for the email in this profile. OIDC has the standard
 * `email_verified` claim (some providers send it as the string "true"); for GitHub, Factdesk's own
 * userinfo request sets it after reading the verified addresses.
 */
export function isEmailVerified(profile: Record<string, unknown> | null | undefined): boolean {
  const claim = profile?.email_verified;
  return claim === true || claim === "true";
}
