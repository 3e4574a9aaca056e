"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { updateWorkspaceSettings } from "@/lib/server/workspaces";

export const updateSettingsAction = formAction(
  (actor, v) =>
    updateWorkspaceSettings(actor, {
      workspaceId: v.workspaceId ?? "",
      name: v.name ?? "",
      publisherName: v.publisherName ?? "",
      publicBaseUrl: v.publicBaseUrl ?? "",
      allowSelfApproval: v.allowSelfApproval === "on",
    }),
  (saved) => {
    // The name shows in the header of every page of the desk.
    revalidatePath("/w/[ws]", "layout");
    revalidatePath("/workspaces");
    return {
      ok: true,
      message: "Settings saved.",
      values: {
        name: saved.name,
        publisherName: saved.publisherName,
        publicBaseUrl: saved.publicBaseUrl,
        ...(saved.allowSelfApproval ? { allowSelfApproval: "on" } : {}),
      },
    };
  },
);
