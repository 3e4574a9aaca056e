import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { getAccount } from "@/lib/server/accounts";
import { requireUser } from "@/lib/server/session";
import { listMyWorkspaces } from "@/lib/server/workspaces";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", oidc: "single sign-on" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { notice } = await searchParams;
  const user = await requireUser();
  const [account, workspaces] = await Promise.all([getAccount(user), listMyWorkspaces(user)]);
  const methods = [
    ...(account.hasPassword ? ["password"] : []),
    ...account.providers.map((p) => PROVIDER_NAMES[p] ?? p),
  ];
  // The same top bar as every signed-in page, so the way back to a desk is where it always is.
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main id="main" className="mx-auto max-w-2xl px-6 py-8">
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

          {workspaces.length ? (
            <Card>
              <h2 className="text-base font-semibold text-ink">API tokens</h2>
              <p className="mb-3 mt-1 text-sm text-muted">Tokens for scripts and tools that use the Factdesk API; each works in one workspace.</p>
              <ul className="space-y-1 text-sm">
                {workspaces.map((ws) => (
                  <li key={ws.slug}>
                    <Link href={`/w/${ws.slug}/api-tokens`} className="text-accent underline-offset-2 hover:underline">
                      API tokens in {ws.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

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
    </>
  );
}
