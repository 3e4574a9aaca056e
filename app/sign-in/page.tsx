import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { oauthProviderLinks } from "@/auth";
import { AuthShell } from "@/components/auth/auth-shell";
import { Button } from "@/components/ui/button";
import { hasAnyUser } from "@/lib/server/accounts";
import { currentUser } from "@/lib/server/session";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { oauthSignInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// What ?notice= and ?error= (set by Factdesk and by next-auth's OAuth round trip) mean to a person.
const NOTICES: Record<string, string> = {
  "password-changed": "Password changed. Please sign in with the new password.",
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have signed out on every device.",
  "setup-done": "Your account is ready. Please sign in.",
};

const ERRORS: Record<string, string> = {
  oauth_email_missing: "Your identity provider did not share an email address, so we could not sign you in.",
  oauth_email_unverified:
    "Your identity provider has not verified your email address. Verify it there, or sign in with your password.",
  AccessDenied: "That sign-in was not allowed.",
  OAuthAccountNotLinked: "That account could not be linked. Sign in with your password first.",
  Configuration: "Sign-in is not configured correctly on this server. Please tell your administrator.",
};
const GENERIC_ERROR = "That sign-in did not complete. Please try again.";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const redirectTo = safeRedirectPath(first("callbackUrl") ?? first("next"));

  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentUser()) redirect(redirectTo);

  const notice = NOTICES[first("notice") ?? ""];
  const errorCode = first("error");
  // CredentialsSignin in the URL comes from a no-JavaScript form post; the form shows its own.
  const error = errorCode && errorCode !== "CredentialsSignin" ? (ERRORS[errorCode] ?? GENERIC_ERROR) : undefined;
  const providers = oauthProviderLinks();

  return (
    <AuthShell
      title="Sign in"
      description="Welcome back. Sign in to your desk to continue checking."
      footer="No account yet? Ask an admin of your desk for an invitation."
    >
      <div className="space-y-4">
        <SignInForm redirectTo={redirectTo} notice={error ? { ok: false, message: error } : notice ? { ok: true, message: notice } : undefined} />
        {providers.length > 0 ? (
          <>
            <div className="flex items-center gap-3 py-1 text-xs uppercase tracking-wide text-muted">
              <span className="h-px flex-1 bg-line" />
              or
              <span className="h-px flex-1 bg-line" />
            </div>
            {providers.map((provider) => (
              <form key={provider.id} action={oauthSignInAction}>
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="redirectTo" value={redirectTo} />
                <Button type="submit" variant="secondary" className="w-full">
                  Continue with {provider.name}
                </Button>
              </form>
            ))}
          </>
        ) : null}
      </div>
    </AuthShell>
  );
}
