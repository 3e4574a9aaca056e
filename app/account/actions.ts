"use server";
import { redirect } from "next/navigation";
import { signOut, sessionVersionProof, unstable_update } from "@/auth";
import { formAction } from "@/lib/server/action";
import { changePassword, signOutEverywhere } from "@/lib/server/accounts";
import { currentUser } from "@/lib/server/session";

export const changePasswordAction = formAction(
  async (actor, values) => ({ userId: actor.userId, ...(await changePassword(actor, values)) }),
  async ({ userId, sessionVersion }) => {
    // The password change ended every session, this one included. Move this browser's token to
    // the new session version with a proof only the server can sign; if that does not work, sign
    // out cleanly and say why rather than leave a session that silently stopped working.
    let kept = false;
    try {
      const proof = sessionVersionProof(userId, sessionVersion - 1, sessionVersion);
      const session = (await unstable_update({ svProof: proof } as never)) as { sv?: unknown } | null;
      kept = session?.sv === sessionVersion;
    } catch (error) {
      console.error("Factdesk: could not refresh the session after a password change", error);
    }
    if (!kept) await signOut({ redirectTo: "/sign-in?notice=password-changed" });
    // A redirect rather than returned state: re-rendering this page within the action would read
    // the request's old session cookie (auth() reads the request headers) and look signed out.
    redirect("/account?notice=password-changed");
  },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(user);
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
}
