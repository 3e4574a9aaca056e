import type { Metadata } from "next";
import Link from "next/link";
import { AnnotationImportForm } from "@/components/exports/annotation-import-form";
import { Card, PageTitle } from "@/components/ui/card";
import { roleAtLeast } from "@/lib/roles";
import { getStatement } from "@/lib/server/statements";
import { loadWorkspacePage, orNotFound } from "../../../workspace";
import { importAnnotationsAction } from "./actions";

export const metadata: Metadata = { title: "Import annotations" };

export default async function ImportAnnotationsPage({ params }: { params: Promise<{ ws: string; id: string }> }) {
  const { ws: slug, id } = await params;
  const { user, workspace } = await loadWorkspacePage(slug);
  const statement = await orNotFound(getStatement(user, { workspaceId: workspace.id, statementId: id }));
  const href = `/w/${workspace.slug}/statements/${statement.id}`;
  return (
    <div className="mx-auto w-full max-w-3xl">
      <p className="mb-4 text-sm">
        <Link href={href} className="text-muted hover:text-ink">
          ← {statement.title}
        </Link>
      </p>
      <PageTitle description="Highlights made in another tool are placed on the current text by their quote; those that cannot be found are kept as orphans with their quote, to re-attach by hand.">
        Import annotations
      </PageTitle>
      <Card>
        {roleAtLeast(workspace.role, "checker") ? (
          <AnnotationImportForm action={importAnnotationsAction} workspaceId={workspace.id} statementId={statement.id} statementHref={href} />
        ) : (
          <p className="text-sm text-muted">Only checkers, editors and admins of this workspace can import annotations.</p>
        )}
        <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
          <a href={`${href}/annotations.jsonld`} className="text-accent hover:underline">
            Download this statement&apos;s annotations (W3C JSON-LD)
          </a>
        </p>
      </Card>
    </div>
  );
}
