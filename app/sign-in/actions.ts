"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { oauthProviderLinks, signIn } from "@/auth";
import type { ActionState } from "@/lib/server/action";
import { minutesToWait } from "@/lib/server/throttle";
import { safeRedirectPath } from "@/lib/safe-redirect";

/**
 * Signs in with email and password. next-auth throws an AuthError for a refused sign-in (turned
 * into form state here, keeping the typed email) and a redirect on success, which must be
 * re-thrown for Next to follow it.
 */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeRedirectPath(String(formData.get("redirectTo") ?? ""));
  const values = { email };
  if (!email || !password) {
    return {
      ok: false,
      message: "Enter your email and password.",
      errors: {
        ...(email ? {} : { email: ["Enter your email address."] }),
        ...(password ? {} : { password: ["Enter your password."] }),
      },
      values,
    };
  }
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { ok: false, message: signInFailureMessage(error), values };
  }
  return { ok: true, values };
}

function signInFailureMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin && error.code === "throttled") {
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs ?? 15 * 60_000;
    const minutes = minutesToWait(retryAfterMs);
    return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error instanceof CredentialsSignin) return "Email or password is incorrect.";
  console.error("Factdesk: sign-in failed unexpectedly", error);
  return "Signing in did not work because of a problem on our side. Please try again in a moment.";
}

/** Starts an OAuth/OIDC sign-in with one of the configured providers. */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  const redirectTo = safeRedirectPath(String(formData.get("redirectTo") ?? ""));
  if (!oauthProviderLinks().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo });
}
