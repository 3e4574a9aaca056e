"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/action";
import {
  createRatingLevel,
  deleteRatingLevel,
  moveRatingLevel,
  restoreRatingLevel,
  retireRatingLevel,
  setRatingLevelInOrder,
  updateRatingLevel,
} from "@/lib/server/rating-scales";

const SCALE_PAGE = "/w/[ws]/rating-scale";

// Edits that move a level to another section of the page (retire, restore, into or out of the
// truth order, delete) unmount the form that sent them, so the page itself says what happened.
function backToScale(slug: string | undefined, notice: Record<string, string>): never {
  revalidatePath(SCALE_PAGE, "page");
  redirect(`/w/${encodeURIComponent(slug ?? "")}/rating-scale?${new URLSearchParams(notice)}`);
}

export const createLevelAction = formAction(
  (actor, v) =>
    createRatingLevel(actor, {
      workspaceId: v.workspaceId ?? "",
      label: v.label ?? "",
      color: v.color ?? "",
      description: v.description ?? "",
      inOrder: v.inOrder ?? "",
    }),
  (level) => {
    revalidatePath(SCALE_PAGE, "page");
    const where = level.ordinal === null ? "outside the truth order" : "at the bottom of the truth order";
    return { ok: true, message: `Added “${level.label}” ${where}.`, values: {}, data: { id: level.id } };
  },
);

export const updateLevelAction = formAction(
  (actor, v) =>
    updateRatingLevel(actor, {
      workspaceId: v.workspaceId ?? "",
      levelId: v.levelId ?? "",
      label: v.label ?? "",
      color: v.color ?? "",
      description: v.description ?? "",
    }),
  ({ level, changed }, values) => {
    if (changed.length === 0) return { ok: true, message: "Nothing to save: the level is unchanged.", values };
    revalidatePath(SCALE_PAGE, "page");
    return { ok: true, message: `Saved “${level.label}”.`, values };
  },
);

export const moveLevelAction = formAction(
  (actor, v) => moveRatingLevel(actor, { workspaceId: v.workspaceId ?? "", levelId: v.levelId ?? "", direction: v.direction as "up" | "down" }),
  (level, values) => {
    revalidatePath(SCALE_PAGE, "page");
    return { ok: true, message: `Moved “${level.label}” ${values.direction === "up" ? "up" : "down"}.`, values: {} };
  },
);

export const truthOrderAction = formAction(
  (actor, v) => setRatingLevelInOrder(actor, { workspaceId: v.workspaceId ?? "", levelId: v.levelId ?? "", inOrder: v.inOrder === "1" }),
  (level, values) => backToScale(values.slug, { [level.ordinal === null ? "outOfOrder" : "inOrder"]: level.id }),
);

export const retireLevelAction = formAction(
  (actor, v) => (v.restore === "1" ? restoreRatingLevel : retireRatingLevel)(actor, { workspaceId: v.workspaceId ?? "", levelId: v.levelId ?? "" }),
  (level, values) => backToScale(values.slug, { [level.retired ? "retired" : "restored"]: level.id }),
);

export const deleteLevelAction = formAction(
  (actor, v) => deleteRatingLevel(actor, { workspaceId: v.workspaceId ?? "", levelId: v.levelId ?? "" }),
  (level, values) => backToScale(values.slug, { deleted: level.label }),
);
