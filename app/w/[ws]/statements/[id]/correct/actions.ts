"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { correctStatementText } from "@/lib/server/statement-corrections";

export const correctTextAction = formAction(
  (actor, v) =>
    correctStatementText(actor, {
      workspaceId: v.workspaceId ?? "",
      statementId: v.statementId ?? "",
      baseRevision: Number(v.baseRevision),
      text: v.text ?? "",
      note: v.note || undefined,
    }),
  (result, values) => {
    revalidatePath("/w/[ws]/statements/[id]", "layout");
    const placed = `${result.placed} ${result.placed === 1 ? "highlight" : "highlights"} placed`;
    const orphaned = `${result.orphaned} orphaned`;
    return {
      ok: true,
      message: `Saved as revision ${result.revision.number}: ${placed}, ${orphaned}.`,
      values: { ...values, baseRevision: String(result.revision.number), note: "" },
      data: { revision: result.revision.number, placed: result.placed, orphaned: result.orphaned },
    };
  },
);
