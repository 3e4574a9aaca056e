import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { WorkspaceInviteAcceptForm, WorkspaceInviteSignupForm } from "@/components/workspace-invite-accept";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/roles";
import { getInvite } from "@/lib/server/invites";
import { currentUser } from "@/lib/server/session";
import { acceptInviteAction, signUpAndAcceptAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const linkClass = "font-medium text-accent underline underline-offset-2";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const invite = await getInvite(token, user);
  const here = `/invite/${encodeURIComponent(token)}`;

  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-12">
      <p className="mb-6 text-center text-lg font-semibold tracking-tight text-ink">
        <Link href="/">Factdesk</Link>
      </p>
      {invite.status !== "valid" && invite.joined ? (
        <Card>
          <h1 className="text-xl font-semibold text-ink">You are in</h1>
          <p className="mt-2 text-sm text-muted">{invite.message}</p>
          <p className="mt-6 text-sm">
            <Link href={`/w/${invite.joined.workspaceSlug}/statements`} className={linkClass}>
              Open {invite.joined.workspaceName}
            </Link>
          </p>
        </Card>
      ) : invite.status !== "valid" ? (
        <Card>
          <h1 className="text-xl font-semibold text-ink">This invite can’t be used</h1>
          <p className="mt-2 text-sm text-muted">{invite.message}</p>
          <p className="mt-6 text-sm">
            {user ? (
              <Link href="/workspaces" className={linkClass}>
                Go to your workspaces
              </Link>
            ) : (
              <Link href="/sign-in" className={linkClass}>
                Sign in
              </Link>
            )}
          </p>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <h1 className="text-xl font-semibold text-ink">Join {invite.workspaceName}</h1>
            <p className="mt-2 text-sm text-ink">
              {invite.inviterName || "An admin"} invited you to join <strong>{invite.workspaceName}</strong> on Factdesk as{" "}
              <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong>.
            </p>
            <p className="mt-1 text-sm text-muted">
              {ROLE_LABELS[invite.role]}: {ROLE_DESCRIPTIONS[invite.role]}
            </p>
            {invite.email ? <p className="mt-1 text-sm text-muted">This invite is for {invite.email}.</p> : null}
            <div className="mt-6">
              {user ? (
                <>
                  <p className="mb-3 text-sm text-muted">
                    Signed in as {user.name ? `${user.name} (${user.email})` : user.email}.
                  </p>
                  <WorkspaceInviteAcceptForm token={token} workspaceName={invite.workspaceName} action={acceptInviteAction} />
                </>
              ) : (
                <p className="text-sm text-ink">
                  Already have an account?{" "}
                  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={linkClass}>
                    Sign in to accept
                  </Link>
                </p>
              )}
            </div>
          </Card>
          {user ? null : (
            <Card>
              <h2 className="text-base font-semibold text-ink">New to Factdesk? Create your account</h2>
              <p className="mt-1 text-sm text-muted">You will join {invite.workspaceName} right away.</p>
              <div className="mt-4">
                <WorkspaceInviteSignupForm token={token} email={invite.email} action={signUpAndAcceptAction} />
              </div>
            </Card>
          )}
        </div>
      )}
    </main>
  );
}
