"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formAction, formValues, stateFromError, type ActionState } from "@/lib/server/action";
import { acceptInvite, acceptInviteWithSignup } from "@/lib/server/invites";

export const acceptInviteAction = formAction(
  (actor, v) => acceptInvite(actor, { token: v.token ?? "" }),
  (joined) => redirect(`/w/${joined.slug}/statements`),
);

/**
 * Someone without an account: create it and join in one step, then sign them in. Not wrapped in
 * formAction because there is no signed-in actor yet; the service validates everything.
 */
export async function signUpAndAcceptAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const password = values.password ?? "";
  delete values.password;
  let joined: Awaited<ReturnType<typeof acceptInviteWithSignup>>;
  try {
    joined = await acceptInviteWithSignup({
      token: values.token ?? "",
      name: values.name ?? "",
      email: values.email ?? "",
      password,
    });
  } catch (error) {
    return { ...stateFromError(error), values };
  }
  try {
    // Throws Next's redirect on success; only Auth.js failures are handled here.
    await signIn("credentials", { email: joined.email, password, redirectTo: `/w/${joined.slug}/statements` });
  } catch (error) {
    if (error instanceof AuthError) {
      return {
        ok: true,
        message: "Your account was created and you joined the workspace, but signing in failed. Please sign in.",
        values: {},
      };
    }
    throw error;
  }
  return { ok: true, values: {} };
}
