import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatementHeader } from "@/components/statement-header";
import { PackedWorkbench } from "@/components/workbench/packed-workbench";
import { packHighlights } from "@/lib/highlight-payload";
import { roleAtLeast, isRole } from "@/lib/roles";
import { NotFound } from "@/lib/server/errors";
import { listShownAnnotations } from "@/lib/server/highlights";
import { listMembers } from "@/lib/server/members";
import { getStatement, type StatementDetail } from "@/lib/server/statements";
import { listTags } from "@/lib/server/tags";
import { loadWorkspacePage } from "../../workspace";

type Params = Promise<{ ws: string; id: string }>;

// Metadata and page share one read per request.
const loadStatement = cache(async (slug: string, id: string): Promise<{ statement: StatementDetail; base: string }> => {
  const { user, workspace } = await loadWorkspacePage(slug);
  try {
    const statement = await getStatement(user, { workspaceId: workspace.id, statementId: id });
    return { statement, base: `/w/${workspace.slug}/statements` };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});

async function load(params: Params) {
  const { ws: slug, id } = await params;
  return loadStatement(slug, id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { statement } = await load(params);
  return { title: statement.title };
}

export default async function StatementPage({ params }: { params: Params }) {
  const { ws: slug } = await params;
  const { statement, base } = await load(params);
  const { user, workspace } = await loadWorkspacePage(slug);
  const ref = { workspaceId: workspace.id, statementId: statement.id };
  const [annotations, tags, memberList] = await Promise.all([
    listShownAnnotations(user, ref),
    listTags(user, { workspaceId: workspace.id }),
    listMembers(user, { workspaceId: workspace.id }),
  ]);
  const me = memberList.members.find((m) => m.userId === user.userId);
  const assignable = memberList.members
    .filter((m) => isRole(m.role) && roleAtLeast(m.role, "checker"))
    .map((m) => ({ id: m.userId, name: m.name || m.email, role: m.role }));
  const here = `${base}/${statement.id}`;
  return (
    <div className="w-full">
      <nav aria-label="Statement" className="mb-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <Link href={base} className="text-muted hover:text-ink">
          ← Statements
        </Link>
        {/* Pages a fact-checker rarely opens right away: prefetched, each would make the server
            render it while this page is still decorating its highlights (on the same cores), and
            the browser fetch it in the same window; they load on click instead. */}
        <span className="ml-auto flex flex-wrap gap-x-5 gap-y-2">
          <Link href={`${here}/revisions`} prefetch={false} className="text-muted hover:text-ink">
            Revisions{annotations.revision.number > 1 ? ` (${annotations.revision.number})` : ""}
          </Link>
          <a href={`${here}/annotations.jsonld`} download className="text-muted hover:text-ink">
            Annotations (JSON-LD)
          </a>
          {annotations.can.annotate ? (
            <Link href={`${here}/annotations-import`} prefetch={false} className="text-muted hover:text-ink">
              Import annotations
            </Link>
          ) : null}
          {annotations.can.correct ? (
            <Link href={`${here}/correct`} prefetch={false} className="text-muted hover:text-ink">
              Correct the text
            </Link>
          ) : null}
        </span>
      </nav>
      <PackedWorkbench
        workspaceId={workspace.id}
        statementId={statement.id}
        language={statement.language}
        revision={annotations.revision}
        payload={packHighlights(annotations, annotations.revision.text)}
        can={annotations.can}
        user={{ id: user.userId, name: me?.name || me?.email || "You", color: annotations.userColor }}
        tags={tags.map((t) => ({ id: t.id, name: t.name, color: t.color }))}
        members={assignable}
        header={<StatementHeader statement={statement} />}
      />
    </div>
  );
}
