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

export type OAuthEnv = {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_NAME?: string;
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
};

export type OAuthProviderLink = { id: "oidc" | "github"; name: string };

/** The OAuth/OIDC providers the environment configures completely; none means passwords only. */
export function configuredOAuthProviders(env: OAuthEnv): OAuthProviderLink[] {
  const links: OAuthProviderLink[] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    links.push({ id: "oidc", name: env.OIDC_NAME || "Single sign-on" });
  }
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) links.push({ id: "github", name: "GitHub" });
  return links;
}
