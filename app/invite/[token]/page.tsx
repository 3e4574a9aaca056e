import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, AuthPage } from "@/components/auth/auth-shell";
import { WorkspaceInviteAcceptForm, WorkspaceInviteSignupForm } from "@/components/workspace-invite-accept";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/roles";
import { getInvite } from "@/lib/server/invites";
import { currentUser } from "@/lib/server/session";
import { acceptInviteAction, signUpAndAcceptAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const linkClass = "font-medium text-accent underline underline-offset-2";
// Same look as the primary button of the sign-in and setup cards.
const buttonClass =
  "inline-flex w-full items-center justify-center rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const invite = await getInvite(token, user);
  const here = `/invite/${encodeURIComponent(token)}`;

  return (
    <AuthPage>
      {invite.status !== "valid" && invite.joined ? (
        <AuthCard title="You are in" description={invite.message}>
          <Link href={`/w/${invite.joined.workspaceSlug}/statements`} className={buttonClass}>
            Open {invite.joined.workspaceName}
          </Link>
        </AuthCard>
      ) : invite.status !== "valid" ? (
        <AuthCard title="This invite can’t be used" description={invite.message}>
          {user ? (
            <Link href="/workspaces" className={buttonClass}>
              Go to your workspaces
            </Link>
          ) : (
            <Link href="/sign-in" className={buttonClass}>
              Sign in
            </Link>
          )}
        </AuthCard>
      ) : (
        <>
          <AuthCard
            title={`Join ${invite.workspaceName}`}
            description={
              <>
                <p className="text-ink">
                  {invite.inviterName || "An admin"} invited you to join <strong>{invite.workspaceName}</strong> on Factdesk as{" "}
                  <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong>.
                </p>
                <p className="mt-2">
                  {ROLE_LABELS[invite.role]}: {ROLE_DESCRIPTIONS[invite.role]}
                </p>
                {invite.email ? <p className="mt-2">This invite is for {invite.email}.</p> : null}
              </>
            }
          >
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
          </AuthCard>
          {user ? null : (
            <AuthCard level={2} title="New to Factdesk? Create your account" description={`You will join ${invite.workspaceName} right away.`}>
              <WorkspaceInviteSignupForm token={token} email={invite.email} action={signUpAndAcceptAction} />
            </AuthCard>
          )}
        </>
      )}
    </AuthPage>
  );
}
