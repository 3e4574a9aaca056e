import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { CorrectionForm } from "@/components/workbench/correction-form";
import { roleAtLeast } from "@/lib/roles";
import { getStatement } from "@/lib/server/statements";
import { loadWorkspacePage, orNotFound } from "../../../workspace";
import { correctTextAction } from "./actions";

export const metadata: Metadata = { title: "Correct the text" };

export default async function CorrectStatementPage({ params }: { params: Promise<{ ws: string; id: string }> }) {
  const { ws: slug, id } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const statement = await orNotFound(getStatement(user, { workspaceId: workspace.id, statementId: id }));
  const href = `/w/${workspace.slug}/statements/${statement.id}`;
  const mayCorrect = roleAtLeast(workspace.role, "editor");
  return (
    <div className="mx-auto w-full max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href={href} className="text-muted hover:text-ink">
          ← {statement.title}
        </Link>
      </p>
      <PageTitle description={`Revision ${statement.revision.number}. Saving makes a new revision; every highlight is moved onto the new text, and any whose passage is gone is listed as an orphan.`}>
        Correct the text
      </PageTitle>
      <Card>
        {mayCorrect ? (
          <CorrectionForm action={correctTextAction} workspaceId={workspace.id} statementId={statement.id} revision={statement.revision.number} text={statement.revision.text} statementHref={href} />
        ) : (
          <p className="text-sm text-muted">Only editors and admins of this workspace can correct a statement&apos;s text.</p>
        )}
      </Card>
    </div>
  );
}
