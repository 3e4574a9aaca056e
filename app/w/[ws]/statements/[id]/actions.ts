"use server";
// Thin server actions for the annotation workbench. The workbench keeps its own state
// (optimistic highlights), so these return plain results instead of revalidating the page.
import { shownHighlight, type ShownHighlight } from "@/lib/highlight-payload";
import { stateFromError } from "@/lib/server/action";
import { updateClaim, type UpdateClaimInput } from "@/lib/server/claims";
import type { FieldErrors } from "@/lib/server/errors";
import {
  createHighlight,
  deleteHighlight,
  reattachOrphan,
  updateHighlight,
  type ClaimSummary,
  type CreateHighlightInput,
  type DeleteHighlightInput,
  type ReattachOrphanInput,
  type UpdateHighlightInput,
} from "@/lib/server/highlights";
import type { Actor } from "@/lib/server/permissions";
import { currentUser } from "@/lib/server/session";

export type WorkbenchResult<T> = { ok: true; data: T } | { ok: false; message: string; errors?: FieldErrors };

async function run<T>(service: (actor: Actor) => Promise<T>): Promise<WorkbenchResult<T>> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Please sign in again." };
  try {
    return { ok: true, data: await service(user) };
  } catch (error) {
    const state = stateFromError(error);
    return { ok: false, message: state.message ?? "Not saved.", errors: state.errors };
  }
}

// Highlights come back as the workbench shows them (shownHighlight), not as the services' DTOs.
export async function createHighlightAction(input: CreateHighlightInput): Promise<WorkbenchResult<ShownHighlight>> {
  return run(async (actor) => shownHighlight(await createHighlight(actor, input)));
}

export async function updateHighlightAction(input: UpdateHighlightInput): Promise<WorkbenchResult<ShownHighlight>> {
  return run(async (actor) => shownHighlight(await updateHighlight(actor, input)));
}

export async function deleteHighlightAction(input: DeleteHighlightInput): Promise<WorkbenchResult<{ id: string }>> {
  return run((actor) => deleteHighlight(actor, input));
}

export async function reattachOrphanAction(input: ReattachOrphanInput): Promise<WorkbenchResult<ShownHighlight>> {
  return run(async (actor) => shownHighlight(await reattachOrphan(actor, input)));
}

export async function updateClaimAction(input: UpdateClaimInput): Promise<WorkbenchResult<ClaimSummary>> {
  return run((actor) => updateClaim(actor, input));
}
