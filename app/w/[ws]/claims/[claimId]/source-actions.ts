"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { addSource, removeSource, updateSource, type SourceStance } from "@/lib/server/sources";

// Thin: the service authorizes (checker to add; the adder or an editor to change) and validates.

const CLAIM_PAGE = "/w/[ws]/claims/[claimId]";

/** The source's fields as the form sends them; every one is sent, so every one is set. */
function fieldsOf(v: Record<string, string>) {
  return {
    url: v.url ?? "",
    title: v.title ?? "",
    publisher: v.publisher ?? "",
    publishedAt: v.publishedAt ?? "",
    excerpt: v.excerpt ?? "",
    // Checked against the three stances by the service; a missing one gets its message there.
    stance: v.stance as SourceStance,
    archiveUrl: v.archiveUrl ?? "",
  };
}

export const addSourceAction = formAction(
  (actor, v) => addSource(actor, { workspaceId: v.workspaceId ?? "", claimId: v.claimId ?? "", ...fieldsOf(v) }),
  (source) => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: `Added as source [${source.n}].`, values: {} };
  },
);

export const updateSourceAction = formAction(
  (actor, v) => updateSource(actor, { workspaceId: v.workspaceId ?? "", sourceId: v.sourceId ?? "", ...fieldsOf(v) }),
  (source) => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: `Source [${source.n}] saved.`, values: {} };
  },
);

export const removeSourceAction = formAction(
  (actor, v) => removeSource(actor, { workspaceId: v.workspaceId ?? "", sourceId: v.sourceId ?? "" }),
  (removed) => {
    revalidatePath(CLAIM_PAGE, "page");
    return { ok: true, message: `Removed “${removed.title}”.`, values: {} };
  },
);
