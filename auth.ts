import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { configuredOAuthProviders, isEmailVerified, pickVerifiedGitHubEmail, type OAuthProviderLink } from "@/lib/oauth";
import { signSessionVersionProof, verifySessionVersionProof } from "@/lib/session-proof";
import { signInWithOAuthProfile } from "@/lib/server/accounts";
import { env } from "@/lib/server/env";
import { authenticateWithPassword } from "@/lib/server/sign-in";

/** A failed credentials sign-in; `code` says which kind, and the sign-in page words it. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

// next-auth's configuration is built per request (lazily), so a missing AUTH_SECRET is reported
// with a clear message when auth is first used — not at import, which would break `next build`.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => authConfig());

function authConfig(): NextAuthConfig {
  const secret = authSecret();
  return {
    secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
    // Errors of an OAuth round trip (AccessDenied, …) come back to the sign-in page as ?error=.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [credentialsProvider(), ...oauthProviders()],
    logger: {
      // A refused sign-in is an everyday event, not a server error worth a stack trace.
      error(error) {
        if (error instanceof ThrottledSignIn) console.warn("Factdesk: a sign-in was refused: too many failed attempts.");
        else if (!(error instanceof CredentialsSignin)) console.error(error);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        const result = await signInWithOAuthProfile({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: (profile?.email as string | undefined) ?? user.email,
          emailVerified: isEmailVerified(profile as Record<string, unknown> | undefined),
          name: user.name ?? (profile?.name as string | undefined),
        });
        if (!result.ok) return `/sign-in?error=${result.code}`;
        // No database adapter: the same user object goes on to the jwt callback, so pointing it at
        // the Factdesk user makes the token carry our id and session version, as for passwords.
        Object.assign(user, {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        });
        return true;
      },
      jwt({ token, user, trigger, session }) {
        // Only the user id and the session version live in the token; roles are read per request.
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        // `update` can also be called from a browser (POST /api/auth/session), so a new session
        // version is taken only with a proof signed here after a password change.
        if (trigger === "update") {
          const next = verifySessionVersionProof(secret, token.uid, token.sv, (session as { svProof?: unknown } | null)?.svProof);
          if (next !== null) token.sv = next;
        }
        return token;
      },
      session({ session, token }) {
        (session as { uid?: unknown }).uid = token.uid;
        (session as { sv?: unknown }).sv = token.sv;
        // The token's own expiry (seconds), so currentUser can keep the decoded token no longer
        // than it is valid (lib/server/session-claims.ts).
        (session as { exp?: unknown }).exp = token.exp;
        return session;
      },
    },
  };
}

function credentialsProvider(): Provider {
  return Credentials({
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const result = await authenticateWithPassword({
        email: String(credentials?.email ?? ""),
        password: String(credentials?.password ?? ""),
        clientAddress: clientAddressOf(request),
      });
      if (!result.ok) {
        throw result.code === "throttled" ? new ThrottledSignIn(result.retryAfterMs) : new InvalidCredentials();
      }
      return {
        id: result.user.id,
        email: result.user.email,
        name: result.user.name,
        sessionVersion: result.user.sessionVersion,
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// OAuth / OIDC: present only when configured through the environment.

export type { OAuthProviderLink };

export function oauthProviderLinks(): OAuthProviderLink[] {
  return configuredOAuthProviders(env());
}

function oauthProviders(): Provider[] {
  // Same conditions as configuredOAuthProviders (lib/oauth.ts), spelled out for the types.
  const e = env();
  const providers: Provider[] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
    });
  }
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(
      GitHub({
        clientId: e.GITHUB_CLIENT_ID,
        clientSecret: e.GITHUB_CLIENT_SECRET,
        // GitHub's profile carries only a public email, with no word on whether it is verified;
        // read the verified addresses instead, so linking by email can be trusted.
        userinfo: {
          url: "https://api.github.com/user",
          async request({ tokens }: { tokens: { access_token?: string } }) {
            const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "factdesk" };
            const profile = await fetch("https://api.github.com/user", { headers }).then((r) => r.json());
            const emails = await fetch("https://api.github.com/user/emails", { headers })
              .then((r) => (r.ok ? r.json() : []))
              .catch(() => []);
            const verified = pickVerifiedGitHubEmail(emails);
            return { ...profile, email: verified ?? profile.email ?? null, email_verified: verified !== null };
          },
        },
      }),
    );
  }
  return providers;
}

// ---------------------------------------------------------------------------------------------
// Secrets and proofs

const DEV_SECRET = "factdesk-development-only-secret-do-not-use-in-production";
let warnedAboutSecret = false;

function authSecret(): string {
  let configured: string | undefined;
  try {
    configured = env().AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    throw error;
  }
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") {
    const message =
      "Factdesk: AUTH_SECRET is not set. Sessions are signed with it, so Factdesk cannot sign anyone in " +
      "without it. Generate one (for example `openssl rand -base64 33`) and set AUTH_SECRET in the environment.";
    console.error(message);
    throw new Error(message);
  }
  if (!warnedAboutSecret) {
    warnedAboutSecret = true;
    console.warn("Factdesk: AUTH_SECRET is not set; using a fixed development secret. Set AUTH_SECRET before deploying.");
  }
  return DEV_SECRET;
}

/** Signed permission to move a user's session from one session version to the next (after a password change). */
export function sessionVersionProof(userId: string, from: number, to: number): string {
  return signSessionVersionProof(authSecret(), userId, from, to);
}

function clientAddressOf(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}
