import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { CreateTagForm, TagRowForms } from "@/components/workbench/tag-forms";
import { roleAtLeast } from "@/lib/roles";
import { listTags } from "@/lib/server/tags";
import { loadWorkspacePage } from "../workspace";
import { createTagAction, mergeTagsAction, recolorTagAction, renameTagAction, retireTagAction } from "./actions";

export const metadata: Metadata = { title: "Tags" };

type Search = Promise<{ merged?: string; into?: string; moved?: string }>;

export default async function TagsPage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Search }) {
  const { ws: slug } = await params;
  const { merged, into, moved } = await searchParams;
  const movedCount = Number(moved) || 0;
  const { user, workspace } = await loadWorkspacePage(slug);
  const tags = await listTags(user, { workspaceId: workspace.id, includeRetired: true });
  const mayManage = roleAtLeast(workspace.role, "editor");
  const actions = { rename: renameTagAction, recolor: recolorTagAction, retire: retireTagAction, merge: mergeTagsAction };
  return (
    <div className="mx-auto w-full max-w-4xl">
      <PageTitle description={mayManage ? "The desk's taxonomy for claims. Checkers apply tags; editors keep the list tidy." : "The desk's taxonomy for claims. Editors manage this list; you can apply these tags to claims."}>
        Tags
      </PageTitle>
      {merged && into ? (
        <div className="mb-6">
          <FormMessage ok message={`Merged “${merged}” into “${into}”: ${movedCount} ${movedCount === 1 ? "claim" : "claims"} moved.`} />
        </div>
      ) : null}
      {mayManage ? (
        <Card className="mb-6">
          <h2 className="mb-4 text-base font-semibold">New tag</h2>
          <CreateTagForm action={createTagAction} workspaceId={workspace.id} />
        </Card>
      ) : null}
      <div className="rounded-lg border border-line bg-white shadow-sm">
        {tags.length === 0 ? (
          <p className="p-6 text-sm text-muted">No tags yet.</p>
        ) : (
          <ul aria-label="Tags" className="divide-y divide-line">
            {tags.map((tag) => (
              <li key={tag.id} className={`px-6 py-4 ${tag.retired ? "bg-stone-50/70" : ""}`}>
                <details className="group">
                  <summary className={`flex items-center gap-3 ${mayManage ? "cursor-pointer" : "pointer-events-none list-none"}`}>
                    <span aria-hidden="true" className="h-3.5 w-3.5 shrink-0 rounded-full border border-black/10" style={{ backgroundColor: tag.color }} />
                    <span className={`font-medium ${tag.retired ? "text-muted line-through" : "text-ink"}`}>{tag.name}</span>
                    {tag.retired ? <span className="rounded-full border border-line px-2 py-0.5 text-xs text-muted">retired</span> : null}
                    <span className="ml-auto text-sm text-muted">
                      {tag.usage} {tag.usage === 1 ? "claim" : "claims"}
                    </span>
                    {mayManage ? <span className="text-xs text-accent group-open:hidden">Edit</span> : null}
                  </summary>
                  {mayManage ? <TagRowForms tag={tag} tags={tags} workspaceId={workspace.id} slug={workspace.slug} actions={actions} /> : null}
                </details>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
