import { describe, expect, it } from "vitest";
import { configuredOAuthProviders, isEmailVerified, pickVerifiedGitHubEmail } from "./oauth";

describe("pickVerifiedGitHubEmail", () => {
  it("prefers the verified primary address", () => {
    expect(
      pickVerifiedGitHubEmail([
        { email: "old@example.org", primary: false, verified: true },
        { email: "main@example.org", primary: true, verified: true },
      ]),
    ).toBe("main@example.org");
  });

  it("falls back to another verified address when the primary is not verified", () => {
    expect(
      pickVerifiedGitHubEmail([
        { email: "main@example.org", primary: true, verified: false },
        { email: "other@example.org", primary: false, verified: true },
      ]),
    ).toBe("other@example.org");
  });

  it("gives null when nothing is verified or the answer is not a list", () => {
    expect(pickVerifiedGitHubEmail([{ email: "main@example.org", primary: true, verified: false }])).toBeNull();
    expect(pickVerifiedGitHubEmail({ message: "Bad credentials" })).toBeNull();
  });
});

describe("isEmailVerified", () => {
  it("accepts the claim as a boolean or the string 'true' only", () => {
    expect(isEmailVerified({ email_verified: true })).toBe(true);
    expect(isEmailVerified({ email_verified: "true" })).toBe(true);
    expect(isEmailVerified({ email_verified: false })).toBe(false);
    expect(isEmailVerified({ email_verified: "false" })).toBe(false);
    expect(isEmailVerified({})).toBe(false);
    expect(isEmailVerified(null)).toBe(false);
  });
});

describe("configuredOAuthProviders", () => {
  it("offers nothing without configuration, or with half of it", () => {
    expect(configuredOAuthProviders({})).toEqual([]);
    expect(configuredOAuthProviders({ OIDC_ISSUER: "https://id.example.org", OIDC_CLIENT_ID: "factdesk" })).toEqual([]);
    expect(configuredOAuthProviders({ GITHUB_CLIENT_ID: "abc" })).toEqual([]);
  });

  it("offers each completely configured provider, with the OIDC label from OIDC_NAME", () => {
    expect(
      configuredOAuthProviders({
        OIDC_ISSUER: "https://id.example.org",
        OIDC_CLIENT_ID: "factdesk",
        OIDC_CLIENT_SECRET: "s3cret",
        OIDC_NAME: "Newsroom login",
        GITHUB_CLIENT_ID: "abc",
        GITHUB_CLIENT_SECRET: "def",
      }),
    ).toEqual([
      { id: "oidc", name: "Newsroom login" },
      { id: "github", name: "GitHub" },
    ]);
  });
});
