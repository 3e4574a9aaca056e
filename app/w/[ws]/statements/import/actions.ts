"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, type ActionState } from "@/lib/server/action";
import { importStatement, importStatements, type ImportSummary, type StatementRef } from "@/lib/server/statements";

export type PasteResult = { duplicate?: StatementRef };

export const importPastedStatementAction = formAction<Awaited<ReturnType<typeof importStatement>>, PasteResult>(
  (actor, v) =>
    importStatement(actor, {
      workspaceId: v.workspaceId ?? "",
      text: v.text ?? "",
      title: v.title,
      speaker: v.speaker,
      outlet: v.outlet,
      url: v.url,
      publishedAt: v.publishedAt,
      language: v.language,
    }),
  (result, values): ActionState<PasteResult> | void => {
    if (result.status === "duplicate") {
      return { ok: false, message: "This text is already in the workspace; nothing new was imported.", values, data: { duplicate: result.existing } };
    }
    revalidatePath(`/w/${values.ws}/statements`);
    redirect(`/w/${values.ws}/statements/${result.statement.id}`);
  },
);

export const uploadStatementsAction = formAction<ImportSummary, ImportSummary>(
  async (actor, v, formData) => {
    // A file input with nothing chosen still sends one empty, nameless file.
    const files = formData.getAll("files").filter((f): f is File => typeof f !== "string" && f.name !== "");
    const items = await Promise.all(
      files.map(async (file) => ({ name: file.name, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    return importStatements(actor, {
      workspaceId: v.workspaceId ?? "",
      items,
      shared: { speaker: v.speaker, outlet: v.outlet, url: v.url, publishedAt: v.publishedAt, language: v.language },
    });
  },
  (summary, values) => {
    if (summary.created.length) revalidatePath(`/w/${values.ws}/statements`);
    const parts = [
      `${summary.created.length} imported`,
      summary.duplicates.length ? `${summary.duplicates.length} already in the workspace` : "",
      summary.failed.length ? `${summary.failed.length} could not be imported` : "",
    ].filter(Boolean);
    return { ok: summary.failed.length === 0, message: `${parts.join(", ")}.`, values, data: summary };
  },
);
