import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatementHeader } from "@/components/statement-header";
import { Workbench } from "@/components/workbench/workbench";
import { roleAtLeast, isRole } from "@/lib/roles";
import { NotFound } from "@/lib/server/errors";
import { listAnnotations } from "@/lib/server/highlights";
import { listMembers } from "@/lib/server/members";
import { getStatement, type StatementDetail } from "@/lib/server/statements";
import { listTags } from "@/lib/server/tags";
import { assignUserColors, userColor } from "@/lib/user-colors";
import type { HighlightDTO } from "@/lib/server/highlights";
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

/**
 * Gives each author the colour of their place in the desk (by joining order), so that no two
 * people of a desk share a colour; one author object per person keeps the payload small.
 */
function deskColors(members: ReadonlyArray<{ userId: string; joinedAt: Date }>, highlights: readonly HighlightDTO[]) {
  const byJoining = [...members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : 1)).map((m) => m.userId);
  const colors = assignUserColors(byJoining, highlights.map((h) => h.author.id));
  const authors = new Map<string, HighlightDTO["author"]>();
  const paint = (h: HighlightDTO): HighlightDTO => {
    let author = authors.get(h.author.id);
    if (!author) authors.set(h.author.id, (author = { ...h.author, color: colors.get(h.author.id) ?? h.author.color }));
    return { ...h, author };
  };
  return Object.assign(paint, { colorOf: (userId: string) => colors.get(userId) ?? userColor(userId) });
}

export default async function StatementPage({ params }: { params: Params }) {
  const { ws: slug } = await params;
  const { statement, base } = await load(params);
  const { user, workspace } = await loadWorkspacePage(slug);
  const ref = { workspaceId: workspace.id, statementId: statement.id };
  const [annotations, tags, memberList] = await Promise.all([
    listAnnotations(user, ref),
    listTags(user, { workspaceId: workspace.id }),
    listMembers(user, { workspaceId: workspace.id }),
  ]);
  const me = memberList.members.find((m) => m.userId === user.userId);
  const paint = deskColors(memberList.members, [...annotations.highlights, ...annotations.orphans]);
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
        <span className="ml-auto flex flex-wrap gap-x-5 gap-y-2">
          <Link href={`${here}/revisions`} className="text-muted hover:text-ink">
            Revisions{annotations.revision.number > 1 ? ` (${annotations.revision.number})` : ""}
          </Link>
          {annotations.can.correct ? (
            <Link href={`${here}/correct`} className="text-muted hover:text-ink">
              Correct the text
            </Link>
          ) : null}
        </span>
      </nav>
      <Workbench
        workspaceId={workspace.id}
        statementId={statement.id}
        language={statement.language}
        revision={annotations.revision}
        highlights={annotations.highlights.map(paint)}
        orphans={annotations.orphans.map(paint)}
        can={annotations.can}
        user={{ id: user.userId, name: me?.name || me?.email || "You", color: paint.colorOf(user.userId) }}
        tags={tags.map((t) => ({ id: t.id, name: t.name, color: t.color }))}
        members={assignable}
        header={<StatementHeader statement={statement} />}
      />
    </div>
  );
}
