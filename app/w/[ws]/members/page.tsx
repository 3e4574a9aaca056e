import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { WorkspaceAddMemberForm } from "@/components/workspace-add-member-form";
import { WorkspaceInviteForm } from "@/components/workspace-invite-form";
import { WorkspaceMembersTable } from "@/components/workspace-members-table";
import { WorkspacePendingInvites } from "@/components/workspace-pending-invites";
import { canManageMembers, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/roles";
import { listMembers } from "@/lib/server/members";
import { formatDateTime } from "@/lib/text/dates";
import { loadWorkspacePage } from "../workspace";
import {
  addMemberAction,
  changeRoleAction,
  createInviteAction,
  removeMemberAction,
  revokeInviteAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  const { user, workspace } = await loadWorkspacePage(ws);
  const list = await listMembers(user, { workspaceId: workspace.id });
  const isAdmin = canManageMembers(list.yourRole);
  const count = list.members.length;

  return (
    <div className="space-y-8">
      <PageTitle
        description={`${count} ${count === 1 ? "person works" : "people work"} in ${workspace.name}. You are ${articleFor(ROLE_LABELS[list.yourRole])} ${ROLE_LABELS[list.yourRole].toLowerCase()}.`}
      >
        Members
      </PageTitle>

      <WorkspaceMembersTable
        workspaceId={workspace.id}
        canManage={isAdmin}
        members={list.members.map((m) => ({
          membershipId: m.membershipId,
          name: m.name,
          email: m.email,
          role: m.role,
          isYou: m.isYou,
        }))}
        changeRoleAction={changeRoleAction}
        removeMemberAction={removeMemberAction}
      />

      {isAdmin ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="text-base font-semibold text-ink">Add by email</h2>
            <p className="mt-1 text-sm text-muted">For people who already have a Factdesk account.</p>
            <div className="mt-4">
              <WorkspaceAddMemberForm workspaceId={workspace.id} action={addMemberAction} />
            </div>
          </Card>
          <Card>
            <h2 className="text-base font-semibold text-ink">Invite link</h2>
            <p className="mt-1 text-sm text-muted">
              A single-use link that works for 7 days. People without an account can create one when they open it.
            </p>
            <div className="mt-4">
              <WorkspaceInviteForm workspaceId={workspace.id} action={createInviteAction} />
            </div>
          </Card>
          <Card className="lg:col-span-2">
            <h2 className="text-base font-semibold text-ink">Open invites</h2>
            <div className="mt-2">
              <WorkspacePendingInvites
                workspaceId={workspace.id}
                action={revokeInviteAction}
                invites={list.pendingInvites.map((i) => ({
                  id: i.id,
                  role: i.role,
                  email: i.email,
                  createdByName: i.createdByName,
                  expiresLabel: formatDateTime(i.expiresAt),
                }))}
              />
            </div>
          </Card>
        </div>
      ) : (
        <p className="text-sm text-muted">Only admins can add members or change roles.</p>
      )}

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="text-base font-semibold text-ink">
          What each role can do
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          {ROLES.map((role) => (
            <div key={role} className="rounded-md border border-line bg-white px-4 py-3">
              <dt className="text-sm font-medium text-ink">{ROLE_LABELS[role]}</dt>
              <dd className="mt-0.5 text-sm text-muted">{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
