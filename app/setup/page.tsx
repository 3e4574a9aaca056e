import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { hasAnyUser } from "@/lib/server/accounts";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  await connection();
  if (await hasAnyUser()) {
    return (
      <AuthShell title="Factdesk is already set up" description="This server already has its first account.">
        <p className="text-sm text-muted">
          Sign in with your account, or ask an admin of your desk to invite you.
        </p>
        <Link
          href="/sign-in"
          className="mt-6 inline-flex w-full items-center justify-center rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black"
        >
          Go to sign in
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell
      title="Welcome to Factdesk"
      description="Create the first account on this server. Next you will set up your first desk and invite your team."
    >
      <SetupForm />
    </AuthShell>
  );
}
