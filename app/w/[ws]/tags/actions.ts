"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/action";
import { createTag, mergeTags, recolorTag, renameTag, restoreTag, retireTag } from "@/lib/server/tags";

const TAGS_PAGE = "/w/[ws]/tags";

export const createTagAction = formAction(
  (actor, v) => createTag(actor, { workspaceId: v.workspaceId ?? "", name: v.name ?? "", color: v.color ?? "" }),
  (tag) => {
    revalidatePath(TAGS_PAGE, "page");
    return { ok: true, message: `Tag “${tag.name}” created.`, values: { color: tag.color } };
  },
);

export const renameTagAction = formAction(
  (actor, v) => renameTag(actor, { workspaceId: v.workspaceId ?? "", tagId: v.tagId ?? "", name: v.name ?? "" }),
  (tag, values) => {
    revalidatePath(TAGS_PAGE, "page");
    return { ok: true, message: `Renamed to “${tag.name}”.`, values };
  },
);

export const recolorTagAction = formAction(
  (actor, v) => recolorTag(actor, { workspaceId: v.workspaceId ?? "", tagId: v.tagId ?? "", color: v.color ?? "" }),
  (tag, values) => {
    revalidatePath(TAGS_PAGE, "page");
    return { ok: true, message: `“${tag.name}” has a new colour.`, values };
  },
);

export const retireTagAction = formAction(
  (actor, v) => (v.restore === "1" ? restoreTag : retireTag)(actor, { workspaceId: v.workspaceId ?? "", tagId: v.tagId ?? "" }),
  (tag) => {
    revalidatePath(TAGS_PAGE, "page");
    return { ok: true, message: tag.retired ? `“${tag.name}” is retired.` : `“${tag.name}” is back in use.`, values: {} };
  },
);

export const mergeTagsAction = formAction(
  (actor, v) => mergeTags(actor, { workspaceId: v.workspaceId ?? "", sourceTagId: v.sourceTagId ?? "", targetTagId: v.targetTagId ?? "" }),
  (result, values) => {
    revalidatePath(TAGS_PAGE, "page");
    // The merged tag's row (and its form) is gone, so the page says what happened.
    const query = new URLSearchParams({ merged: values.sourceName ?? "", into: result.target.name, moved: String(result.moved) });
    redirect(`/w/${encodeURIComponent(values.slug ?? "")}/tags?${query}`);
  },
);
