import { redirect } from "next/navigation";
import { connection } from "next/server";
import { hasAnyUser, homePathFor } from "@/lib/server/accounts";
import { currentUser } from "@/lib/server/session";

// The front door: a new server goes to setup, a visitor to sign-in, a member to their first desk.
export default async function HomePage() {
  await connection();
  if (!(await hasAnyUser())) redirect("/setup");
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  redirect(await homePathFor(user));
}
