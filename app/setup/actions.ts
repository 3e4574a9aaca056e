"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { type ActionState, formValues, stateFromError } from "@/lib/server/action";
import { createFirstAdmin } from "@/lib/server/accounts";

/** First run: creates the first user (refused once any user exists) and signs them in. */
export async function setupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const input = formValues(formData);
  const { password: _p, confirmPassword: _c, ...values } = input;
  let email: string;
  try {
    email = (await createFirstAdmin(input)).email;
  } catch (error) {
    return { ...stateFromError(error), values };
  }
  try {
    // Their first desk does not exist yet: /workspaces is where they create it.
    await signIn("credentials", { email, password: input.password ?? "", redirectTo: "/workspaces" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?notice=setup-done");
    throw error;
  }
  return { ok: true, values };
}
