import { addSourceAction, removeSourceAction, updateSourceAction } from "@/app/w/[ws]/claims/[claimId]/source-actions";
import { roleAtLeast } from "@/lib/roles";
import { canChangeSource, listSources } from "@/lib/server/sources";
import type { ClaimSectionProps } from "./section-props";
import { AddSourceForm, EditSourceForm } from "./source-form";
import { SOURCE_TOOL_BUTTON, SourceItem } from "./source-item";
import { RemoveSourceForm } from "./source-remove-form";

/** The claim's evidence, numbered as the verdict cites it, with the forms to add and correct it. */
export async function SourcesSection({ user, workspace, claimId }: ClaimSectionProps) {
  const sources = await listSources(user, { workspaceId: workspace.id, claimId });
  const mayAdd = roleAtLeast(workspace.role, "checker");
  const counts = { supports: 0, refutes: 0, context: 0 };
  for (const s of sources) counts[s.stance] += 1;
  return (
    <section aria-labelledby="sources-heading" className="rounded-lg border border-line bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-6 py-4">
        <h2 id="sources-heading" className="text-lg font-semibold tracking-tight text-ink">
          Sources
        </h2>
        {sources.length ? (
          <p className="text-sm text-muted">
            {[
              `${sources.length} ${sources.length === 1 ? "source" : "sources"}`,
              counts.supports ? `${counts.supports} supporting` : "",
              counts.refutes ? `${counts.refutes} refuting` : "",
              counts.context ? `${counts.context} context` : "",
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
      </div>
      {sources.length === 0 ? (
        <p className="p-6 text-sm text-muted">
          {mayAdd
            ? "No sources yet. Add the documents, data and reporting that support or refute this claim, or give it context. Each gets a number — [1], [2] … — that the verdict's explanation can cite."
            : "No sources yet. Checkers add the evidence for this claim here."}
        </p>
      ) : (
        <ol aria-label="Sources" className="divide-y divide-line">
          {sources.map((source) => (
            <li key={source.id} id={`source-${source.n}`} className="px-6 py-5">
              <SourceItem
                source={source}
                actions={
                  canChangeSource(workspace.role, user.userId, source.addedBy.id) ? (
                    <>
                      <details className="group open:w-full">
                        <summary className={`${SOURCE_TOOL_BUTTON} list-none`}>
                          <span className="group-open:hidden">Edit</span>
                          <span className="hidden group-open:inline">Close editing</span>
                        </summary>
                        <div className="mt-3 rounded-md border border-line bg-paper p-4">
                          <EditSourceForm action={updateSourceAction} workspaceId={workspace.id} source={source} />
                        </div>
                      </details>
                      <RemoveSourceForm action={removeSourceAction} workspaceId={workspace.id} sourceId={source.id} n={source.n} title={source.title} last={source.n === sources.length} />
                    </>
                  ) : null
                }
              />
            </li>
          ))}
        </ol>
      )}
      {mayAdd ? (
        <div className={`px-6 py-5 ${sources.length ? "border-t border-line bg-stone-50/50" : "border-t border-line"}`}>
          <h3 className="mb-4 text-base font-semibold text-ink">Add a source</h3>
          <AddSourceForm action={addSourceAction} workspaceId={workspace.id} claimId={claimId} />
        </div>
      ) : null}
    </section>
  );
}
