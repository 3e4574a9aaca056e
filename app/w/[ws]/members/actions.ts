"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/roles";
import { formAction } from "@/lib/server/action";
import { createInvite, revokeInvite } from "@/lib/server/invites";
import { addMemberByEmail, changeMemberRole, removeMember } from "@/lib/server/members";

const MEMBERS_PAGE = "/w/[ws]/members";

export const addMemberAction = formAction(
  (actor, v) => addMemberByEmail(actor, { workspaceId: v.workspaceId ?? "", email: v.email ?? "", role: v.role as Role }),
  (member) => {
    revalidatePath(MEMBERS_PAGE, "page");
    return { ok: true, message: `${member.name || member.email} was added as ${member.role}.`, values: {} };
  },
);

export const changeRoleAction = formAction(
  (actor, v) =>
    changeMemberRole(actor, { workspaceId: v.workspaceId ?? "", membershipId: v.membershipId ?? "", role: v.role as Role }),
  (member, values) => {
    revalidatePath("/w/[ws]", "layout");
    return { ok: true, message: `${member.name || member.email} is now ${member.role}.`, values };
  },
);

export const removeMemberAction = formAction(
  (actor, v) => removeMember(actor, { workspaceId: v.workspaceId ?? "", membershipId: v.membershipId ?? "" }),
  (result) => {
    revalidatePath("/w/[ws]", "layout");
    if (result.left) {
      revalidatePath("/workspaces");
      redirect("/workspaces");
    }
    return { ok: true, message: "Removed.", values: {} };
  },
);

export const createInviteAction = formAction(
  (actor, v) => createInvite(actor, { workspaceId: v.workspaceId ?? "", role: v.role as Role, email: v.email }),
  (invite, values) => {
    revalidatePath(MEMBERS_PAGE, "page");
    return {
      ok: true,
      message: "Invite link created. Copy it now: it is shown only once.",
      values: { role: values.role ?? "", email: "" },
      data: { url: invite.url, expiresAt: invite.expiresAt.toISOString() },
    };
  },
);

export const revokeInviteAction = formAction(
  (actor, v) => revokeInvite(actor, { workspaceId: v.workspaceId ?? "", inviteId: v.inviteId ?? "" }),
  () => {
    revalidatePath(MEMBERS_PAGE, "page");
    return { ok: true, message: "Invite withdrawn.", values: {} };
  },
);
