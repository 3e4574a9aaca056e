import type { Metadata } from "next";
import Link from "next/link";
import { ProductWordmark } from "@/components/auth/auth-shell";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { getAccount } from "@/lib/server/accounts";
import { requireUser } from "@/lib/server/session";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", oidc: "single sign-on" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { notice } = await searchParams;
  const account = await getAccount(await requireUser());
  const methods = [
    ...(account.hasPassword ? ["password"] : []),
    ...account.providers.map((p) => PROVIDER_NAMES[p] ?? p),
  ];
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <div className="mb-10 flex items-center justify-between">
        <Link href="/" aria-label="Factdesk home">
          <ProductWordmark />
        </Link>
        <Link href="/" className="text-sm text-muted hover:text-ink">
          ← Back to your desks
        </Link>
      </div>
      <PageTitle description="Your name, your email and how you sign in.">Your account</PageTitle>

      <div className="space-y-6">
        <Card>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
            <dt className="text-muted">Name</dt>
            <dd className="text-ink">{account.name}</dd>
            <dt className="text-muted">Email</dt>
            <dd className="text-ink">{account.email}</dd>
            <dt className="text-muted">Signs in with</dt>
            <dd className="text-ink">{methods.join(", ") || "—"}</dd>
          </dl>
        </Card>

        <Card>
          <h2 className="text-base font-semibold text-ink">{account.hasPassword ? "Change password" : "Set a password"}</h2>
          <p className="mb-5 mt-1 text-sm text-muted">
            {account.hasPassword
              ? "Changing your password signs you out on every other device."
              : "You sign in through an identity provider. A password lets you sign in without it, too."}
          </p>
          {notice === "password-changed" ? (
            <div className="mb-5">
              <FormMessage ok message="Password changed. You are still signed in here; your other sessions have been signed out." />
            </div>
          ) : null}
          <ChangePasswordForm hasPassword={account.hasPassword} />
        </Card>

        <Card>
          <h2 className="text-base font-semibold text-ink">Sign out</h2>
          <p className="mb-5 mt-1 text-sm text-muted">
            Sign out of this browser, or of every browser and device where you are signed in.
          </p>
          <div className="flex flex-wrap gap-3">
            <form action={signOutAction}>
              <Button type="submit">Sign out</Button>
            </form>
            <form action={signOutEverywhereAction}>
              <Button type="submit" variant="secondary">
                Sign out everywhere
              </Button>
            </form>
          </div>
        </Card>
      </div>
    </main>
  );
}
