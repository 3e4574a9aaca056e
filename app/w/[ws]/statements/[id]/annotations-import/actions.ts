"use server";
import { formAction, type ActionState } from "@/lib/server/action";
import { importAnnotations, type AnnotationsImportResult } from "@/lib/server/annotation-import";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

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
    message: `Imported ${count(result.created, "annotation")}: ${result.placed} placed in the text, ${result.orphaned} kept as ${result.orphaned === 1 ? "an orphan" : "orphans"} (${count(result.claims, "claim")}, ${count(result.notes, "note")}).`,
    data: result,
  }),
);
