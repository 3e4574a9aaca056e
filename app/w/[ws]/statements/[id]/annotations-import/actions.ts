"use server";
import { formAction, type ActionState } from "@/lib/server/action";
import { importAnnotations, type AnnotationsImportResult } from "@/lib/server/annotation-import";

/** The file wins over the pasted text when both are given. */
export const importAnnotationsAction: (previous: ActionState<AnnotationsImportResult>, formData: FormData) => Promise<ActionState<AnnotationsImportResult>> = formAction(
  async (actor, values, formData) => {
    const file = formData.get("file");
    const document = file instanceof File && file.size > 0 ? await file.text() : (values.document ?? "");
    return importAnnotations(actor, {
      workspaceId: values.workspaceId ?? "",
      statementId: values.statementId ?? "",
      document,
      defaultKind: values.defaultKind === "claim" ? "claim" : "note",
    });
  },
  (result) => ({
    ok: true,
    message: `Imported ${result.created} annotation${result.created === 1 ? "" : "s"}: ${result.placed} placed in the text, ${result.orphaned} kept as orphans (${result.claims} claims, ${result.notes} notes).`,
    data: result,
  }),
);
