"use server";
import { revalidatePath } from "next/cache";
import type { Role } from "@/lib/roles";
import { formAction } from "@/lib/server/action";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";

const PAGE = "/w/[ws]/api-tokens";

export const createApiTokenAction = formAction(
  (actor, v) =>
    createApiToken(actor, { workspaceId: v.workspaceId ?? "", name: v.name ?? "", role: (v.role ?? "") as Role, expiresInDays: v.expiresInDays ?? "" }),
  (created) => {
    revalidatePath(PAGE, "page");
    // The token travels to the browser once, in this answer; it is stored nowhere in clear.
    return { ok: true, message: `Token “${created.name}” created.`, values: {}, data: { id: created.id, name: created.name, token: created.token } };
  },
);

export const revokeApiTokenAction = formAction(
  (actor, v) => revokeApiToken(actor, { workspaceId: v.workspaceId ?? "", tokenId: v.tokenId ?? "" }),
  (revoked) => {
    revalidatePath(PAGE, "page");
    return { ok: true, message: `“${revoked.name}” is revoked; it no longer works.` };
  },
);
